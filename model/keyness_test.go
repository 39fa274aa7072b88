package model

import (
	"math"
	"testing"
)

func TestKeynessGolden(t *testing.T) {
	g := modelsGolden(t)
	// R 4.2.2, the G² and log-ratio formulas evaluated in testdata/models_golden.R.
	k := Keyness(30, 5, 10000, 8000)
	checkRel(t, "G2", k.G2, g["key.g2"], 1e-8)
	checkRel(t, "p", k.P, g["key.p"], 1e-8)
	checkRel(t, "log ratio", k.LogRatio, g["key.lr"], 1e-8)
	if k.LogRatio <= 0 {
		t.Errorf("overused in A: log ratio %g, want > 0", k.LogRatio)
	}
	if r := Keyness(5, 30, 10000, 8000); r.LogRatio >= 0 || !nearRel(r.G2, Keyness(5, 30, 10000, 8000).G2, 0) {
		t.Errorf("underused in A: %+v", r)
	}
	if z := Keyness(0, 0, 100, 100); z.G2 != 0 || z.P != 1 || z.LogRatio != 0 {
		t.Errorf("absent term: %+v", z)
	}
	for _, bad := range [][4]float64{{1, 1, 0, 10}, {-1, 1, 10, 10}, {11, 1, 10, 10}, {math.NaN(), 1, 10, 10}} {
		if k := Keyness(bad[0], bad[1], bad[2], bad[3]); k.Note == "" || !math.IsNaN(k.G2) {
			t.Errorf("Keyness%v = %+v, want NaN with a Note", bad, k)
		}
	}
}
