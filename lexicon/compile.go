package lexicon

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// MatchKind says which part of the lexicon a match comes from.
type MatchKind uint8

const (
	// Frame is a match of a dimension term; Match.Set names the dimension.
	Frame MatchKind = iota
	// Positive is a match of a positive tone word.
	Positive
	// Negative is a match of a negative tone word.
	Negative
	// Intensifier is a match of an intensifier (very, deeply).
	Intensifier
	// Actor is a match of an actor name; Match.Set names the actor.
	Actor
	kindExclude // internal: vetoes a dimension's matches
	kindNegator // internal: starts a negation scope
)

// String returns the lower-case kind name used in annotations and reports.
func (k MatchKind) String() string {
	switch k {
	case Frame:
		return "frame"
	case Positive:
		return "positive"
	case Negative:
		return "negative"
	case Intensifier:
		return "intensifier"
	case Actor:
		return "actor"
	case kindExclude:
		return "exclude"
	case kindNegator:
		return "negator"
	}
	return "kind(" + itoa(int(k)) + ")"
}

// centry is one compiled entry.
type centry struct {
	pat    pattern
	kind   MatchKind
	set    string // dimension or actor name
	dim    int    // dimension index for Frame and kindExclude
	group  int    // selection group: matches in one group never overlap
	text   string // as written
	weight float64
	order  int         // position in the lexicon, the last tie-break
	auto   *phraseAuto // for a long phrase; nil when matched word by word
}

// Matcher is a compiled lexicon. It is immutable after Compile and safe for
// concurrent use, so one Matcher serves every worker of a run.
type Matcher struct {
	entries    []centry
	info       []entryInfo // hot fields of entries, same index
	exact      keyTable    // folded first word → entries
	exactKeys  hashSet     // the hashes of exact's keys
	glob       globIndex   // folded prefix of a glob first word → entries
	dims       []string
	actors     []string
	wordByWord bool // match long phrases word by word too: the reference for tests
}

// entryInfo is what Match reads for every hit, kept small and contiguous
// so that a large lexicon costs few cache misses.
type entryInfo struct {
	group  int32
	prio   int32 // rank among entries: more exact words, more literal letters, text, order
	kind   MatchKind
	nwords uint8 // 0 for more than 255 words
	simple bool  // one word, not case-sensitive: the index key match is the match
	long   bool  // matched by its phraseAuto after the candidates are known
	// second is the length of a phrase's second word when it is exact and
	// compared with Norm, else -1: a token of another length after the
	// first rules the phrase out before matchAt (the vote, the opposition:
	// phrases after common words are tried at most of their tokens).
	second int32
}

// rank fills info, giving each entry its tie-break priority once, so Match
// compares two ints instead of entry texts.
func (m *Matcher) rank() {
	ids := make([]int32, len(m.entries))
	for i := range ids {
		ids[i] = int32(i)
	}
	slices.SortFunc(ids, func(a, b int32) int {
		ea, eb := &m.entries[a], &m.entries[b]
		return cmp.Or(cmp.Compare(eb.pat.exact, ea.pat.exact), cmp.Compare(eb.pat.literal, ea.pat.literal),
			strings.Compare(ea.text, eb.text), cmp.Compare(ea.order, eb.order))
	})
	m.info = make([]entryInfo, len(m.entries))
	for prio, id := range ids {
		e := &m.entries[id]
		n := len(e.pat.words)
		if n > 255 {
			n = 0
		}
		second := int32(-1)
		if len(e.pat.words) > 1 && !e.pat.words[1].glob && !e.pat.cased {
			second = int32(len(e.pat.words[1].text))
		}
		m.info[id] = entryInfo{group: int32(e.group), prio: int32(prio), kind: e.kind, nwords: uint8(n),
			simple: n == 1 && !e.pat.cased, long: e.auto != nil, second: second}
	}
}

// Compile checks a lexicon and builds its index. Compile once per run: the
// cost of Match per token then does not depend on the size of the lexicon.
func Compile(l *Lexicon) (*Matcher, error) { return compile(l, false) }

