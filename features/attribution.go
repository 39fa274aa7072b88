package features

import (
	"unicode"
	"unicode/utf8"

	"framing/lexicon"
)

// attributionVerbs are the normalized verbs that attribute speech. Spanish
// forms are listed without accents because tokens are accent-stripped.
// "according to" is handled as a phrase in attributions.
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "noted": true, "confirmed": true,
	"described": true, "stated": true, "explained": true, "warned": true, "insisted": true,
	"acknowledged": true, "declared": true,
	"dijo": true, "afirmo": true, "segun": true, "senalo": true, "declaro": true,
}

// verbShapes answers "no" for most words without a map lookup; it is
// derived from attributionVerbs once and never changes.
var verbShapes = newWordShapes(attributionVerbs)

// wordShapes is a set of (first byte, length) and (last byte, length)
// pairs of a word list: a word whose pairs are not both in it is not in the
// list, and most words of a text are ruled out so, without hashing them
// for a map lookup.
type wordShapes struct {
	first, last [256]uint64 // bit n of [b]: some word starts (ends) with b and is n bytes long (n ≥ 63 share bit 63)
}

func newWordShapes(words map[string]bool) *wordShapes {
	var ws wordShapes
	for w := range words {
		if w != "" {
			n := min(len(w), 63)
			ws.first[w[0]] |= 1 << n
			ws.last[w[len(w)-1]] |= 1 << n
		}
	}
	return &ws
}

func (ws *wordShapes) has(w string) bool {
	if w == "" {
		return false
	}
	bit := uint64(1) << min(len(w), 63)
	return ws.first[w[0]]&bit != 0 && ws.last[w[len(w)-1]]&bit != 0
}

// sourceNouns name a source without naming a person; they make a nearby verb
// an attribution even when no quote is in the sentence.
var sourceNouns = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "minister": true, "ministry": true,
	"diplomat": true, "diplomats": true, "person": true, "people": true, "analyst": true,
	"analysts": true, "expert": true, "experts": true, "aide": true, "aides": true,
	"police": true, "witness": true, "witnesses": true, "president": true, "statement": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "el": true, "ella": true,
	"portavoz": true, "fuentes": true, "funcionarios": true,
}

// determiners open a noun phrase that can be the speaker.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"el": true, "la": true, "los": true, "las": true, "un": true, "una": true,
}

// anonCues mark an unnamed source wherever they stand in the sentence.
var anonCues = map[string]bool{
	"officials": true, "sources": true, "source": true, "diplomats": true, "diplomat": true,
	"anonymity": true, "anonymous": true, "anonymously": true, "insiders": true, "insider": true,
	"aides": true, "fuentes": true, "funcionarios": true, "anonimato": true,
}

// anonPairs are two-word anonymity cues ("familiar with", "senior official").
var anonPairs = map[[2]string]bool{
	{"familiar", "with"}: true, {"not", "authorized"}: true, {"condition", "of"}: true,
}

// officialOpeners make a following "official" (within 3 words) unnamed:
// "an official", "a senior Kenyan official", "one official".
var officialOpeners = map[string]bool{"a": true, "an": true, "one": true, "another": true, "senior": true}

// notNames are capitalized words that are not personal names.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// attributions counts the attributions in one sentence and how many of them
// are anonymous. toks are the sentence's tokens; quoted tells whether the
// sentence contains (part of) a quotation; inside reports whether a byte
// range lies inside a quotation, where a verb is quoted speech, not an
// attribution.
//
// An attribution is an attribution verb (or "according to") that is near a
// source: the sentence contains a quotation, or a source noun, pronoun or
// capitalized word stands within 8 word tokens of the verb, or a determiner
// (the, a, his …) within 3 before it, opening a subject ("the mayor said"). A verb inside a
// quotation is never an attribution.
//
// It is anonymous when the sentence contains an anonymity cue (anonCues,
// anonPairs, or "official" within 3 words after a, an, one, another or
// senior) and no personal name stands in the 4 word tokens before the
// verb or the 2 after it. A name is a capitalized word with a lower-case
// letter (so acronyms like US are not names) that is not a weekday, month,
// source noun or cue (Officials),
// not a sentence starter such as "The", and not directly followed by a source
// noun ("a senior Israeli official" has no name).
//
// scratch holds the indices of the sentence's word tokens, reused by
// Extract from sentence to sentence (nil is fine); it is returned for the
// next call. Most sentences have no attribution verb: they are passed over
// in one look at each token, and the word indices and the anonymity cue are
// found only for the others.
func attributions(toks []lexicon.Token, quoted bool, inside func(a, b int) bool,
	scratch []int32) (n, anon int, _ []int32) {
	if !hasVerbCandidate(toks) {
		return 0, 0, scratch
	}
	w := words{toks: toks, idx: appendWords(scratch[:0], toks)}
	cue, cueKnown := false, false
	for i := range w.idx {
		t := w.at(i)
		isVerb := verbShapes.has(t.Norm) && attributionVerbs[t.Norm] ||
			t.Norm == "according" && i+1 < w.len() && w.at(i+1).Norm == "to"
		if !isVerb || inside(t.Start, t.End) || !(quoted || nearSource(w, i)) {
			continue
		}
		n++
		if !cueKnown {
			cue, cueKnown = hasAnonCue(w), true
		}
		if cue && !nameNear(w, i) {
			anon++
		}
	}
	return n, anon, w.idx
}

