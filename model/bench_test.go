package model

import (
	"math/rand/v2"
	"testing"
)

func benchGroups(k, n int) [][]float64 {
	r := rand.New(rand.NewPCG(1, 2))
	gs := make([][]float64, k)
	for i := range gs {
		gs[i] = make([]float64, n)
		for j := range gs[i] {
			gs[i][j] = float64(r.IntN(2000)) / 100 // per_1k-like, with ties
		}
	}
	return gs
}

func BenchmarkDescribe(b *testing.B) {
	x := benchGroups(1, 20000)[0]
	for b.Loop() {
		Describe(x)
	}
}

// BenchmarkKruskal is one table: 50 outlets × 20,000 articles.
func BenchmarkKruskal(b *testing.B) {
	gs := benchGroups(50, 20000)
	for b.Loop() {
		KruskalWallis(gs)
	}
}

// BenchmarkBootstrap20k takes the normal-limit path (n > BootstrapExactMaxN).
func BenchmarkBootstrap20k(b *testing.B) {
	x := benchGroups(1, 20000)[0]
	for b.Loop() {
		BootstrapMeanCI(x, 2000, 1, 0.95)
	}
}

// BenchmarkBootstrapExact5000 is the worst exact case: n = BootstrapExactMaxN.
func BenchmarkBootstrapExact5000(b *testing.B) {
	x := benchGroups(1, BootstrapExactMaxN)[0]
	for b.Loop() {
		BootstrapMeanCI(x, 2000, 1, 0.95)
	}
}
