package features

// This file keeps the cleaner as it was before it built the cleaned text in
// one pass (2026-12-01), as the reference that TestCleanMatchesReference
// and FuzzCleanReference compare clean with. Do not change it; only the
// names (ref prefix) and the buffers (fresh instead of scratch) differ.

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// refClean turns raw article text into paragraphs, counting every removal:
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
func refClean(raw string, user []*regexp.Regexp) cleaned {
	var c cleaned
	text := raw
	if strings.IndexByte(raw, '\r') >= 0 {
		text = newlines.Replace(raw)
	}
	if refLooksLikeHTML(text) {
		text = stripHTML(text)
		c.htmlStripped = true
	}
	lines := strings.Split(text, "\n")
	blankMode := refHasBlankLine(lines)
	var paras []string
	var cur []byte // the paragraph so far, its fields joined by single spaces
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
		case refIsBoilerplate(line, user):
			c.boilerplate++
			if m := footerOutlet.FindStringSubmatch(line); m != nil && c.footerOutlet == "" {
				c.footerOutlet = strings.TrimSpace(m[1])
			}
			end()
		default:
			cur = refAppendFields(cur, line)
			if !blankMode {
				end()
			}
		}
	}
	end()
	c.text, c.paras, c.duplicates = refJoinUnique(paras)
	return c
}

// refAppendFields appends the fields of line (as strings.Fields splits it, at
// Unicode white space) to dst, each preceded by one space when dst is not
// empty: the same bytes as strings.Join of the fields of all lines appended,
// without a string per field.
func refAppendFields(dst []byte, line string) []byte {
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

// refHasBlankLine reports whether a blank line separates two non-blank lines.
func refHasBlankLine(lines []string) bool {
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

// refJoinUnique joins paragraphs with "\n\n", dropping exact repeats of an
// earlier paragraph (they are already whitespace-normalized), and returns the
// text, the paragraph spans and the number dropped.
func refJoinUnique(paras []string) (string, []span, int) {
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

// refIsBoilerplate is isBoilerplate without the mayBeDefault shortcut.
func refIsBoilerplate(line string, pats []*regexp.Regexp) bool {
	if defaultPattern.MatchString(line) {
		return true
	}
	for _, re := range pats {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// refLooksLikeHTML is looksLikeHTML as it was, with strings.IndexAny.
func refLooksLikeHTML(text string) bool {
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "<&")
		if j < 0 {
			return false
		}
		i += j
		if htmlCue.MatchString(text[i:min(len(text), i+htmlCueWindow)]) {
			return true
		}
		i++
	}
	return false
}
