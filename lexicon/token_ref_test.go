package lexicon

// This file keeps the tokenizer as it was before the ASCII fast paths and
// the caller-lowered text (2026-11-30), as the reference that
// TestTokenizeMatchesReference and FuzzTokenizeReference compare with.
// Do not change it; only the renaming (ref prefix) differs from the old code.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// refTokenize is the old Tokenize.
func refTokenize(text string) []Token {
	t := refTokenizer{text: text, toks: make([]Token, 0, len(text)/TokenBytes+1)}
	t.run()
	return t.toks
}

// refTokenizer holds the state of one Tokenize call. In glob mode (used for
// lexicon entries) a '*' directly after a word marks that word as a prefix.
type refTokenizer struct {
	text  string
	glob  bool
	toks  []Token
	globs []bool // glob mode: globs[i] is true when toks[i] ended in '*'
	err   string // glob mode: first problem found
	errAt int    // byte offset of err
	lower string // text with ASCII letters lowered, made on first need; see asciiNorm
}

func (t *refTokenizer) fail(at int, msg string) {
	if t.err == "" {
		t.err, t.errAt = msg, at
	}
}

func (t *refTokenizer) run() {
	s := t.text
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1, unicode.IsSpace(r), unicode.IsControl(r):
			i += size
		case refIsWordStart(r):
			i = t.word(i)
		case isDash(r) && t.innerDash(i, size):
			i += size // trust-building: a boundary, not a token
		case r == '*' && t.glob:
			t.fail(i, "`*` must directly follow the word it extends")
			i += size
		default:
			t.punct(i, i+size)
			i += size
		}
	}
}

func refIsWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// refFirstMark is the lowest code point in the Mn or Mc categories (U+0300,
// the combining grave accent): below it only letters and digits are word
// runes, which spares the category tables for nearly every rune of Latin text.
const refFirstMark = 0x300

func refIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r < refFirstMark {
		return unicode.IsLetter(r) || unicode.IsNumber(r)
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// innerDash reports whether the dash at i joins two words (e-mail,
// U.S.-led): such a dash separates tokens without being one.
func (t *refTokenizer) innerDash(i, size int) bool {
	prev, _ := utf8.DecodeLastRuneInString(t.text[:i])
	next, _ := utf8.DecodeRuneInString(t.text[i+size:])
	return (refIsWordRune(prev) || prev == '.') && refIsWordStart(next)
}

func (t *refTokenizer) punct(start, end int) {
	t.add(t.text[start:end], start, end, Punct)
}

// add appends the token raw, which spans text[start:end] (or stands for it,
// as the letters of an acronym do).
func (t *refTokenizer) add(raw string, start, end int, kind TokenKind) {
	var norm, cased string
	if isPlainASCII(raw) {
		// normalizeCased keeps plain ASCII as it is and fold lowers it.
		norm, cased = t.asciiNorm(raw, start, end), raw
	} else {
		cased = normalizeCased(raw)
		if cased == "" {
			cased = raw
		}
		norm = fold(cased)
	}
	t.toks = append(t.toks, Token{Norm: norm, Cased: cased, Start: start, End: end, Kind: kind})
	if t.glob {
		t.globs = append(t.globs, false)
	}
}

// asciiNorm returns strings.ToLower(raw) for a plain ASCII raw. When raw is
// text[start:end] it slices a lowered copy of the whole text, made once per
// Tokenize call, instead of allocating a string per capitalized token.
func (t *refTokenizer) asciiNorm(raw string, start, end int) string {
	if !refHasASCIIUpper(raw) {
		return raw
	}
	if end-start != len(raw) || t.text[start:end] != raw {
		return strings.ToLower(raw)
	}
	if t.lower == "" {
		t.lower = refLowerASCIIBytes(t.text)
	}
	return t.lower[start:end]
}

func refIsASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func refHasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// refLowerASCIIBytes lowers the ASCII letters of s and leaves every other byte
// as it is, so byte offsets into s stay valid in the result.
func refLowerASCIIBytes(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// word scans the word starting at i and emits its tokens; it returns the
// offset after the word.
func (t *refTokenizer) word(i int) int {
	if end, letters := refAcronymAt(t.text, i); end > 0 {
		t.emit(letters, i, end)
		return t.globSuffix(end + refPossessiveAfter(t.text[end:]))
	}
	j := refScanWord(t.text, i)
	seg := t.text[i:j]
	if k := refPossessiveAt(seg); k >= 0 {
		t.emit(seg[:k], i, i+k) // Trump's → Trump; the 's is dropped
	} else if k := refNegationAt(seg); k >= 0 {
		if k > 0 {
			t.emit(refContractionBase(seg[:k]), i, i+k)
		}
		t.emit(seg[k:], i+k, j)
	} else {
		t.emit(seg, i, j)
	}
	return t.globSuffix(j)
}

// globSuffix consumes a '*' after a word in glob mode.
func (t *refTokenizer) globSuffix(j int) int {
	if !t.glob || j >= len(t.text) || t.text[j] != '*' {
		return j
	}
	t.globs[len(t.globs)-1] = true
	if r, _ := utf8.DecodeRuneInString(t.text[j+1:]); j+1 < len(t.text) && (refIsWordRune(r) || r == '*') {
		t.fail(j, "`*` is allowed only at the end of a word")
	}
	return j + 1
}

func (t *refTokenizer) emit(raw string, start, end int) { t.add(raw, start, end, Word) }

// refScanWord returns the end of the word starting at i: letters, digits and
// marks, an apostrophe between letters (o'brien, don't), and '.' or ','
// between digits (3.5, 1,000).
func refScanWord(s string, i int) int {
	var prev rune
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && refIsASCIIAlnum(c) {
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if refIsWordRune(r) {
			prev = r
			i += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(s[i+size:])
		joins := (isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next)) ||
			((r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next))
		if !joins || nsize == 0 {
			return i
		}
		prev = next
		i += size + nsize
	}
	return i
}

// refAcronymAt recognizes a dotted acronym at i (U.S., C.I.A., U.S): single
// letters each followed by a dot, at least two letters. It returns the end
// offset (after the last dot) and the letters joined, or 0.
func refAcronymAt(s string, i int) (int, string) {
	var letters strings.Builder
	n, j := 0, i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		after, asize := utf8.DecodeRuneInString(s[j+size:])
		if after == '.' {
			letters.WriteRune(r)
			n++
			j += size + 1
			continue
		}
		if n >= 1 && !refIsWordRune(after) {
			letters.WriteRune(r) // U.S without the final dot
			n++
			j += size
		}
		_ = asize
		break
	}
	if n < 2 {
		return 0, ""
	}
	// A word must not go on after the acronym: "U.Sa" is not an acronym.
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && refIsWordRune(r) {
		return 0, ""
	}
	return j, letters.String()
}

// refPossessiveAt returns the offset of a final possessive 's in seg, or -1.
func refPossessiveAt(seg string) int {
	r, size := utf8.DecodeLastRuneInString(seg)
	if r != 's' && r != 'S' {
		return -1
	}
	a, asize := utf8.DecodeLastRuneInString(seg[:len(seg)-size])
	if !isApostrophe(a) || len(seg)-size-asize == 0 {
		return -1
	}
	return len(seg) - size - asize
}

// refPossessiveAfter returns the length of a possessive 's at the start of s
// (after an acronym: the U.S.'s allies), or 0.
func refPossessiveAfter(s string) int {
	a, asize := utf8.DecodeRuneInString(s)
	if !isApostrophe(a) || len(s) < asize+1 || (s[asize] != 's' && s[asize] != 'S') {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[asize+1:]); asize+1 < len(s) && refIsWordRune(r) {
		return 0
	}
	return asize + 1
}

// refNegationAt returns the offset of a final n't in seg (don't → do + n't), or
// -1.
func refNegationAt(seg string) int {
	r, size := utf8.DecodeLastRuneInString(seg)
	if r != 't' && r != 'T' {
		return -1
	}
	rest := seg[:len(seg)-size]
	a, asize := utf8.DecodeLastRuneInString(rest)
	if !isApostrophe(a) {
		return -1
	}
	rest = rest[:len(rest)-asize]
	if n, nsize := utf8.DecodeLastRuneInString(rest); n == 'n' || n == 'N' {
		return len(rest) - nsize
	}
	return -1
}

// refContractionBase restores the verb of can't, won't and shan't, whose n't
// split leaves "ca", "wo" and "sha".
func refContractionBase(base string) string {
	switch strings.ToLower(base) {
	case "ca":
		return base + "n"
	case "wo":
		if base == "WO" {
			return "WILL"
		}
		return base[:1] + "ill"
	case "sha":
		return base + "ll"
	}
	return base
}
