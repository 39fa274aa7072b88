package lexicon

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLongPhraseMatchesWordByWord is the property behind phraseAuto: on
// random lexicons of long phrases over a tiny vocabulary (so that texts
// repeat their words and partial matches overlap) and random texts, the
// matcher finds exactly what matching word by word finds.
func TestLongPhraseMatchesWordByWord(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 16))
	vocab := []string{"na", "nab", "ba", "NA", "na*", "b*", "nab*"}
	textVocab := []string{"na", "nab", "naba", "ba", "b", "NA", "Na", ",", "not", "nabs"}
	for c := range 3000 {
		l := &Lexicon{Negators: []Entry{{Text: "not"}}}
		for d := range 1 + r.IntN(3) {
			dim := Dimension{Name: fmt.Sprintf("d%d", d)}
			for range 1 + r.IntN(3) {
				n := longPhrase - 2 + r.IntN(8) // short and long phrases
				words := make([]string, n)
				for i := range words {
					words[i] = vocab[r.IntN(2)] // mostly the two exact words: long partial matches
					if r.IntN(6) == 0 {
						words[i] = vocab[r.IntN(len(vocab))]
					}
				}
				dim.Terms = append(dim.Terms, Entry{Text: strings.Join(words, " ")})
			}
			if r.IntN(3) == 0 {
				dim.Exclude = append(dim.Exclude, Entry{Text: "ba na"})
			}
			l.Dimensions = append(l.Dimensions, dim)
		}
		var text []string
		for range r.IntN(80) {
			w := textVocab[r.IntN(2)]
			if r.IntN(5) == 0 {
				w = textVocab[r.IntN(len(textVocab))]
			}
			text = append(text, w)
		}
		toks := Tokenize(strings.Join(text, " "))
		fast, err := Compile(l)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := compile(l, true)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(ref.Match(toks), fast.Match(toks)); diff != "" {
			t.Fatalf("case %d: lexicon %+v\ntext %q\n(-word by word +automaton):\n%s", c, l.Dimensions, strings.Join(text, " "), diff)
		}
	}
}

func TestExclusiveWords(t *testing.T) {
	tests := []struct {
		entry string
		want  bool
	}{
		{"na na na na na na na batman", true},
		{"sec* security a b c d e f", false}, // security matches both
		{"sec* sec a b c d e f", false},      // so does sec
		{"sec* se* a b c d e f", false},      // and secure matches both globs
		{"sec* sea* a b c d e f", true},
		{"secur* sec a b c d e f", true}, // sec is shorter than the prefix
		{"US US UK a b c d e", true},
	}
	for _, tt := range tests {
		p, err := parseEntry(tt.entry)
		if err != nil {
			t.Fatal(err)
		}
		if got := exclusiveWords(p.words); got != tt.want {
			t.Errorf("exclusiveWords(%q) = %v, want %v", tt.entry, got, tt.want)
		}
		if got := newPhraseAuto(p) != nil; got != tt.want {
			t.Errorf("newPhraseAuto(%q) built = %v, want %v", tt.entry, got, tt.want)
		}
	}
}

// TestVetoMatchesBruteForce checks the exclude index against the plain
// definition (some exclude hit of the same dimension spans the hit) on
// random hits over three dimensions.
func TestVetoMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	m := &Matcher{}
	for d := range 3 {
		m.entries = append(m.entries, centry{kind: kindExclude, dim: d})
	}
	for c := range 2000 {
		var excl []hit
		for range r.IntN(8) {
			s := r.IntN(30)
			excl = append(excl, hit{int32(r.IntN(3)), s, s + 1 + r.IntN(6)})
		}
		brute := func(dim, start, end int) bool {
			for _, x := range excl {
				if int(x.id) == dim && x.start <= start && end <= x.end {
					return true
				}
			}
			return false
		}
		v := m.newVeto(append([]hit(nil), excl...))
		for range 50 {
			dim, s := r.IntN(3), r.IntN(32)
			e := s + 1 + r.IntN(5)
			if got, want := v.covers(dim, s, e), brute(dim, s, e); got != want {
				t.Fatalf("case %d: excludes %v: covers(%d, %d, %d) = %v, want %v", c, excl, dim, s, e, got, want)
			}
		}
	}
}
