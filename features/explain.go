package features

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"framing/lexicon"
)

// Explain shows a researcher why an article scored as it did: the cleaned
// title and text (title, blank line, paragraphs separated by blank lines)
// with a mark after every match:
//
//	frame hit        [dimension: entry]   or [dimension: entry, negated]
//	actor mention    [actor: name]        or [actor: name, speaker] for the source of an attribution
//	tone word        [+entry] / [-entry]  (", negated" appended when negated)
//	intensifier      [intensifier: entry]
//
// An actor mention that received tone lists, after its name, every tone
// word that counted for it with its polarity after negation, its weight
// (entry weight × intensifier × proximity, docs/stance.md) and its voice:
// [actor: mayor; -reckless 1 authorial; +fair 0.25 quoted].
//
// Marks at the same place follow the matcher's order. A nil matcher gives the
// cleaned text without marks. boilerplate are the user's extra line patterns
// (Options.Boilerplate), so that the text explained is the text scored.
func Explain(in Input, m *lexicon.Matcher, boilerplate []*regexp.Regexp) string {
	buf := getScratch()
	defer scratchPool.Put(buf)
	d := analyze(in, m, boilerplate, buf)
	defer buf.keep(&d)
	var title, body []mark
	for si := range d.sentences {
		s := &d.sentences[si]
		buf.shares = buf.target.shares(buf.shares[:0], s, d.quotes)
		for i, mt := range s.matches {
			if mt.Start < 0 || mt.End > len(s.toks) || mt.Start >= mt.End {
				continue
			}
			text := label(mt)
			if mt.Kind == lexicon.Actor {
				text = actorLabel(s, i, buf.target.mentions, buf.shares)
			}
			mk := mark{at: s.toks[mt.End-1].End, text: text}
			if s.title {
				title = append(title, mk)
			} else {
				body = append(body, mk)
			}
		}
	}
	var b strings.Builder
	if d.title != "" {
		b.WriteString(annotate(d.title, title))
		b.WriteString("\n\n")
	}
	b.WriteString(annotate(d.body.text, body))
	b.WriteString("\n")
	return b.String()
}

// mark is a label to insert at byte offset at.
type mark struct {
	at   int
	text string
}

// label formats one match as its Explain mark.
func label(mt lexicon.Match) string {
	neg := ""
	if mt.Negated {
		neg = ", negated"
	}
	switch mt.Kind {
	case lexicon.Frame:
		return "[" + mt.Set + ": " + mt.Entry + neg + "]"
	case lexicon.Actor:
		return "[actor: " + mt.Set + "]"
	case lexicon.Positive:
		return "[+" + mt.Entry + neg + "]"
	case lexicon.Negative:
		return "[-" + mt.Entry + neg + "]"
	case lexicon.Intensifier:
		return "[intensifier: " + mt.Entry + "]"
	}
	return "[" + mt.Kind.String() + ": " + mt.Entry + "]"
}

// actorLabel is the mark of actor match i of s: its name, whether it is a
// speaker, and the tone words whose shares went to it.
func actorLabel(s *sentence, i int, mentions []mention, shares []toneShare) string {
	var b strings.Builder
	b.WriteString("[actor: " + s.matches[i].Set)
	for _, m := range mentions {
		if m.match == i && m.speaker {
			b.WriteString(", speaker")
		}
	}
	for _, sh := range shares {
		if sh.mention != i {
			continue
		}
		sign, voice := "-", "authorial"
		if sh.positive {
			sign = "+"
		}
		if sh.quoted {
			voice = "quoted"
		}
		w := strconv.FormatFloat(math.Round(sh.weight*1000)/1000, 'f', -1, 64)
		b.WriteString("; " + sign + s.matches[sh.tone].Entry + " " + w + " " + voice)
	}
	b.WriteByte(']')
	return b.String()
}

// annotate inserts each mark, preceded by a space, at its offset in text.
func annotate(text string, marks []mark) string {
	slices.SortStableFunc(marks, func(a, b mark) int { return a.at - b.at })
	var b strings.Builder
	last := 0
	for _, mk := range marks {
		b.WriteString(text[last:mk.at])
		b.WriteString(" " + mk.text)
		last = mk.at
	}
	b.WriteString(text[last:])
	return b.String()
}
