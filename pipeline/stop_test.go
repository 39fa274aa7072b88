package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"framing/output"
	"framing/stats"
)

// stopBound is how long a stopped statistics phase may take to return in
// these tests: far above the second or two it takes (docs/performance.md
// measures it), so that a shared, loaded machine does not fail them, and
// far below the time the statistics of the big night take to finish.
const stopBound = 20 * time.Second

// TestStatsStopsPromptly stops `framing stats` on a big window at several
// points: while the partitions are read, after the first computing step,
// and late in the computing. Each time Stats returns the context's error
// soon after the stop, and OUT is byte for byte as it was: nothing staged is
// committed and the staging directory is gone.
func TestStatsStopsPromptly(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a window of 40,000 articles")
	}
	out := t.TempDir()
	cfg := testConfig(out, examplesJSONL)
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	bigNight(t, out, output.DateOf(jan20), 40_000, 600)
	before := snapshot(t, out)
	for _, tc := range []struct {
		name string
		stop func(stats.Progress) bool
	}{
		{"while reading", func(p stats.Progress) bool { return p.Reading }},
		{"after the first step", func(p stats.Progress) bool { return !p.Reading && p.Done >= 1 }},
		{"late in the computing", func(p stats.Progress) bool { return !p.Reading && p.Total > 0 && p.Done >= p.Total*2/3 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var stopped time.Time
			var at, last stats.Progress
			opt := stats.DefaultOptions()
			opt.Workers = 2
			opt.Progress = func(p stats.Progress) {
				last = p
				if stopped.IsZero() && tc.stop(p) {
					stopped, at = time.Now(), p
					cancel()
				}
			}
			_, err := Stats(ctx, StatsConfig{OutDir: out, From: jan20, To: jan20, Version: "test", Stats: opt})
			if stopped.IsZero() {
				t.Fatalf("the statistics never reached the point of the stop (err %v)", err)
			}
			took := time.Since(stopped)
			if took > stopBound {
				t.Errorf("Stats returned %v after the stop", took)
			}
			t.Logf("returned %v after the stop at %+v, last progress %+v", took, at, last)
			if !stoppedSoon(at, last, opt.Workers) {
				t.Errorf("the statistics went on from %+v to %+v after the stop", at, last)
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Stats after a stop: err %v, want context.Canceled", err)
			}
			unchanged(t, before, snapshot(t, out))
		})
	}
}

// TestRunStopsInStatistics stops `framing run` during the statistics of a
// window whose earlier night is big: Run returns the context's error soon
// after, and OUT is as it was, without the new night.
func TestRunStopsInStatistics(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a window of 40,000 articles")
	}
	out := t.TempDir()
	jan19 := jan20.Add(-24 * time.Hour)
	cfg := testConfig(out, examplesJSONL)
	cfg.RunDate = jan19
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	bigNight(t, out, output.DateOf(jan19), 40_000, 600)
	before := snapshot(t, out)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stopped time.Time
	var at, last stats.Progress
	cfg = testConfig(out, examplesJSONL)
	cfg.WindowDays = 2
	cfg.Progress = func(p Progress) {
		if p.Phase != PhaseStatistics {
			return
		}
		last = p.Stats
		if stopped.IsZero() && !p.Stats.Reading && p.Stats.Done >= 1 {
			stopped, at = time.Now(), p.Stats
			cancel()
		}
	}
	_, err := Run(ctx, cfg)
	if stopped.IsZero() {
		t.Fatalf("the run never reached its statistics (err %v)", err)
	}
	took := time.Since(stopped)
	if took > stopBound {
		t.Errorf("Run returned %v after the stop", took)
	}
	t.Logf("returned %v after the stop at %+v, last progress %+v", took, at, last)
	if !stoppedSoon(at, last, cfg.Stats.Workers) {
		t.Errorf("the statistics went on from %+v to %+v after the stop", at, last)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run after a stop: err %v, want context.Canceled", err)
	}
	unchanged(t, before, snapshot(t, out))
}

