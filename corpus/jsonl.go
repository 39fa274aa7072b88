package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jsonRecord holds the recognized fields of one JSON line; other fields are
// ignored. Field names match case-insensitively, as encoding/json does.
type jsonRecord struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	Lang   string `json:"lang"`
}

// jsonlReader reads JSON Lines, one object per non-blank line.
type jsonlReader struct {
	name   string
	lines  *lineReader
	closer io.Closer
	label  string // Options.LabelField
}

func newJSONL(r io.Reader, name string, closer io.Closer, opt Options) *jsonlReader {
	return &jsonlReader{name: name, lines: newLineReader(r, opt.maxBytes()), closer: closer, label: opt.LabelField}
}

// Next returns the next article, a *RecordError for a bad line, io.EOF at
// the end, or an I/O error.
func (j *jsonlReader) Next() (Article, error) {
	line, n, err := j.nextLine()
	if err != nil {
		return Article{}, err
	}
	a, err := decodeJSONL(line, j.name, n)
	if err == nil && j.label != "" {
		label, ok := jsonLabel(line, j.label)
		if !ok {
			return Article{}, &RecordError{File: j.name, Line: n, Field: j.label, ArticleID: a.ID,
				Reason: "given twice in one record: which value to read is ambiguous"}
		}
		a.Label = clean(label)
	}
	return a, err
}

// jsonLabel returns the value of key in a JSON object line, matching the
// key without regard to case, as encoding/json does: a string as is, a
// number or boolean as written, anything else as "". A line naming key
// twice (in any case) is ambiguous, as for the recognized fields
// (repeatedField); ok is then false.
func jsonLabel(line []byte, key string) (label string, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", true
	}
	var v json.RawMessage
	found := false
	for dec.More() {
		t, err := dec.Token()
		k, isKey := t.(string)
		if err != nil || !isKey {
			return "", true
		}
		var x json.RawMessage
		if err := dec.Decode(&x); err != nil {
			return "", true
		}
		if strings.EqualFold(k, key) {
			if found {
				return "", false
			}
			v, found = x, true
		}
	}
	var s string
	switch {
	case !found:
	case json.Unmarshal(v, &s) == nil:
	case len(v) > 0 && (v[0] == '-' || v[0] >= '0' && v[0] <= '9' || v[0] == 't' || v[0] == 'f'):
		s = string(v)
	}
	return s, true
}

// NextRaw returns the next non-blank line undecoded, with a copy of its
// bytes so that the reader's buffer can be reused (in a buffer an earlier
// Raw released, when one is large enough); errors are as for Next.
func (j *jsonlReader) NextRaw() (Raw, error) {
	line, n, err := j.nextLine()
	if err != nil {
		return Raw{}, err
	}
	return Raw{Data: cloneLine(line), File: j.name, Line: n}, nil
}

// nextLine returns the next non-blank line and its number, valid until the
// next call; a line longer than the bound is a *RecordError.
func (j *jsonlReader) nextLine() ([]byte, int, error) {
	for {
		line, n, err := j.lines.next()
		if errors.Is(err, errTooLong) {
			return nil, n, &RecordError{File: j.name, Line: n, Field: "json",
				Reason: fmt.Sprintf("line longer than %d bytes", j.lines.max)}
		}
		if err != nil {
			if err != io.EOF {
				err = fmt.Errorf("reading %s: %w", j.name, err)
			}
			return nil, n, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return line, n, nil
	}
}

// decodeJSONL decodes and normalizes one line of file, the work behind both
// Next and Raw.Decode. It keeps no reference to line. Most lines take
// decodeFast; the rest, and every bad line, take encoding/json.
func decodeJSONL(line []byte, file string, n int) (Article, error) {
	rec, text, ok := decodeFastInfo(line)
	if !ok {
		return decodeStd(line, file, n)
	}
	return buildKnown(rec.raw(), &text, file, n)
}

// decodeStd is decodeJSONL with encoding/json, the reference for
// decodeFast: its results, rejects and their texts are the contract.
func decodeStd(line []byte, file string, n int) (Article, error) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return Article{}, &RecordError{File: file, Line: n, Field: te.Field, ArticleID: rec.ID,
				Reason: fmt.Sprintf("want a string, got %s", te.Value)}
		}
		if errors.As(err, &te) {
			return Article{}, &RecordError{File: file, Line: n, Field: "json",
				Reason: fmt.Sprintf("want an object, got %s", te.Value)}
		}
		return Article{}, &RecordError{File: file, Line: n, Field: "json", Reason: err.Error()}
	}
	if k := repeatedField(line); k != "" {
		return Article{}, &RecordError{File: file, Line: n, Field: k, ArticleID: rec.ID,
			Reason: "given twice in one record: which value to read is ambiguous"}
	}
	return build(rec.raw(), file, n)
}

// repeatedField returns the first recognized field that line, a valid JSON
// object, names more than once (in any case, as encoding/json matches
// keys), or "". encoding/json would keep the last value and lose the other
// without a word, as a CSV header naming a column twice would (columns).
// Only lines that decodeFast leaves to encoding/json come here, and it
// leaves every repeated key.
func repeatedField(line []byte) string {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	var seen [len(jsonNames)]bool
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return ""
		}
		for i, name := range jsonNames {
			if strings.EqualFold(key, name) {
				if seen[i] {
					return name
				}
				seen[i] = true
			}
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return ""
		}
	}
	return ""
}

func (r jsonRecord) raw() rawRecord {
	return rawRecord{id: r.ID, outlet: r.Outlet, date: r.Date, title: r.Title, url: r.URL, text: r.Text, lang: r.Lang}
}

// Close closes the underlying file, if any.
func (j *jsonlReader) Close() error {
	if j.closer == nil {
		return nil
	}
	return j.closer.Close()
}

// lineReader returns lines of at most max bytes (terminator excluded) with
// their 1-based numbers. A longer line is drained without being kept and
// reported as errTooLong, so memory stays bounded and reading can go on.
// A byte-order mark at the start and a CR before the LF are removed.
type lineReader struct {
	br   *bufio.Reader
	max  int
	line int
	buf  []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

func (l *lineReader) next() ([]byte, int, error) {
	l.buf = l.buf[:0]
	read, tooLong := false, false
	for {
		chunk, err := l.br.ReadSlice('\n')
		if len(chunk) > 0 {
			read = true
			if !tooLong && len(l.buf)+len(chunk) <= l.max+5 { // room for BOM and CRLF
				l.buf = append(l.buf, chunk...)
			} else {
				tooLong, l.buf = true, l.buf[:0]
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, l.line + 1, err
		}
		if !read {
			return nil, l.line, io.EOF
		}
		l.line++
		if tooLong {
			return nil, l.line, errTooLong
		}
		b := bytes.TrimSuffix(l.buf, []byte("\n"))
		b = bytes.TrimSuffix(b, []byte("\r"))
		if l.line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		if len(b) > l.max {
			return nil, l.line, errTooLong
		}
		return b, l.line, nil
	}
}
