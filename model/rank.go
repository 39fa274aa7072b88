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
func Ranks(x []float64) (ranks []float64, tieSum float64) {
	n := len(x)
	ranks = make([]float64, n)
	if n == 0 {
		return ranks, 0
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(x[a], x[b]) })
	for i := 0; i < n; {
		j := i + 1
		for j < n && x[idx[j]] == x[idx[i]] {
			j++
		}
		// Positions i..j-1 (0-based) hold ranks i+1..j; their mean is (i+1+j)/2.
		r := float64(i+1+j) / 2
		for k := i; k < j; k++ {
			ranks[idx[k]] = r
		}
		if t := float64(j - i); t > 1 {
			tieSum += t*t*t - t
		}
		i = j
	}
	return ranks, tieSum
}
