package lexicon

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// LoadDic reads a .dic dictionary. Most are LIWC files: a header between
// two lines of '%' mapping category numbers to names, then one word per
// line followed by category numbers; each category becomes a dimension, in
// header order. A .dic without the '%' header whose lines end in a weight
// in parentheses (`WORD (1)`) is a WordStat dictionary, read by
// LoadWordStat.
//
// Real .dic files are irregular, so LoadDic never fails on a bad line: a
// conditional category such as `kind <of>131/125` is simplified to its
// unconditional category (125) with a warning, and a line it cannot use is
// skipped with a warning. Line ends may be LF, CRLF or CR alone; see
// dictionaryLines for encodings. The error is for I/O problems and for
// files with no header or no usable category.
func LoadDic(r io.Reader, name string) (*Lexicon, []Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading dictionary %s: %w", name, err)
	}
	d := dicReader{importLog: importLog{file: name}, byNum: map[string]int{}, byName: map[string]bool{}}
	lines := dictionaryLines(data, &d.importLog)
	if !liwcHeader(lines) && isWordStat(lines) {
		return loadWordStatLines(lines, d.importLog)
	}
	l := &Lexicon{Name: baseName(name), Source: name}
	if err := d.read(lines, l); err != nil {
		return nil, d.diags, err
	}
	return finishImport(l, &d.importLog)
}

// liwcHeader reports whether the first non-blank line is a '%'.
func liwcHeader(lines []string) bool {
	for _, line := range lines {
		if t := strings.TrimSpace(line); t != "" {
			return t == "%"
		}
	}
	return false
}

// finishImport drops the dimensions an import left empty, adds the
// duplicate checks every format shares (an entry twice in one category, an
// entry in two categories), and fails only when nothing usable is left.
func finishImport(l *Lexicon, g *importLog) (*Lexicon, []Diagnostic, error) {
	kept := l.Dimensions[:0]
	for _, dim := range l.Dimensions {
		if len(dim.Terms) == 0 {
			g.warn(dim.Pos.Line, dim.Pos.Col, "category %q has no words; dropped", dim.Name)
			continue
		}
		kept = append(kept, dim)
	}
	l.Dimensions = kept
	p := &parser{file: g.file}
	checkDuplicates(l, p)
	g.diags = append(g.diags, p.diags...)
	sortDiags(g.diags)
	if len(l.Dimensions) == 0 && !hasTone(l) {
		return nil, g.diags, g.errorf(1, "dictionary has no category with words")
	}
	return l, g.diags, nil
}

func hasTone(l *Lexicon) bool {
	return len(l.Tone.Positive)+len(l.Tone.Negative)+len(l.Tone.Intensifiers) > 0
}

type dicReader struct {
	importLog
	byNum  map[string]int  // category number → dimension index
	byName map[string]bool // category names taken, so the check costs O(1), not O(categories)
}

func (d *dicReader) read(lines []string, l *Lexicon) error {
	state := 0 // 0 before header, 1 in header, 2 words
	for i, line := range lines {
		n := i + 1
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
			return d.errorf(n, "want a '%%' line opening the category header")
		case state == 1:
			d.category(n, trimmed, l)
		default:
			d.word(n, line, l)
		}
	}
	if state < 2 {
		return d.errorf(len(lines)+1, "unterminated or missing category header")
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
	if d.byName[name] {
		d.warn(n, 1, "skipping category %s: name %q already used", num, name)
		return
	}
	d.byName[name] = true
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
