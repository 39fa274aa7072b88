package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The fast paths (sorted inputs, moments, ranks computed once, grouped least squares,
// PCA from the correlation matrix) must give what the general functions give. The
// general functions are checked against R in the golden tests; here the fast ones are
// checked against R on the same data and against the general ones on random data with
// heavy ties.

func sortedCopy(x []float64) []float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s
}

// tiedSample returns n per_1k-like values, about half zeros, rounded to 0.1.
func tiedSample(r *rand.Rand, n int, shift float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		if r.Float64() < 0.5 {
			x[i] = math.Round((r.ExpFloat64()*3+shift)*10) / 10
		}
	}
	return x
}

func TestSortedGoldenR(t *testing.T) {
	g := readGolden(t)
	groups := map[string][]float64{"g1": gold1, "g2": gold2, "g3": gold3}
	for _, pr := range [][2]string{{"g1", "g2"}, {"g2", "g3"}, {"g1", "g3"}} {
		x, y, key := groups[pr[0]], groups[pr[1]], pr[0]+pr[1]
		mw := MannWhitneySorted(sortedCopy(x), sortedCopy(y))
		// R 4.2.2 wilcox.test(exact = FALSE, correct = TRUE), testdata/tests_golden.R.
		for name, got := range map[string]float64{".w": mw.U, ".wp": mw.P, ".delta": mw.CliffsDelta} {
			if !nearR(g[key+name], got) {
				t.Errorf("MannWhitneySorted %s%s = %.17g, want %.17g", key, name, got, g[key+name])
			}
		}
		tt := WelchTFromMoments(MomentsOf(x), MomentsOf(y))
		for name, got := range map[string]float64{".t": tt.T, ".df": tt.DF, ".p": tt.P, ".g": tt.HedgesG} {
			if !nearR(g[key+name], got) {
				t.Errorf("WelchTFromMoments %s%s = %.17g, want %.17g", key, name, got, g[key+name])
			}
		}
	}
	k := KruskalWallisSorted([][]float64{sortedCopy(gold1), sortedCopy(gold2), sortedCopy(gold3)})
	for name, got := range map[string]float64{"kw.h": k.H, "kw.df": k.DF, "kw.p": k.P, "kw.eps2": k.Epsilon2} {
		if !nearR(g[name], got) { // R 4.2.2 kruskal.test
			t.Errorf("KruskalWallisSorted %s = %.17g, want %.17g", name, got, g[name])
		}
	}
	for nm, x := range groups {
		d := DescribeSorted(sortedCopy(x))
		for name, got := range map[string]float64{".mean": d.Mean, ".sd": d.SD, ".cilow": d.CILow, ".q3": d.Q25, ".q4": d.Median} {
			if !nearR(g[nm+name], got) {
				t.Errorf("DescribeSorted %s%s = %.17g, want %.17g", nm, name, got, g[nm+name])
			}
		}
	}
}

func TestSortedMatchesGeneral(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		na, nb := 1+r.IntN(300), 1+r.IntN(300)
		a, b := tiedSample(r, na, 0), tiedSample(r, nb, float64(trial%3)/2)
		if trial%17 == 0 {
			b = make([]float64, nb) // all zeros: all tied when a is too
		}
		sa, sb := sortedCopy(a), sortedCopy(b)
		if got, want := MannWhitneySorted(sa, sb), MannWhitney(a, b); !sameMW(got, want) {
			t.Fatalf("trial %d: MannWhitneySorted %+v, MannWhitney %+v", trial, got, want)
		}
		if got, want := WelchTFromMoments(MomentsOf(a), MomentsOf(b)), WelchT(a, b); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("trial %d: WelchTFromMoments %+v, WelchT %+v", trial, got, want)
		}
		c := tiedSample(r, 1+r.IntN(50), 1)
		gs := [][]float64{a, nil, b, c}
		ss := [][]float64{sa, nil, sb, sortedCopy(c)}
		if got, want := KruskalWallisSorted(ss), KruskalWallis(gs); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("trial %d: KruskalWallisSorted %+v, KruskalWallis %+v", trial, got, want)
		}
		got, want := DescribeSorted(sa), Describe(a)
		for _, f := range [][2]float64{{got.Mean, want.Mean}, {got.SD, want.SD}, {got.CIHigh, want.CIHigh},
			{got.Q25, want.Q25}, {got.Median, want.Median}, {got.Q75, want.Q75}} {
			if !(f[0] == f[1] || math.IsNaN(f[0]) && math.IsNaN(f[1]) || math.Abs(f[0]-f[1]) <= 1e-12*math.Abs(f[1])) {
				t.Fatalf("trial %d: DescribeSorted %+v, Describe %+v", trial, got, want)
			}
		}
		if na >= 3 && na == nb {
			rx, _ := Ranks(a)
			ry, _ := Ranks(b)
			if got, want := SpearmanRanked(rx, ry), Spearman(a, b); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("trial %d: SpearmanRanked %+v, Spearman %+v", trial, got, want)
			}
		}
	}
}

func sameMW(a, b MW) bool {
	same := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return same(a.U, b.U) && same(a.Z, b.Z) && same(a.P, b.P) && same(a.CliffsDelta, b.CliffsDelta) &&
		a.NA == b.NA && a.NB == b.NB && a.Note == b.Note
}

