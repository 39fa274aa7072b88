package features

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpaceLeadBytes checks the premise of spaceAt's shortcut: every
// non-ASCII white space rune starts with byte C2, E1, E2 or E3 in UTF-8.
func TestSpaceLeadBytes(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		if c := b[0]; c != 0xC2 && (c < 0xE1 || c > 0xE3) {
			t.Errorf("space %U starts with byte %X", r, c)
		}
	}
}

// FuzzAppendFields checks that appendFields gives what it replaces:
// strings.Fields of each line, all joined by single spaces.
func FuzzAppendFields(f *testing.F) {
	for _, s := range []string{"", " a  b\t", "\u00a0x\u2003y\u3000", "a\xe2\x80b \xc2", "“Yes,” he said.\u0085"} {
		f.Add(s, "second  line ")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		want := strings.Join(append(strings.Fields(a), strings.Fields(b)...), " ")
		if got := string(appendFields(appendFields(nil, a), b)); got != want {
			t.Errorf("appendFields(%q, %q) = %q, want %q", a, b, got, want)
		}
	})
}

// FuzzFieldsJoined checks isFieldsJoined, which decides whether appendLine
// may copy a line whole, against its definition.
func FuzzFieldsJoined(f *testing.F) {
	for _, s := range []string{"a b", "a  b", "abcdefgh ijklmnop", "abcdefg  hijklmnop", "abcdefgh\u00a0ijklmnop",
		"abcdefghijklmno pqrstuvw", "abcdefghijklmnop ", " abcdefghijklmnop", "x\u2019s abcdefg\thij", "!!!!!!!! !!!!!!!!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want := line != "" && strings.Join(strings.Fields(line), " ") == line
		if got := isFieldsJoined(line); got != want {
			t.Errorf("isFieldsJoined(%q) = %v, want %v", line, got, want)
		}
	})
}

// FuzzSkipPlain checks skipPlain against a byte-by-byte scan.
func FuzzSkipPlain(f *testing.F) {
	f.Add("abcdefghijklmnop.qrs", 0, byte('.'), byte('!'), byte('?'))
	f.Add("0123456789\u2019abcdefgh", 3, byte('"'), byte('"'), byte('"'))
	f.Add("0123456789abcdefgh\"ijklmnopqrstu", 1, byte('"'), byte('"'), byte('"'))
	f.Fuzz(func(t *testing.T, s string, from int, a, b, c byte) {
		if from < 0 || from > len(s) {
			return
		}
		want := from
		for want < len(s) && s[want] < 0x80 && s[want] != a && s[want] != b && s[want] != c {
			want++
		}
		got := skipPlain(s, from, len(s), a, b, c)
		if a == b && b == c {
			if got1 := skipPlain1(s, from, len(s), a); got1 != got {
				t.Fatalf("skipPlain1(%q, %d, %q) = %d, skipPlain gives %d", s, from, a, got1, got)
			}
		}
		// skipPlain may stop early when fewer than eight bytes are left,
		// never late.
		if got > want || got < want && len(s)-got >= 8 || got < from {
			t.Fatalf("skipPlain(%q, %d, %q %q %q) = %d, first special byte at %d", s, from, a, b, c, got, want)
		}
	})
}
