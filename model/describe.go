package model

import (
	"math"
	"math/bits"
	"math/rand/v2"
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

// Bootstrap settings.
const (
	// DefaultBootstrapResamples is used when BootstrapMeanCI is given resamples ≤ 0.
	DefaultBootstrapResamples = 2000
	// BootstrapExactMaxN is the largest sample resampled value by value. Above it the
	// bootstrap distribution of the mean is replaced by its normal limit (see
	// BootstrapMeanCI), which keeps a 50-outlet table of 20,000 articles per outlet
	// within the time budget: exact resampling costs n·resamples draws per group.
	BootstrapExactMaxN = 5000
	// bootstrapStream is the fixed second PCG word; the caller's seed is the first.
	bootstrapStream = 0x9e3779b97f4a7c15
)

// CI is a confidence interval [Lo, Hi] with a Note (see result.go).
type CI struct {
	Lo, Hi float64
	Note   string
}

// BootstrapMeanCI returns the percentile bootstrap interval of the mean of x at the given
// level (0.95 for 95 %): resamples bootstrap means, each of len(x) draws with replacement,
// and their type-7 quantiles at (1−level)/2 and (1+level)/2 (Efron & Tibshirani 1993,
// An Introduction to the Bootstrap, ch. 13). resamples ≤ 0 means
// DefaultBootstrapResamples.
//
// The draws are deterministic for a seed: math/rand/v2 PCG seeded with (seed,
// 0x9e3779b97f4a7c15), index = high 64 bits of Uint64()·n (Lemire's multiply-shift; its
// bias, below n/2⁶⁴, is negligible). The same x, resamples, seed and level always give the
// same interval on every platform.
//
// For n > BootstrapExactMaxN the interval is computed from the normal limit of the
// bootstrap distribution instead: the bootstrap mean has expectation x̄ and variance σ̂²/n
// with σ̂² = Σ(x−x̄)²/n (the plug-in variance), and by the central limit theorem its
// quantiles tend to x̄ ± z·σ̂/√n; Note is then NoteBootNormal. With n < 2, a non-finite value
// or level outside (0, 1), Lo and Hi are NaN and Note says why.
func BootstrapMeanCI(x []float64, resamples int, seed uint64, level float64) CI {
	ci := CI{Lo: nan(), Hi: nan()}
	switch {
	case !(level > 0 && level < 1):
		ci.Note = NoteBadLevel
		return ci
	case len(x) == 0:
		ci.Note = NoteEmpty
		return ci
	case len(x) < 2:
		ci.Note = NoteTooFew
		return ci
	case valuesNote(x) != "":
		ci.Note = valuesNote(x)
		return ci
	}
	if resamples <= 0 {
		resamples = DefaultBootstrapResamples
	}
	if len(x) > BootstrapExactMaxN {
		m := MomentsOf(x)
		z, note := normalQuantile((1 + level) / 2)
		if note != "" {
			ci.Note = note
			return ci
		}
		half := z * math.Sqrt(m.M2) / m.N
		return CI{Lo: m.Mean - half, Hi: m.Mean + half, Note: NoteBootNormal}
	}
	means := bootstrapMeans(x, resamples, seed)
	slices.Sort(means)
	return CI{Lo: Quantile7(means, (1-level)/2), Hi: Quantile7(means, (1+level)/2)}
}

// bootstrapMeans draws resamples bootstrap means of x from a PCG seeded with seed.
func bootstrapMeans(x []float64, resamples int, seed uint64) []float64 {
	src := rand.NewPCG(seed, bootstrapStream)
	n := uint64(len(x))
	means := make([]float64, resamples)
	for b := range means {
		var s float64
		for range n {
			j, _ := bits.Mul64(src.Uint64(), n)
			s += x[j]
		}
		means[b] = s / float64(n)
	}
	return means
}
