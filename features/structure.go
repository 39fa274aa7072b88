package features

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleAbbrevs never end a sentence: they stand before a name.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "sgt": true, "st": true, "prof": true, "capt": true,
	"cmdr": true, "adm": true, "maj": true, "pres": true, "supt": true, "insp": true,
	"e.g": true, "i.e": true, "vs": true, "cf": true, "approx": true,
}

// ambiguousAbbrevs may end a sentence ("… in the U.S. The talks …") or not
// ("the U.S. Senate"): the splitter ends the sentence only when the next word
// is a capitalized sentence starter (see sentenceStarters).
var ambiguousAbbrevs = map[string]bool{
	"u.s": true, "u.n": true, "u.k": true, "e.u": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true,
	"ltd": true, "co": true, "a.m": true, "p.m": true,
}

// titleShapes and ambiguousShapes rule out most words before the map
// lookups of dotEnds, which runs at every '.' followed by a space.
var titleShapes, ambiguousShapes = newWordShapes(titleAbbrevs), newWordShapes(ambiguousAbbrevs)

// sentenceStarters are words that rarely follow an abbreviation inside a
// name or phrase but often open a sentence.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "you": true, "but": true, "and": true, "in": true, "on": true,
	"at": true, "this": true, "that": true, "these": true, "those": true, "there": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "if": true, "when": true,
	"after": true, "before": true, "while": true, "as": true, "some": true, "many": true,
	"then": true, "however": true, "still": true, "yet": true, "so": true, "for": true,
	"el": true, "la": true, "los": true, "las": true, "pero": true, "en": true,
}

// appendSentences appends the sentences of text[p.Start:p.End] to dst as
// spans of text, trimmed of surrounding space. A sentence ends after '.', '!', '?' or
// '…' (with any closing quotes and brackets that follow) when whitespace and
// then a sentence opening follow. It does not end:
//   - after a title or Latin abbreviation (Mr., Gen., e.g., vs.), or after
//     No. when a digit follows (No. 3);
//   - after an ambiguous abbreviation (U.S., Jan., Jr.) unless a capitalized
//     sentence starter follows ("The", "But", "He");
//   - after an initial (J. Smith): one capital letter and a dot;
//   - inside a number (3.5 has no space after the dot);
//   - when the next word starts with a lower-case letter.
func appendSentences(dst []span, text string, p span) []span {
	out := dst
	start := p.Start
	for i := p.Start; i < p.End; {
		i = skipPlain(text, i, p.End, '.', '!', '?')
		if i == p.End {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // the common case: an ASCII byte that ends nothing
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) {
			i += size
			continue
		}
		j := skipClosers(text, i+size, p.End)
		k := skipSpace(text, j, p.End)
		if k == j || k >= p.End {
			i = j
			continue
		}
		if r == '.' && !dotEnds(text, start, i, k, p.End) || !opensSentence(text, k) {
			i = j
			continue
		}
		out = appendTrimmed(out, text, start, j)
		start = k
		i = k
	}
	return appendTrimmed(out, text, start, p.End)
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// skipClosers skips further terminators and closing quotes or brackets.
func skipClosers(text string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) && !strings.ContainsRune("\"'”’)]»", r) {
			return i
		}
		i += size
	}
	return i
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// opensSentence reports whether text[k:] starts like a sentence: not with a
// lower-case letter.
func opensSentence(text string, k int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:])
	return !unicode.IsLower(r)
}

// dotEnds decides whether the dot at i ends the sentence that started at
// from, given that the next word starts at k.
func dotEnds(text string, from, i, k, end int) bool {
	w := wordBefore(text, from, i)
	if w == "" {
		return true
	}
	var buf [16]byte
	lw := lowerWord(w, buf[:0]) // looked up as string(lw): no allocation
	if titleShapes.has(string(lw)) && titleAbbrevs[string(lw)] {
		return false
	}
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return false // an initial: J. Smith
	}
	if string(lw) == "no" || string(lw) == "nos" { // No. 3 is a number; "said no." ends
		r, _ := utf8.DecodeRuneInString(text[k:])
		return !unicode.IsDigit(r)
	}
	if ambiguousShapes.has(string(lw)) && ambiguousAbbrevs[string(lw)] {
		next := wordAt(text, k, end)
		r, _ := utf8.DecodeRuneInString(next)
		return unicode.IsUpper(r) && sentenceStarters[string(lowerWord(next, buf[:0]))]
	}
	return true
}

// lowerWord appends strings.ToLower(w) to buf: lowered ASCII bytes, or
// strings.ToLower's result when w has a byte from 0x80.
func lowerWord(w string, buf []byte) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// wordBefore returns the letters and inner dots just before the dot at i
// ("U.S" for "U.S.", "Mr" for "Mr."), not reaching before from.
func wordBefore(text string, from, i int) string {
	j := i
	for j > from {
		r, size := utf8.DecodeLastRuneInString(text[from:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	return strings.Trim(text[j:i], ".")
}

// wordAt returns the run of letters starting at k.
func wordAt(text string, k, end int) string {
	j := k
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return text[k:j]
}

// appendTrimmed appends text[a:b] trimmed of space when it is not empty.
func appendTrimmed(out []span, text string, a, b int) []span {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	if a < b {
		out = append(out, span{a, b})
	}
	return out
}
