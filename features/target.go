package features

import (
	"cmp"
	"sort"

	"framing/lexicon"
)

// Targeted tone: which actor mention of a sentence a tone word is about and
// how much it counts there. docs/stance.md ("Targeted tone") gives the rules
// with examples; features/testdata/target.txtar and TestTargetRules test one
// rule each.
//
// A tone word goes to the nearest actor mention of its sentence, the one
// before it or the one after it, whichever has the larger proximity weight;
// on a tie between two different actors each gets half. The weight falls
// with the distance in words and with each clause boundary in between.
// Everything is one pass over the sentence's tokens and one over its
// matches, so the cost is linear in the sentence's length.

// Proximity weights; see proximity.
const (
	// nearWords is the distance in words up to which a tone word counts
	// fully: 1 is adjacent ("corrupt mayor"), 4 leaves three words between.
	nearWords = 4
	// farWords is the distance beyond which a tone word counts nothing.
	farWords = 10
	// crossFactor multiplies a tone word's weight for a clause boundary
	// between it and the mention.
	crossFactor = 0.25
	// maxCross is how many clause boundaries a tone word may cross and
	// still count; beyond it counts nothing.
	maxCross = 1
)

// proximity is the weight factor of a tone word d words from an actor
// mention (d = 1 when adjacent, 0 when they overlap) with c clause
// boundaries between them: 1 up to nearWords, then nearWords/d, times
// crossFactor per boundary, and 0 beyond maxCross boundaries.
func proximity(d, c int) float64 {
	if c > maxCross || d > farWords {
		return 0
	}
	f := 1.0
	if d > nearWords {
		f = float64(nearWords) / float64(d)
	}
	for range c {
		f *= crossFactor
	}
	return f
}

// isBoundary reports whether token i ends a clause for targeting:
//
//   - a semicolon, colon, dash (the tokenizer keeps a hyphen inside a word
//     out of the tokens, so "-" is a dash), parenthesis or bracket;
//   - a comma before and, or, nor, so, yet or while (", and the mayor
//     praised it"); a comma alone does not, as it sets off appositions
//     ("Trump, the president, …") far more often than it joins clauses;
//   - a contrast or concession, which opens a new evaluation: but,
//     however, although, though, whereas;
//   - an attribution verb, which starts the reported clause ("the mayor
//     said the plan was reckless": the speaker is not the target).
//
// Switches rather than maps: it runs on every token of a sentence that
// names an actor.
func isBoundary(toks []lexicon.Token, i int) bool {
	t := &toks[i]
	if t.Kind != lexicon.Word {
		switch t.Norm {
		case ";", ":", "-", "(", ")", "[", "]":
			return true
		case ",":
			if i+1 < len(toks) {
				switch toks[i+1].Norm {
				case "and", "or", "nor", "so", "yet", "while":
					return true
				}
			}
		}
		return false
	}
	switch t.Norm {
	case "but", "however", "although", "though", "whereas":
		return true
	}
	return isSayVerb(toks, i)
}

// isSayVerb reports whether token i is an attribution verb or the "to" of
// "according to".
func isSayVerb(toks []lexicon.Token, i int) bool {
	n := toks[i].Norm
	if verbShapes.has(n) && attributionVerbs[n] {
		return true
	}
	return n == "to" && i > 0 && toks[i-1].Norm == "according"
}

// place is what targeting knows about one token of a sentence.
type place struct {
	clause int32 // clause index: boundaries and quotation edges before the token
	quote  int32 // index of the quotation segment holding the token, −1 outside
	word   int32 // word tokens of the sentence before the token
	// intensified: an intensifier ends on this token or the one before, so
	// a tone word starting here is intensified (see intensifierReach).
	intensified bool
	// reported: outside quotations, in indirect speech (reported.go); its
	// tone counts in the quoted voice.
	reported bool
}

// mention is one actor match of a sentence.
type mention struct {
	match   int // index in the sentence's matches
	speaker bool
	nextNS  int // index in the mention list of the first non-speaker at or after this one; −1 for none
}

// toneShare is the part of one tone word that one actor mention receives.
type toneShare struct {
	tone, mention int     // indices into the sentence's matches
	weight        float64 // entry weight × intensifier × proximity × share of a tie
	positive      bool    // after negation
	quoted        bool    // the tone word is inside a quotation
}

// targeter holds the per-sentence buffers of targeting, reused from
// sentence to sentence and article to article (see scratch).
type targeter struct {
	places   []place
	mentions []mention
}

