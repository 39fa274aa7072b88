package pipeline

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The lock policy of issue 16 §3: a lock whose holder is alive and recent is busy
// (*LockedError, exit 75); one whose recorded process is gone, or that is older than
// StaleLockAge, is stale (*StaleLockError, exit 4) and is never taken over.
func TestLockPolicy(t *testing.T) {
	now := time.Date(2026, 1, 21, 3, 15, 0, 0, time.UTC)
	host, _ := os.Hostname()
	dead := deadPID(t)
	tests := []struct {
		name    string
		content func() string // the lock file's content instead of what AcquireLock wrote
		took    time.Time
		stale   string // "" for busy, else a text of the reason
	}{
		{"alive and recent", nil, now.Add(-time.Hour), ""},
		{"older than the bound", nil, now.Add(-StaleLockAge - time.Minute), "held for 6h1m0s, longer than the 6h0m0s"},
		{"holder gone on this host", func() string {
			return fmt.Sprintf("%s pid %d host %s\n", now.Add(-time.Minute).Format(time.RFC3339), dead, host)
		}, now.Add(-time.Minute), fmt.Sprintf("process %d, which took it, is gone", dead)},
		{"holder on another host is judged by age only", func() string {
			return fmt.Sprintf("%s pid %d host elsewhere.example\n", now.Add(-time.Minute).Format(time.RFC3339), dead)
		}, now.Add(-time.Minute), ""},
		{"older format", func() string { return now.Add(-time.Minute).Format(time.RFC3339) + " (pid 1)\n" },
			now.Add(-time.Minute), ""},
		{"no content: holder unknown", func() string { return "" }, now, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			held, err := AcquireLock(out, tc.took)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Release()
			path := filepath.Join(out, ".lock")
			if tc.content != nil {
				if err := os.WriteFile(path, []byte(tc.content()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			l, err := AcquireLock(out, now)
			if l != nil {
				t.Fatal("took a lock another holder has")
			}
			var stale *StaleLockError
			var busy *LockedError
			switch {
			case tc.stale == "" && !errors.As(err, &busy):
				t.Errorf("error %v (%T), want a *LockedError", err, err)
			case tc.stale != "" && (!errors.As(err, &stale) || !strings.Contains(err.Error(), tc.stale)):
				t.Errorf("error %v (%T), want a *StaleLockError saying %q", err, err, tc.stale)
			}
			if tc.content == nil && !strings.Contains(err.Error(), fmt.Sprintf("pid %d on host %s since %s", os.Getpid(), host, tc.took.Format(time.RFC3339))) {
				t.Errorf("%v: does not name the holder's pid, host and start", err)
			}
		})
	}
}

// deadPID returns the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot start a process: %v", err)
	}
	return cmd.Process.Pid
}

func TestParseHolder(t *testing.T) {
	for content, want := range map[string]LockHolder{
		"2026-01-20T03:15:00Z pid 42 host h1\n": {time.Date(2026, 1, 20, 3, 15, 0, 0, time.UTC), 42, "h1"},
		"2026-01-20T03:15:00Z (pid 7)\n":        {time.Date(2026, 1, 20, 3, 15, 0, 0, time.UTC), 7, ""},
		"garbage":                               {},
	} {
		if got := parseHolder(content); !got.Started.Equal(want.Started) || got.PID != want.PID || got.Host != want.Host {
			t.Errorf("parseHolder(%q) = %+v, want %+v", content, got, want)
		}
	}
}
