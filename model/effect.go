package model

import "math"

// Eta2 returns η² = SS_between / SS_total (Cohen 1973), NaN unless ssTotal > 0 and
// 0 ≤ ssBetween, both finite. SS_between ≤ SS_total, so a ratio above 1 is rounding and
// is clamped to 1.
func Eta2(ssBetween, ssTotal float64) float64 {
	if !(ssTotal > 0 && ssBetween >= 0) || math.IsInf(ssTotal, 1) || math.IsInf(ssBetween, 1) {
		return nan()
	}
	return math.Min(1, ssBetween/ssTotal)
}

// Epsilon2 returns the Kruskal–Wallis effect size ε² = H / ((n²−1)/(n+1)) (Tomczak &
// Tomczak 2014, Trends in Sport Sciences 21(1), eq. 12), NaN when n < 2.
func Epsilon2(h float64, n int) float64 {
	if n < 2 {
		return nan()
	}
	fn := float64(n)
	return h / ((fn*fn - 1) / (fn + 1))
}

// HedgesG returns Hedges' g for a − b: d = (x̄a − x̄b)/s_pooled with
// s_pooled² = ((na−1)sa² + (nb−1)sb²)/(na+nb−2), times J = 1 − 3/(4(na+nb)−9)
// (Hedges 1981; Borenstein et al. 2009, Introduction to Meta-Analysis, eq. 4.22). J is
// Hedges's approximation of the exact J(df) = Γ(df/2)/(√(df/2)·Γ((df−1)/2)), df = na+nb−2;
// it is larger by 1.3 % at df = 2 and by less than 0.052/df² (TestHedgesJApproximation).
// NaN when a group has fewer than 2 values, s_pooled is 0 (both groups flat), or a value
// is non-finite or outside the supported magnitude (valuesNote).
func HedgesG(a, b []float64) float64 {
	if valuesNote(a, b) != "" {
		return nan()
	}
	return hedgesG(MomentsOf(a), MomentsOf(b))
}

func hedgesG(ma, mb Moments) float64 {
	if ma.N < 2 || mb.N < 2 || ma.flat() && mb.flat() {
		return nan()
	}
	sp := math.Sqrt((ma.M2 + mb.M2) / (ma.N + mb.N - 2))
	j := 1 - 3/(4*(ma.N+mb.N)-9)
	return j * (ma.Mean - mb.Mean) / sp
}

// CliffsDelta returns Cliff's (1993) δ = P(a > b) − P(a < b) = 2U/(na·nb) − 1 with U the
// Mann–Whitney statistic of a (ties count one half). NaN when a or b is empty.
func CliffsDelta(a, b []float64) float64 {
	return MannWhitney(a, b).CliffsDelta
}
