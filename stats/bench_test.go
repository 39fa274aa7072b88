package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"framing/model"
)

// The requirement: every statistics table for 1 million articles × 4
// dimensions × 50 outlets, bootstrap included, in at most 10 s on one core.
// Run with
//
//	GOMAXPROCS=1 go test ./stats -run '^$' -bench ComputeStats1M -benchtime 1x -benchmem

// bench1M is built once per test binary, by the first benchmark that
// needs it; it is read-only afterwards.
var (
	bench1MOnce   sync.Once
	bench1MWindow *windowData
)

func bench1M(b *testing.B) *windowData {
	bench1MOnce.Do(func() { bench1MWindow = syntheticWindow(b, linearSizes(1_000_000, 50), 4, 1, benchOptions()) })
	return bench1MWindow
}

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
func syntheticWindow(tb testing.TB, sizes []int, dims int, seed uint64, opt Options) *windowData {
	return syntheticSpec(sizes, dims, seed).build(tb, opt)
}

func syntheticSpec(sizes []int, dims int, seed uint64) windowSpec {
	n, nOutlets := 0, len(sizes)
	for _, k := range sizes {
		n += k
	}
	r := rand.New(rand.NewPCG(seed, 7))
	s := windowSpec{outletOf: make([]int, n), days: make([]float64, n), tokens: make([]int64, n),
		per1k: make([][]float64, dims), hits: make([][]int64, dims), stance: map[string]stanceSpec{}}
	for d := range dims {
		s.per1k[d], s.hits[d] = make([]float64, n), make([]int64, n)
	}
	cum := make([]int, nOutlets+1)
	for o := range nOutlets {
		s.outlets = append(s.outlets, fmt.Sprintf("outlet%04d", o))
		cum[o+1] = cum[o] + sizes[o]
	}
	o := 0
	for i := range n {
		for o < nOutlets-1 && i >= cum[o+1] {
			o++
		}
		s.outletOf[i] = o
		s.days[i] = float64(r.IntN(30))
		if r.Float64() < 0.05 {
			s.days[i] = math.NaN()
		}
		tok := int64(100 + r.ExpFloat64()*600)
		s.tokens[i] = tok
		for d := range dims {
			rate := 0.6 + 0.02*float64(o%7) + 0.3*float64(d%8) // hits per 1k tokens
			h := poisson(r, rate*float64(tok)/1000)
			s.hits[d][i] = h
			s.per1k[d][i] = float64(h) * 1000 / float64(tok)
		}
	}
	for o := range nOutlets {
		for e := range 300 {
			if r.Float64() < 0.97 {
				s.terms = append(s.terms, termSpec{s.outlets[o], dimName(e % dims), fmt.Sprintf("entry%03d", e), 1 + int64(r.IntN(500))})
			}
		}
	}
	for _, actor := range []string{"actorA", "actorB", "actorC", "actorD"} {
		var g stanceSpec
		for i := range n {
			if r.Float64() < 0.3 {
				g.outletOf = append(g.outletOf, s.outletOf[i])
				g.value = append(g.value, math.Round((r.Float64()*2-1)*100)/100)
			}
		}
		s.stance[actor] = g
	}
	return s
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
	wd := bench1M(b)
	b.ResetTimer()
	for b.Loop() {
		computeAll(b, wd, benchOptions())
	}
}

// BenchmarkComputeStats1MExactBoot is the same table set with outlet sizes
// that maximize exact bootstrap resampling (exactBootSizes).
func BenchmarkComputeStats1MExactBoot(b *testing.B) {
	wd := syntheticWindow(b, exactBootSizes(1_000_000, 50), 4, 2, benchOptions())
	defer wd.close()
	b.ResetTimer()
	for b.Loop() {
		computeAll(b, wd, benchOptions())
	}
}

// BenchmarkComputeStatsManyOutlets is a long tail of outlets: 200,000
// articles over 5,000 outlets, half of them with fewer than 5 articles,
// and 40 dimensions.
func BenchmarkComputeStatsManyOutlets(b *testing.B) {
	wd := syntheticWindow(b, longTailSizes(200_000, 5000), 40, 3, benchOptions())
	defer wd.close()
	b.ResetTimer()
	for b.Loop() {
		computeAll(b, wd, benchOptions())
	}
}

func benchOptions() Options {
	o := DefaultOptions()
	o.Workers = runtime.GOMAXPROCS(0)
	return o
}

// longTailSizes splits n articles over k outlets by a Zipf law of exponent
// 1.5 after one article each, so that about half the outlets have fewer
// than 5 articles and the largest a third of all.
func longTailSizes(n, k int) []int {
	sizes := make([]int, k)
	var h float64
	for o := range k {
		h += math.Pow(float64(o+1), -1.5)
	}
	left := n - k
	for o := range k {
		sizes[o] = 1 + int(float64(left)*math.Pow(float64(o+1), -1.5)/h)
	}
	return sizes
}
