package model

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// The distribution functions of this package: every tail probability and quantile goes
// through one of these, never to gonum directly. gonum's special functions (cephes) panic
// on an argument outside their domain ("cephes: parameter out of bounds") and can return
// NaN or loop on NaN; a statistic that rounding pushed just outside its range (an F of
// −1e−15, a df of +Inf) must become a null with a note, not a crashed night. Each function
// checks its arguments and returns NaN and NoteOutOfRange instead of calling gonum with
// values outside the domain, and also checks that the probability it returns is in [0, 1].
// Callers add the note to their result with addNote.

// upperF is P(F(d1, d2) > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2), computed directly rather
// than as 1 − CDF so that small p-values keep their precision (Abramowitz & Stegun
// 26.6.2). f must be finite and ≥ 0, d1 and d2 finite and > 0.
func upperF(f, d1, d2 float64) (float64, string) {
	switch {
	case !dfOK(d1) || !dfOK(d2) || !(f >= 0) || math.IsInf(f, 1):
		return nan(), NoteOutOfRange
	case f == 0:
		return 1, ""
	}
	return probability(mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*f)))
}

// twoSidedT is P(|T_df| > |t|) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1).
// t must be finite and df finite and > 0.
func twoSidedT(t, df float64) (float64, string) {
	if !dfOK(df) || math.IsNaN(t) || math.IsInf(t, 0) {
		return nan(), NoteOutOfRange
	}
	return probability(mathext.RegIncBeta(df/2, 0.5, df/(df+t*t)))
}

// upperChiSq is P(χ²_df > x) = Q(df/2, x/2), the regularized upper incomplete gamma
// function (Abramowitz & Stegun 26.4.19), as gonum's distuv.ChiSquared.Survival. x must be
// finite and ≥ 0, df finite and > 0.
func upperChiSq(x, df float64) (float64, string) {
	if !dfOK(df) || !(x >= 0) || math.IsInf(x, 1) {
		return nan(), NoteOutOfRange
	}
	return probability(mathext.GammaIncRegComp(df/2, x/2))
}

// twoSidedNormal is P(|Z| > |z|) = 2Φ(−|z|) = erfc(|z|/√2) for a finite z.
func twoSidedNormal(z float64) (float64, string) {
	if math.IsNaN(z) || math.IsInf(z, 0) {
		return nan(), NoteOutOfRange
	}
	return probability(math.Erfc(math.Abs(z) / math.Sqrt2))
}

// tQuantile is the p-quantile of Student's t with df degrees of freedom (df may be
// fractional). p must be in (0, 1) and df finite and > 0.
//
// It is found by Newton's method on the t distribution function, started from the
// Cornish–Fisher expansion of the quantile in powers of 1/df (Abramowitz & Stegun 26.7.5,
// four terms), which is within 10⁻⁴ for df ≥ 3 and exact to double precision from
// df = 1000 on; below that, Newton steps settle within 5·10⁻¹³ of scipy's quantile. Every
// step costs one incomplete beta function, where gonum's inverse (distuv.StudentsT
// .Quantile) costs dozens: the Welch intervals of every outlet pair of a 200-dimension
// window need some millions of quantiles. Below df = 3, or when Newton does not settle,
// gonum's inverse is used.
func tQuantile(p, df float64) (float64, string) {
	if !dfOK(df) || !(p > 0 && p < 1) {
		return nan(), NoteOutOfRange
	}
	if p == 0.975 && df == math.Trunc(df) && df <= maxTabledDF {
		q := t975Table()[int(df)]
		return finiteOr(q)
	}
	return tQuantileUncached(p, df)
}

// maxTabledDF bounds the integer degrees of freedom whose 97.5 % quantile is
// tabled on first use: every outlet's t interval asks for one, and a window
// of thousands of small outlets asks for the same few of them over and over
// (below df 3 through gonum's slow inverse).
const maxTabledDF = 1024

