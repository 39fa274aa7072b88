package lexeval

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"framing/lexicon"
)

// Keyness is the G² likelihood-ratio statistic of the 2×2 table of a
// term's count against all other tokens, in the positive (a of A tokens)
// and the negative articles (b of B tokens), as quanteda's
// textstat_keyness(measure = "lr") computes it: G² = 2 Σ O ln(O/E) over
// the four cells, E from the margins, 0·ln 0 = 0 (Dunning 1993). No
// correction is applied: quanteda's default divides G² by Williams' q,
// which exceeds 1 most for rare terms; its correction = "none" gives our
// figure, which testdata/keyness_reference.py checks with scipy. G2 is
// signed like quanteda's: negative when the term is under-represented in
// the positive articles. P is its chi-square tail on 1 df, erfc(√(G²/2)).
// LogRatio is Hardie's (2014) log ratio, log2 of the ratio of relative
// frequencies, with 0.5 added to each count so that a count of 0 stays
// finite: log2(((a+0.5)/A) / ((b+0.5)/B)).
type Keyness struct {
	G2       float64 `json:"g2"`
	P        float64 `json:"p"`
	LogRatio float64 `json:"log_ratio"`
}

// KeynessOf computes Keyness; A and B must be positive and a ≤ A, b ≤ B.
func KeynessOf(a, b, A, B float64) Keyness {
	n := A + B
	cells := [4][2]float64{ // observed, expected
		{a, A * (a + b) / n}, {b, B * (a + b) / n},
		{A - a, A * (n - a - b) / n}, {B - b, B * (n - a - b) / n},
	}
	var g2 float64
	for _, c := range cells {
		if c[0] > 0 {
			g2 += c[0] * math.Log(c[0]/c[1])
		}
	}
	g2 = math.Max(0, 2*g2) // rounding can leave −1e−12 for a perfectly even term
	if a < cells[0][1] {
		g2 = -g2
	}
	return Keyness{G2: g2, P: math.Erfc(math.Sqrt(math.Abs(g2) / 2)),
		LogRatio: math.Log2(((a + 0.5) / A) / ((b + 0.5) / B))}
}

// Candidate is a word or two-word phrase over-represented in the positive
// articles, a candidate entry for the researcher to judge.
type Candidate struct {
	Term string `json:"term"`
	NPos int64  `json:"n_pos"` // occurrences in positive articles
	NNeg int64  `json:"n_neg"` // occurrences in negative articles
	Keyness
}

// termCounts counts terms (words and two-word phrases) and word tokens.
type termCounts struct {
	words int64
	n     map[string]int64
}

// addTerms counts the words of text and each pair of words that follow one
// another with no punctuation between, the units a lexicon phrase could
// match (docs/lexicon.md, rule 9). Words are in the matcher's normalized
// form.
func (c *termCounts) addTerms(text string) {
	prev := ""
	for _, t := range lexicon.Tokenize(text) {
		if t.Kind != lexicon.Word {
			prev = ""
			continue
		}
		c.words++
		c.n[t.Norm]++
		if prev != "" {
			c.n[prev+" "+t.Norm]++
		}
		prev = t.Norm
	}
}

func (c *termCounts) merge(o *termCounts) {
	c.words += o.words
	for k, v := range o.n {
		c.n[k] += v
	}
}

// minCandidateCount is the fewest occurrences in the positive articles a
// candidate needs, so that the list is not led by rarities whose G² rests
// on a handful of uses.
const minCandidateCount = 5

// candidates returns the terms over-represented in pos against neg, by G²
// descending, that the dimension (dim, in m) does not match already, at
// most n of them.
func candidates(pos, neg *termCounts, m *lexicon.Matcher, dim string, n int) []Candidate {
	var out []Candidate
	if pos.words == 0 || neg.words == 0 {
		return nil
	}
	for term, a := range pos.n {
		if a < minCandidateCount {
			continue
		}
		b := neg.n[term]
		k := KeynessOf(float64(a), float64(b), float64(pos.words), float64(neg.words))
		if k.G2 <= 0 {
			continue
		}
		out = append(out, Candidate{Term: term, NPos: a, NNeg: b, Keyness: k})
	}
	slices.SortFunc(out, func(x, y Candidate) int {
		return cmp.Or(cmp.Compare(y.G2, x.G2), strings.Compare(x.Term, y.Term))
	})
	kept := out[:0]
	for _, c := range out {
		if len(kept) == n {
			break
		}
		if !matches(m, dim, c.Term) {
			kept = append(kept, c)
		}
	}
	return kept
}

// matches reports whether some entry of dimension dim matches the whole of
// term.
func matches(m *lexicon.Matcher, dim, term string) bool {
	toks := lexicon.Tokenize(term)
	for _, mt := range m.Match(toks) {
		if mt.Kind == lexicon.Frame && mt.Set == dim && mt.Start == 0 && mt.End == len(toks) {
			return true
		}
	}
	return false
}
