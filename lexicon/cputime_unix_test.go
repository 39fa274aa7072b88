//go:build unix

package lexicon

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used, user and system,
// so that benchmarks on a shared machine can report figures that do not
// depend on its load (wall-clock ns/op does).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
