package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// csvScanner splits CSV into records exactly as encoding/csv reads them (RFC 4180 with
// strict quotes: a comma separator, no comments, LazyQuotes off, "\r\n" read as "\n"),
// with what encoding/csv lacks: a bound on the bytes of one record, and a defined place
// to resume after a record that cannot be delimited. The rule, documented for users in
// README.md ("Inputs"):
//
//   - A record that fails on its own first line (a bare quote in an unquoted field, a
//     stray character after a closing quote, a line longer than the bound), or that
//     parses but has the wrong number of fields, is one reject. Reading goes on at the
//     next line after it.
//   - A record that fails after running past its first line cannot be delimited: a
//     quoted field that never closes properly (a stray character after its closing quote
//     on a later line, the end of the file, the bound reached inside it) leaves no way to
//     tell where the record was meant to end. It is one reject at its first line, and
//     reading resumes at the first later line that starts a well-formed record: one that
//     parses, within the bound, with the header's number of fields. The lines passed over
//     are counted in the reject ("skipped N lines (B bytes)"), so every line of the input
//     is in an article, in a reject, or counted in a reject's reason.
//
// To step back from a failed record to the line after its first, the scanner keeps the
// bytes from the start of the record being tried (at most the record bound plus one
// read) in a window, instead of a csv.Reader's one-way buffer.
type csvScanner struct {
	name  string
	field string // RecordError.Field of rejects: "csv", "manifest"
	max   int
	ctx   context.Context
	w     window

	off    int64 // where the next record attempt starts (a line start)
	line   int   // its line number
	fields int   // the header's field count once known

	covered int      // the line after the last one the last record or reject accounts for
	stash   *attempt // a record found while resynchronizing, returned next
	pending error    // an I/O error met while resynchronizing, returned after the reject
	done    bool

	buf     []byte // field bytes of the record being parsed
	indexes []int
}

// attempt is the outcome of parsing one record at a line start.
type attempt struct {
	fields      []string
	line        int   // first line of the record (after blank lines)
	start       int64 // its offset
	next1       int64 // offset of the line after the first line
	end         int64 // offset after the record (the failure's line for a parse error)
	lines       int   // lines from line to end
	err         error // nil, csv.ErrBareQuote, csv.ErrQuote, csv.ErrFieldCount or errTooLong
	multi       bool  // the failure came after the first line: the record cannot be delimited
	long        bool  // the first line alone is longer than the bound (not read to its end)
	eofInQuotes bool  // the input ended inside a quoted field
	eof         bool  // only blank lines were left
	ioErr       error
}

func newCSVScanner(r io.Reader, name, field string, opt Options) *csvScanner {
	return &csvScanner{name: name, field: field, max: opt.maxBytes(), ctx: opt.Context,
		w: window{r: r}, line: 1}
}

// header reads the first record, whose field count every later record must have. Any
// failure of the header is fatal.
func (s *csvScanner) header() ([]string, error) {
	a := s.parseAt(s.off, s.line)
	switch {
	case a.ioErr != nil:
		return nil, a.ioErr
	case a.eof:
		return nil, io.EOF
	case a.err != nil:
		return nil, fmt.Errorf("line %d: %s", a.line, s.reason(a))
	}
	s.fields = len(a.fields)
	s.off, s.line = a.end, a.line+a.lines
	return a.fields, nil
}

// next returns the fields and first line of the next record, a *RecordError for a record
// that fails, io.EOF at the end, or an I/O error.
func (s *csvScanner) next() ([]string, int, error) {
	if a := s.stash; a != nil {
		s.stash = nil
		s.covered = a.line + a.lines
		return a.fields, a.line, nil
	}
	if err := s.pending; err != nil {
		s.pending, s.done = nil, true
		return nil, 0, err
	}
	if s.done {
		return nil, 0, io.EOF
	}
	a := s.parseAt(s.off, s.line)
	switch {
	case a.ioErr != nil:
		s.done = true
		return nil, 0, a.ioErr
	case a.eof:
		s.done = true
		return nil, 0, io.EOF
	case a.err == nil:
		s.off, s.line = a.end, a.line+a.lines
		s.covered = s.line
		return a.fields, a.line, nil
	}
	rej := &RecordError{File: s.name, Line: a.line, Field: s.field, Reason: s.reason(a)}
	switch {
	case a.long:
		if err := s.skipLongLine(a); err != nil {
			s.pending = err
		}
		s.covered = s.line
	case !a.multi:
		s.off, s.line = a.end, a.line+a.lines
		s.covered = s.line
	default:
		s.covered = s.resync(a, rej)
	}
	return nil, 0, rej
}

// reason describes why an attempt failed, in encoding/csv's words where it has them.
func (s *csvScanner) reason(a attempt) string {
	switch {
	case errors.Is(a.err, errTooLong):
		return fmt.Sprintf("record longer than %d bytes", s.max)
	case errors.Is(a.err, csv.ErrFieldCount):
		return fmt.Sprintf("wrong number of fields, want %d", s.fields)
	case a.eofInQuotes:
		return "quoted field not closed before the end of the input"
	case a.multi:
		return fmt.Sprintf("%v at line %d", a.err, a.line+a.lines-1)
	}
	return a.err.Error()
}

