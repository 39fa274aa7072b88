package lexicon

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// TokenKind tells words from punctuation, so that phrases and negation scope
// can stop at punctuation.
type TokenKind uint8

const (
	// Word is a run of letters and digits (with joined contractions,
	// dotted acronyms and decimal numbers).
	Word TokenKind = iota
	// Punct is one punctuation or symbol character.
	Punct
)

// String returns "word" or "punct", for test output and debugging.
func (k TokenKind) String() string {
	if k == Punct {
		return "punct"
	}
	return "word"
}

// Token is one token of normalized text. Offsets are byte offsets into the
// string given to Tokenize, so callers can quote the original text.
type Token struct {
	Norm  string    // NFKC, case-folded, accents stripped, quotes/dashes unified
	Cased string    // as Norm but case kept (for entries written in capitals)
	Start int       // byte offset of the first byte in the original text
	End   int       // byte offset just past the token
	Kind  TokenKind // Word or Punct
}

// Tokenize splits text into word and punctuation tokens the way lexicon
// entries are split, so that text and entries line up. The rules (hyphens,
// contractions, possessives, acronyms) are in docs/lexicon.md.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/TokenBytes+1), text)
}

// AppendTokens appends the tokens of text, as Tokenize returns them, to dst
// and returns the extended slice. Offsets are into text, not into whatever
// text dst's tokens came from. A caller that tokenizes many sentences of one
// document can so keep all their tokens in one growing block.
func AppendTokens(dst []Token, text string) []Token {
	t := tokenizer{text: text, toks: dst}
	t.run()
	return t.toks
}

// AppendTokensLowered is AppendTokens for a caller that already holds
// lowered, text with its ASCII letters lowered: LowerASCII(text), or the
// same span of LowerASCII of the whole document. The Norm of capitalized
// words are then slices of lowered, so a document cut into many sentences is
// lowered once rather than once per sentence. The tokens are those of
// AppendTokens(dst, text). It panics if lowered and text differ in length,
// which can only be a caller's mistake.
func AppendTokensLowered(dst []Token, text, lowered string) []Token {
	if len(lowered) != len(text) {
		panic("lexicon.AppendTokensLowered: lowered text differs in length from text")
	}
	t := tokenizer{text: text, toks: dst, lower: lowered}
	t.run()
	return t.toks
}

// AppendSpanTokens appends the tokens of doc[start:end], tokenized as a text
// of its own (as AppendTokensLowered tokenizes it), with offsets into doc:
// a caller that cuts a document into sentences gets document offsets
// without adjusting every token. lowered is LowerASCII(doc). It panics if
// lowered and doc differ in length, which can only be a caller's mistake.
func AppendSpanTokens(dst []Token, doc, lowered string, start, end int) []Token {
	if len(lowered) != len(doc) {
		panic("lexicon.AppendSpanTokens: lowered text differs in length from doc")
	}
	t := tokenizer{text: doc[start:end], toks: dst, lower: lowered[start:end], base: start}
	t.run()
	return t.toks
}

// LowerASCII returns s with its ASCII letters lowered and every other byte as
// it is, so byte offsets into s are valid in the result; see
// AppendTokensLowered. It returns s itself when s has no ASCII capital.
func LowerASCII(s string) string {
	if !hasASCIIUpper(s) {
		return s
	}
	return lowerASCIIBytes(s)
}

// AppendLowerASCII appends s with its ASCII letters lowered to dst, as
// LowerASCII returns it, so that a caller can keep the lowered text of
// document after document in one buffer of its own.
func AppendLowerASCII(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	b := dst[n:]
	i := 0
	for ; i+8 <= len(b); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], lower8(binary.LittleEndian.Uint64(b[i:])))
	}
	for ; i < len(b); i++ {
		b[i] = lowerByte[b[i]]
	}
	return dst
}

// lower8 lowers the ASCII capitals among the eight bytes of v: for each
// byte from 'A' to 'Z' (high bit clear, low seven bits at least 'A' and
// below '['), 0x20 is added. No sum carries into the next byte.
func lower8(v uint64) uint64 {
	const low7, high = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	const ones = high / 0x80
	h := v & low7
	upper := (h + ones*(0x80-'A')) &^ (h + ones*(0x80-'[')) &^ v & high
	return v + upper>>2
}

// TokenBytes is about how many bytes of news text make one token, words and
// punctuation together. Tokenize sizes its result from it so that a sentence
// needs one allocation for its tokens rather than a series of regrowths;
// callers may size their per-token buffers the same way.
const TokenBytes = 5

// tokenizer holds the state of one Tokenize call. In glob mode (used for
// lexicon entries) a '*' directly after a word marks that word as a prefix.
type tokenizer struct {
	text  string
	glob  bool
	toks  []Token
	globs []bool // glob mode: globs[i] is true when toks[i] ended in '*'
	err   string // glob mode: first problem found
	errAt int    // byte offset of err
	lower string // text with ASCII letters lowered, given or made on first need; see asciiNorm
	base  int    // added to every token's offsets (see AppendSpanTokens)
}

