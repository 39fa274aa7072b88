package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/output/faultfs"
)

// The fault tests run one commit over an OUT that already holds the night
// it replaces, failing or crashing it at every step in turn, and check the
// property of the commit protocol: once the commit has returned (or its
// process has died) and Recover has run, OUT is exactly the old tree or
// exactly the new one, byte for byte, with nothing left in dot
// directories; and the new one only when Commit reported success.

// oldTree is OUT before the commit: a night kept (2026-01-20), a night
// replaced (2026-01-21) with a partition of three shards and one of one, a
// runs partition, and the lock file. Paths follow layout.go.
var oldTree = map[string]string{
	part("articles", "2026-01-20", PartFile):           "old articles 20",
	part("articles", "2026-01-21", PartFile):           "old articles 21",
	part("frames", "2026-01-21", PartFile):             "old frames 0",
	part("frames", "2026-01-21", "part-00001.parquet"): "old frames 1",
	part("frames", "2026-01-21", "part-00002.parquet"): "old frames 2",
	part("terms", "2026-01-21", PartFile):              "old terms",
	part("runs", "2026-01-21", PartFile):               "old runs",
	".lock":                                            "lock",
}

// part is the slash path of a file of a run-date partition below OUT.
func part(table, day, file string) string {
	return filepath.ToSlash(filepath.Join(partitionRel(table, "run_date", day), file))
}

// staged is what the commit stages: the replaced partitions (frames now one
// file, terms two shards), a partition of a table OUT does not have yet, and
// the runs partition.
var staged = []struct{ table, key, value, file, content string }{
	{"articles", "run_date", "2026-01-21", PartFile, "new articles 21"},
	{"frames", "run_date", "2026-01-21", PartFile, "new frames"},
	{"terms", "run_date", "2026-01-21", PartFile, "new terms 0"},
	{"terms", "run_date", "2026-01-21", "part-00001.parquet", "new terms 1"},
	{"stance", "run_date", "2026-01-21", PartFile, "new stance"},
	{"runs", "run_date", "2026-01-21", PartFile, "new runs"},
}

// newTree is OUT after the commit.
func newTree() map[string]string {
	m := map[string]string{}
	for k, v := range oldTree {
		if !strings.Contains(k, "2026-01-21") {
			m[k] = v
		}
	}
	for _, s := range staged {
		m[filepath.ToSlash(filepath.Join(partitionRel(s.table, s.key, s.value), s.file))] = s.content
	}
	return withDirs(m)
}

// withDirs adds every directory of the files of m, as "/".
func withDirs(m map[string]string) map[string]string {
	for k := range m {
		for d := filepath.Dir(k); d != "."; d = filepath.Dir(d) {
			m[filepath.ToSlash(d)] = "/"
		}
	}
	return m
}

