package corpus

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvReader reads a CSV file whose header row names the fields.
type csvReader struct {
	name   string
	cr     *csv.Reader
	cap    *capReader
	max    int
	col    map[string]int
	closer io.Closer
	done   bool
	// nextLine is the line after the last record read, the start of the
	// next one unless blank lines intervene.
	nextLine int
}

// newCSV reads the header and fails unless it has a text column.
func newCSV(r io.Reader, name string, closer io.Closer, opt Options) (*csvReader, error) {
	c := &csvReader{name: name, max: opt.maxBytes(), closer: closer}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	c.cap = &capReader{r: br}
	c.cr = csv.NewReader(c.cap)
	c.cap.limit = int64(c.max) + capSlack
	header, err := c.cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("reading %s: no header row", name)
		}
		return nil, fmt.Errorf("reading %s header: %w", name, err)
	}
	c.after(header)
	c.col = columns(header)
	if _, ok := c.col["text"]; !ok {
		return nil, fmt.Errorf("reading %s: header has no text column (have %s)", name, strings.Join(header, ","))
	}
	return c, nil
}

// columns maps lower-cased, trimmed header names to their first index.
func columns(header []string) map[string]int {
	col := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	return col
}

// Next returns the next article, a *RecordError for a bad row, io.EOF at
// the end, or an I/O error. After a row longer than MaxRecordBytes the rest
// of the file is skipped: encoding/csv cannot resynchronize inside a quoted
// field, so that reject is the file's last record.
func (c *csvReader) Next() (Article, error) {
	if c.done {
		return Article{}, io.EOF
	}
	start := c.cr.InputOffset()
	c.cap.limit = start + int64(c.max) + capSlack
	rec, err := c.cr.Read()
	if err == nil {
		line, _ := c.cr.FieldPos(0)
		c.after(rec)
		return build(c.raw(rec), c.name, line)
	}
	return Article{}, c.fail(err, start)
}

func (c *csvReader) fail(err error, start int64) error {
	if err == io.EOF {
		c.done = true
		return io.EOF
	}
	var pe *csv.ParseError
	if errors.Is(err, errTooLong) {
		c.done = true
		return &RecordError{File: c.name, Line: c.nextLine, Field: "csv",
			Reason: fmt.Sprintf("record longer than %d bytes; rest of file skipped", c.max)}
	}
	if !errors.As(err, &pe) {
		c.done = true
		return fmt.Errorf("reading %s: %w", c.name, err)
	}
	c.nextLine = pe.Line + 1
	if c.cr.InputOffset() == start {
		c.done = true // no progress: stop rather than loop
	}
	reason := pe.Err.Error()
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		reason = fmt.Sprintf("wrong number of fields, want %d", c.cr.FieldsPerRecord)
	}
	return &RecordError{File: c.name, Line: pe.StartLine, Field: "csv", Reason: reason}
}

// after records where the record just read ended.
func (c *csvReader) after(rec []string) {
	if len(rec) == 0 {
		return
	}
	line, _ := c.cr.FieldPos(len(rec) - 1)
	c.nextLine = line + strings.Count(rec[len(rec)-1], "\n") + 1
}

func (c *csvReader) raw(rec []string) rawRecord {
	get := func(k string) string {
		if i, ok := c.col[k]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	return rawRecord{id: get("id"), outlet: get("outlet"), date: get("date"), title: get("title"),
		url: get("url"), text: get("text"), lang: get("lang")}
}

// Close closes the underlying file, if any.
func (c *csvReader) Close() error {
	if c.closer == nil {
		return nil
	}
	return c.closer.Close()
}

// capSlack covers what encoding/csv's internal buffer reads ahead of the
// record it is parsing.
const capSlack = 64 << 10

// capReader stops delivering bytes past limit, so that encoding/csv, which
// has no record bound of its own, cannot pull an endless record into memory.
type capReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, errTooLong
	}
	if room := c.limit - c.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
