package corpus

import (
	"bufio"
	"bytes"
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
	label  string // Options.LabelField, lower-cased like the column names
	closer io.Closer
	done   bool
	// nextLine is the line after the last record read, the start of the
	// next one unless blank lines intervene.
	nextLine int
	// lineBase and offBase are the lines and bytes before the start of
	// the current csv.Reader, which restarts after an overlong record.
	lineBase int
	offBase  int64
}

// newCSV reads the header and fails unless it has a text column.
func newCSV(r io.Reader, name string, closer io.Closer, opt Options) (*csvReader, error) {
	c := &csvReader{name: name, max: opt.maxBytes(), closer: closer, label: strings.ToLower(strings.TrimSpace(opt.LabelField))}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	c.cap = &capReader{r: br, br: br}
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
// the end, or an I/O error. A row longer than MaxRecordBytes is a reject;
// reading goes on after it (see skipRecord).
func (c *csvReader) Next() (Article, error) {
	if c.done {
		return Article{}, io.EOF
	}
	start := c.offBase + c.cr.InputOffset()
	c.cap.limit = start + int64(c.max) + capSlack
	rec, err := c.cr.Read()
	if err == nil {
		line, _ := c.cr.FieldPos(0)
		c.after(rec)
		// The cap above stops runaway records with some slack; this is the
		// exact bound, counted over the record's bytes with its line end.
		if n := c.offBase + c.cr.InputOffset() - start; n > int64(c.max) {
			return Article{}, &RecordError{File: c.name, Line: c.lineBase + line, Field: "csv",
				Reason: fmt.Sprintf("record longer than %d bytes", c.max)}
		}
		return build(c.raw(rec), c.name, c.lineBase+line)
	}
	return Article{}, c.fail(err, start)
}

// skipRecord reads past the rest of an overlong record and starts a new
// csv.Reader after it. encoding/csv cannot resynchronize inside a quoted
// field, so the record's end is found here: the first newline outside
// quotes, where a quote toggles "inside" (an escaped "" toggles twice).
// The parity is counted from the start of the file over every byte the
// capReader delivered, all of which, past the record's start, belong to
// the overlong record. A file with bare quotes in unquoted fields (each
// one a reject of its own) can throw the parity off, and then more than
// one record is skipped.
func (c *csvReader) skipRecord() error {
	inQuotes := c.cap.quotes%2 == 1
	lines := c.cap.newlines
	for {
		b, err := c.cap.br.ReadByte()
		if err == io.EOF {
			c.done = true
			return nil
		}
		if err != nil {
			return err
		}
		c.cap.n++
		switch b {
		case '"':
			inQuotes = !inQuotes
		case '\n':
			lines++
			if !inQuotes {
				fields := c.cr.FieldsPerRecord
				c.cap.quotes, c.cap.newlines = 0, lines
				c.lineBase, c.offBase = lines, c.cap.n
				c.cr = csv.NewReader(c.cap)
				c.cr.FieldsPerRecord = fields
				c.nextLine = lines + 1
				return nil
			}
		}
	}
}

func (c *csvReader) fail(err error, start int64) error {
	if err == io.EOF {
		c.done = true
		return io.EOF
	}
	var pe *csv.ParseError
	if errors.Is(err, errTooLong) {
		rej := &RecordError{File: c.name, Line: c.nextLine, Field: "csv",
			Reason: fmt.Sprintf("record longer than %d bytes", c.max)}
		if serr := c.skipRecord(); serr != nil {
			c.done = true
			return fmt.Errorf("reading %s: %w", c.name, serr)
		}
		return rej
	}
	if !errors.As(err, &pe) {
		c.done = true
		return fmt.Errorf("reading %s: %w", c.name, err)
	}
	c.nextLine = c.lineBase + pe.Line + 1
	if c.offBase+c.cr.InputOffset() == start {
		c.done = true // no progress: stop rather than loop
	}
	reason := pe.Err.Error()
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		reason = fmt.Sprintf("wrong number of fields, want %d", c.cr.FieldsPerRecord)
	}
	return &RecordError{File: c.name, Line: c.lineBase + pe.StartLine, Field: "csv", Reason: reason}
}

// after records where the record just read ended.
func (c *csvReader) after(rec []string) {
	if len(rec) == 0 {
		return
	}
	line, _ := c.cr.FieldPos(len(rec) - 1)
	c.nextLine = c.lineBase + line + strings.Count(rec[len(rec)-1], "\n") + 1
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

// capSlack covers what encoding/csv's internal buffer reads ahead of the
// record it is parsing.
const capSlack = 64 << 10

// capReader stops delivering bytes past limit, so that encoding/csv, which
// has no record bound of its own, cannot pull an endless record into memory.
// It also counts the quotes and newlines it delivers, for skipRecord.
type capReader struct {
	r     io.Reader
	br    *bufio.Reader // r itself, for skipRecord's byte-wise reads
	n     int64
	limit int64

	quotes, newlines int
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
	c.quotes += bytes.Count(p[:n], quote)
	c.newlines += bytes.Count(p[:n], newline)
	return n, err
}

var quote, newline = []byte{'"'}, []byte{'\n'}