// stoppedSoon reports whether the statistics stopped within the steps
// already under way at the stop: none after a stop while reading, and no
// more than the 2·workers tasks that run or wait ahead of the one being
// written (runOrdered), plus the one that reported, after a stop while
// computing. This is the non-timing half of "promptly".
func stoppedSoon(at, last stats.Progress, workers int) bool {
	if at.Reading {
		return last.Reading || last.Done == 0
	}
	return last.Done <= at.Done+2*workers+1 && last.Done < last.Total
}

// unchanged reports the files that a stopped command added, removed or
// changed.
func unchanged(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, b := range before {
		if a, ok := after[p]; !ok {
			t.Errorf("%s: removed", p)
		} else if a != b {
			t.Errorf("%s: changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s: added", p)
		}
	}
}

// bigNight replaces the articles, frames, terms and stance partitions of day
// below out (a night committed by Run, whose lexicon metadata it keeps) by
// n generated articles of a long tail of outlets, each scored on the
// night's dimensions, so that the statistics of the night take a while.
func bigNight(t *testing.T, out string, day output.Date, n, outlets int) {
	t.Helper()
	frames, err := output.Frames.Read(out, day)
	if err != nil {
		t.Fatal(err)
	}
	var dims []string
	seen := map[string]bool{}
	for _, f := range frames {
		if !seen[f.Dimension] {
			seen[f.Dimension] = true
			dims = append(dims, f.Dimension)
		}
	}
	r := rand.New(rand.NewPCG(uint64(n), uint64(outlets)))
	outletOf := make([]string, n)
	for i := range outletOf {
		k := int(float64(outlets) * r.Float64() * r.Float64()) // denser at the head
		outletOf[i] = fmt.Sprintf("outlet %04d", k)
	}
	id := func(i int) string { return fmt.Sprintf("big-%06d", i) }
	writePart(t, output.Articles, out, day, func(put func(output.ArticleRow)) {
		for i := range n {
			pub := day - output.Date(r.IntN(7))
			put(output.ArticleRow{RunDate: day, RunID: "big", ArticleID: id(i), Outlet: outletOf[i], OutletSource: "input",
				Published: &pub, NTokens: 200 + int64(r.IntN(800))})
		}
	})
	writePart(t, output.Frames, out, day, func(put func(output.FrameRow)) {
		for i := range n {
			for _, dim := range dims {
				hits := int64(r.IntN(4))
				share := 1 / float64(len(dims))
				put(output.FrameRow{RunDate: day, ArticleID: id(i), Outlet: outletOf[i], Dimension: dim,
					Hits: hits, Per1k: float64(hits) * 2.5, Share: &share})
			}
		}
	})
	writePart(t, output.Terms, out, day, func(put func(output.TermRow)) {
		for i := 0; i < n; i += 7 {
			put(output.TermRow{RunDate: day, ArticleID: id(i), Outlet: outletOf[i], Dimension: dims[i%len(dims)],
				Entry: fmt.Sprintf("word%d", i%50), Matched: "w", Hits: 1})
		}
	})
	writePart(t, output.Stance, out, day, func(put func(output.StanceRow)) {
		for i := 0; i < n; i += 3 {
			s := r.Float64()*2 - 1
			put(output.StanceRow{RunDate: day, ArticleID: id(i), Outlet: outletOf[i], Actor: "actor", Mentions: 1, Stance: &s, AuthorialStance: &s})
		}
	})
}

// writePart replaces partition day of tab below out by the rows each puts,
// with the partition's metadata.
func writePart[R any](t *testing.T, tab output.Table[R, output.Date], out string, day output.Date, each func(put func(R))) {
	t.Helper()
	meta, err := tab.Metadata(out, day)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(filepath.Dir(tab.Path(out, day)), output.PartFile))
	if err != nil {
		t.Fatal(err)
	}
	w, err := output.NewTableWriter[R](f, meta, output.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	each(func(r R) {
		if err == nil {
			err = w.Write(r)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