func TestSortedFallbacks(t *testing.T) {
	unsorted, b := []float64{3, 1, 2}, []float64{1, 2, 5}
	if got, want := MannWhitneySorted(unsorted, b), MannWhitney(unsorted, b); !sameMW(got, want) {
		t.Errorf("unsorted: %+v, want %+v", got, want)
	}
	if got := MannWhitneySorted([]float64{math.NaN(), 1}, b); got.Note != NoteNonFinite {
		t.Errorf("NaN: note %q", got.Note)
	}
	if got := MannWhitneySorted(nil, b); got.Note != NoteEmpty {
		t.Errorf("empty: note %q", got.Note)
	}
	if got, want := KruskalWallisSorted([][]float64{unsorted, b}), KruskalWallis([][]float64{unsorted, b}); got != want {
		t.Errorf("unsorted: %+v, want %+v", got, want)
	}
	if got := KruskalWallisSorted([][]float64{{1, 2}}); got.Note != NoteOneGroup {
		t.Errorf("one group: note %q", got.Note)
	}
	if got := DescribeSorted(unsorted); got.Median != 2 {
		t.Errorf("unsorted: median %g, want 2", got.Median)
	}
	if got := WelchTFromMoments(Moments{N: math.NaN()}, MomentsOf(b)); got.Note != NoteNonFinite {
		t.Errorf("NaN moments: note %q", got.Note)
	}
}

func TestPCAColumnsGolden(t *testing.T) {
	g := modelsGolden(t)
	cols := [][]float64{gY, logsOf(gTokens), gDays, gZ}
	s := PCAColumns(cols, gOutlet)
	if s.Note != "" || len(s.Kept) != 4 {
		t.Fatalf("kept %v note %q", s.Kept, s.Note)
	}
	// R 4.2.2 prcomp(cbind(y, log(tokens), days, z), scale. = TRUE): sdev^2 / 4 and
	// abs(rotation) in column-major order.
	for i, w := range modelsGoldenVec(t, g, "pca.var") {
		checkRel(t, "explained", s.Explained[i], w/4, 1e-8)
	}
	rot := modelsGoldenVec(t, g, "pca.rot")
	for c := range 4 {
		for r := range 4 {
			checkRel(t, "|loading|", math.Abs(s.Loadings[r][c]), rot[c*4+r], 1e-8)
		}
	}
	// The centroids equal those of the SVD path's scores.
	X := mat.NewDense(len(gY), 4, nil)
	for j, c := range cols {
		X.SetCol(j, c)
	}
	res, err := PCA(X)
	if err != nil {
		t.Fatal(err)
	}
	want := Centroids(res.Scores, gOutlet)
	for i, c := range s.Centroids {
		if c.Group != want[i].Group || c.N != want[i].N ||
			math.Abs(c.PC1-want[i].PC1) > 1e-10 || math.Abs(c.PC2-want[i].PC2) > 1e-10 {
			t.Errorf("centroid %d = %+v, want %+v", i, c, want[i])
		}
	}
}

func TestPCAColumnsDegenerate(t *testing.T) {
	for _, tc := range []struct {
		name string
		cols [][]float64
	}{
		{"empty", nil},
		{"one row", [][]float64{{1}, {2}}},
		{"all constant", [][]float64{{2, 2, 2}, {0, 0, 0}}},
		{"NaN", [][]float64{{1, math.NaN(), 3}, {1, 2, 3}}},
	} {
		groups := make([]string, 0)
		if len(tc.cols) > 0 {
			groups = make([]string, len(tc.cols[0]))
		}
		if s := PCAColumns(tc.cols, groups); len(s.Explained) != 0 || s.Note == "" {
			t.Errorf("%s: explained %v note %q", tc.name, s.Explained, s.Note)
		}
	}
	s := PCAColumns([][]float64{{1, 2, 3, 4}, {5, 5, 5, 5}}, []string{"a", "a", "b", "b"})
	if len(s.Kept) != 1 || s.Note == "" || len(s.Centroids) != 2 || !math.IsNaN(s.Centroids[0].PC2) {
		t.Errorf("constant column: %+v", s)
	}
}

// TestGroupedLeastSquares checks the grouped reduction in OutletRegression against
// the same design added row by row.
func TestGroupedLeastSquares(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	n, k := 5000, 12
	y, lt, days := make([]float64, n), make([]float64, n), make([]float64, n)
	outlet := make([]string, n)
	for i := range n {
		o := r.IntN(k) * r.IntN(2) // unequal sizes
		outlet[i] = fmt.Sprintf("o%02d", o)
		lt[i] = math.Log(100 + r.ExpFloat64()*600)
		days[i] = float64(r.IntN(30))
		y[i] = math.Round((float64(o)*0.1+0.3*lt[i]+0.01*days[i]+r.NormFloat64())*100) / 100
	}
	got, err := OutletRegression(y, outlet, lt, days, true)
	if err != nil {
		t.Fatal(err)
	}
	ref, others := referenceOutlet(outlet)
	p := len(others) + 3
	ls := NewLeastSquares(p)
	col := map[string]int{}
	for i, o := range others {
		col[o] = i + 1
	}
	for i := range n {
		row := make([]float64, p)
		row[0], row[p-2], row[p-1] = 1, lt[i], days[i]
		if outlet[i] != ref {
			row[col[outlet[i]]] = 1
		}
		ls.Add(row, y[i])
	}
	want, err := ls.Fit(got.Names, true)
	if err != nil {
		t.Fatal(err)
	}
	for j := range want.Coef {
		checkRel(t, "coef "+want.Names[j], got.Coef[j], want.Coef[j], 1e-9)
		checkRel(t, "se "+want.Names[j], got.SE[j], want.SE[j], 1e-9)
	}
	checkRel(t, "R²", got.R2, want.R2, 1e-9)
	checkRel(t, "F", got.F, want.F, 1e-9)
}
