package lexicon

import (
	"testing"

	"framing/internal/benchtext"
)

// BenchmarkTokenizeDev tokenizes the texts of a real corpus (see
// internal/benchtext; skipped when FRAMING_BENCH_CORPUS is unset) as
// features does, each lowered once, into one reused token block, and
// reports MB/s of text.
func BenchmarkTokenizeDev(b *testing.B) {
	arts, _ := benchtext.Load(b)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	var toks []Token
	var lower []byte
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			lower = AppendLowerASCII(lower[:0], a.Text)
			toks = AppendSpanTokens(toks[:0], a.Text, string(lower), 0, len(a.Text))
		}
	}
}

// BenchmarkMatchDev matches the sentences of a real corpus against the
// default lexicon, tokenized beforehand (a sentence ends after a '.', '!'
// or '?' token), and reports MB/s of the text matched.
func BenchmarkMatchDev(b *testing.B) {
	arts, _ := benchtext.Load(b)
	lex, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m, err := Compile(lex)
	if err != nil {
		b.Fatal(err)
	}
	var sentences [][]Token
	var n int64
	for _, a := range arts {
		toks := Tokenize(a.Text)
		start := 0
		for i, t := range toks {
			if t.Kind == Punct && (t.Norm == "." || t.Norm == "!" || t.Norm == "?") || i == len(toks)-1 {
				sentences = append(sentences, toks[start:i+1])
				start = i + 1
			}
		}
		n += int64(len(a.Text))
	}
	var out []Match
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			out = m.AppendMatches(out[:0], s)
		}
	}
}
