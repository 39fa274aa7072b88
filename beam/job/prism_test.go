package job

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/google/go-cmp/cmp"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// examples are the repository's example corpus in both formats: the CSV
// repeats the JSON Lines' ids, so every CSV article is a duplicate reject,
// and its quoted texts span lines.
func examples(t testing.TB) []string {
	root := repoRoot(t)
	return []string{filepath.Join(root, "examples", "venezuela.jsonl"), filepath.Join(root, "examples", "venezuela.csv")}
}

// TestPrismExamples runs framing-beam on prism over the examples and a
// hostile file, and checks every article-level table against `framing run`
// of the same inputs. DuckDB, pandas, pyarrow and polars on a sharded
// partition are checked in the main module's Python suite
// (notebooks/tests/test_readers.py), so that this test binary does not link
// DuckDB as well as Beam.
func TestPrismExamples(t *testing.T) {
	inputs := append(examples(t), hostileCorpus(t))
	want := framingRun(t, inputs, true)
	out := t.TempDir()
	o := beamOptions(inputs, out, prism.Execute)
	o.Matches = true
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, want, out, true)
	if sum.Rejects < 8 || sum.Articles < 70 {
		t.Errorf("summary %+v: want the examples' articles and the hostile rejects", sum)
	}
	if n := len(partFiles(t, out, "articles")); n < 2 {
		t.Errorf("articles has %d part files; want several shards", n)
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging or trash left in OUT: %v", leftovers)
	}
}

// TestPrismOneShardSameBytes: with one shard, a shard's rows are the run's
// rows in the run's order, so every article-level file is byte for byte
// the file `framing run` writes.
func TestPrismOneShardSameBytes(t *testing.T) {
	inputs := append(examples(t), hostileCorpus(t))
	want := framingRun(t, inputs, false)
	out := t.TempDir()
	o := beamOptions(inputs, out, prism.Execute)
	o.Shards = 1
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"articles", "frames", "terms", "stance", "rejects"} {
		w, g := partFiles(t, want, table), partFiles(t, out, table)
		if len(w) != 1 || len(g) != 1 {
			t.Fatalf("%s: %d files from framing run, %d from framing-beam; want 1 each", table, len(w), len(g))
		}
		wb, err := os.ReadFile(w[0])
		if err != nil {
			t.Fatal(err)
		}
		gb, err := os.ReadFile(g[0])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(wb, gb) {
			t.Errorf("%s: framing-beam's one shard (%d bytes) is not framing run's file (%d bytes)", table, len(gb), len(wb))
		}
	}
}

// TestPrismGenerated compares the two on a generated corpus of some 3,400
// articles in 8 shards, and `framing stats` on both outputs.
func TestPrismGenerated(t *testing.T) {
	inputs := []string{genCorpus(t, "6")}
	want := framingRun(t, inputs, false)
	out := t.TempDir()
	o := beamOptions(inputs, out, prism.Execute)
	o.Shards = 8
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles < 3000 {
		t.Errorf("only %d articles; the test wants several thousand", sum.Articles)
	}
	sameTables(t, want, out, false)
	if n := len(partFiles(t, out, "frames")); n != 8 {
		t.Errorf("frames has %d part files; want 8", n)
	}
	sameStats(t, want, out)
}

// TestPrismBundleFailsOnce makes one shard writer fail halfway through its
// shard. Prism does not retry a failed bundle: the job fails. With one
// attempt nothing of it may become visible and the earlier output of the
// day stays as it was; with two attempts the second publishes the complete
// output, equal to `framing run`'s, with no row twice.
func TestPrismBundleFailsOnce(t *testing.T) {
	inputs := append(examples(t), hostileCorpus(t))
	out := t.TempDir()
	if _, err := Run(context.Background(), beamOptions(inputs[:1], out, prism.Execute)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)

	o := beamOptions(inputs, out, prism.Execute)
	o.FailOnce = filepath.Join(t.TempDir(), "failed")
	if _, err := Run(context.Background(), o); err == nil {
		t.Fatal("the injected failure did not fail the job")
	}
	if _, err := os.Stat(o.FailOnce); err != nil {
		t.Fatalf("no shard writer reached the injected failure: %v", err)
	}
	if d := cmp.Diff(before, snapshot(t, out)); d != "" {
		t.Errorf("a failed job changed OUT (-before +after):\n%s", d)
	}

	o.FailOnce = filepath.Join(t.TempDir(), "failed")
	o.Attempts = 2
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(o.FailOnce); err != nil {
		t.Fatalf("the first attempt did not fail: %v", err)
	}
	sameTables(t, framingRun(t, inputs, false), out, false)
}

// snapshot maps everything below dir (dot entries included, the lock file
// aside), by slash path relative to dir, to the SHA-256 of its bytes, or
// "dir" for a directory: two snapshots are equal only if the trees are.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir || d.Name() == ".lock" {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			m[filepath.ToSlash(rel)] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		m[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
