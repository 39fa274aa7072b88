package pipeline

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"framing/output"
)

// dyingFS is output.OSFS that dies at its n-th rename or exchange: that
// call and every later one that changes the tree fail, the rollback's
// included, as if the process had been killed there.
type dyingFS struct {
	output.OSFS
	n, moves int
}

var errDead = errors.New("process is dead")

func (d *dyingFS) dead() bool { d.moves++; return d.moves >= d.n }

func (d *dyingFS) Rename(a, b string) error {
	if d.dead() {
		return errDead
	}
	return d.OSFS.Rename(a, b)
}

func (d *dyingFS) Exchange(a, b string) error {
	if d.dead() {
		return errDead
	}
	return d.OSFS.Exchange(a, b)
}

func (d *dyingFS) Remove(name string) error {
	if d.moves >= d.n {
		return errDead
	}
	return d.OSFS.Remove(name)
}

func (d *dyingFS) RemoveAll(name string) error {
	if d.moves >= d.n {
		return errDead
	}
	return d.OSFS.RemoveAll(name)
}

// interrupted returns an OUT holding the night of jan20 and, over it, the
// rerun of that night killed in the middle of its commit.
func interrupted(t *testing.T) (out string, before map[string]string) {
	t.Helper()
	out = t.TempDir()
	if _, err := Run(context.Background(), testConfig(out, examplesJSONL)); err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, out)
	cfg := testConfig(out, "../examples/venezuela-dir")
	cfg.FS = &dyingFS{n: 6} // the journal's rename, then four partitions
	if _, err := Run(context.Background(), cfg); !errors.Is(err, errDead) {
		t.Fatalf("killed run: %v", err)
	}
	if p, err := output.Pending(out); err != nil || !p {
		t.Fatalf("the killed run left no journal: %v", err)
	}
	return out, before
}

// tables is the snapshot without dot entries: what readers see.
func tables(m map[string]string, out string) map[string]string {
	t := map[string]string{}
	for p, v := range m {
		if rel, _ := filepath.Rel(out, p); !strings.HasPrefix(rel, ".") {
			t[p] = v
		}
	}
	return t
}

func TestRunRecoversFirst(t *testing.T) {
	out, before := interrupted(t)
	if mid := tables(snapshot(t, out), out); len(mid) != len(before) || sameFiles(mid, before) {
		t.Fatal("the killed commit did not leave a mix: the test shows nothing")
	}
	var log strings.Builder
	cfg := testConfig(out, examplesJSONL)
	cfg.RunDate = jan20.AddDate(0, 0, 1)
	cfg.Log = slog.New(slog.NewTextHandler(&log, nil))
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "rolled back an interrupted commit") {
		t.Errorf("the run did not report the rollback:\n%s", log.String())
	}
	after := snapshot(t, out)
	for p, v := range before {
		if after[p] != v {
			t.Errorf("%s is not the old night's after recovery", p)
		}
	}
}

func sameFiles(a, b map[string]string) bool {
	for p, v := range a {
		if b[p] != v {
			return false
		}
	}
	return true
}

func TestStatsRecoversFirst(t *testing.T) {
	out, before := interrupted(t)
	if _, err := Stats(context.Background(), StatsConfig{OutDir: out, From: jan20, To: jan20, Version: "test", Stats: testConfig(out).Stats}); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, out)
	for p, v := range before {
		// stats rewrites the window's statistics; the night's own tables
		// must be the old ones again.
		if !strings.Contains(p, "_2026") && after[p] != v {
			t.Errorf("%s is not the old night's after stats", p)
		}
	}
}

func TestRecoverForReading(t *testing.T) {
	discard := slog.New(slog.DiscardHandler)
	t.Run("no journal: nothing written", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if err := RecoverForReading(out, time.Now(), discard); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("OUT was created: %v", err)
		}
	})
	t.Run("journal: resolved", func(t *testing.T) {
		out, before := interrupted(t)
		if err := RecoverForReading(out, time.Now(), discard); err != nil {
			t.Fatal(err)
		}
		if p, _ := output.Pending(out); p {
			t.Error("journal still pending")
		}
		if !sameFiles(before, snapshot(t, out)) {
			t.Error("OUT is not the old night")
		}
	})
	t.Run("journal of a live run: left to it", func(t *testing.T) {
		out, _ := interrupted(t)
		lock, err := AcquireLock(out, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		defer lock.Release()
		if err := RecoverForReading(out, time.Now(), discard); err != nil {
			t.Fatal(err)
		}
		if p, _ := output.Pending(out); !p {
			t.Error("a reader resolved a journal while the lock was held")
		}
	})
}
