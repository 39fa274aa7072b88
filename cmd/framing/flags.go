package main

import (
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Every numeric flag of framing is registered through floatVar, intVar or
// daysVar, with its range. Validation happens in the flag's Set method: the
// one place that both the command line and the config file (which sets
// flags by name, config.go) go through, so the two always agree. A value
// outside its range, NaN, an infinity or a number too large for its type is
// a usage error (exit 2), before anything is read or written.

// floatFlag is a float64 flag whose value must be a finite number in
// [min, max].
type floatFlag struct {
	p        *float64
	min, max float64
}

func floatVar(fs *flag.FlagSet, p *float64, name string, def, min, max float64, usage string) {
	*p = def
	fs.Var(&floatFlag{p: p, min: min, max: max}, name, fmt.Sprintf("%s (%g to %g)", usage, min, max))
}

func (f *floatFlag) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%q is not a finite number", s)
	case v < f.min || v > f.max:
		return fmt.Errorf("%s is outside %g to %g", s, f.min, f.max)
	}
	*f.p = v
	return nil
}

// String is the value, "0" for the zero flag.Value that flag.PrintDefaults
// makes to tell whether a default is worth printing.
func (f *floatFlag) String() string {
	if f == nil || f.p == nil {
		return "0"
	}
	return strconv.FormatFloat(*f.p, 'g', -1, 64)
}

// intFlag is an int64 flag whose value must lie in [min, max], so that a
// value scaled later (MiB to bytes) can never overflow.
type intFlag struct {
	p        *int64
	min, max int64
}

func intVar(fs *flag.FlagSet, p *int64, name string, def, min, max int64, usage string) {
	*p = def
	fs.Var(&intFlag{p: p, min: min, max: max}, name, fmt.Sprintf("%s (%d to %d)", usage, min, max))
}

func (f *intFlag) Set(s string) error {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 0, 64)
	switch {
	case err != nil:
		return fmt.Errorf("%q is not a whole number from %d to %d", s, f.min, f.max)
	case v < f.min || v > f.max:
		return fmt.Errorf("%s is outside %d to %d", s, f.min, f.max)
	}
	*f.p = v
	return nil
}

// String is the value, "0" for the zero flag.Value (see floatFlag.String).
func (f *intFlag) String() string {
	if f == nil || f.p == nil {
		return "0"
	}
	return strconv.FormatInt(*f.p, 10)
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
