package model

import (
	"bufio"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// golden reads testdata/models_golden.csv (R 4.2.2 output of testdata/models_golden.R).
func modelsGolden(t testing.TB) map[string]float64 {
	t.Helper()
	f, err := os.Open("testdata/models_golden.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), ",")
		if !ok || name == "name" || strings.HasPrefix(name, "#") {
			continue
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			t.Fatalf("golden %s: %v", name, err)
		}
		m[name] = v
	}
	return m
}

// goldenVec returns name[1], name[2], ... from the golden map.
func modelsGoldenVec(t testing.TB, g map[string]float64, name string) []float64 {
	t.Helper()
	var v []float64
	for i := 1; ; i++ {
		x, ok := g[name+"["+strconv.Itoa(i)+"]"]
		if !ok {
			break
		}
		v = append(v, x)
	}
	if len(v) == 0 {
		t.Fatalf("golden %s missing", name)
	}
	return v
}

// near reports agreement within rel relative error, with an absolute floor of 1e-12.
func nearRel(got, want, rel float64) bool {
	return math.Abs(got-want) <= math.Max(rel*math.Abs(want), 1e-12)
}

func checkRel(t *testing.T, name string, got, want, rel float64) {
	t.Helper()
	if !nearRel(got, want, rel) {
		t.Errorf("%s = %.17g, want %.17g (rel err %.2g)", name, got, want, math.Abs(got-want)/math.Abs(want))
	}
}

// readLongley reads the NIST StRD Longley data: y, then x1..x6.
func readLongley(t *testing.T) (*mat.Dense, []float64) {
	t.Helper()
	b, err := os.ReadFile("testdata/longley.txt")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]float64
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		var r []float64
		for _, f := range strings.Fields(line) {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatal(err)
			}
			r = append(r, v)
		}
		rows = append(rows, r)
	}
	X := mat.NewDense(len(rows), 7, nil)
	y := make([]float64, len(rows))
	for i, r := range rows {
		y[i] = r[0]
		X.Set(i, 0, 1)
		for j := 1; j < 7; j++ {
			X.Set(i, j, r[j])
		}
	}
	return X, y
}

