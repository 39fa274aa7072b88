package main

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// exits records the codes stopAfter exits with.
type exits struct {
	mu    sync.Mutex
	codes []int
	at    []time.Time // when each exit came
}

func (e *exits) exit(code int) {
	e.mu.Lock()
	e.codes = append(e.codes, code)
	e.at = append(e.at, time.Now())
	e.mu.Unlock()
}

func (e *exits) firstAt() time.Time { e.mu.Lock(); defer e.mu.Unlock(); return e.at[0] }

func (e *exits) got() []int { e.mu.Lock(); defer e.mu.Unlock(); return append([]int(nil), e.codes...) }

func TestStopAfter(t *testing.T) {
	// Long enough that a loaded machine does not stall longer between
	// cancel and disarm in the second case.
	const grace = 200 * time.Millisecond
	t.Run("signal, still running: exit 1 after the grace", func(t *testing.T) {
		var e exits
		var msg strings.Builder
		ctx, cancel := context.WithCancel(context.Background())
		disarm := stopAfter(ctx, grace, &syncWriter{w: &msg}, e.exit)
		defer disarm()
		signalled := time.Now()
		cancel()
		// No sleep-and-look for "not yet": on a loaded machine a sleep
		// can outlast the grace. The exit records when it came instead.
		deadline := time.Now().Add(5 * time.Second)
		for len(e.got()) == 0 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if got := e.got(); len(got) != 1 || got[0] != exitFailure {
			t.Fatalf("exit codes %v, want [%d]", got, exitFailure)
		}
		if waited := e.firstAt().Sub(signalled); waited < grace {
			t.Errorf("exited %v after the signal, before the grace of %v ended", waited, grace)
		}
	})
	t.Run("signal, then done: no exit", func(t *testing.T) {
		var e exits
		ctx, cancel := context.WithCancel(context.Background())
		disarm := stopAfter(ctx, grace, &syncWriter{w: &strings.Builder{}}, e.exit)
		cancel()
		disarm()
		time.Sleep(3 * grace)
		if got := e.got(); len(got) != 0 {
			t.Errorf("exit codes %v after disarm", got)
		}
	})
	t.Run("no signal: no exit", func(t *testing.T) {
		var e exits
		disarm := stopAfter(context.Background(), grace, &syncWriter{w: &strings.Builder{}}, e.exit)
		time.Sleep(3 * grace)
		disarm()
		if got := e.got(); len(got) != 0 {
			t.Errorf("exit codes %v without a signal", got)
		}
	})
}

type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
