package lexeval

import (
	"math"
	"math/rand/v2"
	"slices"

	"framing/model"
)

// ranked holds two samples as indices into their pooled distinct values,
// sorted, so that the AUC of any resample costs one pass over the values.
type ranked struct {
	pos, neg []int // index of each value in the distinct values
	k        int   // number of distinct values
}

func rankSamples(pos, neg []float64) ranked {
	vals := slices.Concat(pos, neg)
	slices.Sort(vals)
	vals = slices.Compact(vals)
	idx := func(xs []float64) []int {
		out := make([]int, len(xs))
		for i, x := range xs {
			out[i], _ = slices.BinarySearch(vals, x)
		}
		return out
	}
	return ranked{pos: idx(pos), neg: idx(neg), k: len(vals)}
}

// aucCounts is the AUC from how often each distinct value occurs among
// the positives and the negatives: the probability that a random positive
// scores above a random negative, ties counting one half, which is the
// Mann–Whitney U of the positives divided by n_pos·n_neg.
func aucCounts(cp, cn []int, np, nn int) float64 {
	var below, u float64 // negatives below the current value; U
	for v := range cp {
		u += float64(cp[v]) * (below + 0.5*float64(cn[v]))
		below += float64(cn[v])
	}
	return u / (float64(np) * float64(nn))
}

// AUC is the area under the ROC curve of score against class: the share
// of (positive, negative) pairs in which the positive scores higher, ties
// counting one half. NaN when either sample is empty.
func AUC(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	r := rankSamples(pos, neg)
	cp, cn := make([]int, r.k), make([]int, r.k)
	for _, i := range r.pos {
		cp[i]++
	}
	for _, i := range r.neg {
		cn[i]++
	}
	return aucCounts(cp, cn, len(pos), len(neg))
}

// BootstrapAUC is the percentile interval of the AUC at the given level
// (0.95) from a stratified bootstrap: each of the resamples draws n_pos
// positives and n_neg negatives with replacement, so that both classes
// keep their sizes (as pROC's default). Quantiles are of type 7. The same
// samples, resamples and seed give the same interval.
func BootstrapAUC(pos, neg []float64, resamples int, seed uint64, level float64) (lo, hi float64) {
	if len(pos) == 0 || len(neg) == 0 || resamples < 2 {
		return math.NaN(), math.NaN()
	}
	r := rankSamples(pos, neg)
	rng := rand.New(rand.NewPCG(seed, 0x6c65786576616c)) // "lexeval"
	cp, cn := make([]int, r.k), make([]int, r.k)
	aucs := make([]float64, resamples)
	for b := range aucs {
		clear(cp)
		clear(cn)
		for range r.pos {
			cp[r.pos[rng.IntN(len(r.pos))]]++
		}
		for range r.neg {
			cn[r.neg[rng.IntN(len(r.neg))]]++
		}
		aucs[b] = aucCounts(cp, cn, len(pos), len(neg))
	}
	slices.Sort(aucs)
	a := (1 - level) / 2
	return model.Quantile7(aucs, a), model.Quantile7(aucs, 1-a)
}
