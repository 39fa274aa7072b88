package model

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// PCASummary is a PCA in plain slices, for callers that do not import gonum
// (the pipeline). Loadings[j][c] is the loading of column Kept[j] on
// component c; Centroids are the groups' mean scores on PC1 and PC2.
type PCASummary struct {
	Kept      []int
	Explained []float64
	Loadings  [][]float64
	Centroids []Centroid
	Note      string
}

// PCAColumns runs PCA on the columns of a data set (cols[j][i] is the value
// of variable j for observation i) and summarizes it with the groups'
// centroids. A PCA that cannot run (too few observations, fewer than two
// columns with variance) gives an empty summary whose Note says why.
//
// It computes what PCA computes without an n×k matrix: the eigenvalues and
// eigenvectors of the k×k correlation matrix are prcomp(scale. = TRUE)'s sdev²
// and rotation, and the correlation matrix comes from column means, standard
// deviations and centred cross products (two passes, no raw sums of squares).
// A group's mean score is its mean standardized row times the loadings, so the
// centroids need only per-group column sums. Sign convention and notes are
// those of PCA.
func PCAColumns(cols [][]float64, groups []string) PCASummary {
	if len(cols) == 0 || len(cols[0]) == 0 {
		return PCASummary{Note: NoteEmpty}
	}
	n := len(cols[0])
	for _, c := range cols {
		if len(c) != n {
			return PCASummary{Note: "columns of unequal length"}
		}
	}
	if len(groups) != n {
		return PCASummary{Note: "groups and observations differ in number"}
	}
	if n < 2 {
		return PCASummary{Note: fmt.Errorf("pca: %d×%d matrix: %w", n, len(cols), ErrShape).Error()}
	}
	if note := columnsNote(cols); note != "" {
		return PCASummary{Note: fmt.Errorf("pca: %s: %w", note, ErrShape).Error()}
	}
	var s PCASummary
	var kept [][]float64
	var means, sds []float64
	for j, c := range cols {
		m := MomentsOf(c)
		sd := m.SD()
		if !hasVariance(m.Mean, sd) {
			s.Note = addNote(s.Note, droppedNote(j))
			continue
		}
		kept, means, sds = append(kept, c), append(means, m.Mean), append(sds, sd)
		s.Kept = append(s.Kept, j)
	}
	k := len(kept)
	if k == 0 {
		s.Note = addNote(s.Note, fmt.Errorf("pca: every column has %s: %w", NoteZeroVariance, ErrShape).Error())
		return s
	}
	corr := mat.NewSymDense(k, nil)
	for a := range k {
		corr.SetSym(a, a, 1)
		for b := a + 1; b < k; b++ {
			var cp float64
			xa, xb, ma, mb := kept[a], kept[b], means[a], means[b]
			for i := range xa {
				cp += (xa[i] - ma) * (xb[i] - mb)
			}
			corr.SetSym(a, b, cp/float64(n-1)/(sds[a]*sds[b]))
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(corr, true) {
		s.Note = addNote(s.Note, fmt.Errorf("pca: eigendecomposition did not converge: %w", ErrShape).Error())
		return s
	}
	vals := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	m := min(n, k)
	L := mat.NewDense(k, m, nil)
	variances := make([]float64, m)
	for c := range m {
		src := k - 1 - c // descending order of variance
		variances[c] = math.Max(0, vals[src])
		for j := range k {
			L.Set(j, c, vecs.At(j, src))
		}
	}
	fixSigns(L)
	s.Explained = shares(variances)
	s.Loadings = make([][]float64, k)
	for j := range k {
		s.Loadings[j] = mat.Row(nil, j, L)
	}
	s.Centroids = columnCentroids(kept, means, sds, s.Loadings, groups)
	return s
}

// columnCentroids averages the first two component scores per group, sorted by group
// name, from per-group column sums: mean score = Σ_j (mean_g(x_j) − mean(x_j))/sd_j · L_jc.
func columnCentroids(cols [][]float64, means, sds []float64, loadings [][]float64, groups []string) []Centroid {
	idx := map[string]int{}
	var names []string
	gi := make([]int, len(groups))
	for i, g := range groups {
		j, ok := idx[g]
		if !ok {
			j = len(names)
			idx[g] = j
			names = append(names, g)
		}
		gi[i] = j
	}
	count := make([]float64, len(names))
	for _, j := range gi {
		count[j]++
	}
	sums := make([][]float64, len(cols)) // [column][group], centred
	for c, col := range cols {
		sums[c] = make([]float64, len(names))
		for i, v := range col {
			sums[c][gi[i]] += v - means[c]
		}
	}
	m := len(loadings[0])
	out := make([]Centroid, len(names))
	for g, name := range names {
		out[g] = Centroid{Group: name, N: int(count[g]), PC2: math.NaN()}
		for c := range min(m, 2) {
			var sc float64
			for j := range cols {
				sc += sums[j][g] / count[g] / sds[j] * loadings[j][c]
			}
			if c == 0 {
				out[g].PC1 = sc
			} else {
				out[g].PC2 = sc
			}
		}
	}
	slices.SortFunc(out, func(a, b Centroid) int { return compareString(a.Group, b.Group) })
	return out
}
