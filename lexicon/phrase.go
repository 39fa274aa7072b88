package lexicon

import (
	"slices"
	"strings"
)

// longPhrase is the number of words from which a phrase is matched with a
// phraseAuto instead of word by word. Comparing word by word costs, at each
// place where the first word matches, as many comparisons as the text
// agrees with the phrase: bounded by the phrase's length, which is small
// for ordinary entries but made a 10,000-word phrase cost 10,000 times the
// tokens of a text that repeats its words (issue 16 §6).
const longPhrase = 8

// phraseAuto finds every occurrence of one long phrase in a sentence in
// time linear in the tokens it reads (Knuth–Morris–Pratt), whatever the
// phrase's length. KMP needs to know, from the phrase alone, whether two
// of its words accept the same token, so each token is mapped to the one
// distinct word of the phrase it matches. That holds when no token can
// match two different words of the phrase; a phrase where one can (a glob
// and a word it extends, as `sec*` and `security`) is matched word by word
// instead, with the cost above. See exclusiveWords.
type phraseAuto struct {
	exact   map[string]int32 // word → symbol
	globs   map[string]int32 // glob prefix → symbol
	maxGlob int              // longest glob prefix, in bytes
	cased   bool             // compare Token.Cased (an entry in capitals)
	syms    []int32          // the phrase as symbols
	fail    []int32          // fail[i]: longest proper border of syms[:i+1]
}

// newPhraseAuto builds the automaton of a pattern, or returns nil when the
// pattern is short or its words are not exclusive.
func newPhraseAuto(p pattern) *phraseAuto {
	if len(p.words) < longPhrase || !exclusiveWords(p.words) {
		return nil
	}
	a := &phraseAuto{exact: map[string]int32{}, globs: map[string]int32{}, cased: p.cased,
		syms: make([]int32, len(p.words)), fail: make([]int32, len(p.words))}
	for i, w := range p.words {
		set := a.exact
		if w.glob {
			set = a.globs
			a.maxGlob = max(a.maxGlob, len(w.text))
		}
		sym, ok := set[w.text]
		if !ok {
			sym = int32(len(a.exact) + len(a.globs))
			set[w.text] = sym
		}
		a.syms[i] = sym
	}
	for i, k := 1, int32(0); i < len(a.syms); i++ {
		for k > 0 && a.syms[i] != a.syms[k] {
			k = a.fail[k-1]
		}
		if a.syms[i] == a.syms[k] {
			k++
		}
		a.fail[i] = k
	}
	return a
}

// exclusiveWords reports whether no token can match two different words
// of a phrase: no glob's prefix begins another of its words.
func exclusiveWords(words []wordPat) bool {
	ws := slices.Clone(words)
	slices.SortFunc(ws, func(a, b wordPat) int {
		if c := strings.Compare(a.text, b.text); c != 0 {
			return c
		}
		if a.glob == b.glob {
			return 0
		}
		if a.glob {
			return 1
		}
		return -1
	})
	ws = slices.Compact(ws)
	for i, w := range ws {
		if !w.glob {
			continue
		}
		// Words with the prefix w.text sort right around it: an exact word
		// with the same text just before, longer words just after.
		if i > 0 && ws[i-1].text == w.text || i+1 < len(ws) && strings.HasPrefix(ws[i+1].text, w.text) {
			return false
		}
	}
	return true
}

// symbol returns the symbol of the one word of the phrase that t matches,
// or -1.
func (a *phraseAuto) symbol(t *Token) int32 {
	if t.Kind != Word {
		return -1
	}
	s := t.Norm
	if a.cased {
		s = t.Cased
	}
	if sym, ok := a.exact[s]; ok {
		return sym
	}
	for n := min(len(s), a.maxGlob); n > 0; n-- {
		if sym, ok := a.globs[s[:n]]; ok {
			return sym
		}
	}
	return -1
}

// find calls hit for every occurrence of the phrase in tokens. starts are
// the token indices where its first word matches, in increasing order:
// an occurrence can begin only there, so the scan jumps from one to the
// next whenever no partial match is open and reads each token at most
// once.
func (a *phraseAuto) find(tokens []Token, starts []int, hit func(start, end int)) {
	next := 0 // first token not yet read
	for _, s := range starts {
		if s < next {
			continue
		}
		q := int32(0)
		for k := s; k < len(tokens); k++ {
			sym := a.symbol(&tokens[k])
			for q > 0 && a.syms[q] != sym {
				q = a.fail[q-1]
			}
			if a.syms[q] == sym {
				q++
			}
			if int(q) == len(a.syms) {
				hit(k+1-len(a.syms), k+1)
				q = a.fail[q-1]
			}
			next = k + 1
			if q == 0 {
				break
			}
		}
	}
}
