package lexicon

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// norms returns the Norm of each token, the compact form most tests compare.
func norms(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

func TestTokenizeRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"case folded", "The Talks", []string{"the", "talks"}},
		{"accents stripped", "Delcy Rodríguez", []string{"delcy", "rodriguez"}},
		{"combining accent stripped", "Rodri\u0301guez", []string{"rodriguez"}},
		{"NFKC full width", "ＵＳ talks", []string{"us", "talks"}},
		{"NFKC ligature", "ﬁnance", []string{"finance"}},
		{"sharp s folds", "STRASSE straße", []string{"strasse", "strasse"}},
		{"hyphen is a boundary", "trust-building", []string{"trust", "building"}},
		{"en dash between words is a boundary", "trust–building", []string{"trust", "building"}},
		{"spaced dash is punctuation", "talks — again", []string{"talks", "-", "again"}},
		{"dotted acronym", "the U.S. said", []string{"the", "us", "said"}},
		{"dotted acronym of three", "C.I.A. agents", []string{"cia", "agents"}},
		{"acronym without final dot", "U.S and", []string{"us", "and"}},
		{"acronym then hyphen", "U.S.-led talks", []string{"us", "led", "talks"}},
		{"initial is not an acronym", "J. Smith", []string{"j", ".", "smith"}},
		{"possessive dropped", "Trump's plan", []string{"trump", "plan"}},
		{"possessive after an acronym dropped", "the U.S.'s allies", []string{"the", "us", "allies"}},
		{"curly possessive dropped", "Trump’s plan", []string{"trump", "plan"}},
		{"plural possessive apostrophe is punct", "states' rights", []string{"states", "'", "rights"}},
		{"don't splits", "don't", []string{"do", "n't"}},
		{"curly don't splits", "don’t", []string{"do", "n't"}},
		{"can't restores can", "can't", []string{"can", "n't"}},
		{"won't restores will", "won't", []string{"will", "n't"}},
		{"cannot stays one token", "cannot", []string{"cannot"}},
		{"inner apostrophe joins", "O'Brien we're", []string{"o'brien", "we're"}},
		{"decimal number", "3.5 percent", []string{"3.5", "percent"}},
		{"thousands", "1,000 troops", []string{"1,000", "troops"}},
		{"typographic quotes unified", "“peace”", []string{`"`, "peace", `"`}},
		{"sentence punctuation", "No, never!", []string{"no", ",", "never", "!"}},
		{"empty", "", []string{}},
		{"invalid utf8 skipped", "a\xffb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := norms(Tokenize(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestTokenizeOffsetsAndCase(t *testing.T) {
	text := "The U.S. can't"
	want := []Token{
		{Norm: "the", Cased: "The", Start: 0, End: 3, Kind: Word},
		{Norm: "us", Cased: "US", Start: 4, End: 8, Kind: Word},
		{Norm: "can", Cased: "can", Start: 9, End: 11, Kind: Word},
		{Norm: "n't", Cased: "n't", Start: 11, End: 14, Kind: Word},
	}
	if diff := cmp.Diff(want, Tokenize(text)); diff != "" {
		t.Errorf("Tokenize(%q) (-want +got):\n%s", text, diff)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rodríguez", "rodriguez"},
		{"São Paulo", "sao paulo"},
		{"don’t", "don't"},
		{"ＣＩＡ", "cia"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
