package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 16 §3 end to end: a FIFO manifest fails the run at once, and a run reading an
// explicit FIFO whose writer stalls stops soon after its context is cancelled (SIGTERM
// in cmd/framing). Either way the lock is free afterwards.
func TestRunFIFOInputs(t *testing.T) {
	const hangLimit = 5 * time.Second // a bound on a hang; a cancelled run returns at once
	day := time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)
	run := func(ctx context.Context, cfg Config) error {
		done := make(chan error, 1)
		go func() { _, err := Run(ctx, cfg); done <- err }()
		select {
		case err := <-done:
			return err
		case <-time.After(hangLimit):
			t.Fatalf("run blocked for %v", hangLimit)
			return nil
		}
	}
	mkfifo := func(p string) {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}

	t.Run("FIFO manifest", func(t *testing.T) {
		in, out := t.TempDir(), t.TempDir()
		os.WriteFile(filepath.Join(in, "a.txt"), []byte("Officials in Caracas welcomed cooperation.\n"), 0o644)
		mkfifo(filepath.Join(in, "manifest.csv"))
		cfg := DefaultConfig()
		cfg.Inputs, cfg.OutDir, cfg.RunDate = []string{in}, out, day
		err := run(context.Background(), cfg)
		if err == nil || !strings.Contains(err.Error(), "manifest.csv: not a regular file") {
			t.Errorf("error %v, want one naming the FIFO manifest", err)
		}
		lockFree(t, out)
	})

	t.Run("stalled FIFO input, cancelled", func(t *testing.T) {
		dir, out := t.TempDir(), t.TempDir()
		p := filepath.Join(dir, "in.jsonl")
		mkfifo(p)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			w, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			defer w.Close()
			w.WriteString(`{"id":"a","outlet":"X","text":"Officials welcomed the talks."}` + "\n")
			<-stop
		}()
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		cfg := DefaultConfig()
		cfg.Inputs, cfg.OutDir, cfg.RunDate = []string{p}, out, day
		err := run(ctx, cfg)
		if err == nil || !strings.Contains(err.Error(), "run interrupted") {
			t.Errorf("error %v, want the run interrupted", err)
		}
		lockFree(t, out)
	})
}

func lockFree(t *testing.T, out string) {
	t.Helper()
	l, err := AcquireLock(out, time.Now())
	if err != nil {
		t.Fatalf("lock still held after the run: %v", err)
	}
	l.Release()
}
