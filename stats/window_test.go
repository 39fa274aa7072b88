package stats

import (
	"context"
	"fmt"
	"math"
	"os"
	"testing"

	"framing/output"
)

// windowSpec describes a window article by article, for tests and
// benchmarks; build feeds it to a builder as the loader would.
type windowSpec struct {
	outlets  []string
	outletOf []int       // per article
	days     []float64   // per article, NaN when unknown; nil: every date unknown
	tokens   []int64     // per article; nil: 1000 each
	per1k    [][]float64 // [dim][article]
	hits     [][]int64   // [dim][article]; nil: per_1k·tokens/1000, rounded
	terms    []termSpec
	stance   map[string]stanceSpec
	// authorial is the stance in the outlet's own voice.
	authorial map[string]stanceSpec
}

type termSpec struct {
	outlet, dim, entry string
	hits               int64
}

type stanceSpec struct {
	outletOf []int
	value    []float64
}

// testOptions are the defaults with one outlet article enough to take part
// in everything, as the tests written before MinArticles expect.
func testOptions(workers int) Options {
	o := DefaultOptions()
	o.Workers, o.MinArticles = workers, 1
	return o
}

func dimName(d int) string { return fmt.Sprintf("dim%02d", d) }

// build makes the window; its scratch files go to a temporary directory
// removed with the test (or, for a benchmark's shared window, to one that
// lives as long as the process).
func (s windowSpec) build(tb testing.TB, opt Options) *windowData {
	tb.Helper()
	dir := os.TempDir()
	if t, ok := tb.(*testing.T); ok {
		dir = t.TempDir()
	}
	b := newBuilder(output.Window{From: output.Date(20000), To: output.Date(20029)},
		lexiconInfo{SHA256: "abc123", Name: "test", Version: "1"}, dir, opt)
	n := len(s.outletOf)
	tokens := func(i int) int64 {
		if s.tokens == nil {
			return 1000
		}
		return s.tokens[i]
	}
	for i, o := range s.outletOf {
		day := math.NaN()
		if s.days != nil {
			day = s.days[i]
		}
		b.article(b.outletIndex(s.outlets[o]), day, tokens(i))
		b.fileOrder(int32(i))
	}
	if err := b.articlesDone(); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		hits := make([]int64, len(s.per1k))
		var all int64
		for d := range s.per1k {
			if s.hits != nil {
				hits[d] = s.hits[d][i]
			} else {
				hits[d] = int64(math.Round(s.per1k[d][i] * float64(tokens(i)) / 1000))
			}
			all += hits[d]
		}
		for d := range s.per1k {
			share := math.NaN()
			if all > 0 {
				share = float64(hits[d]) / float64(all)
			}
			if err := b.frame(i, dimName(d), s.per1k[d][i], hits[d], share); err != nil {
				tb.Fatal(err)
			}
		}
	}
	for _, t := range s.terms {
		if err := b.term(t.outlet, t.dim, t.entry, t.hits); err != nil {
			tb.Fatal(err)
		}
	}
	for measure, m := range map[string]map[string]stanceSpec{"stance": s.stance, "authorial_stance": s.authorial} {
		for actor, st := range m {
			for i, o := range st.outletOf {
				if err := b.stance(measure, s.outlets[o], actor, st.value[i]); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	wd, err := b.finish()
	if err != nil {
		tb.Fatal(err)
	}
	if t, ok := tb.(*testing.T); ok {
		t.Cleanup(func() { wd.close() })
	}
	return wd
}

// computeAll runs compute and gathers every row, in order; it fails the
// test on an error.
func computeAll(tb testing.TB, wd *windowData, opt Options) *tableRows {
	tb.Helper()
	all := &tableRows{}
	err := compute(context.Background(), wd, opt, nil, func(r *tableRows) error {
		all.append(r)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return all
}

// append adds r's rows to s, table by table.
func (s *tableRows) append(r *tableRows) {
	s.stats = append(s.stats, r.stats...)
	s.tests = append(s.tests, r.tests...)
	s.residuals = append(s.residuals, r.residuals...)
	s.pairs = append(s.pairs, r.pairs...)
	s.keyness = append(s.keyness, r.keyness...)
	s.profiles = append(s.profiles, r.profiles...)
	s.pca = append(s.pca, r.pca...)
	s.corr = append(s.corr, r.corr...)
	s.reg = append(s.reg, r.reg...)
	s.trends = append(s.trends, r.trends...)
}
