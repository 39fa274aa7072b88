package model

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestPCAGolden(t *testing.T) {
	g := modelsGolden(t)
	n := len(gY)
	X := mat.NewDense(n, 4, nil)
	lt := logsOf(gTokens)
	for i := 0; i < n; i++ {
		X.SetRow(i, []float64{gY[i], lt[i], gDays[i], gZ[i]})
	}
	res, err := PCA(X)
	if err != nil {
		t.Fatal(err)
	}
	// R 4.2.2 prcomp(cbind(y, log(tokens), days, z), scale. = TRUE): sdev^2, and
	// abs(rotation) in column-major order (signs are arbitrary in R).
	for i, w := range modelsGoldenVec(t, g, "pca.var") {
		checkRel(t, "variance", res.Variances[i], w, 1e-8)
	}
	rot := modelsGoldenVec(t, g, "pca.rot")
	for c := 0; c < 4; c++ {
		for r := 0; r < 4; r++ {
			checkRel(t, "|loading|", math.Abs(res.Loadings.At(r, c)), rot[c*4+r], 1e-8)
		}
	}
	var sum float64
	for _, e := range res.Explained {
		sum += e
	}
	checkRel(t, "explained sum", sum, 1, 1e-12)
	// Sign convention: the largest |loading| of each component is positive.
	for c := 0; c < 4; c++ {
		col := mat.Col(nil, c, res.Loadings)
		best := 0
		for i := range col {
			if math.Abs(col[i]) > math.Abs(col[best]) {
				best = i
			}
		}
		if col[best] < 0 {
			t.Errorf("component %d: largest loading %g is negative", c+1, col[best])
		}
	}
	cs := Centroids(res.Scores, gOutlet)
	if len(cs) != 4 || cs[0].Group != "Alpha" || cs[0].N != 9 {
		t.Errorf("centroids %+v", cs)
	}
	var tot float64
	for _, c := range cs {
		tot += c.PC1 * float64(c.N)
	}
	if math.Abs(tot) > 1e-9 { // scores are centred
		t.Errorf("weighted PC1 centroids sum to %g, want 0", tot)
	}
}

func TestPCADegenerate(t *testing.T) {
	res, err := PCA(mat.NewDense(4, 3, []float64{1, 5, 2, 2, 5, 1, 3, 5, 7, 4, 5, 3}))
	if err != nil || len(res.Kept) != 2 || res.Note == "" {
		t.Errorf("constant column: kept %v note %q err %v", res.Kept, res.Note, err)
	}
	for _, X := range []*mat.Dense{nil, mat.NewDense(1, 2, []float64{1, 2}),
		mat.NewDense(3, 1, []float64{2, 2, 2}), mat.NewDense(2, 1, []float64{1, math.NaN()})} {
		if _, err := PCA(X); !errors.Is(err, ErrShape) {
			t.Errorf("PCA(%v) err = %v, want ErrShape", X, err)
		}
	}
}
