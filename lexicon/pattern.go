package lexicon

import (
	"fmt"
	"strings"
)

// wordPat is one word of a compiled entry: an exact form or a prefix.
type wordPat struct {
	text string // Norm form, or Cased form when the entry is in capitals
	glob bool   // text is a prefix (the entry word ended in '*')
}

// pattern is an entry tokenized by the text tokenizer, so that entries and
// text line up (U.S., e-mail, don't).
type pattern struct {
	words   []wordPat
	cased   bool // written in capitals: compare Token.Cased
	exact   int  // number of exact (non-glob) words
	literal int  // bytes of literal text across all words
}

// String renders the pattern in canonical form: words joined by one space,
// '*' after prefixes, case kept only for case-sensitive entries.
func (p pattern) String() string {
	var b strings.Builder
	for i, w := range p.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
		if w.glob {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// parseEntry tokenizes an entry. On failure it returns a message saying what
// is wrong with the entry.
func parseEntry(text string) (pattern, error) {
	if strings.TrimSpace(text) == "" {
		return pattern{}, fmt.Errorf("empty entry")
	}
	t := tokenizer{text: text, glob: true}
	t.run()
	if t.err != "" {
		return pattern{}, fmt.Errorf("entry %q: %s", text, t.err)
	}
	p := pattern{cased: isUpperEntry(text)}
	for i, tok := range t.toks {
		if tok.Kind == Punct {
			if tok.Norm == "-" {
				return pattern{}, fmt.Errorf("entry %q: empty phrase part (a hyphen must join two words)", text)
			}
			return pattern{}, fmt.Errorf("entry %q: punctuation %q is not allowed in an entry", text, tok.Norm)
		}
		w := wordPat{text: tok.Norm, glob: t.globs[i]}
		if p.cased {
			w.text = tok.Cased
		}
		if !w.glob {
			p.exact++
		}
		p.literal += len(w.text)
		p.words = append(p.words, w)
	}
	if len(p.words) == 0 {
		return pattern{}, fmt.Errorf("entry %q has no words", text)
	}
	return p, nil
}
