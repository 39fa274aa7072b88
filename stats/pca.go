package stats

import (
	"fmt"

	"framing/model"
	"framing/output"
)

// pcaRows runs a PCA of the articles' standardized densities of the
// dimensions pd keeps from the window's sums of products and writes
// explained variance, loadings (named by dimension) and the eligible
// outlets' centroids on PC1 and PC2.
func (s *tableRows) pcaRows(wd *windowData, dims []dimSummary, cs *crossSums, pd pairDims) {
	n, k := wd.n(), len(pd.keep)
	base := output.PCARow{}
	names := make([]string, k)
	for a, d := range pd.keep {
		names[a] = wd.dims[d]
	}
	if k == 0 || n == 0 {
		r := base
		r.Kind, r.Note = "variance", note(model.NoteEmpty, pd.note)
		s.pca = append(s.pca, r)
		return
	}
	cp := model.CrossProducts{N: n, Means: make([]float64, k), SDs: make([]float64, k), Cross: make([][]float64, k), Names: names}
	for a, d := range pd.keep {
		if !dims[d].finite {
			r := base
			r.Kind, r.Note = "variance", note(fmt.Errorf("pca: %s: %s: %w", wd.dims[d], model.NoteNonFinite, model.ErrShape).Error(), pd.note)
			s.pca = append(s.pca, r)
			return
		}
		cp.Means[a], cp.SDs[a] = dims[d].moments.Mean, dims[d].moments.SD()
	}
	for a := range k {
		cp.Cross[a] = make([]float64, k)
		for b := a; b < k; b++ {
			cp.Cross[a][b] = centred(cs.values[cs.at(a, b)], n, cp.Means[a], cp.Means[b])
		}
	}
	groups := make([]string, len(wd.sel.eligible))
	means := make([][]float64, len(wd.sel.eligible)) // [outlet][dim]
	counts := make([]int, len(wd.sel.eligible))
	for e, o := range wd.sel.eligible {
		groups[e], counts[e] = wd.outlets[o], wd.totals.articles[o]
		means[e] = make([]float64, k)
		for a, d := range pd.keep {
			means[e][a] = dims[d].eligibleMeans[e]
		}
	}
	res := model.PCAFromCross(cp, groups, means, counts)
	if len(res.Explained) == 0 {
		r := base
		r.Kind, r.Note = "variance", note(res.Note, pd.note)
		s.pca = append(s.pca, r)
		return
	}
	for c, v := range res.Explained {
		r := base
		r.Kind, r.Component, r.Value, r.Note = "variance", int64(c+1), output.NullFloat(v), note(res.Note, pd.note)
		s.pca = append(s.pca, r)
	}
	for c := range res.Explained {
		for j, col := range res.Kept {
			r := base
			name := names[col]
			r.Kind, r.Component, r.Dimension, r.Value = "loading", int64(c+1), &name, output.NullFloat(res.Loadings[j][c])
			s.pca = append(s.pca, r)
		}
	}
	extra := wd.sel.smallNote()
	for _, cen := range res.Centroids {
		for c, v := range []float64{cen.PC1, cen.PC2}[:min(2, len(res.Explained))] {
			r := base
			name := cen.Group
			r.Kind, r.Component, r.Outlet, r.Value, r.Note = "centroid", int64(c+1), &name, output.NullFloat(v), note(extra)
			s.pca = append(s.pca, r)
		}
	}
}