func TestOLSLongleyNIST(t *testing.T) {
	X, y := readLongley(t)
	res, err := OLS(X, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Certified values, NIST StRD Linear Least Squares Regression, Longley
	// (https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml).
	coef := []float64{-3482258.63459582, 15.0618722713733, -0.358191792925910e-01,
		-2.02022980381683, -1.03322686717359, -0.511041056535807e-01, 1829.15146461355}
	sd := []float64{890420.383607373, 84.9149257747669, 0.334910077722432e-01,
		0.488399681651699, 0.214274163161675, 0.226073200069370, 455.478499142212}
	const rel = 5e-10 // ≥ 9 significant digits
	worst := 0.0
	for j := range coef {
		checkRel(t, "coef "+res.Names[j], res.Coef[j], coef[j], rel)
		checkRel(t, "sd "+res.Names[j], res.SE[j], sd[j], rel)
		worst = math.Max(worst, math.Abs(res.Coef[j]-coef[j])/math.Abs(coef[j]))
		worst = math.Max(worst, math.Abs(res.SE[j]-sd[j])/math.Abs(sd[j]))
	}
	checkRel(t, "residual SD", res.SigmaHat, 304.854073561965, rel)
	checkRel(t, "R²", res.R2, 0.995479004577296, rel)
	t.Logf("Longley: worst relative error %.2g (%.1f significant digits)", worst, -math.Log10(worst))
}

func TestOLSDegenerate(t *testing.T) {
	tests := []struct {
		name string
		X    *mat.Dense
		y    []float64
	}{
		{"nil", nil, nil},
		{"n<p", mat.NewDense(2, 3, []float64{1, 2, 3, 1, 5, 6}), []float64{1, 2}},
		{"rows≠y", mat.NewDense(3, 1, []float64{1, 1, 1}), []float64{1, 2}},
		{"collinear", mat.NewDense(4, 3, []float64{1, 1, 2, 1, 2, 4, 1, 3, 6, 1, 4, 8}), []float64{1, 2, 3, 5}},
		{"constant column twice", mat.NewDense(4, 2, []float64{1, 1, 1, 1, 1, 1, 1, 1}), []float64{1, 2, 3, 5}},
		{"zero column", mat.NewDense(4, 2, []float64{1, 0, 1, 0, 1, 0, 1, 0}), []float64{1, 2, 3, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OLS(tc.X, tc.y, nil)
			if !errors.Is(err, ErrShape) {
				t.Errorf("err = %v, want ErrShape", err)
			}
		})
	}
	t.Run("NaN", func(t *testing.T) {
		X := mat.NewDense(4, 2, []float64{1, 1, 1, 2, 1, 3, 1, math.NaN()})
		res, err := OLS(X, []float64{1, 2, 3, 4}, nil)
		if err != nil || res.Note != NoteNonFinite || !math.IsNaN(res.Coef[0]) {
			t.Errorf("got %+v, %v; want NaN with Note %q", res, err, NoteNonFinite)
		}
	})
	t.Run("constant y", func(t *testing.T) {
		X := mat.NewDense(4, 2, []float64{1, 1, 1, 2, 1, 3, 1, 4})
		res, err := OLS(X, []float64{2, 2, 2, 2}, nil)
		if err != nil || res.Note == "" || !math.IsNaN(res.R2) {
			t.Errorf("got %+v, %v; want NaN R² with a Note", res, err)
		}
	})
}

// TestLeastSquaresLongley checks the streaming TSQR against the NIST certified values,
// fed row by row and as three shards merged in two different orders.
func TestLeastSquaresLongley(t *testing.T) {
	X, y := readLongley(t)
	n, p := X.Dims()
	coef := []float64{-3482258.63459582, 15.0618722713733, -0.358191792925910e-01,
		-2.02022980381683, -1.03322686717359, -0.511041056535807e-01, 1829.15146461355}
	sd := []float64{890420.383607373, 84.9149257747669, 0.334910077722432e-01,
		0.488399681651699, 0.214274163161675, 0.226073200069370, 455.478499142212}
	shard := func(lo, hi int) *LeastSquares {
		ls := NewLeastSquares(p)
		for i := lo; i < hi; i++ {
			ls.Add(mat.Row(nil, i, X), y[i])
		}
		return ls
	}
	a, b, c := shard(0, 5), shard(5, 11), shard(11, n)
	a.Merge(b)
	a.Merge(c)
	c2, b2, a2 := shard(11, n), shard(5, 11), shard(0, 5)
	c2.Merge(a2)
	c2.Merge(b2)
	for name, ls := range map[string]*LeastSquares{"one": shard(0, n), "a+b+c": a, "c+a+b": c2} {
		res, err := ls.Fit(nil, true)
		if err != nil {
			t.Fatal(err)
		}
		worst := 0.0
		for j := range coef {
			checkRel(t, name+" coef", res.Coef[j], coef[j], 5e-10)
			checkRel(t, name+" sd", res.SE[j], sd[j], 5e-10)
			worst = math.Max(worst, math.Abs(res.Coef[j]-coef[j])/math.Abs(coef[j]))
		}
		// NIST StRD Longley certified residual SD and R².
		checkRel(t, name+" residual SD", res.SigmaHat, 304.854073561965, 5e-10)
		checkRel(t, name+" R²", res.R2, 0.995479004577296, 5e-10)
		t.Logf("%s: worst coefficient relative error %.2g", name, worst)
	}
}

func TestLeastSquaresDegenerate(t *testing.T) {
	ls := NewLeastSquares(2)
	ls.Add([]float64{1, 1}, 1)
	if _, err := ls.Fit(nil, true); !errors.Is(err, ErrShape) {
		t.Errorf("n ≤ p: err = %v", err)
	}
	ls.Add([]float64{1, math.NaN()}, 2)
	ls.Add([]float64{1, 3}, 2)
	if res, err := ls.Fit(nil, true); err != nil || res.Note != NoteNonFinite {
		t.Errorf("NaN: %+v, %v", res, err)
	}
	col := NewLeastSquares(2)
	for i := 0; i < 5; i++ {
		col.Add([]float64{1, 1}, float64(i))
	}
	if _, err := col.Fit(nil, true); !errors.Is(err, ErrShape) {
		t.Errorf("collinear: err = %v", err)
	}
}
