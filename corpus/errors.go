package corpus

import (
	"errors"
	"fmt"
)

// RecordError reports one bad input record. It is a per-record failure: the
// run counts it as a reject and goes on, which is why it carries the position
// and id needed for one log line and one row in the rejects table.
type RecordError struct {
	File      string // input path as given
	Line      int    // 1-based line of the record start; 0 for a whole file
	Field     string // the offending field ("json", "csv", "text", "id", ...)
	ArticleID string // id of the record when known
	Reason    string // lower-case explanation
	// SkippedLines and SkippedBytes count the input passed over after a CSV record
	// that could not be delimited, before reading resumed (csvScanner); Reason says
	// so too. Zero otherwise.
	SkippedLines int
	SkippedBytes int64
}

// Error formats the reject as "file:line: field: reason", leaving out the
// line when it is 0 and the field when it is empty, so it reads like a
// compiler diagnostic.
func (e *RecordError) Error() string {
	pos := e.File
	if e.Line > 0 {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Field == "" {
		return pos + ": " + e.Reason
	}
	return pos + ": " + e.Field + ": " + e.Reason
}

// errTooLong marks a record that exceeds Options.MaxRecordBytes.
var errTooLong = errors.New("record too long")

// IsRecordError reports whether err is (or wraps) a *RecordError, that is a
// reject to count rather than a fatal error; it saves callers an errors.As.
func IsRecordError(err error) bool {
	var re *RecordError
	return errors.As(err, &re)
}