// writeTree makes OUT hold m.
func writeTree(t *testing.T, out string, m map[string]string) {
	t.Helper()
	for rel, content := range m {
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree maps everything below out, dot entries included, to its
// content ("/" for a directory).
func readTree(t *testing.T, out string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == out {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if d.IsDir() {
			m[filepath.ToSlash(rel)] = "/"
			return nil
		}
		b, err := os.ReadFile(p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// stageAll makes a commit through fsys and stages every partition of staged.
func stageAll(t *testing.T, fsys FS, out string) *Commit {
	t.Helper()
	c, err := NewCommitFS(fsys, out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range staged {
		p := filepath.Join(c.Dir(), partitionRel(s.table, s.key, s.value), s.file)
		if s.file == PartFile {
			w, err := c.create(s.table, s.key, s.value)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write([]byte(s.content)); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(s.content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// commitCase is one commit under faults: it returns Commit's error and
// whether a fault fired.
func commitCase(t *testing.T, out string, ff *faultfs.FS) error {
	t.Helper()
	writeTree(t, out, oldTree)
	c := stageAll(t, ff, out)
	ff.Armed = true
	err := c.Commit()
	if err != nil && !ff.Fired {
		t.Fatalf("Commit failed with no fault: %v", err)
	}
	if errors.Is(err, faultfs.ErrInjected) || errors.Is(err, faultfs.ErrCrashed) || err == nil {
		return err
	}
	t.Fatalf("Commit error does not wrap the fault: %v", err)
	return err
}

// recoverClean runs Recover without faults and returns OUT's tree.
func recoverClean(t *testing.T, out string, noExchange bool) map[string]string {
	t.Helper()
	if _, err := Recover(&faultfs.FS{Base: OSFS{}, NoExchange: noExchange}, out); err != nil {
		t.Fatalf("Recover: %v", err)
	}
	return readTree(t, out)
}

// wantState fails unless got is the old tree (committed false) or the new
// one (committed true).
func wantState(t *testing.T, got map[string]string, committed bool, what string) {
	t.Helper()
	want, name := withDirs(copyMap(oldTree)), "old"
	if committed {
		want, name = newTree(), "new"
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("%s: OUT is not the %s tree (-want +got):\n%s", what, name, diff)
	}
}

func copyMap(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// modes are the two ways a partition replaces another: one exchange, or
// two renames where the filesystem cannot exchange.
var modes = []struct {
	name       string
	noExchange bool
}{{"exchange", false}, {"two renames", true}}

// stepsOf counts the steps of a commit without faults: every call, or
// with crash the calls a crash counts.
func stepsOf(t *testing.T, noExchange, crash bool) int {
	ff := &faultfs.FS{Base: OSFS{}, NoExchange: noExchange}
	if crash {
		ff.CrashAt = 1 << 30
	}
	if err := commitCase(t, faultfs.ScratchDir(t, "framing-commit-"), ff); err != nil {
		t.Fatal(err)
	}
	return ff.Steps
}

func TestCommitNoFault(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			out := faultfs.ScratchDir(t, "framing-commit-")
			ff := &faultfs.FS{Base: OSFS{}, NoExchange: m.noExchange}
			if err := commitCase(t, out, ff); err != nil {
				t.Fatal(err)
			}
			wantState(t, readTree(t, out), true, "after the commit")
			t.Logf("%d steps:\n%s", ff.Steps, strings.Join(ff.Log, "\n"))
		})
	}
}

// TestCommitErrorAtEveryStep fails step k once: the commit must roll back
// in process, so that when Commit returns an error OUT is the old tree
// with no staging left, and when it returns nil (the fault hit the clean
// up after the commit point) the new one.
func TestCommitErrorAtEveryStep(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			n := stepsOf(t, m.noExchange, false)
			for k := 1; k <= n; k++ {
				out := faultfs.ScratchDir(t, "framing-commit-")
				err := commitCase(t, out, &faultfs.FS{Base: OSFS{}, NoExchange: m.noExchange, FailAt: map[int]bool{k: true}})
				got := readTree(t, out)
				if err != nil {
					wantState(t, got, false, "error at step "+strconv.Itoa(k)+" ("+err.Error()+")")
					continue
				}
				wantState(t, recoverClean(t, out, m.noExchange), true, "error at step "+strconv.Itoa(k)+", after Recover")
			}
		})
	}
}

// TestCommitTwoErrors fails step k and a later step j, which hits the
// rollback or the clean up: whatever Commit returns, after Recover OUT is
// the old tree if it returned an error and the new one if not.
func TestCommitTwoErrors(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			n := stepsOf(t, m.noExchange, false)
			for k := 1; k <= n; k++ {
				for j := k + 1; ; j++ {
					out := faultfs.ScratchDir(t, "framing-commit-")
					ff := &faultfs.FS{Base: OSFS{}, NoExchange: m.noExchange, FailAt: map[int]bool{k: true, j: true}}
					err := commitCase(t, out, ff)
					wantState(t, recoverClean(t, out, m.noExchange), err == nil,
						"errors at steps "+strconv.Itoa(k)+" and "+strconv.Itoa(j)+", after Recover")
					if ff.Steps < j {
						break // j is past the commit's last step
					}
				}
			}
		})
	}
}

// TestCommitCrashAtEveryStep kills the commit before its step k that
// changes the tree (that step and every later one fail, the in-process
// rollback included), then crashes the recovery before its step r, for
// every r, and recovers once more.
func TestCommitCrashAtEveryStep(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			n := stepsOf(t, m.noExchange, true)
			mixed := 0
			for k := 1; k <= n+1; k++ {
				for r := 1; ; r++ {
					out := faultfs.ScratchDir(t, "framing-commit-")
					err := commitCase(t, out, &faultfs.FS{Base: OSFS{}, NoExchange: m.noExchange, CrashAt: k})
					if r == 1 && isMix(readTree(t, out)) {
						mixed++
					}
					rf := &faultfs.FS{Base: OSFS{}, NoExchange: m.noExchange, Armed: true, CrashAt: r}
					_, rerr := Recover(rf, out)
					wantState(t, recoverClean(t, out, m.noExchange), err == nil,
						"crash at step "+strconv.Itoa(k)+", recovery crashed at step "+strconv.Itoa(r))
					if rerr == nil && !rf.Fired {
						break // r is past the recovery's last step
					}
				}
			}
			// Without recovery, crashes in the middle leave a mix: the
			// property above is not met by doing nothing.
			if mixed == 0 {
				t.Errorf("no crash among %d left OUT's tables holding both nights", n+1)
			}
			t.Logf("%d crash points, %d of them leave a mix until Recover", n+1, mixed)
		})
	}
}

// isMix reports whether the tables of tree (dot entries aside) hold
// partitions of both the old and the new tree.
func isMix(tree map[string]string) bool {
	old, nw := withDirs(copyMap(oldTree)), newTree()
	var fromOld, fromNew bool
	for k, v := range tree {
		if strings.HasPrefix(k, ".") || v == "/" {
			continue
		}
		if old[k] == v && nw[k] != v {
			fromOld = true
		}
		if nw[k] == v && old[k] != v {
			fromNew = true
		}
	}
	return fromOld && fromNew
}
