package output

import (
	"fmt"
	"time"
)

// Date is a calendar day as days since 1970-01-01, the physical form of the
// Parquet DATE logical type, so that run and publication dates load as DATE
// in DuckDB and pandas instead of as strings or midnight timestamps.
type Date int32

const secondsPerDay = 24 * 60 * 60

// DateOf returns the UTC calendar day of t; the clock time is dropped so
// that the same day always maps to the same Date whatever t's zone.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(midnight.Unix() / secondsPerDay)
}

// Time returns the day as UTC midnight, for arithmetic and formatting with
// the time package.
func (d Date) Time() time.Time {
	return time.Unix(int64(d)*secondsPerDay, 0).UTC()
}

// String formats the day as YYYY-MM-DD, the form used in partition names.
func (d Date) String() string {
	return d.Time().Format(time.DateOnly)
}

// MinYear and MaxYear bound every date framing writes: the years of
// Python's datetime.date, which pyarrow and pandas turn a DATE column into.
// A year 0 date, which Go's time package parses, makes a whole column
// unreadable there ("year 0 is out of range"), though DuckDB reads it as
// 1 BC.
const (
	MinYear = 1
	MaxYear = 9999
)

// InRange reports whether d lies in the years MinYear to MaxYear.
func (d Date) InRange() bool {
	y := d.Time().Year()
	return y >= MinYear && y <= MaxYear
}

// ParseDate reads a YYYY-MM-DD day, as written in partition directory names
// and on the command line, from 0001-01-01 to 9999-12-31.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("parsing date %q: %w", s, err)
	}
	d := DateOf(t)
	if !d.InRange() {
		return 0, fmt.Errorf("parsing date %q: year %d is outside %d to %d", s, t.Year(), MinYear, MaxYear)
	}
	return d, nil
}
