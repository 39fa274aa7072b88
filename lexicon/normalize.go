package lexicon

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// unifyRune maps typographic variants to one plain form, so that a text set
// with curly quotes or en dashes matches a lexicon typed with straight ones.
func unifyRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return '-'
	}
	return r
}

// isApostrophe reports whether r is any of the apostrophe-like characters that
// unifyRune turns into '.
func isApostrophe(r rune) bool { return unifyRune(r) == '\'' }

// isDash reports whether r is a hyphen or dash of any kind.
func isDash(r rune) bool { return unifyRune(r) == '-' }

// normalizeCased returns s in NFKC with accents stripped and typographic
// quotes and dashes unified, keeping case. It is the Cased form of a token.
func normalizeCased(s string) string {
	if isPlainASCII(s) {
		return s
	}
	s = norm.NFKC.String(s)
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent: Rodríguez → Rodriguez
		}
		b.WriteRune(unifyRune(r))
	}
	return norm.NFC.String(b.String())
}

// fold case-folds s. It uses full Unicode simple folding to lower case plus
// the one common multi-letter fold, ß → ss, so "STRASSE" and "straße" meet.
func fold(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "ßẞ") {
		s = strings.NewReplacer("ß", "ss", "ẞ", "ss").Replace(s)
	}
	return s
}

// Normalize returns the form a lexicon entry or token is compared in: NFKC,
// accents stripped, quotes and dashes unified, case-folded. It is exported so
// that callers (features, the CLI) can show researchers the compared form.
func Normalize(s string) string { return fold(normalizeCased(s)) }

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '`' {
			return false
		}
	}
	return true
}

// isUpperEntry reports whether an entry is written in capitals: at least two
// letters and every letter upper case (US, CIA, OPEC). Such entries match
// case-sensitively, so the pronoun "us" is not the country "US".
func isUpperEntry(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// normalizeToken returns the Cased and Norm forms of a token that is not
// plain ASCII: normalizeCased (or raw itself when that is empty) and its
// fold. The tokens of this kind in news are nearly all a curly quote, a dash
// or an ellipsis on its own, or a contraction with a curly apostrophe
// (n’t, they’re); those take a table or a byte copy instead of three
// normalization passes and their allocations.
func normalizeToken(raw string) (cased, norm string) {
	if r, size := utf8.DecodeRuneInString(raw); size == len(raw) {
		if f := singleRune(r); f != nil {
			return f.cased, f.norm
		}
	}
	if c, ok := straightenApostrophes(raw); ok {
		return c, fold(c)
	}
	cased = normalizeCased(raw)
	if cased == "" {
		cased = raw
	}
	return cased, fold(cased)
}

// runeForms are the forms of a one-rune token.
type runeForms struct{ cased, norm string }

// Ranges of runes whose one-rune token forms are kept in a table: Latin-1
// and General Punctuation, where the quotes, dashes and ellipses are.
const (
	latin1Lo, latin1Hi = 0x80, 0x100
	punctLo, punctHi   = 0x2000, 0x2070
)

// runeTable holds the forms of every rune of the two ranges, computed by
// the general path on first use, so that the table cannot disagree with it.
var runeTable = sync.OnceValue(func() []runeForms {
	t := make([]runeForms, 0, latin1Hi-latin1Lo+punctHi-punctLo)
	for _, rg := range [][2]rune{{latin1Lo, latin1Hi}, {punctLo, punctHi}} {
		for r := rg[0]; r < rg[1]; r++ {
			raw := string(r)
			c := normalizeCased(raw)
			if c == "" {
				c = raw
			}
			t = append(t, runeForms{c, fold(c)})
		}
	}
	return t
})

// singleRune returns the table entry of r, or nil outside the table.
func singleRune(r rune) *runeForms {
	switch {
	case latin1Lo <= r && r < latin1Hi:
		return &runeTable()[r-latin1Lo]
	case punctLo <= r && r < punctHi:
		return &runeTable()[latin1Hi-latin1Lo+r-punctLo]
	}
	return nil
}

// straightenApostrophes returns normalizeCased(s) for an s of ASCII and the
// curly apostrophes ‘ and ’ only: each of them, and each `, becomes '. None
// of these runes changes under NFKC or NFD or combines with another.
func straightenApostrophes(s string) (string, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			if !curlyApostropheAt(s, i) {
				return "", false
			}
			n++
			i += 2
		}
	}
	b := make([]byte, 0, len(s)-2*n)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '`':
			b = append(b, '\'')
		case c >= utf8.RuneSelf:
			b = append(b, '\'')
			i += 2
		default:
			b = append(b, c)
		}
	}
	if string(b) == "n't" {
		return "n't", true // the most common of them: no allocation kept
	}
	return string(b), true
}

// curlyApostropheAt reports whether s holds ‘ (E2 80 98) or ’ (E2 80 99)
// at i.
func curlyApostropheAt(s string, i int) bool {
	return i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0x98 || s[i+2] == 0x99)
}
