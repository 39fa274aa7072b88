package main

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestValidate(t *testing.T) {
	pts := []point{
		pt("1", "R1", 1, 1, 0), pt("2", "R1", 1, 3, 1),
		pt("3", "L1", -1, 1, 1), pt("4", "L1", -1, 3, 1),
		pt("5", "C1", 0, 5, 3), pt("6", "C1", 0, 5, 3),
	}
	t.Run("right expected", func(t *testing.T) {
		r := validate("x", "all", 1, pts, 2, baseStance, aggMean)
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
		r := validate("x", "all", -1, pts, 2, baseStance, aggMean)
		if r.auc != 0.125 || math.Abs(r.rho+math.Sqrt(3)/2) > 1e-12 {
			t.Errorf("auc %v rho %v, want 0.125 and %v", r.auc, r.rho, -math.Sqrt(3)/2)
		}
	})
	t.Run("outlets below the minimum are left out", func(t *testing.T) {
		r := validate("x", "all", 1, append(pts, pt("7", "R2", 1, 1, 0)), 2, baseStance, aggMean)
		want := []outletMean{{"C1", 0, 2, 0.25}, {"L1", -1, 2, 0.25}, {"R1", 1, 2, 0.75}}
		if diff := cmp.Diff(want, r.outlets, cmp.AllowUnexported(outletMean{})); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// pt is an article with tone mass pos and neg toward the actor.
func pt(id, outlet string, lean int, pos, neg float64) point {
	p := point{id: id, outlet: outlet, lean: lean, pos: pos, neg: neg, has: pos+neg > 0}
	if p.has {
		p.stance = (pos - neg) / (pos + neg)
	}
	return p
}

func TestOutletOptions(t *testing.T) {
	// R1: two articles with a stance (1 and −1/3, masses 2/0 and 1/2) and one
	// mention without; L1: one with a stance and two without.
	pts := []point{
		pt("1", "R1", 1, 2, 0), pt("2", "R1", 1, 1, 2), pt("3", "R1", 1, 0, 0),
		pt("4", "L1", -1, 0, 1), pt("5", "L1", -1, 0, 0), pt("6", "L1", -1, 0, 0),
	}
	tests := []struct {
		name, base, agg string
		want            []outletMean
	}{
		{"articles with a stance, mean", baseStance, aggMean, []outletMean{{"R1", 1, 2, 1.0 / 3}}},
		{"articles mentioning, mean", baseMention, aggMean, []outletMean{{"L1", -1, 1, -1}, {"R1", 1, 2, 1.0 / 3}}},
		// R1 pooled: (3 − 2) / (3 + 2).
		{"articles with a stance, pooled", baseStance, aggPooled, []outletMean{{"R1", 1, 2, 0.2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outletMeans(pts, 2, tt.base, tt.agg)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(outletMean{}), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
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