// hasVerbCandidate reports whether a word token of toks may start an
// attribution: an attribution verb or "according".
func hasVerbCandidate(toks []lexicon.Token) bool {
	for i := range toks {
		t := &toks[i]
		if t.Kind == lexicon.Word && (verbShapes.has(t.Norm) && attributionVerbs[t.Norm] || t.Norm == "according") {
			return true
		}
	}
	return false
}

// words are the word tokens of a sentence, by their indices in its tokens,
// so that the rules can count distances in words without a copy of them.
type words struct {
	toks []lexicon.Token
	idx  []int32
}

func (w words) at(i int) *lexicon.Token { return &w.toks[w.idx[i]] }
func (w words) len() int                { return len(w.idx) }

// appendWords appends the indices of the Word tokens of toks to dst.
func appendWords(dst []int32, toks []lexicon.Token) []int32 {
	for i := range toks {
		if toks[i].Kind == lexicon.Word {
			dst = append(dst, int32(i))
		}
	}
	return dst
}

// anonShapes answers "no" for most words before the anonCues lookup.
var anonShapes = newWordShapes(anonCues)

// anonPairFirst are the first words of anonPairs, so that a pair is looked
// up only after one of them.
var anonPairFirst = func() map[string]bool {
	m := map[string]bool{}
	for p := range anonPairs {
		m[p[0]] = true
	}
	return m
}()

var anonPairShapes = newWordShapes(anonPairFirst)

func hasAnonCue(w words) bool {
	for i := range w.idx {
		t := w.at(i)
		if anonShapes.has(t.Norm) && anonCues[t.Norm] {
			return true
		}
		if i+1 < w.len() && anonPairShapes.has(t.Norm) && anonPairs[[2]string{t.Norm, w.at(i + 1).Norm}] {
			return true
		}
		if t.Norm == "official" {
			for j := max(0, i-3); j < i; j++ {
				if officialOpeners[w.at(j).Norm] {
					return true
				}
			}
		}
	}
	return false
}

// nearSource reports whether a source noun, pronoun or capitalized word
// (other than a sentence starter opening the sentence) is within 8 word
// tokens of word v, or a determiner within 3 before it ("the mayor said").
func nearSource(w words, v int) bool {
	for i := max(0, v-8); i < min(w.len(), v+9); i++ {
		t := w.at(i)
		capital := isCapitalized(t.Cased) && !(i == 0 && sentenceStarters[t.Norm])
		det := i < v && v-i <= 3 && determiners[t.Norm]
		if i != v && (sourceNouns[t.Norm] || capital || det) {
			return true
		}
	}
	return false
}

// nameNear reports whether a personal name stands in the 4 word tokens
// before word v or the 2 after it.
func nameNear(w words, v int) bool {
	for i := max(0, v-4); i < min(w.len(), v+3); i++ {
		if i != v && isName(w, i) {
			return true
		}
	}
	return false
}

func isName(w words, i int) bool {
	t := w.at(i)
	if !isCapitalized(t.Cased) || !hasLower(t.Cased) || notNames[t.Norm] || sourceNouns[t.Norm] || anonCues[t.Norm] {
		return false
	}
	if i == 0 && sentenceStarters[t.Norm] {
		return false
	}
	return i+1 >= w.len() || !sourceNouns[w.at(i+1).Norm] || isCapitalized(w.at(i+1).Cased)
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
