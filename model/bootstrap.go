package model

import (
	"math"
	"math/bits"
)

// Bootstrap settings.
const (
	// DefaultBootstrapResamples is used when BootstrapMeanCI is given resamples ≤ 0.
	DefaultBootstrapResamples = 2000
	// BootstrapExactMaxN is the largest sample resampled value by value. Above it the
	// bootstrap distribution of the mean is replaced by its normal limit (see
	// BootstrapMeanCI), which keeps a 50-outlet table of 20,000 articles per outlet
	// within the time budget: exact resampling costs n·resamples draws per group.
	BootstrapExactMaxN = 5000
	// bootstrapStream is mixed into the caller's seed.
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
// DefaultBootstrapResamples. It is BootstrapMeanCIs of one variable.
//
// For n > BootstrapExactMaxN the interval is computed from the normal limit of the
// bootstrap distribution instead: the bootstrap mean has expectation x̄ and variance σ̂²/n
// with σ̂² = Σ(x−x̄)²/n (the plug-in variance), and by the central limit theorem its
// quantiles tend to x̄ ± z·σ̂/√n; Note is then NoteBootNormal. With n < 2, a non-finite value
// or level outside (0, 1), Lo and Hi are NaN and Note says why.
func BootstrapMeanCI(x []float64, resamples int, seed uint64, level float64) CI {
	return BootstrapMeanCIs(x, len(x), 1, resamples, seed, level)[0]
}

// BootstrapMeanCIs is BootstrapMeanCI of k variables observed together: x holds n rows of
// k values (row-major, observation i's variables at x[i·k:(i+1)·k]), and every variable's
// interval comes from the same resamples of the rows. Drawing a row once for all k
// variables costs one random number and a contiguous read instead of k random numbers
// and k scattered reads: an outlet's 2,000 resamples on 200 dimensions cost about what
// they cost on 20.
//
// The draws are deterministic for a seed: SplitMix64 (Steele, Lea & Flood 2014; the
// constants of Vigna's splitmix64.c) started at seed XOR 0x9e3779b97f4a7c15, row = high 64
// bits of the output·n (Lemire's multiply-shift; its bias, below n/2⁶⁴, is negligible).
// Each variable's draws are summed in draw order. The same x, resamples, seed and level
// always give the same intervals on every platform, whatever k. The two quantiles are
// found by selection (selectQuantiles7), not a sort of the means.
func BootstrapMeanCIs(x []float64, n, k, resamples int, seed uint64, level float64) []CI {
	cis := make([]CI, k)
	col := func(j int) []float64 {
		c := make([]float64, n)
		for i := range c {
			c[i] = x[i*k+j]
		}
		return c
	}
	resampled := make([]bool, k) // variables that go through the resampling
	any := false
	for j := range cis {
		ci := CI{Lo: nan(), Hi: nan()}
		switch {
		case !(level > 0 && level < 1):
			ci.Note = NoteBadLevel
		case n == 0:
			ci.Note = NoteEmpty
		case n < 2:
			ci.Note = NoteTooFew
		case len(x) != n*k:
			ci.Note = "rows and values differ in number"
		case valuesNote(col(j)) != "":
			ci.Note = valuesNote(col(j))
		case n > BootstrapExactMaxN:
			ci = normalBootstrap(col(j), level)
		default:
			resampled[j], any = true, true
		}
		cis[j] = ci
	}
	if !any {
		return cis
	}
	if resamples <= 0 {
		resamples = DefaultBootstrapResamples
	}
	means := bootstrapMeans(x, n, k, resamples, seed) // [variable][resample]
	for j, ok := range resampled {
		if ok {
			lo, hi := selectQuantiles7(means[j*resamples:(j+1)*resamples], (1-level)/2, (1+level)/2)
			cis[j] = CI{Lo: lo, Hi: hi}
		}
	}
	return cis
}

// normalBootstrap is the normal limit of the percentile bootstrap interval of the mean of
// x (see BootstrapMeanCI).
func normalBootstrap(x []float64, level float64) CI {
	m := MomentsOf(x)
	z, note := normalQuantile((1 + level) / 2)
	if note != "" {
		return CI{Lo: nan(), Hi: nan(), Note: note}
	}
	half := z * math.Sqrt(m.M2) / m.N
	return CI{Lo: m.Mean - half, Hi: m.Mean + half, Note: NoteBootNormal}
}

// bootstrapMeans draws resamples bootstrap means of each of the k variables of the n rows
// of x (see BootstrapMeanCIs); means[j·resamples+b] is variable j's mean in resample b.
// Rows of mostly zeros (the per_1k of a big dictionary) take the sparse path, which
// gives the same bits: it adds the same values in the same order, leaving out only zeros,
// and a sum that starts at +0 is unchanged by adding a zero.
func bootstrapMeans(x []float64, n, k, resamples int, seed uint64) []float64 {
	zeros := 0
	for _, v := range x {
		if v == 0 {
			zeros++
		}
	}
	if zeros*2 > len(x) {
		return bootstrapMeansSparse(x, n, k, resamples, seed)
	}
	return bootstrapMeansDense(x, n, k, resamples, seed)
}

// bootstrapMeansDense is bootstrapMeans adding every value.
func bootstrapMeansDense(x []float64, n, k, resamples int, seed uint64) []float64 {
	state := seed ^ bootstrapStream
	nn := uint64(n)
	means := make([]float64, resamples*k)
	sums := make([]float64, k)
	for b := range resamples {
		clear(sums)
		for range n {
			state += golden
			i, _ := bits.Mul64(splitmix(state), nn)
			row := x[int(i)*k:][:len(sums)] // one bounds check a row, none a value
			for j := range sums {
				sums[j] += row[j]
			}
		}
		for j, s := range sums {
			means[j*resamples+b] = s / float64(n)
		}
	}
	return means
}

// bootstrapMeansSparse is bootstrapMeans adding the non-zero values only, held row by
// row (compressed sparse rows); it draws the same rows as bootstrapMeansDense. The
// drawing loop is written out in both rather than shared through a function called per
// drawn row, which would cost the dense path, the hot loop of outlet_stats, a call for
// every few adds.
func bootstrapMeansSparse(x []float64, n, k, resamples int, seed uint64) []float64 {
	start := make([]int32, n+1)
	var col []int32
	var val []float64
	for i := range n {
		for j, v := range x[i*k : (i+1)*k] {
			if v != 0 {
				col, val = append(col, int32(j)), append(val, v)
			}
		}
		start[i+1] = int32(len(val))
	}
	state := seed ^ bootstrapStream
	nn := uint64(n)
	means := make([]float64, resamples*k)
	sums := make([]float64, k)
	for b := range resamples {
		clear(sums)
		for range n {
			state += golden
			i, _ := bits.Mul64(splitmix(state), nn)
			lo, hi := start[i], start[i+1]
			vs := val[lo:hi]
			for t, j := range col[lo:hi:hi][:len(vs)] {
				sums[j] += vs[t]
			}
		}
		for j, s := range sums {
			means[j*resamples+b] = s / float64(n)
		}
	}
	return means
}

// golden is SplitMix64's increment, 2⁶⁴/φ.
const golden uint64 = 0x9e3779b97f4a7c15

// splitmix is SplitMix64's output function of one state value.
func splitmix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
