package stats

import (
	"framing/model"
	"framing/output"
)

// pcaRows runs a PCA of the articles' standardized dimension densities and
// writes explained variance, loadings and outlet centroids on PC1 and PC2.
func (s *tableRows) pcaRows(wd *windowData) {
	base := output.PCARow{WindowStart: wd.window.From, WindowEnd: wd.window.To}
	groups := make([]string, len(wd.outlet))
	for i, o := range wd.outlet {
		groups[i] = wd.outlets[o]
	}
	res := model.PCAColumns(wd.per1k, groups)
	if len(res.Explained) == 0 {
		r := base
		r.Kind, r.Note = "variance", note(res.Note)
		s.pca = append(s.pca, r)
		return
	}
	for c, v := range res.Explained {
		r := base
		r.Kind, r.Component, r.Value, r.Note = "variance", int64(c+1), output.NullFloat(v), note(res.Note)
		s.pca = append(s.pca, r)
	}
	for c := range res.Explained {
		for j, col := range res.Kept {
			r := base
			name := wd.dims[col]
			r.Kind, r.Component, r.Dimension, r.Value = "loading", int64(c+1), &name, output.NullFloat(res.Loadings[j][c])
			s.pca = append(s.pca, r)
		}
	}
	for _, cen := range res.Centroids {
		for c, v := range []float64{cen.PC1, cen.PC2}[:min(2, len(res.Explained))] {
			r := base
			name := cen.Group
			r.Kind, r.Component, r.Outlet, r.Value = "centroid", int64(c+1), &name, output.NullFloat(v)
			s.pca = append(s.pca, r)
		}
	}
}
