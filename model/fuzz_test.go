package model

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Property of every exported function of this package, on any input the generator makes
// (fuzzgen_test.go): it does not panic, and each statistic is finite, or NaN with a Note
// (functions that return a bare float64 are NaN only in the cases their doc comments
// name). Functions that return an error may return one wrapping ErrShape instead. Where a
// fast form exists (…Sorted, …FromMoments, SpearmanRanked) it must agree with the general
// one. One fuzz target per family; TestModelProperties runs each on pseudo-random bytes
// so that `go test` covers the class without -fuzz.

var families = []struct {
	name string
	fn   func(*testing.T, []byte)
}{
	{"groups", groupTests},
	{"describe", describeStats},
	{"correlation", correlations},
	{"regression", regressions},
	{"contingency", contingencies},
	{"pca", pcas},
}

func FuzzGroupTests(f *testing.F)  { fuzzFamily(f, groupTests) }
func FuzzDescribe(f *testing.F)    { fuzzFamily(f, describeStats) }
func FuzzCorrelation(f *testing.F) { fuzzFamily(f, correlations) }
func FuzzRegression(f *testing.F)  { fuzzFamily(f, regressions) }
func FuzzContingency(f *testing.F) { fuzzFamily(f, contingencies) }
func FuzzPCA(f *testing.F)         { fuzzFamily(f, pcas) }

func fuzzFamily(f *testing.F, fn func(*testing.T, []byte)) {
	for _, s := range propertySeeds() {
		f.Add(s)
	}
	f.Fuzz(fn)
}

// propertySeeds are byte strings that reach the classes named in fuzzgen_test.go.
func propertySeeds() [][]byte {
	return [][]byte{
		{},
		{3, 0, 0, 1, 3, 11, 21, 31, 3, 0, 0, 0, 10, 20, 30},  // small integer groups
		{3, 0, 0, 1, 3, 11, 21, 3, 0, 0, 2, 3, 11, 21},       // palindromes and constants
		{5, 12, 0, 2, 7, 200, 50, 4, 4, 4, 6, 16, 26, 36},    // huge scale, ties, ulps apart
		{4, 5, 5, 0, 7, 3, 50, 7, 3, 50, 7, 9, 10, 7, 3, 50}, // 1e15 offset, tiny spread
		{6, 11, 0, 0, 9, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8},       // 1e-300 scale, non-finite
		{8, 0, 0, 3, 3, 13, 23, 33, 1, 1, 1, 2, 2, 2, 1, 1},  // collinear columns
	}
}

// TestModelProperties runs every family on pseudo-random inputs (fixed seeds).
func TestModelProperties(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	for _, fam := range families {
		t.Run(fam.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(16, uint64(len(fam.name))))
			for _, s := range propertySeeds() {
				fam.fn(t, s)
			}
			for range n {
				data := make([]byte, r.IntN(160))
				for i := range data {
					data[i] = byte(r.Uint32())
				}
				fam.fn(t, data)
				if t.Failed() {
					t.Fatalf("input %v", data)
				}
			}
		})
	}
}

func sortedGroups(gs [][]float64) [][]float64 {
	out := make([][]float64, len(gs))
	for i, g := range gs {
		out[i] = slices.Sorted(slices.Values(g))
	}
	return out
}

