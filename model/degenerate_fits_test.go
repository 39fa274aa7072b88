package model

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Issue 16: one outlet, three days, per-day scores x, y, x. The slope is exactly zero, the
// residual sum of squares came out a rounding error above the total, F was negative, and
// gonum panicked ("cephes: parameter out of bounds") in the F survival function. 65 of the
// 180 small variants below crashed.

// smallVariants returns the 180 series of the issue: per_1k values of short articles
// (hits·1000/tokens), as palindromes x,y,x (3 days), x,y,y,x (4) and x,y,z,y,x (5), for
// every ordered pair of 8 values and, per length, 4 constant series.
func smallVariants() [][]float64 {
	vals := []float64{1000.0 / 7, 1000.0 / 8, 1000.0 / 9, 100, 2000.0 / 7, 2000.0 / 9, 3000.0 / 11, 1000.0 / 13}
	var out [][]float64
	for n := 3; n <= 5; n++ {
		for i, x := range vals {
			for j, y := range vals {
				if i == j {
					if i < 4 { // constant series: x, x, x
						out = append(out, palindrome(n, x, x, x))
					}
					continue
				}
				out = append(out, palindrome(n, x, y, vals[(i+j)%len(vals)]))
			}
		}
	}
	return out
}

// palindrome returns x,y,x / x,y,y,x / x,y,z,y,x.
func palindrome(n int, x, y, z float64) []float64 {
	switch n {
	case 3:
		return []float64{x, y, x}
	case 4:
		return []float64{x, y, y, x}
	}
	return []float64{x, y, z, y, x}
}

func TestTrendSmallVariants(t *testing.T) {
	series := smallVariants()
	if len(series) != 180 {
		t.Fatalf("%d variants, want the issue's 180", len(series))
	}
	for k, y := range series {
		name := fmt.Sprintf("variant %d %v", k, y)
		days := make([]float64, len(y))
		for i := range days {
			days[i] = 20463 + float64(i) // 2026-01-10 onwards, as days since 1970
		}
		tr := TrendSlope(days, y)
		checkStat(t, name, tr)
		constant := y[0] == y[1]
		switch {
		case constant && (tr.Slope != 0 || tr.Note != NoteZeroVariance || !math.IsNaN(tr.P)):
			t.Errorf("%s: constant series: %+v, want slope 0, null p, note %q", name, tr, NoteZeroVariance)
		case !constant && (tr.Note != "" || !(math.Abs(tr.T) < 1e-9) || !(tr.P > 0.999)):
			// A palindrome has slope exactly 0: t is 0 up to rounding (days near 20,000
			// leave a slope of about 1e-10) and p is 1.
			t.Errorf("%s: symmetric series: %+v, want slope ≈ 0 and p ≈ 1", name, tr)
		}
		// The same days as articles, through the outlet regression (one outlet: intercept,
		// log tokens and days) and the descriptives and tests over the days as groups.
		logTok := make([]float64, len(y))
		groups := make([][]float64, len(y))
		for i := range y {
			logTok[i] = math.Log(float64(7 + i%2*2))
			groups[i] = []float64{y[i], y[i]}
		}
		res, err := OutletRegression(y, make([]string, len(y)), logTok, days, true)
		if err != nil && !errors.Is(err, ErrShape) {
			t.Errorf("%s: OutletRegression: %v", name, err)
		}
		if err == nil {
			checkStat(t, name+" OutletRegression", res)
		}
		checkStat(t, name+" Describe", Describe(y))
		checkStat(t, name+" OneWayANOVA", OneWayANOVA(groups))
		checkStat(t, name+" WelchANOVA", WelchANOVA(groups))
		checkStat(t, name+" KruskalWallis", KruskalWallis(groups))
		checkStat(t, name+" Pearson", Pearson(days, y))
		checkStat(t, name+" Spearman", Spearman(days, y))
	}
}

