package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ValenceScale is the valence that maps to tone weight 1: a word rated
// ±ValenceScale weighs as much as an unweighted tone entry. VADER's
// ratings run from −4 (extremely negative) to +4 (extremely positive)
// and its clearly evaluative everyday words sit near ±2 ("good" 1.9,
// "bad" −2.5; Hutto & Gilbert 2014, ICWSM, section 3.1), so the weight
// is |valence| / 2 and a list's strongest words weigh 2.
const ValenceScale = 2.0

// ParseValence reads a weighted tone list in the layout of VADER's
// vader_lexicon.txt: one entry a line, the word (or phrase), a tab, and its
// valence, a number whose sign is the polarity and whose size the strength.
// A positive valence makes a Positive tone entry and a negative one a
// Negative entry, both with weight |valence| / ValenceScale, so weights flow
// through matching and stance like any weighted tone entry.
//
// Real lists are irregular, so ParseValence goes on past a bad line with a
// warning: further tab-separated columns (VADER's standard deviation and
// the raters' scores) are ignored, blank lines and lines starting with '#'
// are skipped, a line whose word the matcher cannot use (VADER's
// emoticons, ":)" or "<3") is skipped and counted in one note, a valence of
// 0 (no polarity), a valence whose weight would exceed MaxWeight, or a
// word listed twice (the first counts) is skipped with
// a warning, and a valence that is not a finite number skips the line with
// a warning. The error is for I/O problems and for a list with no usable
// entry; the Lexicon has tone lists only and is named after the file.
func ParseValence(r io.Reader, name string) (*Lexicon, []Diagnostic, error) {
	v := valenceReader{file: name, seen: map[string]int{}}
	l := &Lexicon{Name: baseName(name), Source: name}
	if err := v.read(r, l); err != nil {
		return nil, v.diags, fmt.Errorf("reading tone list %s:%w", name, err)
	}
	if v.notWords > 0 {
		v.add(v.firstNotWord, 1, SeverityNote, "skipped %d entries that are not words (emoticons, punctuation), the first here", v.notWords)
	}
	sortDiags(v.diags)
	if len(l.Tone.Positive)+len(l.Tone.Negative) == 0 {
		err := &Error{Pos: Position{File: name, Line: 1, Col: 1}, Msg: "tone list has no usable entry"}
		return nil, v.diags, ErrorList{err}
	}
	return l, v.diags, nil
}

type valenceReader struct {
	file         string
	diags        []Diagnostic
	seen         map[string]int // canonical pattern → line of its first entry
	notWords     int
	firstNotWord int
}

func (v *valenceReader) add(line, col int, sev Severity, format string, args ...any) {
	v.diags = append(v.diags, Diagnostic{Pos: Position{File: v.file, Line: line, Col: col},
		Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

func (v *valenceReader) read(r io.Reader, l *Lexicon) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 1
	for ; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if !utf8.ValidString(line) {
			v.add(n, 1, SeverityWarning, "skipping a line that is not valid UTF-8")
			continue
		}
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		v.line(n, line, l)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%d: %w", n, err)
	}
	return nil
}

// line reads one entry line: word, tab, valence, and anything after.
func (v *valenceReader) line(n int, line string, l *Lexicon) {
	word, rest, ok := strings.Cut(line, "\t")
	word = strings.TrimSpace(word)
	if !ok {
		v.add(n, 1, SeverityWarning, "skipping %q: no tab between word and valence", clip(line))
		return
	}
	field, _, _ := strings.Cut(rest, "\t")
	col := len(word) + 2
	val, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
	switch {
	case err != nil || math.IsNaN(val) || math.IsInf(val, 0):
		v.add(n, col, SeverityWarning, "skipping %q: valence %q is not a number", clip(word), clip(field))
		return
	case val == 0:
		v.add(n, col, SeverityWarning, "skipping %q: valence 0 has no polarity", clip(word))
		return
	case math.Abs(val)/ValenceScale > MaxWeight:
		v.add(n, col, SeverityWarning, "skipping %q: valence %s gives weight %g, above the largest allowed, %d", clip(word), clip(strings.TrimSpace(field)), math.Abs(val)/ValenceScale, MaxWeight)
		return
	}
	pat, err := parseEntry(word)
	if err != nil {
		if v.notWords == 0 {
			v.firstNotWord = n
		}
		v.notWords++
		return
	}
	key := pat.String()
	if first, dup := v.seen[key]; dup {
		v.add(n, 1, SeverityWarning, "skipping %q: already listed at line %d", clip(word), first)
		return
	}
	v.seen[key] = n
	e := Entry{Text: word, Weight: math.Abs(val) / ValenceScale, Pos: Position{File: v.file, Line: n, Col: 1}}
	if val > 0 {
		l.Tone.Positive = append(l.Tone.Positive, e)
	} else {
		l.Tone.Negative = append(l.Tone.Negative, e)
	}
}

// clip shortens s for a message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
