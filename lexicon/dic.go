package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LoadDic reads a LIWC-format dictionary: a header between two lines of '%'
// mapping category numbers to names, then one word per line followed by
// category numbers. Each category becomes a dimension, in header order.
//
// Real .dic files are irregular, so LoadDic never fails on a bad line: a
// conditional category such as `kind <of>131/125` is simplified to its
// unconditional category (125) with a warning, and a line it cannot use is
// skipped with a warning. The error is for I/O problems and for files with
// no header or no usable category.
func LoadDic(r io.Reader, name string) (*Lexicon, []Diagnostic, error) {
	d := dicReader{file: name, byNum: map[string]int{}}
	l := &Lexicon{Name: baseName(name), Source: name}
	if err := d.read(r, l); err != nil {
		var pe *Error
		if errors.As(err, &pe) {
			return nil, d.diags, ErrorList{pe} // a format error: positioned like all lexicon errors
		}
		return nil, d.diags, fmt.Errorf("reading dictionary %s: %w", name, err)
	}
	kept := l.Dimensions[:0]
	for _, dim := range l.Dimensions {
		if len(dim.Terms) == 0 {
			d.warn(dim.Pos.Line, dim.Pos.Col, "category %q has no words; dropped", dim.Name)
			continue
		}
		kept = append(kept, dim)
	}
	l.Dimensions = kept
	sortDiags(d.diags)
	if len(l.Dimensions) == 0 {
		err := &Error{Pos: Position{File: name, Line: 1, Col: 1}, Msg: "dictionary has no category with words"}
		return nil, d.diags, ErrorList{err}
	}
	return l, d.diags, nil
}

type dicReader struct {
	file  string
	diags []Diagnostic
	byNum map[string]int // category number → dimension index
	seen  map[string]bool
}

func (d *dicReader) warn(line, col int, format string, args ...any) {
	d.diags = append(d.diags, Diagnostic{Pos: Position{File: d.file, Line: line, Col: col},
		Severity: SeverityWarning, Msg: fmt.Sprintf(format, args...)})
}

func (d *dicReader) read(r io.Reader, l *Lexicon) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	state, n := 0, 0 // 0 before header, 1 in header, 2 words
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if !utf8.ValidString(line) {
			d.warn(n, 1, "skipping a line that is not valid UTF-8")
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			continue
		case trimmed == "%":
			if state < 2 {
				state++
			} else {
				d.warn(n, 1, "skipping a stray '%%' line")
			}
		case state == 0:
			return &Error{Pos: Position{File: d.file, Line: n, Col: 1}, Msg: "want a '%' line opening the category header"}
		case state == 1:
			d.category(n, trimmed, l)
		default:
			d.word(n, line, l)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if state < 2 {
		return &Error{Pos: Position{File: d.file, Line: n + 1, Col: 1}, Msg: "unterminated or missing category header"}
	}
	return nil
}

// category reads a header line "number<white space>name".
func (d *dicReader) category(n int, line string, l *Lexicon) {
	num, name, ok := strings.Cut(strings.Join(strings.Fields(line), " "), " ")
	if !ok || !isNumber(num) {
		d.warn(n, 1, "skipping header line %q: want a category number and a name", line)
		return
	}
	if _, dup := d.byNum[num]; dup {
		d.warn(n, 1, "skipping category %s: number already used", num)
		return
	}
	for _, dim := range l.Dimensions {
		if dim.Name == name {
			d.warn(n, 1, "skipping category %s: name %q already used", num, name)
			return
		}
	}
	d.byNum[num] = len(l.Dimensions)
	l.Dimensions = append(l.Dimensions, Dimension{Name: name, Pos: Position{File: d.file, Line: n, Col: 1}})
}

// word reads a word line: the word (which may be a phrase when a tab
// separates it from the numbers) and its category numbers.
func (d *dicReader) word(n int, line string, l *Lexicon) {
	var word, rest string
	if w, r, ok := strings.Cut(line, "\t"); ok && strings.TrimSpace(w) != "" {
		word, rest = strings.TrimSpace(w), r
	} else {
		all := strings.Fields(line)
		i := 0
		for i < len(all) && !isCategoryField(all[i]) {
			i++
		}
		word, rest = strings.Join(all[:i], " "), strings.Join(all[i:], " ")
	}
	fields := strings.Fields(maskConditions(rest))
	col := strings.Index(line, word) + 1
	if _, err := parseEntry(word); err != nil {
		d.warn(n, col, "skipping: %v", err)
		return
	}
	cats := 0
	for _, f := range fields {
		num := f
		if strings.ContainsAny(f, "#/") {
			num = f[strings.LastIndexAny(f, "#/")+1:]
			if !strings.Contains(f, "/") || !isNumber(num) {
				d.warn(n, col, "%q: skipping conditional category %q with no unconditional category", word, f)
				continue
			}
			d.warn(n, col, "%q: conditional category simplified to its unconditional category %s", word, num)
		}
		idx, ok := d.byNum[num]
		if !ok {
			d.warn(n, col, "%q: skipping unknown category %q", word, num)
			continue
		}
		dim := &l.Dimensions[idx]
		dim.Terms = append(dim.Terms, Entry{Text: word, Weight: 1, Pos: Position{File: d.file, Line: n, Col: col}})
		cats++
	}
	if cats == 0 {
		d.warn(n, col, "skipping %q: no usable category", word)
	}
}

func isNumber(s string) bool {
	_, err := strconv.ParseUint(s, 10, 32)
	return err == nil
}

// isCategoryField reports whether a field of a space-separated word line is
// a category (a number, possibly conditional) rather than part of a phrase.
func isCategoryField(f string) bool {
	return isNumber(f) || strings.HasPrefix(f, "(") || strings.HasPrefix(f, "<") ||
		strings.Contains(f, "/") && strings.ContainsAny(f, "0123456789")
}

// maskConditions replaces each (...) and <...> condition of a LIWC
// category list by '#', so "(02 134)253/464" becomes "#253/464": the
// number after the last '/' is the unconditional category.
func maskConditions(s string) string {
	var b strings.Builder
	closer := rune(0)
	for _, r := range s {
		switch {
		case closer != 0:
			if r == closer {
				closer = 0
			}
		case r == '(':
			closer = ')'
			b.WriteByte('#')
		case r == '<':
			closer = '>'
			b.WriteByte('#')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
