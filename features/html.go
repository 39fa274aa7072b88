package features

import (
	"html"
	"regexp"
	"strings"
)

// htmlCue finds markup worth stripping: common tags or character entities.
// Plain text that merely contains "<" or "&" (a < b, AT&T) does not match.
var htmlCue = regexp.MustCompile(`^(?i)(?:<(?:/?(?:p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|blockquote|figure|figcaption|img|script|style|table|tr|td|section|article|header|footer)\b[^<>]*/?>|!--)|&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});)`)

// htmlCueWindow bounds how far the cue pattern looks from a '<' or '&'; a
// tag longer than this is not a cue by itself (other tags usually are).
const htmlCueWindow = 512

// looksLikeHTML reports whether text carries markup or entities. It tries the
// anchored cue pattern only at '<' and '&', which it finds with IndexByte
// (strings.IndexAny tests the bytes one by one), so plain text is fast.
func looksLikeHTML(text string) bool {
	lt, amp := strings.IndexByte(text, '<'), strings.IndexByte(text, '&')
	for lt >= 0 || amp >= 0 {
		var i int
		if amp < 0 || lt >= 0 && lt < amp {
			i, lt = lt, nextByte(text, lt, '<')
		} else {
			i, amp = amp, nextByte(text, amp, '&')
		}
		if htmlCue.MatchString(text[i:min(len(text), i+htmlCueWindow)]) {
			return true
		}
	}
	return false
}

// nextByte returns the index of the first c in s after i, or -1.
func nextByte(s string, i int, c byte) int {
	j := strings.IndexByte(s[i+1:], c)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// blockTags are the tags that end a paragraph when stripped.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "tr": true, "table": true, "section": true, "article": true,
	"header": true, "footer": true, "figure": true, "figcaption": true, "hr": true,
}

// stripHTML removes tags and comments (an inline tag becomes a space), drops the content of script and style
// elements, turns block tags into paragraph breaks and unescapes entities.
// It is a small scanner rather than a full HTML parser: scraped article
// bodies are fragments, and a tolerant scanner never fails on them.
func stripHTML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	text := 0 // start of the pending text run
	flush := func(end int) { b.WriteString(html.UnescapeString(s[text:end])) }
	for i := 0; i < len(s); {
		if s[i] != '<' {
			i++
			continue
		}
		end, name, closing, ok := scanTag(s, i)
		if !ok {
			i++
			continue
		}
		flush(i)
		i = end
		if !closing && (name == "script" || name == "style") {
			i = skipElement(s, i, name)
		}
		if blockTags[name] {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ') // inline tags separate words rather than join them
		}
		text = i
	}
	flush(len(s))
	return b.String()
}

// scanTag reads the tag or comment starting at s[i] == '<'. It returns the
// offset after it, the lower-case tag name ("" for comments and
// declarations), whether it is a closing tag, and false when s[i] does not
// start a tag.
func scanTag(s string, i int) (end int, name string, closing, ok bool) {
	if strings.HasPrefix(s[i:], "<!--") {
		if j := strings.Index(s[i+4:], "-->"); j >= 0 {
			return i + 4 + j + 3, "", false, true
		}
		return len(s), "", false, true
	}
	j := i + 1
	if j < len(s) && (s[j] == '/' || s[j] == '!' || s[j] == '?') {
		closing = s[j] == '/'
		j++
	}
	k := j
	for k < len(s) && isASCIIAlnum(s[k]) {
		k++
	}
	if k == j && !strings.HasPrefix(s[i:], "<!") && !strings.HasPrefix(s[i:], "<?") {
		return 0, "", false, false // "a < b": not a tag
	}
	gt := strings.IndexByte(s[k:], '>')
	if gt < 0 {
		return 0, "", false, false
	}
	if lt := strings.IndexByte(s[k:k+gt], '<'); lt >= 0 {
		return 0, "", false, false
	}
	return k + gt + 1, strings.ToLower(s[j:k]), closing, true
}

// skipElement returns the offset after the closing tag of a script or style
// element whose content starts at i, or len(s) when it is never closed.
func skipElement(s string, i int, name string) int {
	lower := asciiLower(s[i:]) // same byte length as s[i:]
	j := strings.Index(lower, "</"+name)
	if j < 0 {
		return len(s)
	}
	if gt := strings.IndexByte(s[i+j:], '>'); gt >= 0 {
		return i + j + gt + 1
	}
	return len(s)
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// asciiLower lowers ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
