package features

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// defaultBoilerplate are the line patterns removed from every article: the
// comment, share, subscribe and navigation prompts and footers that scrapers
// keep and that would otherwise count as article text. Each is wrapped by
// anchorLine, so it must match a whole line.
var defaultBoilerplate = []string{
	`leave a (?:comment|reply)\.?`,
	`your email address will not be published\.?.*`,
	`required fields are marked.*`,
	`related(?: articles| stories| coverage| posts)?\s*:.*`,
	`related (?:articles|stories|coverage|posts)`,
	`read (?:more|also)\s*:.*`,
	`(?:go|back) to top\.?`,
	`share (?:this|the) (?:article|story|post)(?: on [\w ]+)?[.!:]?`,
	`share on (?:facebook|twitter|x|linkedin|whatsapp)`,
	`subscribe to (?:our|the) newsletter.*`,
	`sign up (?:for|to) .*`,
	`click here to .*`,
	`the post .+ appeared first on .+`,
	`(?:©|\(c\)) ?\d{4}.*`,
	`copyright (?:©|\(c\) )?\d{4}.*`,
	`all rights reserved\.?`,
	`(?:©|copyright).{0,120}all rights reserved\.?`,
}

// footerOutlet captures the outlet from the WordPress feed footer.
var footerOutlet = regexp.MustCompile(`(?i)^\s*the post .+ appeared first on (.+?)\.?\s*$`)

// anchorLine makes pattern match whole lines only, case-insensitively, so
// that a sentence that merely mentions "subscribe" mid-line is kept.
func anchorLine(pattern string) string { return `(?i)^\s*(?:` + pattern + `)\s*$` }

// defaultPattern is defaultBoilerplate as one alternation, compiled once:
// it is immutable, so sharing it keeps Extract free of mutable state.
var defaultPattern = regexp.MustCompile(anchorLine(strings.Join(defaultBoilerplate, "|")))

// CompileBoilerplate reads user boilerplate patterns, one regular expression
// (RE2 syntax) per line; blank lines and lines starting with '#' are skipped.
// Each pattern is anchored to the whole line and made case-insensitive, as
// the defaults are, so that a pattern file cannot remove text mid-line. It
// reports every bad line at once as name:line: message, so a researcher can
// fix a pattern file in one pass.
func CompileBoilerplate(r io.Reader, name string) ([]*regexp.Regexp, error) {
	var res []*regexp.Regexp
	var errs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		re, err := regexp.Compile(anchorLine(text))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, line, err))
			continue
		}
		res = append(res, re)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading boilerplate patterns %s:%d: %w", name, line+1, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("compiling boilerplate patterns: %s", strings.Join(errs, "; "))
	}
	return res, nil
}

// defaultStarts are lower-case beginnings of defaultBoilerplate lines: a
// line that matches defaultPattern starts, after leading \s, with one of
// them, once its letters are lowered and ſ and the Kelvin sign K (which
// (?i) folds to s and k) made ASCII, or with ©. Keep it in step with
// defaultBoilerplate; TestDefaultStarts checks every pattern's examples.
var defaultStarts = []string{
	"leave a ", "your email", "required fields", "related", "read ", "go to top", "back to top",
	"share ", "subscribe to ", "sign up ", "click here to ", "the post ", "(c)", "copyright",
	"all rights reserved",
}

// maxStart is the length of the longest of defaultStarts.
const maxStart = len("all rights reserved")

// mayBeDefault reports whether line can match defaultPattern. It lets most
// lines of an article skip the regular expression, which costs far more
// than looking at a line's first bytes. Only ASCII letters, ſ and K fold
// to the ASCII letters of defaultStarts, so any other non-ASCII rune ends
// what can match them; many a line of news opens with a curly quote.
func mayBeDefault(line string) bool {
	i := 0
	for i < len(line) && strings.IndexByte("\t\n\f\r ", line[i]) >= 0 { // \s in RE2
		i++
	}
	var buf [maxStart]byte
	n := 0
fold:
	for n < maxStart && i < len(line) {
		c := line[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n], n, i = c, n+1, i+1
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == '©' && n == 0:
			return true
		case r == 'ſ':
			buf[n] = 's'
		case r == '\u212A':
			buf[n] = 'k'
		default:
			break fold
		}
		n, i = n+1, i+size
	}
	if n == 0 {
		return false
	}
	head := string(buf[:n])
	for _, p := range startsBy[head[0]] {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return false
}

// startsBy are defaultStarts by their first byte.
var startsBy = func() (t [256][]string) {
	for _, p := range defaultStarts {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// isBoilerplate reports whether line matches a default or user pattern.
func isBoilerplate(line string, pats []*regexp.Regexp) bool {
	if mayBeDefault(line) && defaultPattern.MatchString(line) {
		return true
	}
	for _, re := range pats {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}