func (t *tokenizer) fail(at int, msg string) {
	if t.err == "" {
		t.err, t.errAt = msg, at
	}
}

func (t *tokenizer) run() {
	if t.glob {
		for i := 0; i < len(t.text); {
			i = t.step(i)
		}
		return
	}
	// The common tokens, spaces, ASCII punctuation and words of ASCII
	// letters and digits that nothing joins, are handled here with the
	// token slice in a local variable; anything else takes step.
	s, base := t.text, t.base
	toks := t.toks
	for i := 0; i < len(s); {
		switch asciiClass[s[i]] {
		case acSpace:
			i++
			continue
		case acPunct:
			toks = append(toks, Token{Norm: s[i : i+1], Cased: s[i : i+1], Start: base + i, End: base + i + 1, Kind: Punct})
			i++
			continue
		case acWord:
			j, up := scanAlnum(s, i)
			if j < len(s) && mayJoin[s[j]] && !wordEnds(s, i, j) {
				k := contractionEnd(s, i, j)
				if k == 0 {
					break // the general path
				}
				t.toks = toks
				t.segment(i, k)
				toks = t.toks
				i = k
				continue
			}
			norm := s[i:j]
			if up {
				if t.lower == "" {
					t.lower = lowerASCIIBytes(s)
				}
				norm = t.lower[i:j]
			}
			toks = append(toks, Token{Norm: norm, Cased: s[i:j], Start: base + i, End: base + j, Kind: Word})
			i = j
			continue
		}
		t.toks = toks
		i = t.step(i)
		toks = t.toks
	}
	t.toks = toks
}

// step tokenizes what starts at byte i, by the general rules, and returns
// the offset after it.
func (t *tokenizer) step(i int) int {
	s := t.text
	if c := s[i]; c < utf8.RuneSelf {
		return t.ascii(i, c)
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if punctLo <= r && r < punctHi { // quotes, dashes, ellipses: decided by a table
		switch generalPunct[r-punctLo] {
		case gpSkip:
			return i + size
		case gpDash:
			if t.innerDash(i, size) {
				return i + size
			}
			fallthrough
		case gpPunct:
			t.punct(i, i+size)
			return i + size
		}
	}
	switch {
	case r == utf8.RuneError && size <= 1, unicode.IsSpace(r), unicode.IsControl(r):
		return i + size
	case isWordStart(r):
		return t.word(i)
	case isDash(r) && t.innerDash(i, size):
		return i + size // trust-building: a boundary, not a token
	case r == '*' && t.glob:
		t.fail(i, "`*` must directly follow the word it extends")
		return i + size
	default:
		t.punct(i, i+size)
		return i + size
	}
}

// Classes of the General Punctuation runes (U+2000 to U+206F) for step,
// found once by the same tests step makes of any rune: skipped as space or
// control, a dash (a boundary between words, else punctuation), other
// punctuation, or a word start (none is, but step would ask).
const (
	gpWord = iota
	gpSkip
	gpDash
	gpPunct
)

var generalPunct = func() (t [punctHi - punctLo]uint8) {
	for r := rune(punctLo); r < punctHi; r++ {
		c := uint8(gpPunct)
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			c = gpSkip
		case isWordStart(r):
			c = gpWord
		case isDash(r):
			c = gpDash
		}
		t[r-punctLo] = c
	}
	return t
}()

// scanAlnum returns the end of the run of ASCII letters and digits that
// starts at s[i], and whether it holds a capital.
func scanAlnum(s string, i int) (int, bool) {
	up := wordByte[s[i]]
	j := i + 1
	for ; j < len(s); j++ {
		w := wordByte[s[j]]
		if w == 0 {
			break
		}
		up |= w
	}
	return j, up&2 != 0
}

// Classes of a byte for the tokenizer's main loop; see asciiClass.
const (
	acOther = iota // a byte from 0x80, or an ASCII byte with rules of its own: - * `
	acSpace        // space and control bytes: skipped
	acWord         // ASCII letter or digit: starts a word
	acPunct        // any other ASCII byte: a punctuation token of its own
)

// asciiClass gives each byte its acClass. It is never written after
// initialization.
var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch b := byte(c); {
		case b <= ' ' || b == 0x7f:
			t[c] = acSpace
		case isASCIIAlnum(b):
			t[c] = acWord
		case b == '-' || b == '*' || b == '`':
			t[c] = acOther
		default:
			t[c] = acPunct
		}
	}
	return t
}()

