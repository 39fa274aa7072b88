package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// LockedError says that another run holds the output directory. cron may
// start a run while last night's is still going; the second must stop at once
// rather than interleave its commit with the first.
type LockedError struct {
	Path   string
	Holder string // what the holder wrote into the lock file: its start time and pid
}

func (e *LockedError) Error() string {
	if e.Holder == "" {
		return fmt.Sprintf("another run holds %s", filepath.Dir(e.Path))
	}
	return fmt.Sprintf("another run has held %s since %s", filepath.Dir(e.Path), e.Holder)
}

// Lock is an exclusive flock(2) on OUT/.lock. The kernel releases it when the
// process dies, so a killed run never leaves a stale lock behind.
type Lock struct {
	f *os.File
}

// AcquireLock takes the lock of outDir without waiting. It returns a
// *LockedError when another process holds it.
func AcquireLock(outDir string, now time.Time) (*Lock, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output directory: %w", err)
	}
	path := filepath.Join(outDir, ".lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &LockedError{Path: path, Holder: strings.TrimSpace(string(holder))}
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	stamp := fmt.Sprintf("%s (pid %d)\n", now.UTC().Format(time.RFC3339), os.Getpid())
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(stamp), 0) // informative only: the flock is the lock
	}
	return &Lock{f: f}, nil
}

// Release gives the lock up. The file stays: removing it would race with a
// run that has just opened it.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