// compile is Compile; wordByWord leaves out the phrase automata, so that
// tests can compare them with plain word-by-word matching.
func compile(l *Lexicon, wordByWord bool) (*Matcher, error) {
	m := &Matcher{wordByWord: wordByWord}
	exact, glob := map[string][]int32{}, map[string][]int32{}
	var errs ErrorList
	add := func(es []Entry, kind MatchKind, set string, dim, group int) {
		for _, e := range es {
			pat, err := parseEntry(e.Text)
			if err != nil {
				errs = append(errs, &Error{Pos: e.Pos, Msg: err.Error()})
				continue
			}
			w := e.Weight
			if w == 0 {
				w = 1 // an Entry built in code without a weight
			}
			if !(w > 0 && w <= MaxWeight) { // also NaN
				errs = append(errs, &Error{Pos: e.Pos, Msg: fmt.Sprintf("weight %g: want a positive number of at most %g", w, float64(MaxWeight))})
				continue
			}
			m.index(centry{pat: pat, kind: kind, set: set, dim: dim, group: group, text: e.Text, weight: w, order: len(m.entries)},
				exact, glob)
		}
	}
	seen := map[string]bool{}
	for i, d := range l.Dimensions {
		if seen[d.Name] {
			errs = append(errs, &Error{Pos: d.Pos, Msg: fmt.Sprintf("dimension %q defined twice", d.Name)})
		}
		if len(d.Terms) == 0 {
			errs = append(errs, &Error{Pos: d.Pos, Msg: fmt.Sprintf("dimension %q is empty: it has no terms", d.Name)})
		}
		seen[d.Name] = true
		m.dims = append(m.dims, d.Name)
		add(d.Terms, Frame, d.Name, i, i)
		add(d.Exclude, kindExclude, d.Name, i, -1)
	}
	n := len(l.Dimensions)
	// Positive and negative tone are one group, so that a longer hit of one
	// polarity takes the words of a shorter one of the other: the negative
	// phrase "not good" (a Lexicoder neg_positive entry) counts once, not
	// also as the positive "good".
	add(l.Tone.Positive, Positive, "", -1, n)
	add(l.Tone.Negative, Negative, "", -1, n)
	add(l.Tone.Intensifiers, Intensifier, "", -1, n+2)
	seen = map[string]bool{}
	for _, a := range l.Actors {
		if seen[a.Name] {
			errs = append(errs, &Error{Pos: a.Pos, Msg: fmt.Sprintf("actor %q defined twice", a.Name)})
		}
		seen[a.Name] = true
		m.actors = append(m.actors, a.Name)
		add(a.Aliases, Actor, a.Name, -1, n+3) // one group: only the longest actor counts
	}
	add(l.Negators, kindNegator, "", -1, n+4)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	m.rank()
	m.exact = newKeyTable(exact)
	m.exactKeys = newHashSet(m.exact.hashes())
	m.glob = newGlobIndex(glob)
	return m, nil
}

func sortErrors(errs ErrorList) {
	ds := make([]Diagnostic, len(errs))
	for i, e := range errs {
		ds[i] = Diagnostic{Pos: e.Pos, Msg: e.Msg}
	}
	sortDiags(ds)
	for i, d := range ds {
		errs[i] = &Error{Pos: d.Pos, Msg: d.Msg}
	}
}

// index adds an entry under its first word: exact words by their folded
// text, globs by their folded prefix.
func (m *Matcher) index(e centry, exact, glob map[string][]int32) {
	id := int32(len(m.entries))
	if !m.wordByWord {
		e.auto = newPhraseAuto(e.pat)
	}
	m.entries = append(m.entries, e)
	w := e.pat.words[0]
	key := fold(w.text)
	if !w.glob {
		exact[key] = append(exact[key], id)
		return
	}
	glob[key] = append(glob[key], id)
}

// Dimensions returns the dimension names in lexicon order, the order of the
// score columns.
func (m *Matcher) Dimensions() []string { return append([]string(nil), m.dims...) }

// Actors returns the actor names in lexicon order.
func (m *Matcher) Actors() []string { return append([]string(nil), m.actors...) }

// candidate is an entry whose first word can match the token at index tok.
type candidate struct {
	tok int32
	id  int32
}

// appendCandidates appends to dst, for every word token of tokens in order,
// every entry whose first word can match it. It hashes each token once,
// byte by byte: on the way it walks the glob prefixes (see globIndex),
// which most tokens leave after a byte or two, and at the end it asks the
// exact keys, first their hash set, which answers no for most words without
// a probe of the table. The work per token is bounded by the token, not the
// lexicon; the loop over the tokens is here, not in the caller, because a
// call per token cost as much as the hashing.
func (m *Matcher) appendCandidates(dst []candidate, tokens []Token) []candidate {
	gmin, gmax := m.glob.min, m.glob.max
	for i := range tokens {
		t := &tokens[i]
		if t.Kind != Word {
			continue
		}
		s := t.Norm
		h := uint64(fnvOffset)
		k, n := 0, min(len(s), gmax)
		if len(s) < gmin {
			n = 0 // shorter than any glob key
		}
		for pre := min(gmin-1, n); k < pre; k++ {
			h = (h ^ uint64(s[k])) * fnvPrime
		}
		for k < n {
			h = (h ^ uint64(s[k])) * fnvPrime
			k++
			if !m.glob.prefixes.has(h) {
				break // no glob key begins with s[:k]
			}
			if m.glob.keys.has(h) && (k == len(s) || utf8.RuneStart(s[k])) {
				for _, id := range m.glob.table.lookup(s[:k], h) {
					dst = append(dst, candidate{int32(i), id})
				}
			}
		}
		for ; k < len(s); k++ {
			h = (h ^ uint64(s[k])) * fnvPrime
		}
		if m.exactKeys.has(h) {
			for _, id := range m.exact.lookup(s, h) {
				dst = append(dst, candidate{int32(i), id})
			}
		}
	}
	return dst
}
