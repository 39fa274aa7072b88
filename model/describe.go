package model

import (
	"math"
	"slices"
)

// Desc holds the descriptive statistics of one sample. SD is the sample standard
// deviation (divisor n−1), SE = SD/√n, and [CILow, CIHigh] is the 95 % t interval of the
// mean, mean ± qt(0.975, n−1)·SE. Median, Q25 and Q75 are type-7 quantiles (Quantile7).
//
// With no observations every field but N is NaN and Note is NoteEmpty; with one
// observation the location fields are that value, SD, SE and the interval are NaN and
// Note is NoteTooFew. Zero variance is not degenerate here: SD = 0 and the interval has
// zero width.
type Desc struct {
	N                          int
	Mean, SD, SE               float64
	CILow, CIHigh              float64
	Min, Q25, Median, Q75, Max float64
	Note                       string
}

// Describe summarises x. x is not modified. A non-finite value makes every statistic NaN
// with Note NoteNonFinite, because a mean over ±Inf or NaN means nothing; a value outside
// the supported magnitude likewise, with NoteMagnitude.
func Describe(x []float64) Desc {
	d := Desc{N: len(x)}
	d.Mean, d.SD, d.SE, d.CILow, d.CIHigh = nan(), nan(), nan(), nan(), nan()
	d.Min, d.Q25, d.Median, d.Q75, d.Max = nan(), nan(), nan(), nan(), nan()
	if len(x) == 0 {
		d.Note = NoteEmpty
		return d
	}
	if note := valuesNote(x); note != "" {
		d.Note = note
		return d
	}
	s := slices.Clone(x)
	slices.Sort(s)
	return describeSorted(d, s)
}

// DescribeSorted is Describe for x already sorted ascending (slices.Sort order), which
// skips the copy and the sort when the caller sorts the sample anyway. Unsorted input is
// detected (one pass) and handed to Describe. Both sum the mean in sorted order, so they
// agree bit for bit.
func DescribeSorted(sorted []float64) Desc {
	if len(sorted) == 0 || valuesNote(sorted[:1], sorted[len(sorted)-1:]) != "" || !slices.IsSorted(sorted) {
		return Describe(sorted)
	}
	d := Desc{N: len(sorted)}
	d.SD, d.SE, d.CILow, d.CIHigh = nan(), nan(), nan(), nan()
	return describeSorted(d, sorted)
}

// describeSorted fills the statistics of d from its finite sorted sample s.
func describeSorted(d Desc, s []float64) Desc {
	d.Min, d.Max = s[0], s[len(s)-1]
	d.Q25, d.Median, d.Q75 = Quantile7(s, 0.25), Quantile7(s, 0.5), Quantile7(s, 0.75)
	m := MomentsOf(s)
	d.Mean = m.Mean
	if len(s) < 2 {
		d.Note = NoteTooFew
		return d
	}
	d.SD = m.SD()
	if m.flat() { // constant values: the spread is rounding of the mean
		d.SD = 0
	}
	d.SE = d.SD / math.Sqrt(m.N)
	q, note := tQuantile(0.975, m.N-1)
	if note != "" {
		d.SD, d.SE = nan(), nan()
		d.Note = note
		return d
	}
	d.CILow, d.CIHigh = d.Mean-q*d.SE, d.Mean+q*d.SE
	return d
}

