package lexicon

import (
	"slices"
	"strings"
)

// Annotate returns text with a marker after each matched span, so a
// researcher sees exactly why a sentence scored what it did:
// "[cooperation: cooperat*]" for a frame, "[positive: good]" for tone,
// "[actor us_government: Washington]" for an actor, with "NOT " before the
// set of a negated hit. tokens and matches must come from Tokenize(text)
// and Match(tokens); matches that do not fit the tokens are ignored. The
// `framing lexicon explain` command is built on it.
func (m *Matcher) Annotate(text string, tokens []Token, matches []Match) string {
	type mark struct {
		at    int
		order int
		label string
	}
	var marks []mark
	for i, mt := range matches {
		if mt.Start < 0 || mt.End > len(tokens) || mt.Start >= mt.End {
			continue
		}
		at := tokens[mt.End-1].End
		if at < 0 || at > len(text) {
			continue
		}
		marks = append(marks, mark{at, i, label(mt)})
	}
	slices.SortStableFunc(marks, func(a, b mark) int { return a.at - b.at })
	var b strings.Builder
	last := 0
	for _, mk := range marks {
		b.WriteString(text[last:mk.at])
		b.WriteString(mk.label)
		last = mk.at
	}
	b.WriteString(text[last:])
	return b.String()
}

func label(mt Match) string {
	var b strings.Builder
	b.WriteByte('[')
	if mt.Negated {
		b.WriteString("NOT ")
	}
	switch mt.Kind {
	case Frame:
		b.WriteString(mt.Set)
	case Actor:
		b.WriteString("actor ")
		b.WriteString(mt.Set)
	default:
		b.WriteString(mt.Kind.String())
	}
	b.WriteString(": ")
	b.WriteString(mt.Entry)
	b.WriteByte(']')
	return b.String()
}
