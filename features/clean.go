package features

import (
	"hash/maphash"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [Start, End) in a string.
type span struct{ Start, End int }

// cleaned is an article body after cleaning: the paragraphs joined by a blank
// line ("\n\n"), their spans in that text, and what cleaning removed.
type cleaned struct {
	text         string
	paras        []span
	htmlStripped bool
	boilerplate  int    // lines removed by a boilerplate pattern
	duplicates   int    // paragraphs removed as exact repeats
	footerOutlet string // X of a "The post … appeared first on X." line
}

// clean turns raw article text into paragraphs, counting every removal:
//
//  1. HTML is stripped when the text looks like HTML (see looksLikeHTML).
//  2. Lines matching a boilerplate pattern (defaults plus user) are removed;
//     a removed line also ends the paragraph it stood in.
//  3. Paragraphs are split. When the text has at least one blank line,
//     paragraphs are separated by blank lines and a single newline inside a
//     paragraph is a space (hard-wrapped text). When it has no blank line at
//     all, every line is a paragraph: scrapers commonly emit one paragraph
//     per line, and reading such a text as one paragraph would make the
//     whole article its lead.
//  4. Whitespace inside a paragraph is collapsed to single spaces.
//  5. A paragraph equal to an earlier one is removed (first kept).
//
// It writes the cleaned text in one pass over the lines, straight into one
// buffer, dropping a repeated paragraph as soon as it ends. Its buffers come
// from sc, and so does the text it returns (see scratchString): valid until
// sc serves the next article.
func clean(raw string, user []*regexp.Regexp, sc *scratch) cleaned {
	var c cleaned
	text := raw
	if strings.IndexByte(raw, '\r') >= 0 {
		text = newlines.Replace(raw)
	}
	if looksLikeHTML(text) {
		text = stripHTML(text)
		c.htmlStripped = true
	}
	blankMode := hasBlankLine(text)
	p := paraWriter{out: sc.text[:0], spans: sc.paraSpans[:0], dedup: &sc.dedup}
	p.dedup.reset()
	for rest := text; ; {
		line, after, more := strings.Cut(rest, "\n")
		switch {
		case isBlank(line):
			p.end()
		case isBoilerplate(line, user):
			c.boilerplate++
			if m := footerOutlet.FindStringSubmatch(line); m != nil && c.footerOutlet == "" {
				c.footerOutlet = strings.TrimSpace(m[1])
			}
			p.end()
		default:
			p.line(line)
			if !blankMode {
				p.end()
			}
		}
		if !more {
			break
		}
		rest = after
	}
	p.end()
	c.text, c.paras, c.duplicates = scratchString(p.out), p.spans, p.dups
	sc.text, sc.paraSpans = p.out, p.spans
	return c
}

// paraWriter builds the cleaned text: paragraphs joined by "\n\n", each
// paragraph's fields joined by single spaces, a paragraph equal to an
// earlier one taken out again when it ends.
type paraWriter struct {
	out   []byte
	spans []span // the paragraphs kept, in out
	open  bool   // a paragraph has fields in out from spans' end (or its separator)
	start int    // where the open paragraph's separator starts (its text two bytes on, or at 0)
	dups  int
	dedup *paraSet
}

// line appends the fields of a line to the open paragraph, opening one if
// none is.
func (p *paraWriter) line(line string) {
	if !p.open {
		p.open, p.start = true, len(p.out)
		if len(p.out) > 0 {
			p.out = append(p.out, '\n', '\n')
		}
		p.out = appendLine(p.out, line, false)
		return
	}
	p.out = appendLine(p.out, line, true)
}

// end closes the open paragraph: kept when it is new, taken out of out when
// it repeats an earlier one.
func (p *paraWriter) end() {
	if !p.open {
		return
	}
	p.open = false
	from := p.start
	if from > 0 {
		from += 2 // the separator
	}
	if len(p.out) == from { // no fields after all; cannot happen for a non-blank line
		p.out = p.out[:p.start]
		return
	}
	if p.dedup.seen(p.out, span{from, len(p.out)}, p.spans) {
		p.out = p.out[:p.start]
		p.dups++
		return
	}
	p.spans = append(p.spans, span{from, len(p.out)})
}

// paraSet finds a paragraph among the earlier ones of an article by a hash
// of its bytes, so that dropping repeats costs one lookup per paragraph,
// not a comparison with every earlier one.
type paraSet struct {
	first map[uint64]int32 // hash → index of the latest kept paragraph with it
	next  []int32          // index of the previous kept paragraph with the same hash, or -1
}

// maxParaSet bounds the entries a paraSet keeps for the next article; a map
// once grown costs its size to clear.
const maxParaSet = 4096

var paraSeed = maphash.MakeSeed()

func (ps *paraSet) reset() {
	if ps.first == nil || len(ps.first) > maxParaSet {
		ps.first = make(map[uint64]int32)
	} else {
		clear(ps.first)
	}
	ps.next = ps.next[:0]
}

// seen reports whether out[s] equals one of the kept paragraphs spans, and
// when not records it as the next of them.
func (ps *paraSet) seen(out []byte, s span, spans []span) bool {
	text := out[s.Start:s.End]
	h := maphash.Bytes(paraSeed, text)
	j, ok := ps.first[h]
	if ok {
		for k := j; k >= 0; k = ps.next[k] {
			if string(out[spans[k].Start:spans[k].End]) == string(text) {
				return true
			}
		}
	} else {
		j = -1
	}
	ps.first[h] = int32(len(ps.next))
	ps.next = append(ps.next, j)
	return false
}

// newlines turns CRLF and lone CR line ends into LF. A Replacer is safe for
// concurrent use, so one serves every call of clean.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// appendFields appends the fields of line (as strings.Fields splits it, at
// Unicode white space) to dst, each preceded by one space when dst is not
// empty: the same bytes as strings.Join of the fields of all lines appended,
// without a string per field.
func appendFields(dst []byte, line string) []byte { return appendLine(dst, line, len(dst) > 0) }

// appendLine is appendFields with the first field preceded by a space when
// sep is true, whatever dst holds. A line that is already its fields joined
// by single spaces, as nearly every line of news is, is copied whole.
func appendLine(dst []byte, line string, sep bool) []byte {
	if isFieldsJoined(line) {
		if sep {
			dst = append(dst, ' ')
		}
		return append(dst, line...)
	}
	for i := 0; i < len(line); {
		for i < len(line) {
			sp, size := spaceAt(line, i)
			if !sp {
				break
			}
			i += size
		}
		j := i
		for j < len(line) {
			if c := line[j]; c < utf8.RuneSelf && c > ' ' {
				j++ // the common case: a printable ASCII byte inside a field
				continue
			}
			sp, size := spaceAt(line, j)
			if sp {
				break
			}
			j += size
		}
		if i == j {
			break // only space was left
		}
		if sep {
			dst = append(dst, ' ')
		}
		sep = true
		dst = append(dst, line[i:j]...)
		i = j
	}
	return dst
}

// Classes of a byte for isFieldsJoined.
const (
	inField    = iota // never part of white space
	plainSpace        // ' '
	otherSpace        // '\t' to '\r'
	spaceLead         // may start a non-ASCII space: C2, E1, E2, E3 (see spaceAt)
)

var byteClass = func() (t [256]uint8) {
	t[' '] = plainSpace
	for c := '\t'; c <= '\r'; c++ {
		t[c] = otherSpace
	}
	t[0xC2], t[0xE1], t[0xE2], t[0xE3] = spaceLead, spaceLead, spaceLead, spaceLead
	return t
}()

// isFieldsJoined reports whether line is not empty and equals its fields
// joined by single spaces: no white space but single ' ' between fields.
// It looks at eight bytes at a time while they hold no byte but ' ' below
// '!' and none from 0x80, and at single bytes otherwise.
func isFieldsJoined(line string) bool {
	n := len(line)
	if n == 0 || line[0] == ' ' || line[n-1] == ' ' {
		return false
	}
	space := false // line[i-1] is a space
	for i := 0; i < n; {
		if i+8 <= n {
			v := load64(line, i)
			// The high bit of each byte below '!' or from 0x80, and of each
			// ' ', exactly: no carry crosses a byte.
			special := (^((v &^ highBits) + lowBits*(0x80-'!')) | v) & highBits
			x := v ^ lowBits*' '
			spaces := ^((x&^highBits + lowBits*0x7f) | x) & highBits
			if special == spaces {
				if spaces&(spaces<<8) != 0 || space && spaces&0x80 != 0 {
					return false // two spaces in a row
				}
				space = spaces>>63 != 0
				i += 8
				continue
			}
		}
		switch byteClass[line[i]] {
		case inField:
			space = false
		case plainSpace:
			if space {
				return false
			}
			space = true
		case otherSpace:
			return false
		default:
			sp, size := spaceAt(line, i)
			if sp {
				return false
			}
			i += size - 1
			space = false
		}
		i++
	}
	return true
}

// spaceAt reports whether the rune at s[i] is white space (unicode.IsSpace;
// an invalid byte is not) and its size.
func spaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r', 1
	}
	if c != 0xC2 && (c < 0xE1 || c > 0xE3) {
		// Every non-ASCII space starts with C2, E1, E2 or E3. Any other
		// byte is not space, and stepping over it alone is safe: the rest
		// of its rune are continuation bytes, which no space starts with.
		return false, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// hasBlankLine reports whether a blank line separates two non-blank lines
// of text.
func hasBlankLine(text string) bool {
	seen, blank := false, false
	for rest := text; ; {
		line, after, more := strings.Cut(rest, "\n")
		empty := isBlank(line)
		switch {
		case !empty && seen && blank:
			return true
		case !empty:
			seen = true
		case seen:
			blank = true
		}
		if !more {
			return false
		}
		rest = after
	}
}

// isBlank reports whether line has no fields: only white space, or nothing.
func isBlank(line string) bool {
	if line != "" && byteClass[line[0]] == inField {
		return false // the common case, decided by the first byte
	}
	return strings.TrimSpace(line) == ""
}