// wordByte marks ASCII letters and digits, and capitals with 2.
var wordByte = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if isASCIIAlnum(byte(c)) {
			t[c] = 1
		}
		if 'A' <= c && c <= 'Z' {
			t[c] = 2
		}
	}
	return t
}()

// mayJoin marks the bytes after a run of ASCII letters and digits that may
// go on the word (see wordEnds): apostrophes, '.', ',' and bytes from 0x80.
var mayJoin = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || c == '\'' || c == '`' || c == '.' || c == ','
	}
	return t
}()

// wordEnds reports whether the ASCII letters and digits s[i:j] are a whole
// token, as word would find: the byte at j (j < len(s)) cannot join the
// word (an apostrophe, '.' or ',' between digits, a letter or mark from
// 0x80) or make it a dotted acronym (a single letter and a dot).
func wordEnds(s string, i, j int) bool {
	switch c := s[j]; {
	case c == '\'' || c == '`':
		return false
	case c == '.' || c == ',':
		if c == '.' && j == i+1 && isASCIILetter(s[i]) {
			return false // U.S.
		}
		if isASCIIDigit(s[j-1]) && j+1 < len(s) && (isASCIIDigit(s[j+1]) || s[j+1] >= utf8.RuneSelf) {
			return false // 3.5, 1,000, and digits from 0x80
		}
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(s[j:])
		return !isWordRune(r) && !isApostrophe(r)
	}
	return true
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// ascii handles the ASCII byte c at i as run does any rune, without
// decoding it or asking the Unicode tables, and returns the next offset.
func (t *tokenizer) ascii(i int, c byte) int {
	switch {
	case c <= ' ' || c == 0x7f: // unicode.IsSpace or IsControl
		return i + 1
	case isASCIIAlnum(c):
		return t.word(i)
	case c == '-' && t.innerDash(i, 1): // the only ASCII dash
		return i + 1
	case c == '*' && t.glob:
		t.fail(i, "`*` must directly follow the word it extends")
		return i + 1
	}
	t.punct(i, i+1)
	return i + 1
}

func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// firstMark is the lowest code point in the Mn or Mc categories (U+0300,
// the combining grave accent): below it only letters and digits are word
// runes, which spares the category tables for nearly every rune of Latin text.
const firstMark = 0x300

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	if r < firstMark {
		return unicode.IsLetter(r) || unicode.IsNumber(r)
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// innerDash reports whether the dash at i joins two words (e-mail,
// U.S.-led): such a dash separates tokens without being one.
func (t *tokenizer) innerDash(i, size int) bool {
	prev, _ := utf8.DecodeLastRuneInString(t.text[:i])
	next, _ := utf8.DecodeRuneInString(t.text[i+size:])
	return (isWordRune(prev) || prev == '.') && isWordStart(next)
}

func (t *tokenizer) punct(start, end int) {
	t.add(t.text[start:end], start, end, Punct)
}

// add appends the token raw, which spans text[start:end] (or stands for it,
// as the letters of an acronym do).
func (t *tokenizer) add(raw string, start, end int, kind TokenKind) {
	var norm, cased string
	if plain, upper := asciiShape(raw); plain {
		// normalizeCased keeps plain ASCII as it is and fold lowers it.
		norm, cased = raw, raw
		if upper {
			norm = t.asciiNorm(raw, start, end)
		}
	} else {
		cased, norm = normalizeToken(raw)
	}
	t.toks = append(t.toks, Token{Norm: norm, Cased: cased, Start: t.base + start, End: t.base + end, Kind: kind})
	if t.glob {
		t.globs = append(t.globs, false)
	}
}

// asciiShape reports whether s is plain ASCII (isPlainASCII) and, if so,
// whether it has an ASCII capital, in one pass.
func asciiShape(s string) (plain, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '`' {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

// asciiNorm returns strings.ToLower(raw) for a plain ASCII raw with a
// capital. When raw is text[start:end] it slices a lowered copy of the whole
// text, given by the caller or made once per call, instead of allocating a
// string per capitalized token.
func (t *tokenizer) asciiNorm(raw string, start, end int) string {
	if end-start != len(raw) || t.text[start:end] != raw {
		return strings.ToLower(raw)
	}
	if t.lower == "" {
		t.lower = lowerASCIIBytes(t.text)
	}
	return t.lower[start:end]
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCIIBytes lowers the ASCII letters of s and leaves every other byte
// as it is, so byte offsets into s stay valid in the result. It allocates
// once: the bytes it fills become the string, as in strings.Builder.
func lowerASCIIBytes(s string) string {
	b := AppendLowerASCII(make([]byte, 0, len(s)), s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lowerByte maps each ASCII capital to its lower case and every other byte
// to itself.
var lowerByte = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// word scans the word starting at i and emits its tokens; it returns the
// offset after the word.
func (t *tokenizer) word(i int) int {
	if end, letters := acronymAt(t.text, i); end > 0 {
		t.emit(letters, i, end)
		return t.globSuffix(end + possessiveAfter(t.text[end:]))
	}
	j := scanWord(t.text, i)
	t.segment(i, j)
	return t.globSuffix(j)
}

// segment emits the word text[i:j] as scanWord found it: a possessive 's
// dropped, a final n't split off, else the word whole.
func (t *tokenizer) segment(i, j int) {
	seg := t.text[i:j]
	if k := possessiveAt(seg); k >= 0 {
		t.emit(seg[:k], i, i+k) // Trump's → Trump; the 's is dropped
	} else if k := negationAt(seg); k >= 0 {
		if k > 0 {
			t.emit(contractionBase(seg[:k]), i, i+k)
		}
		t.emit(seg[k:], i+k, j)
	} else {
		t.emit(seg, i, j)
	}
}

// contractionEnd returns where scanWord would end the word at s[i] when
// s[i:j] are ASCII letters and digits followed by an apostrophe (' ` ‘ or
// ’) between letters and then ASCII letters only (Trump’s, don’t, they're),
// or 0 when it cannot tell that cheaply; then the general path runs.
func contractionEnd(s string, i, j int) int {
	if !isASCIILetter(s[j-1]) {
		return 0
	}
	a := 1
	switch c := s[j]; {
	case c == '\'' || c == '`':
	case curlyApostropheAt(s, j):
		a = 3
	default:
		return 0
	}
	if j+a >= len(s) || !isASCIILetter(s[j+a]) {
		return 0
	}
	k, _ := scanAlnum(s, j+a)
	if k < len(s) && mayJoin[s[k]] {
		return 0
	}
	return k
}

// globSuffix consumes a '*' after a word in glob mode.
func (t *tokenizer) globSuffix(j int) int {
	if !t.glob || j >= len(t.text) || t.text[j] != '*' {
		return j
	}
	t.globs[len(t.globs)-1] = true
	if r, _ := utf8.DecodeRuneInString(t.text[j+1:]); j+1 < len(t.text) && (isWordRune(r) || r == '*') {
		t.fail(j, "`*` is allowed only at the end of a word")
	}
	return j + 1
}

func (t *tokenizer) emit(raw string, start, end int) { t.add(raw, start, end, Word) }

// scanWord returns the end of the word starting at i: letters, digits and
// marks, an apostrophe between letters (o'brien, don't), and '.' or ','
// between digits (3.5, 1,000).
func scanWord(s string, i int) int {
	var prev rune
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && isASCIIAlnum(c) {
			prev = rune(c)
			i++
			continue
		} else if c < utf8.RuneSelf && c != '\'' && c != '`' && c != '.' && c != ',' {
			return i // ASCII, neither a word byte nor one that may join
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
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

// acronymAt recognizes a dotted acronym at i (U.S., C.I.A., U.S): single
// letters each followed by a dot, at least two letters. It returns the end
// offset (after the last dot) and the letters joined, or 0.
func acronymAt(s string, i int) (int, string) {
	if i < len(s) && s[i] < utf8.RuneSelf && (!isASCIILetter(s[i]) || i+1 >= len(s) || s[i+1] != '.') {
		return 0, "" // an acronym's first letter is followed by a dot
	}
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
		if n >= 1 && !isWordRune(after) {
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
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && isWordRune(r) {
		return 0, ""
	}
	return j, letters.String()
}

// possessiveAt returns the offset of a final possessive 's in seg, or -1.
func possessiveAt(seg string) int {
	if n := len(seg); n == 0 || seg[n-1] != 's' && seg[n-1] != 'S' {
		return -1
	}
	const size = 1 // an ASCII last byte is the whole last rune
	a, asize := utf8.DecodeLastRuneInString(seg[:len(seg)-size])
	if !isApostrophe(a) || len(seg)-size-asize == 0 {
		return -1
	}
	return len(seg) - size - asize
}

// possessiveAfter returns the length of a possessive 's at the start of s
// (after an acronym: the U.S.'s allies), or 0.
func possessiveAfter(s string) int {
	a, asize := utf8.DecodeRuneInString(s)
	if !isApostrophe(a) || len(s) < asize+1 || (s[asize] != 's' && s[asize] != 'S') {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[asize+1:]); asize+1 < len(s) && isWordRune(r) {
		return 0
	}
	return asize + 1
}

// negationAt returns the offset of a final n't in seg (don't → do + n't), or
// -1.
func negationAt(seg string) int {
	if n := len(seg); n == 0 || seg[n-1] != 't' && seg[n-1] != 'T' {
		return -1
	}
	rest := seg[:len(seg)-1] // an ASCII last byte is the whole last rune
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

// contractionBase restores the verb of can't, won't and shan't, whose n't
// split leaves "ca", "wo" and "sha".
func contractionBase(base string) string {
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