// groupTests: ANOVA, Welch ANOVA, Kruskal–Wallis, Welch t, Mann–Whitney and their fast
// forms, and the effect sizes.
func groupTests(t *testing.T, data []byte) {
	g := &gen{data: data}
	groups := g.groups(5, 12)
	sorted := sortedGroups(groups)
	ms := groupMoments(groups)
	if g.intn(4) == 0 && len(ms) > 0 { // moments a caller got wrong
		ms[0] = Moments{N: g.value(2), Mean: g.value(0), M2: g.value(-1)}
	}
	checkStat(t, "OneWayANOVA", OneWayANOVA(groups))
	checkStat(t, "WelchANOVA", WelchANOVA(groups))
	checkStat(t, "OneWayANOVAFromMoments", OneWayANOVAFromMoments(ms))
	checkStat(t, "WelchANOVAFromMoments", WelchANOVAFromMoments(ms))
	kw, kws := KruskalWallis(groups), KruskalWallisSorted(sorted)
	checkStat(t, "KruskalWallis", kw)
	checkStat(t, "KruskalWallisSorted", kws)
	if finiteAll(groups...) && !sameStat(kw, kws) {
		t.Errorf("KruskalWallisSorted = %+v, KruskalWallis = %+v", kws, kw)
	}
	var a, b, sa, sb []float64
	if len(groups) > 1 {
		a, b, sa, sb = groups[0], groups[1], sorted[0], sorted[1]
	}
	tt := WelchT(a, b)
	checkStat(t, "WelchT", tt)
	if valuesNote(a, b) == "" && !sameStat(tt, WelchTFromMoments(MomentsOf(a), MomentsOf(b))) {
		t.Errorf("WelchTFromMoments differs from WelchT %+v", tt)
	}
	if len(ms) > 1 {
		checkStat(t, "WelchTFromMoments", WelchTFromMoments(ms[0], ms[1]))
	}
	mw, mws := MannWhitney(a, b), MannWhitneySorted(sa, sb)
	checkStat(t, "MannWhitney", mw)
	if !sameStat(mw, mws) {
		t.Errorf("MannWhitneySorted = %+v, MannWhitney = %+v", mws, mw)
	}
	hg := HedgesG(a, b)
	ma, mb := MomentsOf(a), MomentsOf(b)
	if math.IsInf(hg, 0) || math.IsNaN(hg) && valuesNote(a, b) == "" && len(a) > 1 && len(b) > 1 && !(ma.flat() && mb.flat()) {
		t.Errorf("HedgesG(%v, %v) = %v", a, b, hg)
	}
	if cd := CliffsDelta(a, b); math.IsNaN(cd) != (len(a) == 0 || len(b) == 0 || !finiteAll(a, b)) || math.Abs(cd) > 1 {
		t.Errorf("CliffsDelta(%v, %v) = %v", a, b, cd)
	}
	if b, w := g.value(1), g.value(2); !(Eta2(b, w) >= 0 && Eta2(b, w) <= 1) && b >= 0 && w > 0 && finiteAll([]float64{b, w}) {
		t.Errorf("Eta2(%v, %v) = %v", b, w, Eta2(b, w))
	}
	if e := Epsilon2(kw.H, kw.N); math.IsInf(e, 0) || math.IsNaN(e) && !math.IsNaN(kw.H) && kw.N > 1 {
		t.Errorf("Epsilon2(%v, %d) = %v", kw.H, kw.N, e)
	}
}

// describeStats: descriptives, quantiles, moments, ranks and the bootstrap.
func describeStats(t *testing.T, data []byte) {
	g := &gen{data: data}
	x := g.sample(30)
	s := slices.Sorted(slices.Values(x))
	d := Describe(x)
	checkStat(t, "Describe", d)
	if ds := DescribeSorted(s); !sameStat(d, ds) {
		t.Errorf("DescribeSorted = %+v, Describe = %+v", ds, d)
	}
	if d.Note == "" && !(d.Min <= d.Q25 && d.Q25 <= d.Median && d.Median <= d.Q75 && d.Q75 <= d.Max && d.SD >= 0) {
		t.Errorf("Describe(%v) = %+v: quantiles out of order", x, d)
	}
	p := float64(g.intn(11)) / 10
	if q := Quantile7(s, p); len(s) > 0 && finiteAll(s) && !(q >= s[0] && q <= s[len(s)-1]) {
		t.Errorf("Quantile7(%v, %v) = %v", s, p, q)
	}
	m := MomentsOf(x)
	var w Moments
	for _, v := range x {
		w.Add(v)
	}
	if valuesNote(x) == "" {
		if math.IsNaN(m.Mean) || math.IsNaN(m.M2) || m.M2 < 0 || math.IsInf(m.M2, 0) {
			t.Errorf("MomentsOf(%v) = %+v", x, m)
		}
		if v := m.Var(); math.IsInf(v, 0) || math.IsNaN(v) != (len(x) < 2) || math.IsNaN(m.SD()) != (len(x) < 2) {
			t.Errorf("Var of %+v = %v", m, v)
		}
		w.Merge(m)
		if w.N != 2*m.N || math.IsNaN(w.M2) || math.IsInf(w.M2, 0) {
			t.Errorf("Add and Merge of %v = %+v", x, w)
		}
	}
	for _, v := range x {
		f, ok := Finite(v)
		if ok && f != v || !ok && (f != 0 || finiteAll([]float64{v})) {
			t.Errorf("Finite(%v) = %v, %v", v, f, ok)
		}
	}
	level := []float64{0.95, 0.5, 0, 1, math.NaN(), 0.999999}[g.intn(6)]
	checkStat(t, "BootstrapMeanCI", BootstrapMeanCI(x, 1+g.intn(30), uint64(g.byte()), level))
	if finiteAll(x) {
		r, ties := Ranks(x)
		var sum float64
		for _, v := range r {
			sum += v
		}
		if n := float64(len(x)); sum != n*(n+1)/2 || ties < 0 || math.IsInf(ties, 0) {
			t.Errorf("Ranks(%v) = %v, %v", x, r, ties)
		}
	}
}

