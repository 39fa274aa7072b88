package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/output/faultfs"
)

// crashedCommit leaves in a fresh OUT what a commit killed before its
// crash-th step that changes the tree leaves, a journal, and returns OUT.
func crashedCommit(t *testing.T, crash int) string {
	t.Helper()
	out := faultfs.ScratchDir(t, "framing-commit-")
	commitCase(t, out, &faultfs.FS{Base: OSFS{}, CrashAt: crash})
	if p, err := Pending(out); err != nil || !p {
		t.Fatalf("crash at step %d left no journal: %v", crash, err)
	}
	return out
}

// stagingOf returns the one staging directory in OUT.
func stagingOf(t *testing.T, out string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(out, stagingPrefix+"*"))
	if err != nil || len(m) != 1 {
		t.Fatalf("staging directories %v, %v", m, err)
	}
	return m[0]
}

func TestRecoverReports(t *testing.T) {
	// The steps that change the tree: journal.tmp, its rename, mkdir
	// stance, then the moves. Crashing before step 5 leaves a prepared
	// journal with one partition (articles) exchanged.
	out := crashedCommit(t, 5)
	if p, err := Pending(out); err != nil || !p {
		t.Fatalf("Pending = %v, %v; want true", p, err)
	}
	st := filepath.Base(stagingOf(t, out))
	done, err := Recover(OSFS{}, out)
	if err != nil {
		t.Fatal(err)
	}
	want := []Recovered{{Dir: st, Forward: false, Partitions: len(staged) - 1}} // terms has two files, one partition
	if diff := cmp.Diff(want, done); diff != "" {
		t.Errorf("Recover (-want +got):\n%s", diff)
	}
	if !strings.Contains(done[0].String(), "rolled back an interrupted commit of 5 partitions") {
		t.Errorf("report %q", done[0])
	}
	wantState(t, readTree(t, out), false, "after Recover")
	if p, err := Pending(out); err != nil || p {
		t.Errorf("Pending after Recover = %v, %v", p, err)
	}
	if done, err := Recover(OSFS{}, out); err != nil || len(done) != 0 {
		t.Errorf("second Recover: %v, %v; want nothing to do", done, err)
	}
}

// TestRecoverRefuses: a journal recovery cannot trust, or a partition in
// no state a commit leaves, stops Recover with an error that names it, and
// nothing in OUT is changed.
func TestRecoverRefuses(t *testing.T) {
	tests := []struct {
		name  string
		crash int
		spoil func(t *testing.T, out, staging string)
		want  string
	}{
		{"garbage journal", 5, func(t *testing.T, out, st string) {
			if err := os.WriteFile(filepath.Join(st, journalPrepared), []byte("{"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "parsing commit journal"},
		{"journal leaving OUT", 5, func(t *testing.T, out, st string) {
			b, err := os.ReadFile(filepath.Join(st, journalPrepared))
			if err != nil {
				t.Fatal(err)
			}
			b = []byte(strings.Replace(string(b), `"articles/`, `"../articles/`, 1))
			if !strings.Contains(string(b), `"../articles/`) {
				t.Fatal("no articles partition in the journal to spoil")
			}
			if err := os.WriteFile(filepath.Join(st, journalPrepared), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "not a plain path"},
		{"old partition gone", 5, func(t *testing.T, out, st string) {
			// The first move exchanged articles: its old partition is in
			// staging. Someone deletes it.
			if err := os.RemoveAll(filepath.Join(st, partitionRel("articles", "run_date", "2026-01-21"))); err != nil {
				t.Fatal(err)
			}
		}, "in no state a commit leaves"},
		{"prepared, then replaced", 8, func(t *testing.T, out, st string) {
			// Before step 8 (the runs partition's move), someone replaces
			// a moved partition by hand: no partition may be rolled back.
			replaceByHand(t, filepath.Join(out, partitionRel("frames", "run_date", "2026-01-21")))
		}, "in no state a commit leaves"},
		{"committed, then replaced", 10, func(t *testing.T, out, st string) {
			// Step 10 removes the committed journal; before it someone
			// replaces a committed partition by hand.
			replaceByHand(t, filepath.Join(out, partitionRel("frames", "run_date", "2026-01-21")))
		}, "in no state a commit leaves"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := crashedCommit(t, tt.crash)
			tt.spoil(t, out, stagingOf(t, out))
			before := readTree(t, out)
			_, err := Recover(OSFS{}, out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Recover: %v, want an error with %q", err, tt.want)
			}
			if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
				t.Errorf("Recover changed OUT although it refused (-before +after):\n%s", diff)
			}
		})
	}
}

// replaceByHand puts an empty directory, a new inode, where partition p was.
func replaceByHand(t *testing.T, p string) {
	t.Helper()
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestRecoverStrays(t *testing.T) {
	out := faultfs.ScratchDir(t, "framing-commit-")
	writeTree(t, out, oldTree)
	for _, p := range []string{".staging-file", ".staging-0123/" + part("articles", "2026-01-22", PartFile), ".staging-0123/journal.tmp"} {
		writeTree(t, out, map[string]string{p: "x"})
	}
	done, err := Recover(OSFS{}, out)
	if err != nil || len(done) != 0 {
		t.Fatalf("Recover: %v, %v; want nothing reported", done, err)
	}
	wantState(t, readTree(t, out), false, "after Recover")
}

func TestPendingQuotesPath(t *testing.T) {
	out := filepath.Join(faultfs.ScratchDir(t, "framing-commit-"), "o[ut]*")
	if p, err := Pending(out); err != nil || p {
		t.Fatalf("Pending of a missing OUT = %v, %v", p, err)
	}
	writeTree(t, out, map[string]string{".staging-1/" + journalPrepared: "{}"})
	if p, err := Pending(out); err != nil || !p {
		t.Errorf("Pending = %v, %v; want true", p, err)
	}
	if p, err := Pending(filepath.Join(filepath.Dir(out), "ou")); err != nil || p {
		t.Errorf("Pending of another OUT = %v, %v; want false", p, err)
	}
}
