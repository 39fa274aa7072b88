package output

import (
	"fmt"
	"reflect"
	"strings"
)

// Partition is the type of a table's partition key: a run date (Date) for
// the article-level tables and the runs table, a statistics window (Window)
// for the statistics tables. The key's name and the column it fills are
// methods of the type, so that a table's registry line names only its row
// type and its partition type.
type Partition[P any] interface {
	comparable
	fmt.Stringer // the value in directory names
	// partKey is the key in directory names and the name of the column
	// that holds the value in every row.
	partKey() string
	// parsePart reads a value written by String.
	parsePart(s string) (P, error)
	// column is the value stored in the partition column, whose Go type is
	// columnType.
	column() reflect.Value
	columnType() reflect.Type
}

func (Date) partKey() string                      { return "run_date" }
func (Date) parsePart(s string) (Date, error)     { return ParseDate(s) }
func (d Date) column() reflect.Value              { return reflect.ValueOf(d) }
func (Date) columnType() reflect.Type             { return reflect.TypeFor[Date]() }
func (Window) partKey() string                    { return "window" }
func (Window) parsePart(s string) (Window, error) { return ParseWindow(s) }
func (w Window) column() reflect.Value            { return reflect.ValueOf(w.String()) }
func (Window) columnType() reflect.Type           { return reflect.TypeFor[string]() }

// Window is a span of run dates, first and last day included, whose
// article-level partitions the statistics tables summarize; it is their
// partition key.
type Window struct {
	From, To Date
}

// String is the window's partition value, FROM_TO.
func (w Window) String() string { return w.From.String() + "_" + w.To.String() }

// Contains reports whether day lies in the window.
func (w Window) Contains(day Date) bool { return day >= w.From && day <= w.To }

// ParseWindow reads a FROM_TO window as written by String.
func ParseWindow(s string) (Window, error) {
	from, to, ok := strings.Cut(s, "_")
	if !ok {
		return Window{}, fmt.Errorf("parsing window %q: want FROM_TO", s)
	}
	f, err := ParseDate(from)
	if err != nil {
		return Window{}, fmt.Errorf("parsing window %q: %w", s, err)
	}
	t, err := ParseDate(to)
	if err != nil {
		return Window{}, fmt.Errorf("parsing window %q: %w", s, err)
	}
	if t < f {
		return Window{}, fmt.Errorf("parsing window %q: ends before it starts", s)
	}
	return Window{From: f, To: t}, nil
}
