package lexeval

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"framing/model"
)

// reference holds the values testdata/reference.py computed with
// scikit-learn's roc_auc_score, scipy's mannwhitneyu and scipy's
// chi2_contingency (versions in the file: scipy 1.17.1, scikit-learn
// 1.9.1).
type reference struct {
	AUC map[string]struct {
		Pos, Neg []float64
		ROCAUC   float64 `json:"roc_auc_score"`
		MWUOverN float64 `json:"mannwhitney_u_over_n"`
	} `json:"auc"`
	Keyness []struct {
		A, B, TotalA, TotalB float64
		G2, P, LogRatio      float64
	} `json:"keyness"`
}

func loadReference(t *testing.T) reference {
	t.Helper()
	data, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		AUC     json.RawMessage `json:"auc"`
		Keyness []map[string]float64
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(raw.AUC, &ref.AUC); err != nil {
		t.Fatal(err)
	}
	for _, k := range raw.Keyness {
		ref.Keyness = append(ref.Keyness, struct {
			A, B, TotalA, TotalB float64
			G2, P, LogRatio      float64
		}{k["a"], k["b"], k["A"], k["B"], k["g2"], k["p"], k["log_ratio"]})
	}
	if len(ref.AUC) == 0 || len(ref.Keyness) == 0 {
		t.Fatal("reference.json has no cases")
	}
	return ref
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func TestAUCMatchesReference(t *testing.T) {
	for name, c := range loadReference(t).AUC {
		got := AUC(c.Pos, c.Neg)
		if !near(got, c.ROCAUC, 1e-12) || !near(got, c.MWUOverN, 1e-12) {
			t.Errorf("%s: AUC = %.15g, sklearn %.15g, scipy U/n %.15g", name, got, c.ROCAUC, c.MWUOverN)
		}
		// And the project's own Mann-Whitney U agrees.
		if mw := model.MannWhitney(c.Pos, c.Neg); !near(got, mw.U/float64(len(c.Pos)*len(c.Neg)), 1e-12) {
			t.Errorf("%s: AUC %g, model.MannWhitney U/n %g", name, got, mw.U/float64(len(c.Pos)*len(c.Neg)))
		}
	}
	if !math.IsNaN(AUC(nil, []float64{1})) {
		t.Error("AUC with no positives is not NaN")
	}
}

func TestKeynessMatchesReference(t *testing.T) {
	for _, c := range loadReference(t).Keyness {
		k := KeynessOf(c.A, c.B, c.TotalA, c.TotalB)
		if !near(k.G2, c.G2, 1e-9) || !near(k.P, c.P, 1e-9) || !near(k.LogRatio, c.LogRatio, 1e-12) {
			t.Errorf("KeynessOf(%g, %g, %g, %g) = %+v, scipy G2 %.12g p %.12g log ratio %.12g",
				c.A, c.B, c.TotalA, c.TotalB, k, c.G2, c.P, c.LogRatio)
		}
	}
}

func TestBootstrapAUC(t *testing.T) {
	pos := []float64{0, 1, 2, 2, 3, 5, 8, 9, 9, 12, 0, 4}
	neg := []float64{0, 0, 0, 1, 1, 2, 0, 3, 0, 0, 6, 0, 1}
	lo, hi := BootstrapAUC(pos, neg, 2000, 7, 0.95)
	lo2, hi2 := BootstrapAUC(pos, neg, 2000, 7, 0.95)
	if lo != lo2 || hi != hi2 {
		t.Fatalf("same seed, different intervals: [%g, %g] and [%g, %g]", lo, hi, lo2, hi2)
	}
	auc := AUC(pos, neg)
	if !(lo < auc && auc < hi) || lo < 0 || hi > 1 || hi-lo < 0.05 {
		t.Errorf("interval [%g, %g] around AUC %g is implausible", lo, hi, auc)
	}
	if l3, _ := BootstrapAUC(pos, neg, 2000, 8, 0.95); l3 == lo {
		t.Errorf("another seed gave the same lower bound %g", lo)
	}
	// A perfectly separated sample stays at 1 in every resample.
	if lo, hi := BootstrapAUC([]float64{5, 6}, []float64{0, 1, 2}, 500, 1, 0.95); lo != 1 || hi != 1 {
		t.Errorf("separated samples: [%g, %g], want [1, 1]", lo, hi)
	}
}

// TestThresholds checks AnyHit and BestF1 against counts worked by hand.
func TestThresholds(t *testing.T) {
	pos := []float64{0, 1, 3, 3, 6}
	neg := []float64{0, 0, 1, 2, 0, 0}
	any := AnyHit(pos, neg)
	// per_1k > 0: TP 4 of 5, FP 2 → P 4/6, R 4/5, F1 8/11.
	if any.TP != 4 || any.FP != 2 || any.FN != 1 || !near(any.F1, 8.0/11, 1e-12) || any.Threshold != 1 {
		t.Errorf("AnyHit = %+v", any)
	}
	best := BestF1(pos, neg)
	// t=6: 1/0 F1 1/3; t=3: 3/0 P1 R.6 F1 .75; t=2: 3/1 F1 2/3; t=1: 4/2 F1 8/11 → best t=3.
	if best.Threshold != 3 || best.TP != 3 || best.FP != 0 || !near(best.F1, 0.75, 1e-12) {
		t.Errorf("BestF1 = %+v", best)
	}
	if c := BestF1([]float64{0}, []float64{0}); c.F1 != 0 || c.TP != 0 {
		t.Errorf("no hits at all: %+v", c)
	}
}
