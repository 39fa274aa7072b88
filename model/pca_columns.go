package model

import (
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
	x := mat.NewDense(n, len(cols), nil)
	for j, c := range cols {
		for i, v := range c {
			x.Set(i, j, v)
		}
	}
	res, err := PCA(x)
	if err != nil {
		return PCASummary{Note: addNote(res.Note, err.Error())}
	}
	s := PCASummary{Kept: res.Kept, Explained: res.Explained, Note: res.Note}
	if res.Loadings != nil {
		r, k := res.Loadings.Dims()
		s.Loadings = make([][]float64, r)
		for j := range r {
			s.Loadings[j] = make([]float64, k)
			for c := range k {
				s.Loadings[j][c] = res.Loadings.At(j, c)
			}
		}
	}
	s.Centroids = Centroids(res.Scores, groups)
	return s
}
