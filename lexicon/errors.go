package lexicon

import (
	"cmp"
	"slices"
	"strings"
)

// Error is one positioned problem in a lexicon file.
type Error struct {
	Pos Position
	Msg string
}

// Error formats the problem as file:line:col: message.
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every error found in one lexicon, sorted by position, so a
// researcher fixes them all in one pass instead of one per run (like
// go/scanner.ErrorList).
type ErrorList []*Error

// Error prints all errors, one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list and the list otherwise, so callers can
// write `return l, errs.Err()`.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Severity ranks a diagnostic: only errors stop a lexicon from loading.
type Severity uint8

const (
	// SeverityError makes the lexicon unusable.
	SeverityError Severity = iota
	// SeverityWarning flags a likely mistake that does not change scoring much,
	// such as a duplicate entry or a simplified LIWC line.
	SeverityWarning
	// SeverityNote is worth knowing, such as an entry in two dimensions.
	SeverityNote
)

// String returns "error", "warning" or "note".
func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityNote:
		return "note"
	}
	return "error"
}

// Diagnostic is one finding of Validate or of a dictionary import.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Msg      string
}

// String formats the diagnostic as file:line:col: severity: message.
func (d Diagnostic) String() string {
	return d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg
}

// sortDiags orders diagnostics by file, line, column, then severity.
func sortDiags(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Msg, b.Msg))
	})
}

// errorsOf returns the error-severity diagnostics as an ErrorList.
func errorsOf(ds []Diagnostic) ErrorList {
	var l ErrorList
	for _, d := range ds {
		if d.Severity == SeverityError {
			l = append(l, &Error{Pos: d.Pos, Msg: d.Msg})
		}
	}
	return l
}
