package lexicon

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// genLexicon builds a lexicon of n entries spread over 10 dimensions: words,
// prefix globs (3 to 8 letters) and two-word phrases made of random
// letters. The first 100 entries are the same for every n, so a text built
// from them matches alike in every lexicon and only the size differs.
func genLexicon(n int) *Lexicon {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(k int) string {
		b := make([]byte, k)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return string(b)
	}
	l := &Lexicon{Name: "gen", Negators: []Entry{{Text: "not", Weight: 1}}}
	for d := 0; d < 10; d++ {
		l.Dimensions = append(l.Dimensions, Dimension{Name: fmt.Sprintf("d%d", d)})
	}
	for i := 0; i < n; i++ {
		var text string
		switch i % 3 {
		case 0:
			text = word(5 + r.IntN(6))
		case 1:
			text = word(3+i%6) + "*"
		default:
			text = word(4+r.IntN(5)) + " " + word(4+r.IntN(5))
		}
		d := &l.Dimensions[i%10]
		d.Terms = append(d.Terms, Entry{Text: text, Weight: 1})
	}
	return l
}

// benchText is a sentence of 200 tokens: every fourth one from the shared
// first 100 entries, the others random words no entry is likely to match.
func benchText() []Token {
	base := genLexicon(100)
	r := rand.New(rand.NewPCG(3, 4))
	var entries []string
	for _, d := range base.Dimensions {
		for _, e := range d.Terms {
			if w, ok := strings.CutSuffix(e.Text, "*"); ok {
				entries = append(entries, w+"s") // a word the glob matches
				continue
			}
			entries = append(entries, e.Text)
		}
	}
	var words []string
	for len(words) < 200 {
		if len(words)%4 == 0 {
			words = append(words, entries[r.IntN(len(entries))])
			continue
		}
		b := make([]byte, 4+r.IntN(6))
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		words = append(words, "q"+string(b))
	}
	return Tokenize(strings.Join(words, " "))
}

func benchMatch(b *testing.B, n int) {
	m, err := Compile(genLexicon(n))
	if err != nil {
		b.Fatal(err)
	}
	toks := benchText()
	b.SetBytes(int64(toks[len(toks)-1].End)) // the bytes of the text matched
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Match(toks)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(toks)), "ns/token")
}

// BenchmarkMatch100 and BenchmarkMatch10000 match the same 200-token text
// against lexicons of 100 and 10,000 entries; the cost per token should
// not grow with lexicon size (docs/lexicon.md, "Performance").
func BenchmarkMatch100(b *testing.B)   { benchMatch(b, 100) }
func BenchmarkMatch10000(b *testing.B) { benchMatch(b, 10000) }

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("The U.S. and Venezuela’s interim government don't agree on trust-building talks, officials said. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
}

func TestBenchLexiconsShareMatches(t *testing.T) {
	toks := benchText()
	small, err := Compile(genLexicon(100))
	if err != nil {
		t.Fatal(err)
	}
	big, err := Compile(genLexicon(10000))
	if err != nil {
		t.Fatal(err)
	}
	ns, nb := len(small.Match(toks)), len(big.Match(toks))
	if ns < 40 || nb < ns || nb > ns+ns/10 {
		t.Errorf("benchmark text: %d matches with 100 entries, %d with 10000; want ≥40 and nearly equal", ns, nb)
	}
}
