package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// result is one record as a reader yields it: an article or a reject.
type result struct {
	Article Article
	Reject  *RecordError
}

func (r result) String() string {
	if r.Reject != nil {
		return "reject " + r.Reject.Error()
	}
	return summary(r.Article)
}

func toResult(t testing.TB, a Article, err error) result {
	t.Helper()
	var re *RecordError
	if errors.As(err, &re) {
		return result{Reject: re}
	}
	if err != nil {
		t.Fatalf("fatal error on in-memory input: %v", err)
	}
	return result{Article: a}
}

// readNext reads r to the end with Next.
func readNext(t testing.TB, r Reader) []result {
	t.Helper()
	var out []result
	for {
		a, err := r.Next()
		if err == io.EOF {
			return out
		}
		out = append(out, toResult(t, a, err))
		if len(out) > 1<<20 {
			t.Fatal("Next does not terminate")
		}
	}
}

// readRaw reads r to the end with NextRaw and decodes the records only
// afterwards, so that a line buffer reused by the reader would show up as
// wrong articles. It checks that each record decodes at its raw position.
func readRaw(t testing.TB, r RawReader) []result {
	t.Helper()
	var raws []Raw
	var early []*RecordError // rejects found without decoding, nil for a raw record
	for {
		raw, err := r.NextRaw()
		if err == io.EOF {
			break
		}
		var re *RecordError
		if err != nil {
			re = toResult(t, Article{}, err).Reject
		}
		raws, early = append(raws, raw), append(early, re)
		if len(raws) > 1<<20 {
			t.Fatal("NextRaw does not terminate")
		}
	}
	var out []result
	for i, raw := range raws {
		if early[i] != nil {
			out = append(out, result{Reject: early[i]})
			continue
		}
		a, err := raw.Decode()
		res := toResult(t, a, err)
		out = append(out, res)
		pos := res.Article.Source()
		if re := res.Reject; re != nil {
			pos = re.File + ":" + strconv.Itoa(re.Line)
		}
		if want := raw.File + ":" + strconv.Itoa(raw.Line); pos != want {
			t.Errorf("record %d: raw at %s decodes at %s", i, want, pos)
		}
	}
	return out
}

func strs(rs []result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.String())
	}
	return out
}

