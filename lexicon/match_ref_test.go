package lexicon

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// refMatch is Match with the index left out: every entry is tried at every
// word token, so it is the definition that candidates (the key tables and
// the glob gate) must agree with. The rest is Match's own code.
func (m *Matcher) refMatch(tokens []Token) []Match {
	var hits []hit
	for i := range tokens {
		if tokens[i].Kind != Word {
			continue
		}
		for id := range m.entries {
			if end, ok := m.entries[id].matchAt(tokens, i); ok {
				hits = append(hits, hit{int32(id), i, end})
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	hits, negEnds := m.applyExcludes(hits, len(tokens), nil)
	picked := m.selectLongest(hits, len(tokens))
	out := make([]Match, 0, len(picked))
	for _, h := range picked {
		e := &m.entries[h.id]
		out = append(out, Match{Kind: e.kind, Set: e.set, Entry: e.text, Weight: e.weight,
			Start: h.start, End: h.end, Negated: negated(tokens, negEnds, h.start)})
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Set, b.Set),
			cmp.Compare(a.End, b.End), strings.Compare(a.Entry, b.Entry))
	})
	return out
}

// refMatchers are the lexicons the index is checked with: the rules of
// match_test.go, the default lexicon, and a generated one with globs of
// every length from one letter (so the gate looks at fewer than three
// bytes) and entries sharing first words.
func refMatchers(t testing.TB) []*Matcher {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dm, err := Compile(def)
	if err != nil {
		t.Fatal(err)
	}
	return []*Matcher{mustCompile(t, ruleLexicon), dm, mustCompile(t, shortGlobLexicon), mustCompile(t, `
name: empty-globs
version: "1"
dimensions:
  d: {terms: [alpha, beta gamma, Beta]}
`)}
}

const shortGlobLexicon = `
name: short-globs
version: "1"
negators: [not]
dimensions:
  a: {terms: ["a*", "ab*", "abc*", "é*", "ñu*", "x y*", "über*", "a b", "ab c*"]}
  b: {terms: [ab, abc, "ab*", "ÉCOLE", "a*"], exclude: ["ab c"]}
tone:
  positive: ["go*"]
`

var refMatchTexts = []string{
	"We don't cooperate with the U.S. government, but talks go on.",
	"the New York Times on the Czech Republic", "not very good", "czech mate", "",
	"a ab abc abcd Ab AB ÉCOLE école école écoles ñu ñus über übermensch x yz x y",
	"ab c ab cd, a b; not a b go gone Goal",
	"The U.S. and Venezuela’s interim government don't agree on trust-building talks, officials said.",
}

func checkRefMatch(t *testing.T, ms []*Matcher, text string) {
	t.Helper()
	toks := Tokenize(text)
	for i, m := range ms {
		want, got := m.refMatch(toks), m.Match(toks)
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("lexicon %d, Match(%q) (-reference +indexed):\n%s", i, text, diff)
		}
		// features keeps an article's matches in one block: matching behind
		// earlier matches must leave them alone and append the same ones.
		before := m.Match(Tokenize(refMatchTexts[0]))
		block := m.AppendMatches(slices.Clip(slices.Clone(before)), toks)
		if diff := gocmp.Diff(before, block[:len(before)]); diff != "" {
			t.Fatalf("lexicon %d, AppendMatches(%q) changed the earlier matches (-before +after):\n%s", i, text, diff)
		}
		if diff := gocmp.Diff(want, block[len(before):], cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("lexicon %d, AppendMatches(%q) (-reference +appended):\n%s", i, text, diff)
		}
	}
}

func TestMatchMatchesReference(t *testing.T) {
	ms := refMatchers(t)
	found := make([]int, len(ms))
	for _, text := range append(refMatchTexts, tokenizeCorpus(t)...) {
		checkRefMatch(t, ms, text)
		for i, m := range ms {
			found[i] += len(m.Match(Tokenize(text)))
		}
	}
	// The texts must exercise each lexicon, or agreeing proves little.
	for i, n := range found[:3] {
		if n < 20 {
			t.Errorf("lexicon %d: %d matches over all texts; want at least 20", i, n)
		}
	}
	t.Logf("matches per lexicon: %v", found)
}

// FuzzMatchReference compares Match with refMatch on any text.
func FuzzMatchReference(f *testing.F) {
	for _, s := range refMatchTexts {
		f.Add(s)
	}
	ms := refMatchers(f)
	f.Fuzz(func(t *testing.T, text string) { checkRefMatch(t, ms, text) })
}