// t975Table holds the 97.5 % quantiles of df = 0 … maxTabledDF (0 unused),
// computed once and read-only afterwards.
var t975Table = sync.OnceValue(func() []float64 {
	tab := make([]float64, maxTabledDF+1)
	for df := 1; df <= maxTabledDF; df++ {
		tab[df], _ = tQuantileUncached(0.975, float64(df))
	}
	return tab
})

// tQuantileUncached is tQuantile without the cache.
func tQuantileUncached(p, df float64) (float64, string) {
	if t, ok := tQuantileNewton(p, df); ok {
		return t, ""
	}
	return finiteOr(distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p))
}

// cornishFisherDF is the df from which the four-term expansion is the quantile to
// double precision: the first term left out is of order z¹¹/df⁵.
const cornishFisherDF = 1000

// tQuantileNewton is tQuantile by Newton's method; ok is false when it does not apply or
// does not settle.
func tQuantileNewton(p, df float64) (float64, bool) {
	if df < 3 || p == 0.5 {
		return 0, p == 0.5
	}
	upper := p > 0.5
	q := p // lower-tail probability of |t|'s side: solve P(T > t) = 1−p for p > 1/2
	if upper {
		q = 1 - p
	}
	z := distuv.UnitNormal.Quantile(1 - q)
	z2 := z * z
	g1 := (z2 + 1) * z / 4
	g2 := ((5*z2+16)*z2 + 3) * z / 96
	g3 := (((3*z2+19)*z2+17)*z2 - 15) * z / 384
	g4 := ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) * z / 92160
	t := z + g1/df + g2/(df*df) + g3/(df*df*df) + g4/(df*df*df*df)
	if df >= cornishFisherDF { // the next term is below 1e-15 of t
		if !upper {
			t = -t
		}
		return t, true
	}
	lg1, _ := math.Lgamma((df + 1) / 2)
	lg2, _ := math.Lgamma(df / 2)
	logC := lg1 - lg2 - 0.5*math.Log(df*math.Pi) // log of the density's constant
	for range 6 {
		// P(T > t) = I_x(df/2, 1/2)/2 with x = df/(df+t²) for t > 0 (A&S
		// 26.7.1), or (1 − I_{1−x}(1/2, df/2))/2 when x is near 1, where x
		// itself would lose the digits of t²/df; the density is
		// C·(1 + t²/df)^(−(df+1)/2).
		var tail float64
		if x := df / (df + t*t); x < 0.5 {
			tail = mathext.RegIncBeta(df/2, 0.5, x) / 2
		} else {
			tail = (1 - mathext.RegIncBeta(0.5, df/2, t*t/(df+t*t))) / 2
		}
		dens := math.Exp(logC - (df+1)/2*math.Log1p(t*t/df))
		step := (tail - q) / dens
		t += step
		if math.IsNaN(t) || t <= 0 {
			return 0, false
		}
		if math.Abs(step) <= 1e-13*t { // the rounding of the tail probability leaves steps of ~1e-15
			if !upper {
				t = -t
			}
			return t, true
		}
	}
	return 0, false
}

// normalQuantile is the p-quantile of the standard normal distribution, p in (0, 1).
func normalQuantile(p float64) (float64, string) {
	if !(p > 0 && p < 1) {
		return nan(), NoteOutOfRange
	}
	return finiteOr(distuv.UnitNormal.Quantile(p))
}

// dfOK reports whether df is a usable number of degrees of freedom: finite and > 0.
func dfOK(df float64) bool { return df > 0 && !math.IsInf(df, 1) }

// probability passes p through when it is a probability and turns anything else (NaN from
// a special function that did not converge) into NaN with NoteOutOfRange.
func probability(p float64) (float64, string) {
	if !(p >= 0 && p <= 1) {
		return nan(), NoteOutOfRange
	}
	return p, ""
}

// finiteOr passes a finite x through and turns NaN or ±Inf into NaN with NoteOutOfRange.
func finiteOr(x float64) (float64, string) {
	if _, ok := Finite(x); !ok {
		return nan(), NoteOutOfRange
	}
	return x, ""
}
