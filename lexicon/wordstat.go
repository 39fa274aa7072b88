package lexicon

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// LoadWordStat reads a WordStat categorization dictionary (.cat, and .dic
// files in the same layout, such as the Laver–Garry dictionary): a
// hierarchy of categories given by indentation, and under them entries
// written `WORD (1)`, the number in parentheses being the entry's weight.
//
// Each category that holds entries of its own becomes a dimension named by
// its full path, the names from the top level down joined with dots
// (CULTURE.CULTURE-HIGH), as quanteda flattens nested dictionaries: no
// level is lost, and a researcher who wants a higher level sums the
// dimensions that share its prefix. A category that only groups others is
// no dimension. Indentation is measured in columns with tab stops every 8,
// so tabs, spaces and files that mix them (three spaces and a tab) nest
// alike. WordStat matches without regard to case, so entries are lower-cased
// (SA becomes sa, not the case-sensitive entry it would be in the native
// format). An entry the matcher cannot use, or whose weight is not a
// positive number, is skipped with a warning; the same category twice
// under one parent is merged, with a warning.
func LoadWordStat(r io.Reader, name string) (*Lexicon, []Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading dictionary %s: %w", name, err)
	}
	g := importLog{file: name}
	return loadWordStatLines(dictionaryLines(data, &g), g)
}

// wordStatEntry matches an entry line: the entry, then a number in
// parentheses at the end.
var wordStatEntry = regexp.MustCompile(`^(.*?)\s*\(\s*([-+]?[0-9]*\.?[0-9]+)\s*\)\s*$`)

// isWordStat reports whether some line is an entry line, which tells a
// WordStat .dic from a broken LIWC one.
func isWordStat(lines []string) bool {
	for _, line := range lines {
		if wordStatEntry.MatchString(line) {
			return true
		}
	}
	return false
}

// wordStatLevel is an open category on the path to the current line.
type wordStatLevel struct {
	indent int
	path   string
	dim    int // index in the lexicon's dimensions
}

type wordStatReader struct {
	importLog
	l        *Lexicon
	byPath   map[string]int
	hasChild map[int]bool
	stack    []wordStatLevel
}

func loadWordStatLines(lines []string, g importLog) (*Lexicon, []Diagnostic, error) {
	w := wordStatReader{importLog: g, l: &Lexicon{Name: baseName(g.file), Source: g.file},
		byPath: map[string]int{}, hasChild: map[int]bool{}}
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		indent, body := indentation(line)
		for len(w.stack) > 0 && w.stack[len(w.stack)-1].indent >= indent {
			w.stack = w.stack[:len(w.stack)-1]
		}
		if m := wordStatEntry.FindStringSubmatch(body); m != nil {
			w.entry(i+1, indent+1, m[1], m[2])
		} else {
			w.category(i+1, indent+1, strings.TrimSpace(body), indent)
		}
	}
	// A category with subcategories and no entries of its own is a heading.
	kept := w.l.Dimensions[:0]
	for i, d := range w.l.Dimensions {
		if len(d.Terms) > 0 || !w.hasChild[i] {
			kept = append(kept, d)
		}
	}
	w.l.Dimensions = kept
	return finishImport(w.l, &w.importLog)
}

// indentation returns the column at which the text of a line starts, with
// tab stops every 8 columns, and the rest of the line.
func indentation(line string) (int, string) {
	col := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 8 - col%8
		default:
			return col, line[i:]
		}
	}
	return col, ""
}

func (w *wordStatReader) category(line, col int, name string, indent int) {
	path := name
	if n := len(w.stack); n > 0 {
		parent := w.stack[n-1]
		path = parent.path + "." + name
		w.hasChild[parent.dim] = true
	}
	idx, seen := w.byPath[path]
	if seen {
		w.warn(line, col, "category %q appears again (first at line %d); its entries are merged", path, w.l.Dimensions[idx].Pos.Line)
	} else {
		idx = len(w.l.Dimensions)
		w.byPath[path] = idx
		w.l.Dimensions = append(w.l.Dimensions, Dimension{Name: path, Pos: Position{File: w.file, Line: line, Col: col}})
	}
	w.stack = append(w.stack, wordStatLevel{indent: indent, path: path, dim: idx})
}

func (w *wordStatReader) entry(line, col int, text, weight string) {
	text = strings.ToLower(strings.TrimSpace(text))
	if len(w.stack) == 0 {
		w.warn(line, col, "skipping %q: an entry outside any category", text)
		return
	}
	wt, err := strconv.ParseFloat(weight, 64)
	if err != nil || !(wt > 0 && wt <= MaxWeight) { // also NaN and infinities
		w.warn(line, col, "skipping %q: weight %s is not a positive number of at most %d", text, weight, MaxWeight)
		return
	}
	if _, err := parseEntry(text); err != nil {
		w.warn(line, col, "skipping: %v", err)
		return
	}
	d := &w.l.Dimensions[w.stack[len(w.stack)-1].dim]
	d.Terms = append(d.Terms, Entry{Text: text, Weight: wt, Pos: Position{File: w.file, Line: line, Col: col}})
}
