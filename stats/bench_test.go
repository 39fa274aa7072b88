package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"framing/model"
	"framing/output"
)

// The requirement: every statistics table for 1 million articles × 4
// dimensions × 50 outlets, bootstrap included, in at most 10 s on one core.
// Run with
//
//	GOMAXPROCS=1 go test ./stats -run '^$' -bench ComputeStats1M -benchtime 1x -benchmem

// bench1M is built once per test binary; it is read-only afterwards.
var bench1M = sync.OnceValue(func() *windowData { return syntheticWindow(linearSizes(1_000_000, 50), 4, 1) })

// linearSizes splits n articles over k outlets with outlet o's share
// proportional to o+1: 784 to 39,200 articles for 1M over 50, so 6 outlets
// take the exact bootstrap.
func linearSizes(n, k int) []int {
	sizes, total, done := make([]int, k), k*(k+1)/2, 0
	for o := range k {
		next := n * (o + 1) * (o + 2) / 2 / total
		sizes[o], done = next-done, next
	}
	return sizes
}

// exactBootSizes is the bootstrap's worst case at 1M articles: 49 outlets of
// model.BootstrapExactMaxN articles, each resampled value by value, and one
// outlet with the rest.
func exactBootSizes(n, k int) []int {
	sizes := make([]int, k)
	for o := range k - 1 {
		sizes[o] = model.BootstrapExactMaxN
	}
	sizes[k-1] = n - (k-1)*model.BootstrapExactMaxN
	return sizes
}

// syntheticWindow builds a window with sizes[o] articles for outlet o, dims
// dimensions, 30 days with 5 % of dates missing, per_1k = hits·1000/tokens
// (about half zeros, many ties), ~300 lexicon entries per outlet and stance
// for 4 actors on 30 % of articles.
func syntheticWindow(sizes []int, dims int, seed uint64) *windowData {
	n, nOutlets := 0, len(sizes)
	for _, k := range sizes {
		n += k
	}
	r := rand.New(rand.NewPCG(seed, 7))
	wd := &windowData{window: output.Window{From: output.Date(20000), To: output.Date(20029)},
		outlet: make([]int, n), day: make([]float64, n), logTokens: make([]float64, n), tokens: make([]int64, n),
		per1k: make([][]float64, dims), share: make([][]float64, dims), hits: make([][]int64, dims),
		terms: make([]map[string]int64, nOutlets), stance: map[string]*groupedValues{}}
	for d := range dims {
		wd.dims = append(wd.dims, fmt.Sprintf("dim%d", d))
		wd.per1k[d], wd.share[d], wd.hits[d] = make([]float64, n), make([]float64, n), make([]int64, n)
	}
	cum := make([]int, nOutlets+1)
	for o := range nOutlets {
		wd.outlets = append(wd.outlets, fmt.Sprintf("outlet%02d", o))
		cum[o+1] = cum[o] + sizes[o]
	}
	o := 0
	for i := range n {
		for o < nOutlets-1 && i >= cum[o+1] {
			o++
		}
		wd.outlet[i] = o
		wd.day[i] = float64(r.IntN(30))
		if r.Float64() < 0.05 {
			wd.day[i] = math.NaN()
		}
		tok := int64(100 + r.ExpFloat64()*600)
		wd.tokens[i], wd.logTokens[i] = tok, math.Log(float64(tok))
		var all int64
		for d := range dims {
			rate := 0.6 + 0.02*float64(o%7) + 0.3*float64(d) // hits per 1k tokens
			h := poisson(r, rate*float64(tok)/1000)
			wd.hits[d][i], all = h, all+h
			wd.per1k[d][i] = float64(h) * 1000 / float64(tok)
		}
		for d := range dims {
			wd.share[d][i] = math.NaN()
			if all > 0 {
				wd.share[d][i] = float64(wd.hits[d][i]) / float64(all)
			}
		}
	}
	for o := range nOutlets {
		wd.terms[o] = map[string]int64{}
		for e := range 300 {
			if r.Float64() < 0.97 {
				wd.terms[o][fmt.Sprintf("dim%d\x1fentry%03d", e%dims, e)] = 1 + int64(r.IntN(500))
			}
		}
	}
	for _, actor := range []string{"actorA", "actorB", "actorC", "actorD"} {
		g := &groupedValues{}
		for i := range n {
			if r.Float64() < 0.3 {
				g.outlet = append(g.outlet, wd.outlet[i])
				g.value = append(g.value, math.Round((r.Float64()*2-1)*100)/100)
			}
		}
		wd.stance[actor] = g
	}
	return wd
}

