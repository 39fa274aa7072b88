package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestBootstrapSparseSameBits checks that the sparse path of the bootstrap
// gives the dense path's means bit for bit, on rows of mostly zeros with
// negative values, negative zeros and values that cancel to zero, so that
// which path a window takes never changes a byte of outlet_stats.
func TestBootstrapSparseSameBits(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, density := range []float64{0.02, 0.2, 0.5, 0.9} {
		const n, k = 301, 17
		x := make([]float64, n*k)
		for i := range x {
			switch u := r.Float64(); {
			case u < density/2:
				x[i] = r.NormFloat64() * 10
			case u < density:
				x[i] = float64(r.IntN(5) - 2) // small integers: sums that cancel to zero
			case u < density+0.01:
				x[i] = math.Copysign(0, -1)
			}
		}
		dense := bootstrapMeansDense(x, n, k, 500, 7)
		sparse := bootstrapMeansSparse(x, n, k, 500, 7)
		for i := range dense {
			if math.Float64bits(dense[i]) != math.Float64bits(sparse[i]) {
				t.Fatalf("density %v: mean %d: dense %v, sparse %v", density, i, dense[i], sparse[i])
			}
		}
	}
}
