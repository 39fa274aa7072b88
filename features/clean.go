package features

import (
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
// Its line, paragraph and byte buffers come from sc; the text it returns is
// a fresh string.
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
	lines := sc.lines[:0]
	for l := range strings.SplitSeq(text, "\n") {
		lines = append(lines, l)
	}
	sc.lines = lines
	blankMode := hasBlankLine(lines)
	paras := sc.paras[:0]
	cur := sc.para[:0] // the paragraph so far, its fields joined by single spaces
	end := func() {
		if len(cur) > 0 {
			paras = append(paras, string(cur))
		}
		cur = cur[:0]
	}
	for _, line := range lines {
		switch {
		case strings.TrimSpace(line) == "": // no fields
			end()
		case isBoilerplate(line, user):
			c.boilerplate++
			if m := footerOutlet.FindStringSubmatch(line); m != nil && c.footerOutlet == "" {
				c.footerOutlet = strings.TrimSpace(m[1])
			}
			end()
		default:
			cur = appendFields(cur, line)
			if !blankMode {
				end()
			}
		}
	}
	end()
	sc.paras, sc.para = paras, cur
	c.text, c.paras, c.duplicates = joinUnique(paras)
	return c
}

// newlines turns CRLF and lone CR line ends into LF. A Replacer is safe for
// concurrent use, so one serves every call of clean.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// appendFields appends the fields of line (as strings.Fields splits it, at
// Unicode white space) to dst, each preceded by one space when dst is not
// empty: the same bytes as strings.Join of the fields of all lines appended,
// without a string per field.
func appendFields(dst []byte, line string) []byte {
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
		if len(dst) > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, line[i:j]...)
		i = j
	}
	return dst
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

// hasBlankLine reports whether a blank line separates two non-blank lines.
func hasBlankLine(lines []string) bool {
	seen, blank := false, false
	for _, l := range lines {
		empty := strings.TrimSpace(l) == ""
		switch {
		case !empty && seen && blank:
			return true
		case !empty:
			seen = true
		case seen:
			blank = true
		}
	}
	return false
}

// joinUnique joins paragraphs with "\n\n", dropping exact repeats of an
// earlier paragraph (they are already whitespace-normalized), and returns the
// text, the paragraph spans and the number dropped.
func joinUnique(paras []string) (string, []span, int) {
	var b strings.Builder
	size := 0
	for _, p := range paras {
		size += len(p) + 2
	}
	b.Grow(size) // an upper bound: repeats are dropped
	seen := make(map[string]bool, len(paras))
	spans := make([]span, 0, len(paras))
	dups := 0
	for _, p := range paras {
		if seen[p] {
			dups++
			continue
		}
		seen[p] = true
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		spans = append(spans, span{b.Len(), b.Len() + len(p)})
		b.WriteString(p)
	}
	return b.String(), spans, dups
}
