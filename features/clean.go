package features

import (
	"regexp"
	"strings"
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
func clean(raw string, user []*regexp.Regexp) cleaned {
	var c cleaned
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(raw)
	if looksLikeHTML(text) {
		text = stripHTML(text)
		c.htmlStripped = true
	}
	lines := strings.Split(text, "\n")
	blankMode := hasBlankLine(lines)
	var paras []string
	var cur []string
	end := func() {
		if p := strings.Join(cur, " "); p != "" {
			paras = append(paras, p)
		}
		cur = cur[:0]
	}
	for _, line := range lines {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			end()
		case isBoilerplate(line, user):
			c.boilerplate++
			if m := footerOutlet.FindStringSubmatch(line); m != nil && c.footerOutlet == "" {
				c.footerOutlet = strings.TrimSpace(m[1])
			}
			end()
		default:
			cur = append(cur, f...)
			if !blankMode {
				end()
			}
		}
	}
	end()
	c.text, c.paras, c.duplicates = joinUnique(paras)
	return c
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