// shares appends to dst the shares of the tone words of sentence s and
// leaves the sentence's actor mentions, speakers marked, in tg.mentions.
// quotes are the article's quotation segments (the title has none). A
// sentence without an actor mention costs one pass over its matches.
func (tg *targeter) shares(dst []toneShare, s *sentence, quotes []quoteSeg) []toneShare {
	tg.mentions = tg.mentions[:0]
	hasActor, hasTone := false, false
	for i := range s.matches {
		switch s.matches[i].Kind {
		case lexicon.Actor:
			hasActor = true
		case lexicon.Positive, lexicon.Negative:
			hasTone = true
		}
	}
	if !hasActor {
		return dst
	}
	if s.title {
		quotes = nil
	}
	tg.layout(s, quotes)
	tg.findMentions(s)
	if !hasTone {
		return dst
	}
	left, right := -1, 0 // mention indices: last starting at or before the tone word, first after it
	lastNS := -1         // last non-speaker at or before the tone word
	for ti := range s.matches {
		mt := &s.matches[ti]
		if mt.Kind != lexicon.Positive && mt.Kind != lexicon.Negative {
			continue
		}
		for right < len(tg.mentions) && s.matches[tg.mentions[right].match].Start <= mt.Start {
			left = right
			if !tg.mentions[right].speaker {
				lastNS = right
			}
			right++
		}
		quoted := tg.places[mt.Start].quote >= 0 || tg.places[mt.Start].reported
		l, r := left, right
		if quoted { // a speaker's own words, quoted or reported, are not about the speaker
			l, r = lastNS, -1
			if right < len(tg.mentions) {
				r = tg.mentions[right].nextNS
			}
		}
		dst = tg.assign(dst, s, ti, l, r, quoted)
	}
	return dst
}

// assign gives tone match ti to the nearer of mentions l (before it) and r
// (after it), either of which may be −1 or out of range for none: the one
// with the larger proximity weight, and at equal weight the one with fewer
// clause boundaries, then fewer words, between; two different actors still
// equally near share it.
func (tg *targeter) assign(dst []toneShare, s *sentence, ti, l, r int, quoted bool) []toneShare {
	mt := &s.matches[ti]
	var near [2]reach // left, right
	if l >= 0 {
		m := &s.matches[tg.mentions[l].match]
		near[0] = tg.reach(tg.words(m.End-1, mt.Start), m.Start, mt.Start, tg.mentions[l].speaker)
	}
	if r >= 0 && r < len(tg.mentions) {
		m := &s.matches[tg.mentions[r].match]
		near[1] = tg.reach(tg.words(mt.End-1, m.Start), mt.Start, m.Start, tg.mentions[r].speaker)
	}
	if near[0].f == 0 && near[1].f == 0 {
		return dst
	}
	w := mt.Weight
	if tg.places[mt.Start].intensified {
		w *= intensifierFactor
	}
	sh := toneShare{tone: ti, positive: (mt.Kind == lexicon.Positive) != mt.Negated, quoted: quoted}
	switch c := near[0].compare(near[1]); {
	case c > 0:
		sh.mention, sh.weight = tg.mentions[l].match, w*near[0].f
	case c < 0:
		sh.mention, sh.weight = tg.mentions[r].match, w*near[1].f
	case s.matches[tg.mentions[l].match].Set == s.matches[tg.mentions[r].match].Set:
		sh.mention, sh.weight = tg.mentions[l].match, w*near[0].f // one actor on both sides: it counts once
	default: // two actors equally near: half each
		sh.mention, sh.weight = tg.mentions[l].match, w*near[0].f/2
		dst = append(dst, sh)
		sh.mention = tg.mentions[r].match
	}
	return append(dst, sh)
}

// words is the number of word tokens from token a up to token b: the word
// ordinal of b less that of a.
func (tg *targeter) words(a, b int) int { return int(tg.places[b].word - tg.places[a].word) }

// reach is how near a mention is to a tone word: the proximity weight f,
// the clause boundaries c and the words d between them.
type reach struct {
	f    float64
	c, d int
}

// reach measures d words (0 or less when they overlap) and the clause
// boundaries between tokens a ≤ b. A speaker gets nothing from across a
// boundary: its attribution verb is one, and what it reports, directly or
// not ("Okafor said the offer was not honest"), is its words, not about it.
func (tg *targeter) reach(d, a, b int, speaker bool) reach {
	r := reach{c: int(tg.places[b].clause - tg.places[a].clause), d: max(0, d)}
	if !speaker || r.c == 0 {
		r.f = proximity(r.d, r.c)
	}
	return r
}

