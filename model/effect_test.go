package model

import (
	"math"
	"testing"
)

// TestHedgesJApproximation bounds the error of the small-sample factor
// J = 1 − 3/(4(na+nb) − 9) = 1 − 3/(4·df − 1), df = na+nb−2, that HedgesG
// uses, against the exact J(df) = Γ(df/2) / (√(df/2)·Γ((df−1)/2)) (Hedges
// 1981, eq. 6b): the approximation is always a little larger, by at most
// 1.3 % at df = 2 (two articles per outlet) and below 0.052/df² throughout,
// so under 0.02 % for two outlets of 10 articles.
func TestHedgesJApproximation(t *testing.T) {
	for df := 2; df <= 5000; df = df*5/4 + 1 { // beyond, lgamma's rounding passes the error
		x := float64(df)
		exact := math.Exp(lgamma(x/2)-lgamma((x-1)/2)) / math.Sqrt(x/2)
		approx := 1 - 3/(4*x-1)
		rel := approx/exact - 1
		if !(rel > 0 && rel <= 0.052/(x*x)) {
			t.Errorf("df %d: approximate J %.12g, exact %.12g, relative error %.3g, want in (0, %.3g]", df, approx, exact, rel, 0.052/(x*x))
		}
		// HedgesG applies the approximation: g/d is J for any data.
		na, nb := df/2+1, df-df/2+1
		a, b := make([]float64, na), make([]float64, nb)
		for i := range a {
			a[i] = float64(i % 3)
		}
		for i := range b {
			b[i] = float64(i%4) + 0.5
		}
		ma, mb := MomentsOf(a), MomentsOf(b)
		d := (ma.Mean - mb.Mean) / math.Sqrt((ma.M2+mb.M2)/(ma.N+mb.N-2))
		if g := HedgesG(a, b); math.Abs(g/d-approx) > 1e-12 {
			t.Errorf("df %d: HedgesG/d = %.15g, want J = %.15g", df, g/d, approx)
		}
	}
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}
