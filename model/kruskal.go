package model

import (
	"cmp"
	"slices"
)

// KW is the Kruskal–Wallis rank test of k groups: H corrected for ties, DF = k−1, the
// chi-square P, and Epsilon2 = H/((N²−1)/(N+1)) = H/(N−1) (Tomczak & Tomczak 2014).
type KW struct {
	H, DF, P, Epsilon2 float64
	N, Groups          int
	Note               string
}

// KruskalWallis computes H = [12/(N(N+1)) Σ nᵢ(R̄ᵢ − (N+1)/2)²] / [1 − Σ(t³−t)/(N³−N)]
// as R's kruskal.test (Kruskal & Wallis 1952; Hollander & Wolfe 1999 §6.1). The centred
// form avoids the cancellation of Σ Rᵢ²/nᵢ − 3(N+1). Empty groups are ignored.
func KruskalWallis(groups [][]float64) KW {
	r := KW{H: nan(), DF: nan(), P: nan(), Epsilon2: nan()}
	type obs struct {
		v float64
		g int32
	}
	var xs []obs
	for gi, g := range groups {
		if !allFinite(g) {
			r.Note = NoteNonFinite
			return r
		}
		if len(g) > 0 {
			r.Groups++
		}
		for _, v := range g {
			xs = append(xs, obs{v, int32(gi)})
		}
	}
	r.N = len(xs)
	switch {
	case r.N == 0:
		r.Note = NoteEmpty
		return r
	case r.Groups < 2:
		r.Note = NoteOneGroup
		return r
	}
	slices.SortFunc(xs, func(a, b obs) int { return cmp.Compare(a.v, b.v) })
	sums := make([]float64, len(groups))
	var ties float64
	values := 0
	for i := 0; i < len(xs); {
		j := i + 1
		for j < len(xs) && xs[j].v == xs[i].v {
			j++
		}
		rank := float64(i+1+j) / 2
		for k := i; k < j; k++ {
			sums[xs[k].g] += rank
		}
		if t := float64(j - i); t > 1 {
			ties += t*t*t - t
		}
		values++
		i = j
	}
	return r.finish(ties, values, sums, groups)
}

// finish computes H with the tie correction from the rank sums of the
// groups (empty groups skipped), its df, p and epsilon²; r.N and r.Groups
// are set. values is the number of distinct values: with one, every value
// is tied and H is 0/0 (tested by count, since above about 200,000 values
// n³ − n is no longer exact and the correction would be rounding noise).
func (r KW) finish(ties float64, values int, sums []float64, groups [][]float64) KW {
	n := float64(r.N)
	c := 1 - ties/(n*n*n-n)
	if values < 2 || !(c > 0) {
		r.Note = NoteAllTied
		return r
	}
	var s float64
	for gi, g := range groups {
		if ng := float64(len(g)); ng > 0 {
			d := sums[gi]/ng - (n+1)/2
			s += ng * d * d
		}
	}
	h := 12 / (n * (n + 1)) * s / c
	p, note := upperChiSq(h, float64(r.Groups-1))
	if note != "" {
		r.Note = note
		return r
	}
	r.H, r.DF, r.P = h, float64(r.Groups-1), p
	r.Epsilon2 = Epsilon2(r.H, r.N)
	return r
}

// KruskalWallisSorted is KruskalWallis for groups each sorted ascending (slices.Sort
// order), as the pipeline already holds them for quantiles and Mann–Whitney. The pooled
// order comes from merging the groups instead of sorting N (value, group) pairs, and each
// group's rank sum from one walk over its values against the pooled mid-ranks. A group
// with a non-finite value or out of order falls back to KruskalWallis.
func KruskalWallisSorted(groups [][]float64) KW {
	kept := make([][]float64, 0, len(groups))
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		if !sortedFinite(g) || !slices.IsSorted(g) {
			return KruskalWallis(groups)
		}
		kept = append(kept, g)
	}
	if len(kept) < 2 {
		return KruskalWallis(groups) // the general path writes the notes
	}
	pooled := mergeSorted(kept)
	var distinct, mid []float64
	var ties float64
	for i := 0; i < len(pooled); {
		j := i + 1
		for j < len(pooled) && pooled[j] == pooled[i] {
			j++
		}
		distinct = append(distinct, pooled[i])
		mid = append(mid, float64(i+1+j)/2)
		if t := float64(j - i); t > 1 {
			ties += t*t*t - t
		}
		i = j
	}
	r := KW{H: nan(), DF: nan(), P: nan(), Epsilon2: nan(), N: len(pooled), Groups: len(kept)}
	sums := make([]float64, len(kept))
	for gi, g := range kept {
		u := 0
		for _, v := range g {
			for distinct[u] < v {
				u++
			}
			sums[gi] += mid[u]
		}
	}
	return r.finish(ties, len(distinct), sums, kept)
}
