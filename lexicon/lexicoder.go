package lexicon

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// LoadLexicoder reads a Lexicoder or Yoshikoder dictionary. Lexicoder 3
// (.lc3, the form the Lexicoder Sentiment Dictionary LSD2015 is distributed
// in) lists keys and entries one a line: a line `+key` opens a category and
// every following line is one of its entries. Lexicoder 2 (.lcd) and
// Yoshikoder (.ykd) write the same tree as XML, <cnode name="..."> for a
// category (nested, named by its path joined with dots, as in LoadWordStat)
// and <pnode name="..."/> for an entry; a file of either extension that
// starts with '<' is read as XML.
//
// Both programs match without regard to case, so entries are lower-cased.
// The four keys of the LSD become tone lists rather than dimensions, in
// the lexicon's own tone representation:
//
//	positive      → Tone.Positive
//	negative      → Tone.Negative
//	neg_positive  → Tone.Negative  (a negated positive word: "not good")
//	neg_negative  → Tone.Positive  (a negated negative word: "not bad")
//
// The neg_ entries are phrases that begin with their negation, so
// framing's negators, which look only at tokens before a hit, never flip
// them again; and because positive and negative tone form one group in
// which the longest hit wins (docs/lexicon.md, rule 13), "not good" counts
// once, as negative, not also as the positive "good". Every other key (a
// topic dictionary's categories) becomes a dimension. An entry the matcher
// cannot use is skipped with a warning.
func LoadLexicoder(r io.Reader, name string) (*Lexicon, []Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading dictionary %s: %w", name, err)
	}
	lx := lexicoderReader{importLog: importLog{file: name}, l: &Lexicon{Name: baseName(name), Source: name},
		byName: map[string]int{}}
	if bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))), []byte("<")) {
		if err := lx.readXML(data); err != nil {
			return nil, lx.diags, err
		}
	} else {
		lx.readPlain(dictionaryLines(data, &lx.importLog))
	}
	lx.toneNotes()
	return finishImport(lx.l, &lx.importLog)
}

// lexicoderTone maps the LSD's keys to the tone list each fills.
var lexicoderTone = map[string]MatchKind{
	"positive": Positive, "negative": Negative, "neg_positive": Negative, "neg_negative": Positive,
}

type toneKey struct {
	name string
	pos  Position
}

type lexicoderReader struct {
	importLog
	l      *Lexicon
	byName map[string]int // category → dimension index
	tone   []toneKey      // tone keys seen, in file order
	cur    string         // the open category
	curPos Position
}

// open starts category name at pos; a name given twice is merged.
func (lx *lexicoderReader) open(name string, pos Position) {
	lx.cur, lx.curPos = name, pos
	leaf := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
	if _, ok := lexicoderTone[leaf]; ok {
		for _, t := range lx.tone {
			if t.name == name {
				lx.warn(pos.Line, pos.Col, "key %q appears again; its entries are merged", name)
				return
			}
		}
		lx.tone = append(lx.tone, toneKey{name, pos})
		return
	}
	if i, seen := lx.byName[name]; seen {
		lx.warn(pos.Line, pos.Col, "key %q appears again (first at line %d); its entries are merged", name, lx.l.Dimensions[i].Pos.Line)
		return
	}
	lx.byName[name] = len(lx.l.Dimensions)
	lx.l.Dimensions = append(lx.l.Dimensions, Dimension{Name: name, Pos: pos})
}

// entry puts one entry into the open category.
func (lx *lexicoderReader) entry(text string, pos Position) {
	text = strings.ToLower(strings.TrimSpace(text))
	if lx.cur == "" {
		lx.warn(pos.Line, pos.Col, "skipping %q: an entry outside any key", text)
		return
	}
	if _, err := parseEntry(text); err != nil {
		lx.warn(pos.Line, pos.Col, "skipping: %v", err)
		return
	}
	e := Entry{Text: text, Weight: 1, Pos: pos}
	leaf := strings.ToLower(lx.cur[strings.LastIndexByte(lx.cur, '.')+1:])
	switch kind, tone := lexicoderTone[leaf]; {
	case tone && kind == Positive:
		lx.l.Tone.Positive = append(lx.l.Tone.Positive, e)
	case tone:
		lx.l.Tone.Negative = append(lx.l.Tone.Negative, e)
	default:
		d := &lx.l.Dimensions[lx.byName[lx.cur]]
		d.Terms = append(d.Terms, e)
	}
}

// readPlain reads the Lexicoder 3 key listing.
func (lx *lexicoderReader) readPlain(lines []string) {
	for i, line := range lines {
		t := strings.TrimSpace(line)
		col := strings.Index(line, t) + 1
		switch {
		case t == "":
		case strings.HasPrefix(t, "+"):
			name := strings.TrimSpace(t[1:])
			if name == "" {
				lx.warn(i+1, col, "skipping a key line with no name; its entries are skipped too")
				lx.cur = ""
				continue
			}
			lx.open(name, Position{File: lx.file, Line: i + 1, Col: col})
		default:
			lx.entry(t, Position{File: lx.file, Line: i + 1, Col: col})
		}
	}
}

// readXML reads the <cnode>/<pnode> tree of Lexicoder 2 and Yoshikoder.
// Other elements are ignored; malformed XML is an error at its line.
func (lx *lexicoderReader) readXML(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = xmlCharset
	var path []string
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return lx.errorf(max(se.Line, 1), "xml: %s", se.Msg)
			}
			return lx.errorf(max(line, 1), "xml: %v", err)
		}
		pos := Position{File: lx.file, Line: line, Col: col}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "cnode":
				path = append(path, strings.TrimSpace(attr(t, "name")))
				lx.open(strings.Join(path, "."), pos)
			case "pnode":
				lx.entry(attr(t, "name"), pos)
			}
		case xml.EndElement:
			if t.Name.Local == "cnode" && len(path) > 0 {
				path = path[:len(path)-1]
				lx.cur = ""
				if len(path) > 0 {
					lx.cur = strings.Join(path, ".")
				}
			}
		}
	}
}

// xmlCharset decodes the 8-bit encodings older Windows tools declare;
// UTF-8 needs no reader.
func xmlCharset(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "iso8859-1":
		return charmap.Windows1252.NewDecoder().Reader(input), nil
	}
	return nil, fmt.Errorf("encoding %q is not supported (want UTF-8 or Windows-1252)", label)
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// toneNotes says where each tone key went, so a researcher sees that the
// LSD's keys became tone and not dimensions.
func (lx *lexicoderReader) toneNotes() {
	for _, k := range lx.tone {
		list := "negative"
		if lexicoderTone[strings.ToLower(k.name[strings.LastIndexByte(k.name, '.')+1:])] == Positive {
			list = "positive"
		}
		lx.add(SeverityNote, k.pos.Line, k.pos.Col, "key %q read as %s tone, not as a dimension", k.name, list)
	}
}