// TestRawDecode checks that NextRaw followed by Decode gives exactly what
// Next gives, articles and rejects alike (position, field, id, reason).
func TestRawDecode(t *testing.T) {
	sample, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	long := func(id, fill string) string {
		return `{"id":"` + id + `","text":"` + strings.Repeat(fill, 100<<10) + `"}`
	}
	tests := []struct {
		name  string
		input string
		opt   Options
		want  []string
	}{
		{"sample", string(sample), Options{}, withName(wantJSONL, "f")},
		{"bom, crlf and blank lines", "\xef\xbb\xbf{\"id\":\"b\",\"text\":\"bom\"}\r\n\r\n  \n{\"id\":\"c\",\"text\":\"two\"}", Options{}, []string{
			`f:1 id=b gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="bom"`,
			`f:4 id=c gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="two"`,
		}},
		{"wrong type keeps the id", `{"id":"x","text":["a"]}`, Options{}, []string{"reject f:1: text: want a string, got array"}},
		{"not an object", `[1,2]`, Options{}, []string{"reject f:1: json: want an object, got array"}},
		{"truncated", `{"text":"a"`, Options{}, []string{"reject f:1: json: unexpected end of JSON input"}},
		{"nul byte", `{"id":"n","text":"a\u0000b"}`, Options{}, []string{"reject f:1: text: NUL byte in text"}},
		{"invalid utf8", "{\"id\":\"u\",\"text\":\"\xff\xfe\xfd ok\"}", Options{},
			[]string{"reject f:1: text: invalid UTF-8: 3 of 6 runes are U+FFFD after repair"}},
		{"overlong line is rejected before decoding", `{"id":"long","text":"` + strings.Repeat("x", 100) + `"}` + "\n" + `{"id":"s","text":"short"}`,
			Options{MaxRecordBytes: 50}, []string{
				"reject f:1: json: line longer than 50 bytes",
				`f:2 id=s gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="short"`,
			}},
		{"lines longer than the read buffer", long("p", "a") + "\n" + long("q", "b"), Options{}, []string{
			`f:1 id=p gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="` + strings.Repeat("a", 100<<10) + `"`,
			`f:2 id=q gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="` + strings.Repeat("b", 100<<10) + `"`,
		}},
		{"duplicate ids are not the reader's business", `{"id":"d","text":"one"}` + "\n" + `{"id":"d","text":"two"}`, Options{}, []string{
			`f:1 id=d gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="one"`,
			`f:2 id=d gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="two"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open := func() Reader {
				r, err := OpenReader(strings.NewReader(tt.input), "f", JSONL, tt.opt)
				if err != nil {
					t.Fatal(err)
				}
				return r
			}
			next := readNext(t, open())
			rr, ok := open().(RawReader)
			if !ok {
				t.Fatal("the JSON Lines reader is not a RawReader")
			}
			raw := readRaw(t, rr)
			if diff := cmp.Diff(next, raw); diff != "" {
				t.Errorf("Next (-) and NextRaw+Decode (+) differ:\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, strs(raw)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNextRaw checks what a Raw holds: the line without BOM, CR or LF, and
// its position; blank lines give nothing.
func TestNextRaw(t *testing.T) {
	r, err := OpenReader(strings.NewReader("\xef\xbb\xbf{\"a\":1}\r\n\n \t\n{\"b\":2}\n"), "in.jsonl", JSONL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []Raw
	for {
		raw, err := r.(RawReader).NextRaw()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, raw)
	}
	want := []Raw{
		{Data: []byte(`{"a":1}`), File: "in.jsonl", Line: 1},
		{Data: []byte(`{"b":2}`), File: "in.jsonl", Line: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("raw records (-want +got):\n%s", diff)
	}
}

// TestRawReaderFormats pins which readers hand out raw records: JSON Lines,
// compressed or not; CSV and directories decode in Next.
func TestRawReaderFormats(t *testing.T) {
	tests := []struct {
		path string
		raw  bool
	}{
		{"testdata/sample.jsonl", true},
		{"testdata/sample.jsonl.gz", true},
		{"testdata/sample.csv", false},
		{"testdata/dir", false},
	}
	for _, tt := range tests {
		r, err := Open(tt.path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := r.(RawReader); ok != tt.raw {
			t.Errorf("Open(%s) is a RawReader: %v, want %v", tt.path, ok, tt.raw)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// rawAgrees reads data both ways and reports any difference; the fuzz test
// uses it.
func rawAgrees(t *testing.T, data []byte, opt Options) {
	t.Helper()
	open := func() Reader {
		r, err := OpenReader(bytes.NewReader(data), "f", JSONL, opt)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	next := readNext(t, open())
	if diff := cmp.Diff(next, readRaw(t, open().(RawReader))); diff != "" {
		t.Errorf("Next (-) and NextRaw+Decode (+) differ:\n%s", diff)
	}
}

// TestRawRelease decodes every line, releasing each right after, so that
// later lines are read into the buffers of earlier ones; every article must
// still be what decoding without release gives.
func TestRawRelease(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, `{"id":"a%d","outlet":"O%d","title":"T %d","text":"%s\u2019s text %d"}`+"\n",
			i, i%7, i, strings.Repeat("word ", i%50), i)
	}
	read := func(release bool) []result {
		r, err := OpenReader(strings.NewReader(in.String()), "in.jsonl", JSONL, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out []result
		for {
			raw, err := r.(RawReader).NextRaw()
			if err == io.EOF {
				return out
			}
			if err != nil {
				t.Fatal(err)
			}
			a, err := raw.Decode()
			out = append(out, toResult(t, a, err))
			if release {
				raw.Release()
				if raw.Data != nil {
					t.Fatal("Release left Data")
				}
			}
		}
	}
	want, got := read(false), read(true)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles with released lines (-without +with):\n%s", diff)
	}
}
