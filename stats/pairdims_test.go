package stats

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestPairDimensionCap checks the bound on the tables that relate pairs of
// dimensions: with eight dimensions and MaxPairDimensions 3, correlations
// are the three pairs of the three dimensions with the highest mean per_1k,
// in lexicon order, with the same values as without the cap and a note;
// PCA loads on those three only; every other table keeps all eight.
func TestPairDimensionCap(t *testing.T) {
	const dims = 8
	spec := syntheticSpec(linearSizes(400, 5), dims, 11)
	opt := testOptions(2)
	wd := spec.build(t, opt)
	means := make([]float64, dims)
	for d := range dims {
		col, err := wd.column(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range col {
			means[d] += v / float64(len(col))
		}
	}
	order := []int{0, 1, 2, 3, 4, 5, 6, 7}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(means[b], means[a]) })
	top := slices.Clone(order[:3])
	slices.Sort(top)
	var wantPairs []string
	for i, a := range top {
		for _, b := range top[i+1:] {
			wantPairs = append(wantPairs, wd.dims[a]+"/"+wd.dims[b])
		}
	}

	all := computeAll(t, wd, opt)
	capped := opt
	capped.MaxPairDimensions = 3
	got := computeAll(t, spec.build(t, capped), capped)

	uncapped := map[string]float64{}
	for _, r := range all.corr {
		uncapped[r.DimensionA+"/"+r.DimensionB] = *r.PearsonR
	}
	var pairs []string
	for _, r := range got.corr {
		p := r.DimensionA + "/" + r.DimensionB
		pairs = append(pairs, p)
		if *r.PearsonR != uncapped[p] {
			t.Errorf("%s: r %v capped, %v without the cap", p, *r.PearsonR, uncapped[p])
		}
		if r.Note == nil || !strings.Contains(*r.Note, "the 3 of 8 dimensions with the highest mean per_1k") {
			t.Errorf("%s: note %v", p, r.Note)
		}
	}
	if !gocmp.Equal(pairs, wantPairs) {
		t.Errorf("correlation pairs %v, want %v (means %v)", pairs, wantPairs, means)
	}
	var loaded []string
	for _, r := range got.pca {
		if r.Kind == "loading" && r.Component == 1 {
			loaded = append(loaded, *r.Dimension)
		}
	}
	if want := []string{wd.dims[top[0]], wd.dims[top[1]], wd.dims[top[2]]}; !gocmp.Equal(loaded, want) {
		t.Errorf("PCA loads on %v, want %v", loaded, want)
	}
	if len(got.stats) != len(all.stats) || len(got.pairs) != len(all.pairs) || len(got.trends) != len(all.trends) {
		t.Errorf("rows of the other tables: %d/%d/%d capped, %d/%d/%d without the cap",
			len(got.stats), len(got.pairs), len(got.trends), len(all.stats), len(all.pairs), len(all.trends))
	}
}
