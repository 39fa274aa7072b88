package lexicon

import (
	"strings"
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
