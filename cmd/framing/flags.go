package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"framing/output"
)

// Every numeric flag of framing is registered through floatVar, intVar or
// daysVar, with its range. Validation happens in the flag's Set method: the
// one place that both the command line and the config file (which sets
// flags by name, config.go) go through, so the two always agree. A value
// outside its range, NaN, an infinity or a number too large for its type is
// a usage error (exit 2), before anything is read or written.

// numberFlag is a numeric flag whose value must lie in [min, max]. parse
// reads one value or says what a value must look like.
type numberFlag[T int64 | float64] struct {
	p        *T
	min, max T
	parse    func(string) (T, error)
}

func (f *numberFlag[T]) Set(s string) error {
	v, err := f.parse(strings.TrimSpace(s))
	switch {
	case err != nil:
		return fmt.Errorf("%q is not %v from %v to %v", s, err, f.min, f.max)
	case v < f.min || v > f.max:
		return fmt.Errorf("%s is outside %v to %v", s, f.min, f.max)
	}
	*f.p = v
	return nil
}

// String is the value, "0" for the zero flag.Value that flag.PrintDefaults
// makes to tell whether a default is worth printing.
func (f *numberFlag[T]) String() string {
	if f == nil || f.p == nil {
		return "0"
	}
	return fmt.Sprint(*f.p)
}

// floatVar registers a float64 flag: a finite number in [min, max].
func floatVar(fs *flag.FlagSet, p *float64, name string, def, min, max float64, usage string) {
	*p = def
	fs.Var(&numberFlag[float64]{p: p, min: min, max: max, parse: parseFinite}, name, fmt.Sprintf("%s (%g to %g)", usage, min, max))
}

// intVar registers an int64 flag: a whole number in [min, max], so that a
// value scaled later (MiB to bytes) can never overflow.
func intVar(fs *flag.FlagSet, p *int64, name string, def, min, max int64, usage string) {
	*p = def
	fs.Var(&numberFlag[int64]{p: p, min: min, max: max, parse: parseWhole}, name, fmt.Sprintf("%s (%d to %d)", usage, min, max))
}

var (
	errNotFinite = errors.New("a finite number")
	errNotWhole  = errors.New("a whole number")
)

func parseFinite(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errNotFinite
	}
	return v, nil
}

func parseWhole(s string) (int64, error) {
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		return 0, errNotWhole
	}
	return v, nil
}

// daysFlag is a number of days, written "30d" or "30", in [1, maxWindowDays].
type daysFlag struct{ p *int64 }

// maxWindowDays bounds --window: ten years of nights.
const maxWindowDays = 3660

func daysVar(fs *flag.FlagSet, p *int64, name string, def int64, usage string) {
	*p = def
	fs.Var(&daysFlag{p: p}, name, fmt.Sprintf("%s (1d to %dd)", usage, maxWindowDays))
}

func (f *daysFlag) Set(s string) error {
	n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(s), "d"), 10, 64)
	if err != nil || n < 1 || n > maxWindowDays {
		return fmt.Errorf("%q is not a number of days from 1d to %dd, such as 30d", s, maxWindowDays)
	}
	*f.p = n
	return nil
}

func (f *daysFlag) String() string {
	if f == nil || f.p == nil {
		return ""
	}
	return strconv.FormatInt(*f.p, 10) + "d"
}

// parseDay reads the YYYY-MM-DD value of a date flag, within the years
// every reader of a DATE column can hold (output.MinYear to MaxYear), as
// UTC midnight; anything else is a usage error naming the flag.
func parseDay(flag, s string) (time.Time, error) {
	d, err := output.ParseDate(s)
	if err != nil {
		return time.Time{}, usagef("--%s %q is not a YYYY-MM-DD date from %04d-01-01 to %04d-12-31", flag, s, output.MinYear, output.MaxYear)
	}
	return d.Time(), nil
}
