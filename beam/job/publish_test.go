package job

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/google/go-cmp/cmp"

	"framing/output"
	"framing/output/faultfs"
	"framing/pipeline"
)

// TestPublishFaults: publishing is output's journaled commit, so a failure
// or a kill at any of its steps leaves OUT, once recovered, exactly as it
// was or exactly as a successful publish leaves it, across every table.
// The pipeline runs once on prism; what its workers staged is then
// published again and again over an OUT that holds an earlier output of
// the same day (without the matches table, so that the commit also creates
// a table directory), with output's fault filesystem failing each step in
// turn (the in-process rollback must restore OUT), or crashing from each
// step that changes the tree on (nothing more reaches the disk; the
// recovery that framing and framing-beam run first must resolve it), with
// and without RENAME_EXCHANGE.
func TestPublishFaults(t *testing.T) {
	inputs := append(examples(t), hostileCorpus(t))
	base := t.TempDir()
	if _, err := Run(context.Background(), beamOptions(inputs[:1], base, prism.Execute)); err != nil {
		t.Fatal(err)
	}
	old := snapshot(t, base)

	o := beamOptions(inputs, base, prism.Execute)
	o.Matches, o.Shards = true, 3
	o.defaults()
	clock := time.Date(2026, 1, 21, 3, 0, 0, 0, time.UTC)
	o.Now = func() time.Time { return clock } // the runs row is the same in every case
	sc, err := pipeline.NewScorer(o.config())
	if err != nil {
		t.Fatal(err)
	}
	scoring, err := newScoring(o)
	if err != nil {
		t.Fatal(err)
	}
	staged := t.TempDir()
	if _, err := prism.Execute(context.Background(), build(o, scoring, sc.Meta(), stagingDir(staged))); err != nil {
		t.Fatal(err)
	}

	// publishCase publishes a fresh copy of the staged shards over a fresh
	// copy of base through ff, as Run does (abort on an error), and returns
	// OUT and publish's error.
	publishCase := func(t *testing.T, ff *faultfs.FS) (string, error) {
		t.Helper()
		out := filepath.Join(faultfs.ScratchDir(t, "framing-beam-publish-"), "out")
		copyTree(t, base, out)
		c, err := output.NewCommitFS(ff, out)
		if err != nil {
			t.Fatal(err)
		}
		copyTree(t, staged, c.Dir())
		o := o
		o.OutDir, o.FS = out, ff
		ff.Armed = true
		_, err = publish(o, sc, c, clock)
		if err != nil {
			if !ff.Fired {
				t.Fatalf("publish failed with no fault: %v", err)
			}
			if !errors.Is(err, faultfs.ErrInjected) && !errors.Is(err, faultfs.ErrCrashed) {
				t.Fatalf("publish's error does not wrap the fault: %v", err)
			}
			c.Abort() // as Run does; after a crash it fails too
		}
		return out, err
	}
	// recovered is OUT after the recovery that every framing and
	// framing-beam command runs first.
	recovered := func(t *testing.T, out string, noExchange bool) map[string]string {
		t.Helper()
		if err := pipeline.Recover(&faultfs.FS{Base: output.OSFS{}, NoExchange: noExchange}, out, o.Log); err != nil {
			t.Fatalf("recovery: %v", err)
		}
		return snapshot(t, out)
	}

	for _, m := range []struct {
		name       string
		noExchange bool
	}{{"exchange", false}, {"two renames", true}} {
		t.Run(m.name, func(t *testing.T) {
			out, err := publishCase(t, &faultfs.FS{Base: output.OSFS{}, NoExchange: m.noExchange})
			if err != nil {
				t.Fatal(err)
			}
			published := snapshot(t, out)
			if d := cmp.Diff(old, published); d == "" {
				t.Fatal("publishing changed nothing in OUT")
			}
			want := func(got map[string]string, committed bool, what string) {
				t.Helper()
				w, name := old, "as it was"
				if committed {
					w, name = published, "as published"
				}
				if d := cmp.Diff(w, got); d != "" {
					t.Fatalf("%s: OUT is not %s (-want +got):\n%s", what, name, d)
				}
			}

			nErr := 0
			for k := 1; ; k++ {
				ff := &faultfs.FS{Base: output.OSFS{}, NoExchange: m.noExchange, FailAt: map[int]bool{k: true}}
				out, err := publishCase(t, ff)
				if !ff.Fired {
					nErr = k - 1
					break
				}
				what := "error at step " + strconv.Itoa(k)
				if err != nil {
					want(snapshot(t, out), false, what+" ("+err.Error()+")")
				}
				want(recovered(t, out, m.noExchange), err == nil, what+", after recovery")
			}
			nCrash, nMixed := 0, 0
			for k := 1; ; k++ {
				ff := &faultfs.FS{Base: output.OSFS{}, NoExchange: m.noExchange, CrashAt: k}
				out, err := publishCase(t, ff)
				if !ff.Fired {
					nCrash = k - 1
					break
				}
				if mixed(snapshot(t, out), old, published) {
					nMixed++
				}
				want(recovered(t, out, m.noExchange), err == nil, "crash at step "+strconv.Itoa(k)+", after recovery")
			}
			// Without the recovery, crashes in the middle leave OUT's tables
			// holding both outputs: the test would catch a publish that
			// moved partitions one by one.
			if nMixed == 0 {
				t.Errorf("no crash among %d left OUT holding partitions of both outputs before recovery", nCrash)
			}
			if nErr < 20 || nCrash < 10 {
				t.Errorf("only %d steps to fail and %d to crash at: is publishing still going through the FS?", nErr, nCrash)
			}
			t.Logf("%d steps failed in turn, %d crash points (%d of them leave a mix until recovery)", nErr, nCrash, nMixed)
		})
	}
}

// mixed reports whether the visible part of tree (dot entries aside)
// holds files of both the old and the published snapshot.
func mixed(tree, old, published map[string]string) bool {
	var fromOld, fromNew bool
	for k, v := range tree {
		if strings.HasPrefix(k, ".") || v == "dir" {
			continue
		}
		fromOld = fromOld || (old[k] == v && published[k] != v)
		fromNew = fromNew || (published[k] == v && old[k] != v)
	}
	return fromOld && fromNew
}

// copyTree copies the files and directories below src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
