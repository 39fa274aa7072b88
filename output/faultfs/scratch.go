package faultfs

import (
	"os"
	"testing"
)

// ScratchDir is a fresh directory for one fault case, on tmpfs (/dev/shm)
// where there is one, else the test's temporary directory: the commit
// tests run hundreds of cases, each some 0.3 s on tmpfs against 1.5 s on a
// loaded disk whose fsyncs are slow, and renames (RENAME_EXCHANGE
// included) behave the same on both. It is removed when tb ends.
func ScratchDir(tb testing.TB, prefix string) string {
	tb.Helper()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if d, err := os.MkdirTemp("/dev/shm", prefix); err == nil {
			tb.Cleanup(func() { os.RemoveAll(d) })
			return d
		}
	}
	return tb.TempDir()
}
