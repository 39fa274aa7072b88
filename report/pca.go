package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// pcaChart draws the top outlets' centroids on PC1 and PC2, with their
// names in a column beside the map joined to the points by thin lines, so
// that names cannot overlap however close the points are.
func pcaChart(r *Report) chart {
	c := chart{Title: "PCA map of outlets", Caption: "Centroids of the largest outlets on the first two principal components of the articles' standardized dimension densities. Names stand in a column, joined to their points."}
	type pt struct {
		name string
		x, y float64
	}
	var pts []pt
	for _, o := range r.Top {
		if v, ok := r.PCA.Centroids[o]; ok {
			pts = append(pts, pt{o, v[0], v[1]})
		}
	}
	if len(pts) == 0 {
		c.Empty = "No PCA in this window. " + r.PCA.Note
		return c
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		lo, hi = math.Min(lo, math.Min(p.x, p.y)), math.Max(hi, math.Max(p.x, p.y))
	}
	pad := math.Max(0.1, (hi-lo)*0.08)
	lo, hi = lo-pad, hi+pad
	side := 360.0
	names := labelsOf(pts, func(p pt) string { return p.name })
	lw := labelWidth(names, labelMax)
	rowsH := rowHeight * float64(len(pts))
	h := math.Max(side+52, rowsH+16)
	left, top := 48.0, 8.0
	s := newSVG(left+side+40+lw, h, c.Title)
	xs := scale{lo, hi, left, left + side}
	ys := scale{lo, hi, top + side, top}
	for _, v := range ticks(lo, hi, 4) {
		s.line(xs.at(v), top, xs.at(v), top+side, "#eee", 1)
		s.line(left, ys.at(v), left+side, ys.at(v), "#eee", 1)
		s.text(left-6, ys.at(v)+4, "end", "tick", tick(v), 0)
	}
	s.xAxis(xs, top+side, ticks(lo, hi, 4), tick)
	s.line(xs.at(0), top, xs.at(0), top+side, "#bbb", 1)
	s.line(left, ys.at(0), left+side, ys.at(0), "#bbb", 1)
	s.text(left+side/2, top+side+32, "middle", "tick", fmt.Sprintf("PC1 (%.0f %% of variance); PC2 (%.0f %%) upwards", 100*r.PCA.Variance[0], 100*r.PCA.Variance[1]), 0)
	slices.SortStableFunc(pts, func(a, b pt) int { return cmp.Compare(b.y, a.y) })
	colX := left + side + 40
	for i, p := range pts {
		ly := top + rowHeight*(float64(i)+0.5)
		if rowsH < side {
			ly = top + side*(float64(i)+0.5)/float64(len(pts))
		}
		s.line(xs.at(p.x), ys.at(p.y), colX-4, ly, "#ccc", 0.8)
		s.dot(xs.at(p.x), ys.at(p.y), 3.5, "#0072B2", fmt.Sprintf("%s: PC1 %.2f, PC2 %.2f", p.name, p.x, p.y))
		s.text(colX, ly+4, "start", "label", p.name, labelMax)
	}
	c.SVG = s.String()
	return c
}

// loadingsChart draws each dimension's loadings on PC1 and PC2.
func loadingsChart(r *Report) chart {
	c := chart{Title: "What the components mean", Caption: "Loadings of each dimension on PC1 (blue) and PC2 (orange); the sign of each component makes its largest loading positive."}
	var dims []string
	for _, d := range r.Dimensions {
		if _, ok := r.PCA.Loadings[d]; ok {
			dims = append(dims, d)
		}
	}
	if len(dims) == 0 {
		c.Empty = "No PCA in this window. " + r.PCA.Note
		return c
	}
	lw := labelWidth(dims, 0)
	w := 260.0
	s := newSVG(lw+w+16, 8+2*rowHeight*float64(len(dims))+28, c.Title)
	sc := scale{-1, 1, lw, lw + w}
	h := 8 + 2*rowHeight*float64(len(dims))
	s.grid(sc, 8, h, ticks(-1, 1, 4))
	for i, d := range dims {
		y := 8 + 2*rowHeight*float64(i)
		s.text(lw-6, y+rowHeight+4, "end", "label", d, 0)
		for k, col := range []string{"#0072B2", "#E69F00"} {
			v := r.PCA.Loadings[d][k]
			x0, x1 := sc.at(math.Min(0, v)), sc.at(math.Max(0, v))
			s.rect(x0, y+4+float64(k)*(rowHeight-2), math.Max(1, x1-x0), rowHeight-4, col, fmt.Sprintf("%s on PC%d: %.2f", d, k+1, v))
		}
	}
	s.xAxis(sc, h, ticks(-1, 1, 4), tick)
	c.SVG = s.String()
	return c
}