// resync moves past a record that cannot be delimited: to the first line after its first
// line that starts a well-formed record, which is stashed for the next call, or to the
// end of the input. What it passes over is added to rej.
func (s *csvScanner) resync(a attempt, rej *RecordError) (resumed int) {
	from, fromLine := a.next1, a.line+1
	off, line := from, fromLine
	for tries := 1; ; tries++ {
		if tries%1024 == 0 && s.ctx != nil && s.ctx.Err() != nil {
			s.pending = s.ctx.Err()
			break
		}
		b := s.parseAt(off, line)
		if b.ioErr != nil {
			s.pending = b.ioErr
			break
		}
		if b.eof {
			s.done = true
			off, line = b.start, b.line
			break
		}
		if b.err == nil {
			s.stash = &b
			s.off, s.line = b.end, b.line+b.lines
			off, line = b.start, b.line
			break
		}
		if !b.long {
			off, line = b.next1, b.line+1
			continue
		}
		end, err := s.w.skipLine(b.start)
		off, line = end, b.line+1
		if err != nil && !errors.Is(err, io.EOF) {
			s.pending = fmt.Errorf("reading %s: %w", s.name, err)
			break
		}
	}
	n := line - fromLine
	rej.SkippedLines, rej.SkippedBytes = n, off-from
	switch {
	case n == 0 && s.stash != nil:
		rej.Reason += fmt.Sprintf("; reading resumed at line %d", line)
	case n == 0:
	case s.done:
		rej.Reason += fmt.Sprintf("; skipped %d lines (%d bytes) to the end of the input", n, off-from)
	case s.stash == nil:
		rej.Reason += fmt.Sprintf("; skipped %d lines (%d bytes) to line %d, where reading stopped", n, off-from, line)
	default:
		rej.Reason += fmt.Sprintf("; skipped %d lines (%d bytes) to line %d, the next that starts a well-formed record", n, off-from, line)
	}
	return line
}

// skipLongLine moves past the first line of a, which is longer than the bound, reading it
// to its end without keeping it.
func (s *csvScanner) skipLongLine(a attempt) error {
	end, err := s.w.skipLine(a.start)
	s.off, s.line = end, a.line+1
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("reading %s: %w", s.name, err)
	}
	return nil
}

// parseAt parses one record whose first line starts at off (blank lines before it are
// passed over), as encoding/csv's readRecord does, with the bound checked per line.
func (s *csvScanner) parseAt(off int64, lineNo int) attempt {
	s.w.keep(off)
	a := attempt{line: lineNo, start: off}
	var content []byte
	var next int64
	var nl bool
	var err error
	for { // blank lines: "" or "\r" alone, as encoding/csv skips them
		content, next, nl, err = s.w.line(off, off+int64(s.max))
		a.start, a.line = off, lineNo
		switch {
		case errors.Is(err, io.EOF):
			a.eof = true
			return a
		case errors.Is(err, errTooLong):
			a.err, a.long, a.lines = errTooLong, true, 1
			return a
		case err != nil:
			a.ioErr = fmt.Errorf("reading %s: %w", s.name, err)
			return a
		}
		if len(content) > 0 {
			break
		}
		off, lineNo = next, lineNo+1
	}
	a.next1, a.lines = next, 1
	limit := a.start + int64(s.max)
	s.buf, s.indexes = s.buf[:0], s.indexes[:0]
	for more := true; more && a.err == nil; {
		if len(content) == 0 || content[0] != '"' { // unquoted field
			field, rest, comma := bytes.Cut(content, []byte{','})
			if bytes.IndexByte(field, '"') >= 0 {
				a.err = csv.ErrBareQuote
				break
			}
			s.buf = append(s.buf, field...)
			s.indexes = append(s.indexes, len(s.buf))
			content, more = rest, comma
			continue
		}
		content = content[1:] // quoted field, to its closing quote
		for a.err == nil {
			i := bytes.IndexByte(content, '"')
			if i < 0 { // the field runs on past this line
				s.buf = append(s.buf, content...)
				if !nl {
					a.err, a.eofInQuotes = csv.ErrQuote, true
					break
				}
				s.buf = append(s.buf, '\n')
				c, n, l, err := s.w.line(next, limit)
				switch {
				case errors.Is(err, io.EOF):
					a.err, a.eofInQuotes = csv.ErrQuote, true
				case errors.Is(err, errTooLong):
					a.err = errTooLong
				case err != nil:
					a.ioErr = fmt.Errorf("reading %s: %w", s.name, err)
					return a
				default:
					content, next, nl = c, n, l
					a.lines++
				}
				continue
			}
			s.buf = append(s.buf, content[:i]...)
			content = content[i+1:]
			if len(content) > 0 && content[0] == '"' { // "" is a quote
				s.buf = append(s.buf, '"')
				content = content[1:]
				continue
			}
			if len(content) > 0 && content[0] != ',' {
				a.err = csv.ErrQuote
				break
			}
			s.indexes = append(s.indexes, len(s.buf))
			more = len(content) > 0 // after a comma, another field; at the line end, done
			if more {
				content = content[1:]
			}
			break
		}
	}
	a.end = next
	if a.err != nil {
		a.multi = a.lines > 1 || errors.Is(a.err, errTooLong)
		return a
	}
	a.fields = s.record()
	if s.fields > 0 && len(a.fields) != s.fields {
		a.err = csv.ErrFieldCount
	}
	return a
}

// record turns the parsed field bytes into strings sharing one allocation, as encoding/csv
// does.
func (s *csvScanner) record() []string {
	str := string(s.buf)
	out := make([]string, len(s.indexes))
	prev := 0
	for i, idx := range s.indexes {
		out[i], prev = str[prev:idx], idx
	}
	return out
}
