package model

import (
	"cmp"
	"slices"
)

// Ranks returns the mid-ranks of x (1-based; tied values share the mean of the ranks
// they occupy, R's rank(ties.method = "average")) and the tie sum Σ(t³ − t) over the
// groups of t tied values, which the Kruskal–Wallis, Mann–Whitney and Spearman tie
// corrections need. x is not modified. NaN values sort first, so callers should pass
// finite data; an empty x gives an empty result and 0.
//
// The sort is of (value, index) pairs, not of indices through x: mid-ranks do not depend
// on the order within a tie, so no stable sort is needed, and the values travel with
// their indices instead of being fetched at random, which for a million values is several
// times faster.
func Ranks(x []float64) (ranks []float64, tieSum float64) {
	n := len(x)
	ranks = make([]float64, n)
	if n == 0 {
		return ranks, 0
	}
	type pair struct {
		v float64
		i int
	}
	ps := make([]pair, n)
	for i, v := range x {
		ps[i] = pair{v, i}
	}
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(a.v, b.v) })
	for i := 0; i < n; {
		j := i + 1
		for j < n && ps[j].v == ps[i].v {
			j++
		}
		// Positions i..j-1 (0-based) hold ranks i+1..j; their mean is (i+1+j)/2.
		r := float64(i+1+j) / 2
		for k := i; k < j; k++ {
			ranks[ps[k].i] = r
		}
		if t := float64(j - i); t > 1 {
			tieSum += t*t*t - t
		}
		i = j
	}
	return ranks, tieSum
}

// mergeSorted returns the ascending merge of ascending slices by pairwise merges, in
// O(N log k) for k slices of N values together.
func mergeSorted(xs [][]float64) []float64 {
	for len(xs) > 1 {
		next := make([][]float64, 0, (len(xs)+1)/2)
		for i := 0; i+1 < len(xs); i += 2 {
			next = append(next, merge2(xs[i], xs[i+1]))
		}
		if len(xs)%2 == 1 {
			next = append(next, xs[len(xs)-1])
		}
		xs = next
	}
	if len(xs) == 0 {
		return nil
	}
	return xs[0]
}

func merge2(a, b []float64) []float64 {
	out := make([]float64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if b[j] < a[i] {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	return append(append(out, a[i:]...), b[j:]...)
}