// Quantile7 returns the p-quantile of sorted (ascending, finite) by Hyndman and Fan's
// type 7, the default of R's quantile() and of pandas and NumPy: with h = (n−1)p and
// j = ⌊h⌋, Q = (1−(h−j))·x[j] + (h−j)·x[j+1] (0-based; R's quantile.default). gonum's
// stat.Quantile(LinInterp) is a different definition (type 4), hence this function. It
// returns NaN for an empty slice or p outside [0, 1].
//
// Reference: Hyndman, R. J. and Fan, Y. (1996) Sample quantiles in statistical packages,
// The American Statistician 50, 361–365.
func Quantile7(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 || !(p >= 0 && p <= 1) {
		return nan()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	hi := int(math.Ceil(h))
	q := sorted[lo]
	if f := h - float64(lo); hi > lo && sorted[hi] != q {
		v := (1-f)*q + f*sorted[hi]
		if math.IsInf(v, 0) { // both ends near ±MaxFloat64 with one sign: no overflow this way
			v = q + f*(sorted[hi]-q)
		}
		q = v
	}
	return q
}

// Moments is a mergeable aggregate of one sample: the count, the mean and M2, the sum of
// squared deviations from the mean. Per-shard Moments combine with Merge in any order, so
// the ANOVA tables (OneWayANOVAFromMoments, WelchANOVAFromMoments) can be computed without
// holding the values. The zero value is an empty sample.
type Moments struct {
	N, Mean, M2 float64
}

// MomentsOf returns the Moments of x by two passes (the mean, then corrected sums of
// squares; Björck's correction, Chan, Golub & LeVeque 1983 eq. 1.7), which is more
// accurate than repeated Add.
func MomentsOf(x []float64) Moments {
	if len(x) == 0 {
		return Moments{}
	}
	n := float64(len(x))
	var s float64
	for _, v := range x {
		s += v
	}
	mean := s / n
	var ss, c float64
	for _, v := range x {
		d := v - mean
		ss += d * d
		c += d
	}
	// ss ≥ c²/n (Cauchy–Schwarz); a negative difference is rounding.
	return Moments{N: n, Mean: mean + c/n, M2: math.Max(0, ss-c*c/n)}
}

// Add includes one value, by Welford's (1962) update: δ = x − mean, mean += δ/n,
// M2 += δ·(x − mean_new).
func (m *Moments) Add(x float64) {
	m.N++
	d := x - m.Mean
	m.Mean += d / m.N
	m.M2 += d * (x - m.Mean)
}

// Merge combines o into m by the pairwise update of Chan, Golub & LeVeque (1979,
// "Updating formulae and a pairwise algorithm for computing sample variances"):
// n = na+nb, δ = mean_b − mean_a, mean = mean_a + δ·nb/n, M2 = M2a + M2b + δ²·na·nb/n.
func (m *Moments) Merge(o Moments) {
	switch {
	case o.N == 0:
		return
	case m.N == 0:
		*m = o
		return
	}
	n := m.N + o.N
	d := o.Mean - m.Mean
	m.Mean += d * o.N / n
	m.M2 += o.M2 + d*d*m.N*o.N/n
	m.N = n
}

// Var returns the sample variance M2/(N−1), or NaN when N < 2.
func (m Moments) Var() float64 {
	if m.N < 2 {
		return nan()
	}
	return m.M2 / (m.N - 1)
}

// SD returns the sample standard deviation √Var.
func (m Moments) SD() float64 { return math.Sqrt(m.Var()) }

// sumSq is the sum of squares of the values about zero, Σx² = M2 + N·mean², the scale
// against which negligible judges M2.
func (m Moments) sumSq() float64 { return m.M2 + m.N*m.Mean*m.Mean }

// flat reports whether the sample has no variance beyond rounding (negligible M2): constant
// values whose mean was rounded leave an M2 of order N·ε²·mean² instead of 0.
func (m Moments) flat() bool { return negligible(m.M2, m.N, m.sumSq()) }

// Flat is flat for callers that judge variance from Moments, as Pearson and PCA do from
// the values (CorrFromCross takes it).
func (m Moments) Flat() bool { return m.flat() }

// selectQuantiles7 is Quantile7 of x unsorted at p1 < p2, for the two ends of an
// interval: it finds the four order statistics they need by selection, in O(n), and
// reorders x. The results are exactly Quantile7 of sorted x, since order statistics do not
// depend on how they are found. After x[k] is selected, x[k+1:] holds the larger values,
// so the next order statistic is their minimum: for p2 near 1 a short scan; the lower pair
// is taken among x[:k] the same way from its upper end.
func selectQuantiles7(x []float64, p1, p2 float64) (float64, float64) {
	n := len(x)
	if n == 0 || !(p1 >= 0 && p1 <= p2 && p2 <= 1) {
		return nan(), nan()
	}
	pair := func(lo int, h float64) float64 { // x[lo] and the next order statistic are in place
		if lo+1 >= n || h == float64(lo) {
			return x[lo]
		}
		return Quantile7([]float64{x[lo], slices.Min(x[lo+1:])}, h-float64(lo))
	}
	h1, h2 := float64(n-1)*p1, float64(n-1)*p2
	lo1, lo2 := int(math.Floor(h1)), int(math.Floor(h2))
	selectNth(x, lo2)
	q2 := pair(lo2, h2)
	if lo1+1 >= lo2 { // the two pairs overlap: select again
		selectNth(x, lo1)
		return pair(lo1, h1), q2
	}
	// x[:lo2] holds the lo2 smallest values: select the (lo1+1)-th among them,
	// then the lo1-th is the largest of those below it.
	below := x[:lo2]
	selectNth(below, lo1+1)
	a, b := slices.Max(below[:lo1+1]), below[lo1+1]
	if h1 == float64(lo1) {
		return a, q2
	}
	return Quantile7([]float64{a, b}, h1-float64(lo1)), q2
}

// selectNth reorders x so that x[k] is the value a sort would put there, every value
// before it no larger and every value after it no smaller (Hoare's selection with a
// median-of-three pivot). x must hold no NaN.
func selectNth(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // x[j+1 : i] all equal the pivot, k among them
		}
	}
}
