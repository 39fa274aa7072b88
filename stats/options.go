package stats

import (
	"fmt"
	"runtime"
)

// Options are the settings of the statistics. cmd/framing fills them once
// from its flags; every field has an explicit default in DefaultOptions and
// no zero value stands for a default.
type Options struct {
	// Workers is how many goroutines run statistics tasks, at least 1. The
	// rows do not depend on it.
	Workers int
}

// DefaultOptions are the documented defaults: one worker per GOMAXPROCS.
func DefaultOptions() Options {
	return Options{Workers: runtime.GOMAXPROCS(0)}
}

// Validate reports a setting outside its range.
func (o Options) Validate() error {
	if o.Workers < 1 {
		return fmt.Errorf("statistics workers %d: want at least 1", o.Workers)
	}
	return nil
}
