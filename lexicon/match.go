package lexicon

import (
	"cmp"
	"slices"
	"strings"
)

// Match is one lexicon hit in one sentence. Token indices are relative to
// the slice given to Match.
type Match struct {
	Kind    MatchKind
	Set     string  // dimension (Frame) or actor name (Actor); "" for tone
	Entry   string  // the entry as written in the lexicon
	Weight  float64 // 1 unless the entry has a weight
	Start   int     // first token index
	End     int     // one past the last token index
	Negated bool    // a negator stands within 3 tokens before, in the same clause
}

// negationWindow is how many tokens before a hit a negator may stand.
const negationWindow = 3

type hit struct {
	id         int32
	start, end int
}

// Match finds every match in the tokens of ONE sentence, sorted by (Start,
// Kind, Set, End). Within a dimension, a tone list or the actors, matches
// never overlap and the longest wins; see docs/lexicon.md for every rule.
func (m *Matcher) Match(tokens []Token) []Match { return m.AppendMatches(nil, tokens) }

// AppendMatches appends the matches Match finds in tokens to dst and
// returns the extended slice, so that a caller matching many sentences can
// keep their matches in one block. Token indices are relative to tokens.
func (m *Matcher) AppendMatches(dst []Match, tokens []Token) []Match {
	var buf [32]hit // most sentences have few candidate hits: no allocation for them
	hits := buf[:0]
	var long []hit // long phrases whose first word matches: start only
	var cbuf [32]candidate
	for _, c := range m.appendCandidates(cbuf[:0], tokens) {
		i, id := int(c.tok), c.id
		switch info := &m.info[id]; {
		case info.simple:
			hits = append(hits, hit{id, i, i + 1}) // the index key was the whole test
		case info.long:
			long = append(long, hit{id, i, i})
		case info.second >= 0 && (i+1 >= len(tokens) || len(tokens[i+1].Norm) != int(info.second)):
			// the second word cannot match
		default:
			if end, ok := m.entries[id].matchAt(tokens, i); ok {
				hits = append(hits, hit{id, i, end})
			}
		}
	}
	hits = m.matchLong(tokens, long, hits)
	if len(hits) == 0 {
		return dst
	}
	var nbuf [64]int // most sentences are shorter: no allocation for them
	hits, negEnds := m.applyExcludes(hits, len(tokens), nbuf[:0])
	picked := m.selectLongest(hits, len(tokens))
	if dst == nil {
		dst = make([]Match, 0, len(picked))
	}
	n := len(dst)
	for _, h := range picked {
		e := &m.entries[h.id]
		dst = append(dst, Match{Kind: e.kind, Set: e.set, Entry: e.text, Weight: e.weight,
			Start: h.start, End: h.end, Negated: negated(tokens, negEnds, h.start)})
	}
	out := dst[n:]
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Set, b.Set),
			cmp.Compare(a.End, b.End), strings.Compare(a.Entry, b.Entry))
	})
	return dst
}

// matchLong appends the hits of the long phrases whose first word
// matched at the starts in long (in token order), each found by its
// phraseAuto in one pass over the sentence.
func (m *Matcher) matchLong(tokens []Token, long, hits []hit) []hit {
	if len(long) == 0 {
		return hits
	}
	slices.SortStableFunc(long, func(a, b hit) int { return cmp.Compare(a.id, b.id) })
	var starts []int
	for i := 0; i < len(long); {
		id, j := long[i].id, i
		starts = starts[:0]
		for ; j < len(long) && long[j].id == id; j++ {
			starts = append(starts, long[j].start)
		}
		m.entries[id].auto.find(tokens, starts, func(s, e int) { hits = append(hits, hit{id, s, e}) })
		i = j
	}
	return hits
}

// matchAt reports whether the entry matches the tokens starting at i and
// where the match ends. Only Word tokens match, so punctuation breaks
// phrases.
func (e *centry) matchAt(tokens []Token, i int) (int, bool) {
	if i+len(e.pat.words) > len(tokens) {
		return 0, false
	}
	for j, w := range e.pat.words {
		t := &tokens[i+j]
		if t.Kind != Word {
			return 0, false
		}
		s := t.Norm
		if e.pat.cased {
			s = t.Cased
		}
		if w.glob && !strings.HasPrefix(s, w.text) || !w.glob && s != w.text {
			return 0, false
		}
	}
	return i + len(e.pat.words), true
}