// correlations: Pearson and Spearman of a column and a near-linear function of it.
func correlations(t *testing.T, data []byte) {
	g := &gen{data: data}
	n := g.intn(20)
	x := g.column(n, nil)
	y := g.column(n, [][]float64{x})
	if g.intn(8) == 0 {
		y = y[:len(y)/2] // different lengths
	}
	p, s := Pearson(x, y), Spearman(x, y)
	checkStat(t, "Pearson", p)
	checkStat(t, "Spearman", s)
	for _, c := range []Corr{p, s} {
		if math.Abs(c.R) > 1 {
			t.Errorf("correlation of %v and %v = %+v", x, y, c)
		}
	}
	if finiteAll(x, y) {
		rx, _ := Ranks(x)
		ry, _ := Ranks(y)
		if sr := SpearmanRanked(rx, ry); !sameStat(sr, s) {
			t.Errorf("SpearmanRanked = %+v, Spearman = %+v", sr, s)
		}
	}
}

// regressions: OLS, LeastSquares (added row by row, in two shards merged), TrendSlope and
// OutletRegression on designs with intercepts, constants and near-collinear columns.
func regressions(t *testing.T, data []byte) {
	g := &gen{data: data}
	days, means := trendSeries(g)
	checkStat(t, "TrendSlope", TrendSlope(days, means))

	n, p := 1+g.intn(12), 1+g.intn(4)
	intercept := g.intn(2) == 0
	var cols [][]float64
	for j := range p {
		c := g.column(n, cols)
		if j == 0 && intercept {
			c = slices.Repeat([]float64{1}, n)
		}
		cols = append(cols, c)
	}
	y := g.column(n, cols)
	X := mat.NewDense(n, p, nil)
	for j, c := range cols {
		X.SetCol(j, c)
	}
	res, err := OLS(X, y, nil)
	checkFit(t, "OLS", res, err)

	a, b := NewLeastSquares(p), NewLeastSquares(p)
	for i := range n {
		acc := a
		if i%2 == 1 {
			acc = b
		}
		acc.Add(mat.Row(nil, i, X), y[i])
	}
	a.Merge(b)
	if a.N() != n {
		t.Errorf("LeastSquares.N = %d after %d rows", a.N(), n)
	}
	res, err = a.Fit(nil, intercept)
	checkFit(t, "LeastSquares", res, err)
	if t.Failed() {
		t.Logf("X=%v y=%v res=%+v", cols, y, res)
	}

	outlets := make([]string, n)
	for i := range outlets {
		outlets[i] = []string{"a", "b", "c"}[g.intn(3)]
	}
	res, err = OutletRegression(y, outlets, cols[p-1], cols[0], g.intn(2) == 0)
	checkFit(t, "OutletRegression", res, err)
}

// trendSeries returns days and daily means: consecutive days (or any sample of days) and
// a sample of means, often a palindrome such as x, y, x.
func trendSeries(g *gen) (days, means []float64) {
	means = g.sample(8)
	days = make([]float64, len(means))
	start := []float64{0, 20000, 1e9, -3}[g.intn(4)]
	for i := range days {
		days[i] = start + float64(i)
	}
	if g.intn(4) == 0 {
		days = g.column(len(means), nil)
	}
	return days, means
}

