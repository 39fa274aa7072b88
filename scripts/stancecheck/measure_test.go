package main

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestValidate(t *testing.T) {
	pts := []point{
		{"1", "R1", 1, 1}, {"2", "R1", 1, 0.5},
		{"3", "L1", -1, 0}, {"4", "L1", -1, 0.5},
		{"5", "C1", 0, 0.25}, {"6", "C1", 0, 0.25},
	}
	t.Run("right expected", func(t *testing.T) {
		r := validate("x", "all", 1, pts, 2)
		// Pairs (right, left): 1>0, 1>0.5, 0.5>0, 0.5=0.5 → (3 + ½)/4.
		if r.auc != 0.875 || r.nExpected != 2 || r.nOther != 2 {
			t.Errorf("auc %v (%d/%d), want 0.875 (2/2)", r.auc, r.nExpected, r.nOther)
		}
		// Outlet means: L1 0.25, C1 0.25, R1 0.75 against lean −1, 0, 1:
		// ranks (1, 2, 3) and (1.5, 1.5, 3) give ρ = √3/2.
		if math.Abs(r.rho-math.Sqrt(3)/2) > 1e-12 {
			t.Errorf("rho %v, want %v", r.rho, math.Sqrt(3)/2)
		}
	})
	t.Run("left expected mirrors", func(t *testing.T) {
		r := validate("x", "all", -1, pts, 2)
		if r.auc != 0.125 || math.Abs(r.rho+math.Sqrt(3)/2) > 1e-12 {
			t.Errorf("auc %v rho %v, want 0.125 and %v", r.auc, r.rho, -math.Sqrt(3)/2)
		}
	})
	t.Run("outlets below the minimum are left out", func(t *testing.T) {
		r := validate("x", "all", 1, append(pts, point{"7", "R2", 1, 1}), 2)
		want := []outletMean{{"C1", 0, 2, 0.25}, {"L1", -1, 2, 0.25}, {"R1", 1, 2, 0.75}}
		if diff := cmp.Diff(want, r.outlets, cmp.AllowUnexported(outletMean{})); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

func TestHalvesPartition(t *testing.T) {
	a, b := 0, 0
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "004Gt3gc", "zz"} {
		inA, inB := inSubset(id, 1), inSubset(id, 2)
		if inA == inB || !inSubset(id, 0) {
			t.Errorf("%q: in half A %v, half B %v: want exactly one", id, inA, inB)
		}
		if inA {
			a++
		} else {
			b++
		}
	}
	if a == 0 || b == 0 {
		t.Errorf("halves of 10 ids: %d and %d", a, b)
	}
}