// applyExcludes drops every dimension hit inside the span of one of that
// dimension's exclude hits, and takes out the exclude and negator hits. It
// returns the remaining hits and, per token, the earliest start of a
// negator hit ending on that token (-1 for none), in nbuf when it has room.
func (m *Matcher) applyExcludes(hits []hit, n int, nbuf []int) ([]hit, []int) {
	var excl []hit
	keep := hits[:0] // filtered in place: a hit is read before its slot is written
	var negEnds []int
	for _, h := range hits {
		switch m.info[h.id].kind {
		case kindExclude:
			excl = append(excl, h)
		case kindNegator:
			if negEnds == nil {
				negEnds = nbuf[:0]
				if n > cap(nbuf) {
					negEnds = make([]int, 0, n)
				}
				negEnds = negEnds[:n]
				for i := range negEnds {
					negEnds[i] = -1
				}
			}
			if s := negEnds[h.end-1]; s < 0 || h.start > s {
				negEnds[h.end-1] = h.start // the nearest start counts
			}
		default:
			keep = append(keep, h)
		}
	}
	if len(excl) == 0 {
		return keep, negEnds
	}
	v := m.newVeto(excl)
	out := keep[:0]
	for _, h := range keep {
		if e := &m.entries[h.id]; e.kind != Frame || !v.covers(e.dim, h.start, h.end) {
			out = append(out, h)
		}
	}
	return out, negEnds
}

// veto answers "does an exclude hit of dimension d cover [start, end)?" in
// O(log excludes): the exclude hits sorted by dimension and start, and for
// each the furthest end among those before it in its dimension. Testing
// every hit against every exclude hit cost hits × excludes, minutes for a
// sentence that repeats an excluded phrase.
type veto struct {
	m     *Matcher
	excl  []hit
	reach []int
}

func (m *Matcher) newVeto(excl []hit) veto {
	slices.SortFunc(excl, func(a, b hit) int {
		return cmp.Or(cmp.Compare(m.entries[a.id].dim, m.entries[b.id].dim), cmp.Compare(a.start, b.start))
	})
	v := veto{m: m, excl: excl, reach: make([]int, len(excl))}
	for i, x := range excl {
		v.reach[i] = x.end
		if i > 0 && m.entries[excl[i-1].id].dim == m.entries[x.id].dim {
			v.reach[i] = max(v.reach[i], v.reach[i-1])
		}
	}
	return v
}

func (v veto) covers(dim, start, end int) bool {
	i, _ := slices.BinarySearchFunc(v.excl, [2]int{dim, start + 1}, func(x hit, t [2]int) int {
		return cmp.Or(cmp.Compare(v.m.entries[x.id].dim, t[0]), cmp.Compare(x.start, t[1]))
	})
	// excl[i-1] is the last exclude hit of dim starting at or before start.
	return i > 0 && v.m.entries[v.excl[i-1].id].dim == dim && v.reach[i-1] >= end
}

// selectLongest keeps, per group, non-overlapping hits: longest first, then
// more exact words, then more literal letters, then the entry text and the
// lexicon order, so the choice never depends on map or load order. n is the
// number of tokens; each token remembers the group that last took it, so
// the overlap test costs the hit's length, not the number of hits taken
// (a sentence of a million hits used to take minutes).
func (m *Matcher) selectLongest(hits []hit, n int) []hit {
	slices.SortFunc(hits, func(a, b hit) int {
		ia, ib := &m.info[a.id], &m.info[b.id]
		return cmp.Or(cmp.Compare(ia.group, ib.group),
			cmp.Compare(b.end-b.start, a.end-a.start),
			cmp.Compare(ia.prio, ib.prio),
			cmp.Compare(a.start, b.start))
	})
	var obuf [256]int32
	owner := obuf[:0] // owner[k] is the stamp of the group that took token k; 0 for none
	if n <= len(obuf) {
		owner = obuf[:n]
	} else {
		owner = make([]int32, n)
	}
	out := hits[:0] // in place: out never runs ahead of the hit being read
	group, stamp := int32(-1), int32(0)
	for _, h := range hits {
		if g := m.info[h.id].group; g != group {
			group, stamp = g, stamp+1
		}
		free := true
		for k := h.start; k < h.end; k++ {
			if owner[k] == stamp {
				free = false
				break
			}
		}
		if free {
			for k := h.start; k < h.end; k++ {
				owner[k] = stamp
			}
			out = append(out, h)
		}
	}
	return out
}

// negated reports whether a negator ends within the negationWindow tokens
// before start, with no clause break between it and the hit.
func negated(tokens []Token, negEnds []int, start int) bool {
	if negEnds == nil {
		return false
	}
	for j := start - 1; j >= 0 && j >= start-negationWindow; j-- {
		if s := negEnds[j]; s >= 0 && s >= start-negationWindow {
			return true
		}
		if breaksScope(&tokens[j]) {
			return false
		}
	}
	return false
}

// breaksScope reports whether a token ends a negation scope: clause
// punctuation, dashes, parentheses, and the contrastive "but" and "however".
func breaksScope(t *Token) bool {
	if t.Kind == Word {
		return t.Norm == "but" || t.Norm == "however"
	}
	switch t.Norm {
	case ",", ";", ":", ".", "!", "?", "-", "(", ")", "[", "]", "{", "}", "...":
		return true
	}
	return false
}