// poisson draws a Poisson variate by inversion (small means only).
func poisson(r *rand.Rand, mean float64) int64 {
	u, p := r.Float64(), math.Exp(-mean)
	var k int64
	for c := p; u > c && k < 1000; c += p {
		k++
		p *= mean / float64(k)
	}
	return k
}

func BenchmarkComputeStats1M(b *testing.B) {
	wd := bench1M()
	b.ResetTimer()
	for b.Loop() {
		mustCompute(b, wd, runtime.GOMAXPROCS(0))
	}
}

// BenchmarkComputeStats1MExactBoot is the same table set with outlet sizes
// that maximize exact bootstrap resampling (exactBootSizes).
func BenchmarkComputeStats1MExactBoot(b *testing.B) {
	wd := syntheticWindow(exactBootSizes(1_000_000, 50), 4, 2)
	b.ResetTimer()
	for b.Loop() {
		mustCompute(b, wd, runtime.GOMAXPROCS(0))
	}
}

// BenchmarkComputeStats1MTables times each step of computeStats once, in
// its order; the per-dimension steps cover all 4 dimensions. "groups" is the
// shared preparation (split by outlet, one sort and the moments per group,
// per-outlet sums) that the next three steps reuse.
func BenchmarkComputeStats1MTables(b *testing.B) {
	wd := bench1M()
	prep := func() ([]outletGroups, *totals) {
		gs := make([]outletGroups, len(wd.dims))
		for d := range wd.dims {
			gs[d] = newOutletGroups(wd.groupsOf(wd.per1k[d]))
		}
		return gs, newTotals(wd)
	}
	gs, sums := prep()
	steps := []struct {
		name string
		run  func(s *tableRows)
	}{
		{"groups", func(*tableRows) { prep() }},
		{"outlet_stats", func(s *tableRows) {
			for d := range wd.dims {
				s.outletStats(wd, d, gs[d], sums)
			}
		}},
		{"outlet_tests_per1k", func(s *tableRows) {
			for d := range wd.dims {
				s.omnibus(wd, "per_1k", wd.dims[d], gs[d])
			}
		}},
		{"outlet_pairs", func(s *tableRows) {
			for d := range wd.dims {
				s.outletPairs(wd, d, gs[d])
			}
		}},
		{"regression", func(s *tableRows) {
			reg := wd.regressionInput()
			for d := range wd.dims {
				s.regression(wd, d, reg)
			}
		}},
		{"trend", func(s *tableRows) {
			for d := range wd.dims {
				s.trend(wd, d)
			}
		}},
		{"chi_square", func(s *tableRows) { s.chiSquare(wd, sums) }},
		{"stance", func(s *tableRows) {
			for _, a := range wd.actors() {
				s.stance(wd, "stance", a, wd.stance[a])
				s.stance(wd, "authorial_stance", a, wd.authorial[a])
			}
		}},
		{"keyness", func(s *tableRows) { s.keynessRows(wd, sums) }},
		{"profiles", func(s *tableRows) { s.profileRows(wd, sums) }},
		{"pca", func(s *tableRows) { s.pcaRows(wd) }},
		{"correlations", func(s *tableRows) { s.correlations(wd) }},
	}
	for _, st := range steps {
		b.Run(st.name, func(b *testing.B) {
			for b.Loop() {
				st.run(&tableRows{})
			}
		})
	}
}
