package model

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// PCAResult is a principal component analysis of standardized columns.
type PCAResult struct {
	Kept      []int      // original column indices used (zero-variance columns dropped)
	Loadings  *mat.Dense // len(Kept) × k, column c is component c
	Variances []float64  // eigenvalues of the correlation matrix (R's prcomp(scale.=TRUE)$sdev^2)
	Explained []float64  // Variances / sum
	Scores    *mat.Dense // n × k
	Note      string
}

// PCA standardizes each column (mean 0, sample SD 1) and runs gonum stat.PC (an SVD of the
// standardized data), as R's prcomp(x, scale. = TRUE). Zero-variance columns are dropped
// with a Note. Component signs are arbitrary in any SVD; here each component is flipped so
// that its largest-|loading| entry is positive (the first such entry on a tie), which makes
// output deterministic. Fewer than 2 rows, fewer than 1 usable column or a non-finite or
// out-of-magnitude value (valuesNote) are errors wrapping ErrShape.
func PCA(X *mat.Dense) (PCAResult, error) {
	if X == nil {
		return PCAResult{}, fmt.Errorf("pca: nil matrix: %w", ErrShape)
	}
	n, p := X.Dims()
	if n < 2 || p < 1 {
		return PCAResult{}, fmt.Errorf("pca: %d×%d matrix: %w", n, p, ErrShape)
	}
	if note := columnsNote(denseColumns(X)); note != "" {
		return PCAResult{}, fmt.Errorf("pca: %s: %w", note, ErrShape)
	}
	var res PCAResult
	var cols [][]float64
	for j := 0; j < p; j++ {
		c := mat.Col(nil, j, X)
		mean, sd := stat.MeanStdDev(c, nil)
		if !hasVariance(mean, sd) {
			res.Note = addNote(res.Note, droppedNote(j))
			continue
		}
		for i := range c {
			c[i] = (c[i] - mean) / sd
		}
		cols = append(cols, c)
		res.Kept = append(res.Kept, j)
	}
	k := len(cols)
	if k == 0 {
		return res, fmt.Errorf("pca: every column has %s: %w", NoteZeroVariance, ErrShape)
	}
	Z := mat.NewDense(n, k, nil)
	for j, c := range cols {
		Z.SetCol(j, c)
	}
	var pc stat.PC
	if !pc.PrincipalComponents(Z, nil) {
		return res, fmt.Errorf("pca: SVD did not converge: %w", ErrShape)
	}
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	res.Variances = pc.VarsTo(nil)
	m := min(n, k)
	res.Variances = res.Variances[:m]
	res.Loadings = mat.DenseCopyOf(vecs.Slice(0, k, 0, m))
	fixSigns(res.Loadings)
	res.Explained = shares(res.Variances)
	res.Scores = mat.NewDense(n, m, nil)
	res.Scores.Mul(Z, res.Loadings)
	return res, nil
}

// hasVariance reports whether a column with this mean and standard deviation
// can be standardized; PCA and PCAColumns drop one that cannot (droppedNote).
func hasVariance(mean, sd float64) bool {
	return sd > 0 && !(sd < 1e-12*math.Max(1, math.Abs(mean)))
}

// droppedNote is the note for column j (0-based) dropped by hasVariance.
func droppedNote(j int) string {
	return fmt.Sprintf("column %d: %s: dropped", j+1, NoteZeroVariance)
}

// shares returns each variance's share of their sum: the explained variance.
func shares(variances []float64) []float64 {
	var total float64
	for _, v := range variances {
		total += v
	}
	out := make([]float64, len(variances))
	for i, v := range variances {
		out[i] = v / total
	}
	return out
}

// fixSigns flips each column so its largest-|value| entry is positive.
func fixSigns(L *mat.Dense) {
	r, c := L.Dims()
	for j := 0; j < c; j++ {
		best := 0
		for i := 1; i < r; i++ {
			if math.Abs(L.At(i, j)) > math.Abs(L.At(best, j)) {
				best = i
			}
		}
		if L.At(best, j) < 0 {
			for i := 0; i < r; i++ {
				L.Set(i, j, -L.At(i, j))
			}
		}
	}
}

// Centroid is the mean PC1 and PC2 score of one group.
type Centroid struct {
	Group    string
	PC1, PC2 float64 // PC2 is NaN when there is only one component
	N        int
}

// Centroids averages the first two score columns per group, sorted by group name, for the
// outlet map. len(groups) must equal the rows of scores; otherwise the result is nil.
func Centroids(scores *mat.Dense, groups []string) []Centroid {
	if scores == nil {
		return nil
	}
	n, k := scores.Dims()
	if n != len(groups) || k == 0 {
		return nil
	}
	idx := map[string]int{}
	var out []Centroid
	for _, g := range groups {
		if _, ok := idx[g]; !ok {
			idx[g] = 0
			out = append(out, Centroid{Group: g})
		}
	}
	slices.SortFunc(out, func(a, b Centroid) int { return compareString(a.Group, b.Group) })
	for i := range out {
		idx[out[i].Group] = i
	}
	for i, g := range groups {
		c := &out[idx[g]]
		c.N++
		c.PC1 += scores.At(i, 0)
		if k > 1 {
			c.PC2 += scores.At(i, 1)
		}
	}
	for i := range out {
		out[i].PC1 /= float64(out[i].N)
		out[i].PC2 /= float64(out[i].N)
		if k < 2 {
			out[i].PC2 = math.NaN()
		}
	}
	return out
}

func compareString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