func checkFit(t *testing.T, name string, res OLSResult, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, ErrShape) {
			t.Errorf("%s: error %v does not wrap ErrShape", name, err)
		}
		return
	}
	checkStat(t, name, res)
	if len(res.Coef) != len(res.Names) || len(res.SE) != len(res.Names) {
		t.Errorf("%s: %d names, %d coefficients, %d SE", name, len(res.Names), len(res.Coef), len(res.SE))
	}
}

// contingencies: chi-square, keyness, p adjustment and profile distances.
func contingencies(t *testing.T, data []byte) {
	g := &gen{data: data}
	r, c := g.intn(5), 1+g.intn(4)
	table := make([][]float64, r)
	for i := range table {
		table[i] = g.sample(c)
		for j := range table[i] {
			table[i][j] = math.Abs(table[i][j])
		}
		for len(table[i]) < c && g.intn(8) != 0 {
			table[i] = append(table[i], 0)
		}
	}
	checkStat(t, "ChiSquare", ChiSquare(table))
	v := g.sample(4)
	for len(v) < 4 {
		v = append(v, g.value(1))
	}
	if g.intn(2) == 0 { // counts within their totals, the usual shape
		v = []float64{math.Abs(v[0]), math.Abs(v[1]), math.Abs(v[0]) + math.Abs(v[2]), math.Abs(v[1]) + math.Abs(v[3])}
	}
	checkStat(t, "Keyness", Keyness(v[0], v[1], v[2], v[3]))

	ps := g.sample(10)
	for i := range ps {
		if g.intn(2) == 0 {
			ps[i] = math.Mod(math.Abs(ps[i]), 1)
		}
	}
	for name, adj := range map[string][]float64{"AdjustHolm": AdjustHolm(ps), "AdjustBH": AdjustBH(ps)} {
		for i, q := range adj {
			in := ps[i] >= 0 && ps[i] <= 1
			if math.IsNaN(q) == in || in && !(q >= ps[i] && q <= 1) {
				t.Errorf("%s(%v)[%d] = %v", name, ps, i, q)
			}
		}
	}
	a, b := g.sample(6), g.sample(6)
	valid := len(a) == len(b) && finiteAll(a, b)
	if js := JensenShannon(a, b); !math.IsNaN(js) && !(js >= 0 && js <= 1) || math.IsNaN(js) && valid && nonNegative(a) && nonNegative(b) && sum(a) > 0 && sum(b) > 0 {
		t.Errorf("JensenShannon(%v, %v) = %v", a, b, js)
	}
	if cs := Cosine(a, b); !math.IsNaN(cs) && math.Abs(cs) > 1 || math.IsNaN(cs) && valid && anyNonZero(a) && anyNonZero(b) {
		t.Errorf("Cosine(%v, %v) = %v", a, b, cs)
	}
}

func nonNegative(x []float64) bool {
	return !slices.ContainsFunc(x, func(v float64) bool { return v < 0 })
}
func anyNonZero(x []float64) bool {
	return slices.ContainsFunc(x, func(v float64) bool { return v != 0 })
}
func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

// pcas: PCA, its summary from columns and the centroids.
func pcas(t *testing.T, data []byte) {
	g := &gen{data: data}
	n, k := 1+g.intn(10), 1+g.intn(4)
	var cols [][]float64
	for range k {
		cols = append(cols, g.column(n, cols))
	}
	groups := make([]string, n)
	for i := range groups {
		groups[i] = []string{"a", "b", "c"}[g.intn(3)]
	}
	s := PCAColumns(cols, groups)
	allow := []string{}
	if len(s.Explained) < 2 {
		allow = append(allow, ".PC2")
	}
	checkStat(t, "PCAColumns", s, allow...)
	X := mat.NewDense(n, k, nil)
	for j, c := range cols {
		X.SetCol(j, c)
	}
	res, err := PCA(X)
	if err != nil {
		if !errors.Is(err, ErrShape) {
			t.Errorf("PCA: error %v does not wrap ErrShape", err)
		}
		return
	}
	checkStat(t, "PCA", res)
	for name, m := range map[string]*mat.Dense{"Loadings": res.Loadings, "Scores": res.Scores} {
		checkStat(t, "PCA."+name, mat.DenseCopyOf(m).RawMatrix().Data)
	}
	_, comps := res.Scores.Dims()
	if comps < 2 {
		allow = append(allow, ".PC2")
	}
	checkStat(t, "Centroids", Centroids(res.Scores, groups), allow...)
}
