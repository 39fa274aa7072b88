package corpus

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// csvReader reads a CSV file whose header row names the fields; csvScanner splits the
// records and decides where reading resumes after a bad one.
type csvReader struct {
	name   string
	sc     *csvScanner
	col    map[string]int
	label  string // Options.LabelField, lower-cased like the column names
	closer io.Closer
}

// newCSV reads the header and fails unless it has a text column.
func newCSV(r io.Reader, name string, closer io.Closer, opt Options) (*csvReader, error) {
	c := &csvReader{name: name, closer: closer, sc: newCSVScanner(skipBOM(r), name, "csv", opt),
		label: strings.ToLower(strings.TrimSpace(opt.LabelField))}
	header, err := c.sc.header()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("reading %s: no header row", name)
		}
		return nil, fmt.Errorf("reading %s header: %w", name, err)
	}
	if c.col, err = columns(header, append(corpusColumns, c.label)...); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if _, ok := c.col["text"]; !ok {
		return nil, fmt.Errorf("reading %s: header has no text column (have %s)", name, strings.Join(header, ","))
	}
	return c, nil
}

// skipBOM returns r without a leading UTF-8 byte-order mark.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	return br
}

// columns maps lower-cased, trimmed header names to their index. A name
// framing reads (one of read) given twice is an error: which column holds
// the text, the id or the date would be a guess, and the other column's
// values would be lost without a word. Other names may repeat.
func columns(header []string, read ...string) (map[string]int, error) {
	col := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if j, dup := col[h]; dup {
			if h != "" && slices.Contains(read, h) {
				return nil, fmt.Errorf("header names column %q twice (columns %d and %d): which one to read is ambiguous", h, j+1, i+1)
			}
			continue
		}
		col[h] = i
	}
	return col, nil
}

// corpusColumns are the columns read from a CSV corpus.
var corpusColumns = []string{"id", "outlet", "date", "title", "url", "text", "lang"}

// Next returns the next article, a *RecordError for a bad row, io.EOF at the end, or an
// I/O error. A row that fails is a reject and reading resumes where csvScanner's rule
// says, so that every line of the input is accounted for.
func (c *csvReader) Next() (Article, error) {
	rec, line, err := c.sc.next()
	if err != nil {
		return Article{}, err
	}
	return build(c.raw(rec), c.name, line)
}

func (c *csvReader) raw(rec []string) rawRecord {
	get := func(k string) string {
		if i, ok := c.col[k]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	return rawRecord{id: get("id"), outlet: get("outlet"), date: get("date"), title: get("title"),
		url: get("url"), text: get("text"), lang: get("lang"), label: getIf(c.label != "", get, c.label)}
}

// Close closes the underlying file, if any.
func (c *csvReader) Close() error {
	if c.closer == nil {
		return nil
	}
	return c.closer.Close()
}
