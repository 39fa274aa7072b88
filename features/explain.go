package features

import (
	"regexp"
	"slices"
	"strings"

	"framing/lexicon"
)

// Explain shows a researcher why an article scored as it did: the cleaned
// title and text (title, blank line, paragraphs separated by blank lines)
// with a mark after every match:
//
//	frame hit        [dimension: entry]   or [dimension: entry, negated]
//	actor mention    [actor: name]
//	tone word        [+entry] / [-entry]  (", negated" appended when negated)
//	intensifier      [intensifier: entry]
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
	for _, s := range d.sentences {
		for _, mt := range s.matches {
			if mt.Start < 0 || mt.End > len(s.toks) || mt.Start >= mt.End {
				continue
			}
			mk := mark{at: s.toks[mt.End-1].End, text: label(mt)}
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
