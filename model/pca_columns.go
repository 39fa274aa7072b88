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
// columns with variance) gives an empty summary whose Note says why. It is
// PCAFromCross of the columns' moments and centred cross products, with
// the columns named by their 1-based number.
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
	k := len(cols)
	cp := CrossProducts{N: n, Means: make([]float64, k), SDs: make([]float64, k), Names: make([]string, k)}
	for j, c := range cols {
		m := MomentsOf(c)
		cp.Means[j], cp.SDs[j], cp.Names[j] = m.Mean, m.SD(), fmt.Sprintf("column %d", j+1)
	}
	cp.Cross = make([][]float64, k)
	for a := range k {
		cp.Cross[a] = make([]float64, k)
		for b := a; b < k; b++ {
			var s float64
			xa, xb, ma, mb := cols[a], cols[b], cp.Means[a], cp.Means[b]
			for i := range xa {
				s += (xa[i] - ma) * (xb[i] - mb)
			}
			cp.Cross[a][b] = s
		}
	}
	names, gi := groupIndex(groups)
	gm := make([][]float64, len(names)) // [group][column]
	count := make([]int, len(names))
	for g := range gm {
		gm[g] = make([]float64, k)
	}
	for i, g := range gi {
		count[g]++
		for j, c := range cols {
			gm[g][j] += c[i]
		}
	}
	for g := range gm {
		for j := range gm[g] {
			gm[g][j] /= float64(count[g])
		}
	}
	return PCAFromCross(cp, names, gm, count)
}

// CrossProducts are what a PCA of standardized columns needs, accumulated
// in whatever passes suit the caller: the number of observations, each
// column's mean and sample standard deviation (MomentsOf), the centred
// cross products Cross[a][b] = Σ(x_a − mean_a)(x_b − mean_b) for a ≤ b (the
// entries below the diagonal are not read), and a name for each column, for
// the notes.
type CrossProducts struct {
	N     int
	Means []float64
	SDs   []float64
	Cross [][]float64
	Names []string
}

// PCAFromCross runs PCA from cross products: the eigenvalues and
// eigenvectors of the k×k correlation matrix are prcomp(scale. = TRUE)'s
// sdev² and rotation, so no n×k matrix is needed. Columns without variance
// (hasVariance) are dropped with a note naming them. Centroids are the
// groups' mean scores on PC1 and PC2: a group's mean standardized row times
// the loadings, Σ_j (groupMeans[g][j] − mean_j)/sd_j · L_jc, for groups of
// groupN[g] observations, sorted by name. Sign convention and notes are
// those of PCA.
func PCAFromCross(cp CrossProducts, groups []string, groupMeans [][]float64, groupN []int) PCASummary {
	var s PCASummary
	if cp.N < 2 {
		return PCASummary{Note: fmt.Errorf("pca: %d×%d matrix: %w", cp.N, len(cp.Means), ErrShape).Error()}
	}
	for j := range cp.Means {
		if !hasVariance(cp.Means[j], cp.SDs[j]) {
			s.Note = addNote(s.Note, cp.Names[j]+": "+NoteZeroVariance+": dropped")
			continue
		}
		s.Kept = append(s.Kept, j)
	}
	k := len(s.Kept)
	if k == 0 {
		s.Note = addNote(s.Note, fmt.Errorf("pca: every column has %s: %w", NoteZeroVariance, ErrShape).Error())
		return s
	}
	corr := mat.NewSymDense(k, nil)
	for a, ja := range s.Kept {
		corr.SetSym(a, a, 1)
		for b := a + 1; b < k; b++ {
			jb := s.Kept[b]
			corr.SetSym(a, b, cp.Cross[ja][jb]/float64(cp.N-1)/(cp.SDs[ja]*cp.SDs[jb]))
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
	m := min(cp.N, k)
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
	s.Centroids = centroids(cp, s.Kept, s.Loadings, groups, groupMeans, groupN)
	return s
}

// groupIndex numbers the distinct groups in order of first appearance.
func groupIndex(groups []string) ([]string, []int) {
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
	return names, gi
}

// centroids are the groups' mean scores on the first two components, sorted
// by group name.
func centroids(cp CrossProducts, kept []int, loadings [][]float64, groups []string, groupMeans [][]float64, groupN []int) []Centroid {
	m := len(loadings[0])
	out := make([]Centroid, len(groups))
	for g, name := range groups {
		out[g] = Centroid{Group: name, N: groupN[g], PC2: math.NaN()}
		for c := range min(m, 2) {
			var sc float64
			for i, j := range kept {
				sc += (groupMeans[g][j] - cp.Means[j]) / cp.SDs[j] * loadings[i][c]
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