// compare is positive when r is nearer than o, negative when farther, and
// 0 when they are equally near.
func (r reach) compare(o reach) int {
	return cmp.Or(cmp.Compare(r.f, o.f), cmp.Compare(o.c, r.c), cmp.Compare(o.d, r.d))
}

// layout fills places for the tokens of s: clause indices, quotation
// segments and intensified positions. A clause index goes up after each
// boundary token and wherever a quotation starts or ends, so a speaker's
// quoted words and the narrator's words around them are different clauses.
func (tg *targeter) layout(s *sentence, quotes []quoteSeg) {
	n := len(s.toks)
	tg.places = reserve(tg.places, n+1)[:n+1]
	clear(tg.places)
	// The first segment that ends after the sentence starts: a binary
	// search, so an article of many quotations stays linear.
	q := sort.Search(len(quotes), func(k int) bool { return quotes[k].End > s.span.Start })
	clause, prevQuote, words := int32(0), int32(-1), int32(0)
	for i := range s.toks {
		t := &s.toks[i]
		tg.places[i].word = words
		if t.Kind == lexicon.Word {
			words++
		}
		for q < len(quotes) && quotes[q].End <= t.Start {
			q++
		}
		cur := int32(-1)
		if q < len(quotes) && t.Start >= quotes[q].Start && t.End <= quotes[q].End {
			cur = int32(q)
		}
		if i > 0 && cur != prevQuote {
			clause++
		}
		prevQuote = cur
		tg.places[i].clause, tg.places[i].quote = clause, cur
		if isBoundary(s.toks, i) {
			clause++
		}
	}
	tg.places[n].clause, tg.places[n].quote, tg.places[n].word = clause, -1, words
	markReported(s.toks, tg.places[:n])
	for i := range s.matches {
		if mt := &s.matches[i]; mt.Kind == lexicon.Intensifier && mt.End <= n {
			for k := mt.End; k < mt.End+intensifierReach && k <= n; k++ {
				tg.places[k].intensified = true // a tone word starting here is within reach
			}
		}
	}
}

// findMentions lists the actor matches of s, marks the speakers among them
// and links each to the next non-speaker.
func (tg *targeter) findMentions(s *sentence) {
	tg.mentions = tg.mentions[:0]
	for i := range s.matches {
		if mt := &s.matches[i]; mt.Kind == lexicon.Actor {
			quoted := tg.places[mt.Start].quote >= 0
			tg.mentions = append(tg.mentions, mention{match: i, speaker: !quoted && isSpeaker(s.toks, mt, tg.places)})
		}
	}
	next := -1
	for k := len(tg.mentions) - 1; k >= 0; k-- {
		if !tg.mentions[k].speaker {
			next = k
		}
		tg.mentions[k].nextNS = next
	}
}

// isSpeaker reports whether actor match m is the source of an attribution:
// an attribution verb follows it with at most two words and no punctuation
// between ("Trump said", "Democrats have repeatedly said"), or a say-verb
// or "according to" stands just before it (one word may come between, "said
// the Democrats") and punctuation or the sentence end just after it ("…,"
// said Trump.), which tells the inverted attribution from an object
// ("warned Trump that …"). The verb must be outside quotations.
func isSpeaker(toks []lexicon.Token, m *lexicon.Match, places []place) bool {
	words := 0
	for i := m.End; i < len(toks) && toks[i].Kind == lexicon.Word && words <= 2; i++ {
		if isSayVerb(toks, i) && toks[i].Norm != "to" && places[i].quote < 0 {
			return true
		}
		words++
	}
	if m.End < len(toks) && toks[m.End].Kind == lexicon.Word {
		return false
	}
	for i, words := m.Start-1, 0; i >= 0 && toks[i].Kind == lexicon.Word && words <= 1; i-- {
		if places[i].quote < 0 && (inversionVerbs[toks[i].Norm] || isSayVerb(toks, i) && toks[i].Norm == "to") {
			return true
		}
		words++
	}
	return false
}

// inversionVerbs are the attribution verbs that may stand before their
// speaker ("said Trump"); "told" and "described" take an object there.
var inversionVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "noted": true, "stated": true, "explained": true,
	"warned": true, "insisted": true, "acknowledged": true, "declared": true, "confirmed": true,
	"dijo": true, "afirmo": true, "senalo": true, "declaro": true,
}
