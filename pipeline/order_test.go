package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/output"
	"framing/stats"
)

// TestStatisticsIgnoreArticleOrder runs one night twice, its input lines in
// two orders, and checks that every statistics table is the same, row for
// row: the window is read in a canonical order (by a hash of the article
// ids), so neither the order of a feed nor the split of a night into part
// files (framing-beam's shards) changes a bootstrap resample or a sum.
func TestStatisticsIgnoreArticleOrder(t *testing.T) {
	b, err := os.ReadFile(examplesJSONL)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	shuffled := filepath.Join(t.TempDir(), "shuffled.jsonl")
	if err := os.WriteFile(shuffled, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := []string{t.TempDir(), t.TempDir()}
	for i, in := range []string{examplesJSONL, shuffled} {
		cfg := testConfig(outs[i], in)
		cfg.Stats.MinArticles = 1
		if _, err := Run(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	sameStatistics(t, outs, output.Window{From: output.DateOf(jan20), To: output.DateOf(jan20)})
}

// sameStatistics compares every statistics table of window w in two OUTs,
// row for row.
func sameStatistics(t *testing.T, outs []string, w output.Window) {
	t.Helper()
	same(t, output.OutletStats, outs, w)
	same(t, output.OutletTests, outs, w)
	same(t, output.OutletResiduals, outs, w)
	same(t, output.OutletPairs, outs, w)
	same(t, output.Keyness, outs, w)
	same(t, output.OutletProfiles, outs, w)
	same(t, output.PCA, outs, w)
	same(t, output.Correlations, outs, w)
	same(t, output.Regression, outs, w)
	same(t, output.Trends, outs, w)
}

func same[R any](t *testing.T, tab output.Table[R, output.Window], outs []string, w output.Window) {
	t.Helper()
	a, err := tab.Read(outs[0], w)
	if err != nil {
		t.Fatal(err)
	}
	b, err := tab.Read(outs[1], w)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 {
		t.Errorf("%s: no rows", tab.Name())
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("%s differs with the input in another order (-in order +shuffled):\n%s", tab.Name(), diff)
	}
}

// TestStatisticsReadEveryPart splits a committed night's article-level
// partitions into two part files each, as framing-beam writes its shards,
// and checks that framing stats reads both: the same articles and the same
// statistics, row for row, as from the night in one file.
func TestStatisticsReadEveryPart(t *testing.T) {
	outs := []string{t.TempDir(), t.TempDir()}
	for _, out := range outs {
		cfg := testConfig(out, examplesJSONL)
		cfg.Stats.MinArticles = 1
		if _, err := Run(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	day := output.DateOf(jan20)
	arts, err := output.Articles.Read(outs[1], day)
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]bool{}
	for _, a := range arts[:len(arts)/2] {
		first[a.ArticleID] = true
	}
	splitPartition(t, output.Articles, outs[1], day, func(a output.ArticleRow) bool { return first[a.ArticleID] })
	splitPartition(t, output.Frames, outs[1], day, func(f output.FrameRow) bool { return first[f.ArticleID] })
	splitPartition(t, output.Stance, outs[1], day, func(s output.StanceRow) bool { return first[s.ArticleID] })
	splitPartition(t, output.Terms, outs[1], day, func(r output.TermRow) bool { return r.Outlet < "M" })
	for _, out := range outs {
		opt := stats.DefaultOptions()
		opt.MinArticles, opt.Workers = 1, 2
		sum, err := Stats(context.Background(), StatsConfig{OutDir: out, From: jan20, To: jan20, Version: "test", Stats: opt})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Articles != len(arts) {
			t.Errorf("%s: statistics of %d articles, want %d", out, sum.Articles, len(arts))
		}
	}
	sameStatistics(t, outs, output.Window{From: day, To: day})
}

// splitPartition rewrites partition day of table tab below out as two part
// files, the rows for which inFirst holds in part-00000 and the others in
// part-00001, each in the order they had, with the partition's metadata.
func splitPartition[R any](t *testing.T, tab output.Table[R, output.Date], out string, day output.Date, inFirst func(R) bool) {
	t.Helper()
	rows, err := tab.Read(out, day)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := tab.Metadata(out, day)
	if err != nil {
		t.Fatal(err)
	}
	var parts [2][]R
	for _, r := range rows {
		if inFirst(r) {
			parts[0] = append(parts[0], r)
		} else {
			parts[1] = append(parts[1], r)
		}
	}
	if len(parts[0]) == 0 || len(parts[1]) == 0 {
		t.Fatalf("%s: a split into %d and %d rows", tab.Name(), len(parts[0]), len(parts[1]))
	}
	dir := filepath.Dir(tab.Path(out, day))
	for k, part := range parts {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%05d.parquet", k)))
		if err != nil {
			t.Fatal(err)
		}
		w, err := output.NewTableWriter[R](f, meta, output.WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range part {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
