package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokenizeSeeds are texts that exercise every tokenizer rule and its edges:
// the FuzzTokenize seeds, ASCII controls and spaces, every ASCII punctuation
// byte, dashes and apostrophes in both their ASCII and typographic forms.
var tokenizeSeeds = []string{
	"The U.S. don't trust-building.", "Rodríguez’s “peace”—talks", "C.I.A.-led 3.5 1,000",
	"can't won't shan't n't 's", "\xff\u0301a", "ＵＳ ﬁ ß", "a.b.c", "''''", "-a-", "U.S.*",
	"The U.S. and Venezuela’s interim government don't agree on trust-building talks, officials said.",
	"\x00\t\n\v\f\r \x7f\u0085\u00a0a\u2028b", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
	"O`Brien O'Brien O’Brien it`s it's CAN'T WON'T Wo'nt SHAN'T DON`T", "U.S.'s U.S`s U.S’s U.Sa U.S C.I.A",
	"e-mail U.S.-led 3-2 a–b a — b x-", "1.000,5 1.a a.1 1,,2 3.", "x*y* a** *a a*-b", "STRASSE straße ẞ İstanbul",
	"Ａ.Ｂ. ａ’s ǅemal", "a\u0301b ́ \u0300x", "J. Smith A.B.C.D.E. a.b.c.", "WASHINGTON’S US's us'S",
}

// tokenizeCorpus returns the seeds and the lines of the lexicon test data.
func tokenizeCorpus(t testing.TB) []string {
	texts := append([]string(nil), tokenizeSeeds...)
	paths, _ := filepath.Glob("testdata/*.*")
	more, _ := filepath.Glob("testdata/*/*.txtar")
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	return texts
}

// checkSameTokens compares every way of tokenizing text with the reference
// tokenizer of token_ref_test.go.
func checkSameTokens(t *testing.T, text string) {
	t.Helper()
	want := refTokenize(text)
	if got := Tokenize(text); !slices.Equal(want, got) {
		diff := cmp.Diff(want, got)
		t.Fatalf("Tokenize(%q) (-reference +new):\n%s", text, diff)
	}
	if got := AppendTokensLowered(nil, text, LowerASCII(text)); !slices.Equal(want, got) {
		diff := cmp.Diff(want, got)
		t.Fatalf("AppendTokensLowered(%q) (-reference +new):\n%s", text, diff)
	}
	// A span of a lowered document, after tokens of another text.
	doc := "Before. " + text + " AFTER"
	lowered := LowerASCII(doc)[len("Before. ") : len(doc)-len(" AFTER")]
	prev := Tokenize("Before.")
	got := AppendTokensLowered(prev[:len(prev):len(prev)], doc[len("Before. "):len(doc)-len(" AFTER")], lowered)
	if want := append(refTokenize("Before."), want...); !slices.Equal(want, got) {
		diff := cmp.Diff(want, got)
		t.Fatalf("AppendTokensLowered on a span (%q) (-reference +new):\n%s", text, diff)
	}
	// The same span by AppendSpanTokens: offsets into the document.
	shifted := slices.Clone(want)
	for i := range shifted {
		shifted[i].Start += len("Before. ")
		shifted[i].End += len("Before. ")
	}
	got = AppendSpanTokens(prev[:len(prev):len(prev)], doc, LowerASCII(doc), len("Before. "), len(doc)-len(" AFTER"))
	if want := append(refTokenize("Before."), shifted...); !slices.Equal(want, got) {
		diff := cmp.Diff(want, got)
		t.Fatalf("AppendSpanTokens(%q) (-reference +new):\n%s", text, diff)
	}
	// Glob mode, as parseEntry uses it.
	nt, rt := tokenizer{text: text, glob: true}, refTokenizer{text: text, glob: true}
	nt.run()
	rt.run()
	type globs struct {
		Toks  []Token
		Globs []bool
		Err   string
		ErrAt int
	}
	if !slices.Equal(rt.toks, nt.toks) || !slices.Equal(rt.globs, nt.globs) || rt.err != nt.err || rt.errAt != nt.errAt {
		diff := cmp.Diff(globs{rt.toks, rt.globs, rt.err, rt.errAt}, globs{nt.toks, nt.globs, nt.err, nt.errAt})
		t.Fatalf("glob mode %q (-reference +new):\n%s", text, diff)
	}
}

func TestTokenizeMatchesReference(t *testing.T) {
	for _, text := range tokenizeCorpus(t) {
		checkSameTokens(t, text)
	}
	// Every one- and two-byte text, so each ASCII byte meets every other.
	for a := range 256 {
		checkSameTokens(t, string(rune(a)))
		checkSameTokens(t, string([]byte{byte(a)}))
		for b := range 128 {
			checkSameTokens(t, string([]byte{byte(a), byte(b), 'x'}))
			checkSameTokens(t, "a"+string([]byte{byte(a), byte(b)})+"s")
		}
	}
}

func TestAppendTokensLoweredPanicsOnLength(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("AppendTokensLowered with a shorter lowered text did not panic")
		}
	}()
	AppendTokensLowered(nil, "Abc", "ab")
}

// FuzzTokenizeReference compares the tokenizer with the reference copy of
// the code it replaced (token_ref_test.go): every token must be identical.
func FuzzTokenizeReference(f *testing.F) {
	for _, s := range tokenizeCorpus(f) {
		if len(s) <= 512 { // whole files are left to the test: they slow mutation
			f.Add(s)
		}
	}
	f.Fuzz(checkSameTokens)
}

// FuzzLowerASCII checks the eight-byte lowering against a byte at a time.
func FuzzLowerASCII(f *testing.F) {
	f.Add("The U.S. AND @[`{ Zz ÀÉ \x7f\xc0\xdf")
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte(s)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := AppendLowerASCII([]byte("x"), s); string(got) != "x"+string(want) {
			t.Fatalf("AppendLowerASCII(%q) = %q, want %q", s, got[1:], want)
		}
		if got := LowerASCII(s); got != string(want) {
			t.Fatalf("LowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}