// TestDegenerateFits names each degenerate fit and what OLS makes of it.
func TestDegenerateFits(t *testing.T) {
	design := func(days ...float64) *mat.Dense {
		X := mat.NewDense(len(days), 2, nil)
		for i, d := range days {
			X.Set(i, 0, 1)
			X.Set(i, 1, d)
		}
		return X
	}
	tests := []struct {
		name     string
		X        *mat.Dense
		y        []float64
		note     string
		slope    float64 // want, NaN to skip
		nullTest bool    // SE, t, p and F null
	}{
		// The corpus: 1 hit in 7, 9 and 7 tokens.
		{"x,y,x", design(0, 1, 2), []float64{1000.0 / 7, 1000.0 / 9, 1000.0 / 7}, "", math.NaN(), false},
		{"constant", design(0, 1, 2, 3, 4), []float64{0.1, 0.1, 0.1, 0.1, 0.1}, NoteZeroVariance, 0, true},
		{"all zero", design(0, 1, 2), []float64{0, 0, 0}, NoteZeroVariance, 0, true},
		{"on a line", design(0, 1, 2, 3), []float64{0.1, 0.4, 0.7, 1.0}, NotePerfectFit, 0.3, true},
		{"on a line, large offset", design(20463, 20464, 20465), []float64{1e6 + 0.5, 1e6 + 1, 1e6 + 1.5}, NotePerfectFit, 0.5, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := OLS(tc.X, tc.y, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkStat(t, tc.name, res)
			if res.Note != tc.note {
				t.Errorf("note %q, want %q (%+v)", res.Note, tc.note, res)
			}
			if !math.IsNaN(tc.slope) && math.Abs(res.Coef[1]-tc.slope) > 1e-9 {
				t.Errorf("slope %v, want %v", res.Coef[1], tc.slope)
			}
			if null := math.IsNaN(res.SE[1]) && math.IsNaN(res.P[1]) && math.IsNaN(res.F); null != tc.nullTest {
				t.Errorf("tests null = %v, want %v (%+v)", null, tc.nullTest, res)
			}
			if !tc.nullTest && !(res.F >= 0 && res.FP >= 0 && res.FP <= 1) {
				t.Errorf("F = %v, p = %v", res.F, res.FP)
			}
		})
	}
}

// TestDistributionGuards feeds each distribution function the arguments rounding can
// produce (a negative statistic, zero or infinite degrees of freedom, NaN) and wants NaN
// with a note, never a panic.
func TestDistributionGuards(t *testing.T) {
	inf := math.Inf(1)
	calls := map[string]func() (float64, string){
		"F negative":     func() (float64, string) { return upperF(-1e-15, 1, 1) },
		"F df 0":         func() (float64, string) { return upperF(1, 0, 3) },
		"F df Inf":       func() (float64, string) { return upperF(1, 2, inf) },
		"F NaN":          func() (float64, string) { return upperF(math.NaN(), 2, 3) },
		"t infinite":     func() (float64, string) { return twoSidedT(inf, 3) },
		"t df negative":  func() (float64, string) { return twoSidedT(1, -1) },
		"chi2 negative":  func() (float64, string) { return upperChiSq(-1e-300, 1) },
		"chi2 df 0":      func() (float64, string) { return upperChiSq(1, 0) },
		"normal NaN":     func() (float64, string) { return twoSidedNormal(math.NaN()) },
		"t quantile p 1": func() (float64, string) { return tQuantile(1, 3) },
		"t quantile df":  func() (float64, string) { return tQuantile(0.975, math.NaN()) },
		"z quantile 0":   func() (float64, string) { return normalQuantile(0) },
	}
	for name, call := range calls {
		if p, note := call(); !math.IsNaN(p) || note != NoteOutOfRange {
			t.Errorf("%s: %v, %q; want NaN and %q", name, p, note, NoteOutOfRange)
		}
	}
	if p, note := upperF(0, 1, 1); p != 1 || note != "" {
		t.Errorf("upperF(0) = %v, %q; want 1", p, note)
	}
}
