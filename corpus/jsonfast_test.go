package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// agreesWithStd fails t unless decodeFast, when it takes line, gives the
// fields json.Unmarshal gives, in memory of its own, and decodeJSONL gives
// decodeStd's article or reject. It reports whether decodeFast took line.
func agreesWithStd(t *testing.T, line []byte) bool {
	t.Helper()
	var want jsonRecord
	err := json.Unmarshal(line, &want)
	own := bytes.Clone(line)
	got, info, fast := decodeFastInfo(own)
	for i := range own {
		own[i] = 'x' // a field sharing the line's memory would change
	}
	if fast {
		// what build would otherwise count in the text
		want := textInfo{runes: utf8.RuneCountInString(got.Text), bad: strings.Count(got.Text, "\uFFFD"),
			nul: strings.IndexByte(got.Text, 0) >= 0}
		if g := (textInfo{runes: info.runes, bad: info.bad, nul: info.nul}); g != want || !utf8.ValidString(got.Text) {
			t.Fatalf("decodeFast(%q): text info %+v, want %+v (valid UTF-8: %v)", line, g, want, utf8.ValidString(got.Text))
		}
	}
	if fast && err != nil {
		t.Fatalf("decodeFast took %q, which encoding/json rejects: %v", line, err)
	}
	if diff := cmp.Diff(want, got); fast && diff != "" {
		t.Fatalf("decodeFast(%q) (-encoding/json +fast):\n%s", line, diff)
	}
	a, err := decodeStd(line, "f.jsonl", 7)
	wantRes := toResult(t, a, err)
	a, err = decodeJSONL(line, "f.jsonl", 7)
	if diff := cmp.Diff(wantRes, toResult(t, a, err)); diff != "" {
		t.Fatalf("decodeJSONL(%q) (-decodeStd +decodeJSONL):\n%s", line, diff)
	}
	return fast
}

// fastCases are lines with whether decodeFast should take them; every one
// must agree with encoding/json either way. They also seed FuzzFastDecode.
var fastCases = []struct {
	name string
	line string
	fast bool
}{
	{"plain", `{"id":"a","outlet":"o","date":"2026-01-16","title":"t","url":"u","text":"hello","lang":"en"}`, true},
	{"white space", " {\t\"id\" : \"a\" ,\r\n\"text\":\"x\" } \t", true},
	{"empty object", `{}`, true},
	{"short escapes", `{"text":"a\"b\\c\/d\b\f\n\r\te"}`, true},
	{"BMP escapes", `{"text":"it\u2019s \u00e9t\u00C9 \u0041"}`, true},
	{"surrogate pair", `{"text":"\ud83d\ude00 ok \uD83D\uDE00"}`, true},
	{"NUL escape", `{"text":"a\u0000b"}`, true},
	{"raw UTF-8", `{"text":"señor 😀"}`, true},
	{"invalid UTF-8", "{\"text\":\"a\xffb\xc3\",\"title\":\"\xed\xa0\x80\"}", true},
	{"invalid UTF-8 and escape", "{\"text\":\"\xff\\n\xe2\x80\"}", true},
	{"encoded U+FFFD", "{\"text\":\"a\xef\xbf\xbdb\"}", true},
	{"null field", `{"id":null,"text":"x","lang":null}`, true},
	{"ignored values", `{"text":"x","n":-1.5e+3,"m":0,"k":12E-1,"b":true,"f":false,"z":null,"o":{"a":[1,{"b":"\u0041\ud800"}]},"arr":[],"e":{}}`, true},
	{"ignored invalid UTF-8", "{\"x\":\"\xff\",\"text\":\"t\"}", true},
	{"ignored duplicates", `{"x":1,"x":"2","text":"t"}`, true},
	{"empty key", `{"":1,"text":"t"}`, true},
	{"near names", `{"texts":"x","i":"d","text":"t","idd":"x"}`, true},
	{"long ASCII runs", `{"text":"` + strings.Repeat("abcdefgh", 9) + `\n` + strings.Repeat("x", 15) + `é` + strings.Repeat("y", 17) + `"}`, true},
	{"special byte at each offset", `{"text":"0123456\"789abcdef\\0123456` + "\x7f" + `89abc\u00e9` + "\xff" + `z\ufffd"}`, true},
	{"ignored lone surrogate", `{"x":"\udc00","text":"t"}`, true},
	{"depth 31 ignored", `{"text":"t","x":` + strings.Repeat("[", 31) + strings.Repeat("]", 31) + `}`, true},

	{"upper-case name", `{"ID":"a","text":"t"}`, false},
	{"mixed-case name", `{"id":"a","Text":"t"}`, false},
	{"non-ASCII key", `{"tıtle":"x","text":"t"}`, false},
	{"Kelvin key", `{"\u212a":"x","text":"t"}`, false},
	{"escaped key", `{"t\u0065xt":"t"}`, false},
	{"duplicate field", `{"text":"a","text":"b"}`, false},
	{"duplicate then null", `{"text":"a","text":null}`, false},
	{"number field", `{"id":5,"text":"t"}`, false},
	{"bool field", `{"text":"t","title":true}`, false},
	{"object field", `{"text":{"a":1},"id":"x"}`, false},
	{"array field", `{"text":["a"]}`, false},
	{"lone high surrogate", `{"text":"\ud83d x"}`, false},
	{"lone low surrogate", `{"text":"\ude00"}`, false},
	{"high then BMP", `{"text":"\ud83d\u0041"}`, false},
	{"high then high", `{"text":"\ud83d\ud83d\ude00"}`, false},
	{"trailing garbage", `{"text":"t"} x`, false},
	{"two objects", `{"text":"t"}{}`, false},
	{"array", `[1]`, false},
	{"string", `"s"`, false},
	{"null", `null`, false},
	{"empty", ``, false},
	{"trailing comma", `{"text":"t",}`, false},
	{"unterminated", `{"text":"a`, false},
	{"control byte", "{\"text\":\"a\x01\"}", false},
	{"bad escape", `{"text":"\x"}`, false},
	{"short \\u", `{"text":"\u12"}`, false},
	{"leading zero", `{"text":"t","x":01}`, false},
	{"bare point", `{"text":"t","x":1.}`, false},
	{"bare minus", `{"text":"t","x":-}`, false},
	{"bad literal", `{"text":"t","x":tru}`, false},
	{"null prefix", `{"text":nullx}`, false},
	{"array comma", `{"text":"t","x":[1,]}`, false},
	{"missing colon", `{"text" "t"}`, false},
	{"depth 32 ignored", `{"text":"t","x":` + strings.Repeat("[", 32) + strings.Repeat("]", 32) + `}`, false},
	{"too deep", `{"text":"t","x":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`, false},
}

func TestDecodeFast(t *testing.T) {
	for _, tc := range fastCases {
		t.Run(tc.name, func(t *testing.T) {
			if fast := agreesWithStd(t, []byte(tc.line)); fast != tc.fast {
				t.Errorf("decodeFast took the line: %v, want %v", fast, tc.fast)
			}
		})
	}
}

func FuzzFastDecode(f *testing.F) {
	for _, tc := range fastCases {
		if len(tc.line) < 1000 {
			f.Add([]byte(tc.line))
		}
	}
	sample, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	for line := range bytes.Lines(sample) {
		f.Add(bytes.TrimSpace(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		agreesWithStd(t, line)
	})
}
