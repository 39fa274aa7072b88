package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// StaleLockAge is how long a run may hold the lock of an output directory before the
// next run reports it as stuck instead of busy. The longest run measured (2 GB of input,
// docs/performance.md) takes minutes; a nightly job still holding its lock after six
// hours hangs (a stalled input, a stuck disk) and needs a person, not a retry.
const StaleLockAge = 6 * time.Hour

// LockHolder is what the holder of a lock wrote into the lock file.
type LockHolder struct {
	Started time.Time // zero when unknown
	PID     int       // 0 when unknown
	Host    string    // "" when unknown
}

// String describes the holder for messages: "pid 1234 on host h since 2026-01-20T03:15:00Z".
func (h LockHolder) String() string {
	var parts []string
	if h.PID > 0 {
		parts = append(parts, "pid "+strconv.Itoa(h.PID))
	}
	if h.Host != "" {
		parts = append(parts, "on host "+h.Host)
	}
	if !h.Started.IsZero() {
		parts = append(parts, "since "+h.Started.UTC().Format(time.RFC3339))
	}
	if len(parts) == 0 {
		return "an unknown holder"
	}
	return strings.Join(parts, " ")
}

// LockedError says that another run holds the output directory and looks alive: it took
// the lock less than StaleLockAge ago and, when it runs on this host, its process exists.
// cron may start a run while last night's is still going; the second must stop at once
// rather than interleave its commit with the first (exit 75).
type LockedError struct {
	Path   string
	Holder LockHolder
	Age    time.Duration // how long the holder has held it; 0 when unknown
}

func (e *LockedError) Error() string {
	if e.Holder.Started.IsZero() {
		return fmt.Sprintf("another run holds %s (%s)", filepath.Dir(e.Path), e.Holder)
	}
	return fmt.Sprintf("another run has held %s since %s (%s, %s ago)", filepath.Dir(e.Path),
		e.Holder.Started.UTC().Format(time.RFC3339), e.Holder, e.Age.Round(time.Second))
}

// StaleLockError says that the lock of the output directory is held, but its holder is
// gone or stuck: the process recorded in the lock file no longer exists on this host, or
// it has held the lock longer than StaleLockAge. Such a lock is never a normal "busy"
// exit: a person must look (exit 4, docs/operations.md).
//
// It is not taken over. The lock is an flock(2), which the kernel releases when its
// holder exits, so a lock that is still held belongs to a live process, even when the
// recorded pid is gone: one in another PID namespace (a container), one that inherited
// the descriptor, or one on another host that shares the directory. Taking it would let
// two runs write the same directory.
type StaleLockError struct {
	LockedError
	Reason string
}

func (e *StaleLockError) Error() string {
	return fmt.Sprintf("the lock of %s is stale: %s (%s); nothing was done: find the process that holds %s (fuser -v %s) and stop it",
		filepath.Dir(e.Path), e.Reason, e.Holder, e.Path, e.Path)
}

// Lock is an exclusive flock(2) on OUT/.lock. The kernel releases it when the
// process dies, so a killed run never leaves a stale lock behind.
type Lock struct {
	f *os.File
}

// AcquireLock takes the lock of outDir without waiting. It returns a *LockedError when
// another live run holds it, and a *StaleLockError when its holder is gone or has held it
// longer than StaleLockAge (judged at now).
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
		content, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, lockedError(path, parseHolder(string(content)), now)
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	host, _ := os.Hostname()
	stamp := fmt.Sprintf("%s pid %d host %s\n", now.UTC().Format(time.RFC3339), os.Getpid(), host)
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(stamp), 0) // informative only: the flock is the lock
	}
	return &Lock{f: f}, nil
}

// lockedError classifies a held lock as busy or stale.
func lockedError(path string, h LockHolder, now time.Time) error {
	e := LockedError{Path: path, Holder: h}
	if !h.Started.IsZero() {
		e.Age = now.Sub(h.Started)
	}
	host, _ := os.Hostname()
	switch {
	case h.PID > 0 && h.Host != "" && h.Host == host && !processExists(h.PID):
		return &StaleLockError{LockedError: e, Reason: fmt.Sprintf("process %d, which took it, is gone, yet the lock is held", h.PID)}
	case e.Age > StaleLockAge:
		return &StaleLockError{LockedError: e, Reason: fmt.Sprintf("held for %s, longer than the %s a run may take",
			e.Age.Round(time.Minute), StaleLockAge)}
	}
	return &e
}

// processExists reports whether a process with this pid exists on this host (kill(pid,
// 0): EPERM means it exists under another user).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// parseHolder reads a lock file: "2026-01-20T03:15:00Z pid 1234 host h", or the older
// "2026-01-20T03:15:00Z (pid 1234)". Unknown parts stay zero.
func parseHolder(content string) LockHolder {
	var h LockHolder
	fields := strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(content))
	for i, f := range fields {
		if t, err := time.Parse(time.RFC3339, f); err == nil && h.Started.IsZero() {
			h.Started = t
		}
		if i+1 < len(fields) {
			switch f {
			case "pid":
				h.PID, _ = strconv.Atoi(fields[i+1])
			case "host":
				h.Host = fields[i+1]
			}
		}
	}
	return h
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
