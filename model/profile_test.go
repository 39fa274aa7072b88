package model

import (
	"math"
	"testing"
)

func TestProfileGolden(t *testing.T) {
	g := modelsGolden(t)
	p, q := []float64{10, 0, 5, 3}, []float64{2, 7, 5, 0}
	// R 4.2.2, base-2 JSD and cosine evaluated in testdata/models_golden.R.
	checkRel(t, "JSD", JensenShannon(p, q), g["jsd"], 1e-8)
	checkRel(t, "cosine", Cosine(p, q), g["cosine"], 1e-8)
	if d := JensenShannon(p, p); d != 0 {
		t.Errorf("JSD(p, p) = %g", d)
	}
	if d := JensenShannon([]float64{1, 0}, []float64{0, 1}); math.Abs(d-1) > 1e-15 {
		t.Errorf("disjoint JSD = %g, want 1", d)
	}
	for _, bad := range [][2][]float64{{{0, 0}, {1, 1}}, {{1}, {1, 2}}, {{-1, 2}, {1, 1}}, {{math.NaN(), 1}, {1, 1}}} {
		if d := JensenShannon(bad[0], bad[1]); !math.IsNaN(d) {
			t.Errorf("JSD%v = %g, want NaN", bad, d)
		}
	}
	if c := Cosine([]float64{0, 0}, []float64{1, 2}); !math.IsNaN(c) {
		t.Errorf("cosine of zero vector = %g, want NaN", c)
	}
}
