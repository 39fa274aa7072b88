package report

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// chart is one drawn chart with its caption; an empty SVG means the
// window has no data for it, and Empty says why instead.
type chart struct {
	Title, Caption string
	SVG            string
	Empty          string
}

// heatMap draws outlets × dimensions, each cell the outlet's mean per_1k,
// coloured relative to the dimension's highest mean among the outlets shown.
func heatMap(r *Report) chart {
	c := chart{Title: "Frames by outlet", Caption: "Mean hits per 1,000 tokens of each dimension, for the largest outlets of the window (articles in brackets). Colour is relative to the highest value of each column, so that dimensions with different base rates can be compared."}
	if len(r.Top) == 0 || len(r.Dimensions) == 0 {
		c.Empty = "No outlet statistics in this window."
		return c
	}
	labels := outletLabels(r)
	lw := labelWidth(labels, labelMax+8)
	cw := math.Max(70, labelWidth(r.Dimensions, 0)+4)
	top := 28.0
	s := newSVG(lw+cw*float64(len(r.Dimensions))+4, top+rowHeight*float64(len(r.Top))+4, c.Title)
	for j, d := range r.Dimensions {
		s.text(lw+cw*(float64(j)+0.5), top-10, "middle", "label", d, 0)
	}
	for j, d := range r.Dimensions {
		hi := 0.0
		for _, o := range r.Top {
			if m := r.Stats[[2]string{o, d}].Mean; m != nil {
				hi = math.Max(hi, *m)
			}
		}
		for i, o := range r.Top {
			m := r.Stats[[2]string{o, d}].Mean
			if m == nil {
				continue
			}
			x, y := lw+cw*float64(j), top+rowHeight*float64(i)
			fill := blues(0.1 + 0.85*safeDiv(*m, hi))
			s.rect(x+1, y+1, cw-2, rowHeight-2, fill, fmt.Sprintf("%s, %s: %.2f per 1,000 tokens", o, d, *m))
			s.text(x+cw/2, y+rowHeight-5, "middle", "cell "+ink(fill), num(*m), 0)
		}
	}
	for i, l := range labels {
		s.text(lw-6, top+rowHeight*float64(i)+rowHeight-5, "end", "label", l, labelMax+8)
	}
	c.SVG = s.String()
	return c
}

// outletLabels are the top outlets with their article counts, cut to
// labelMax characters before the count so that the count always shows.
func outletLabels(r *Report) []string {
	n := map[string]int64{}
	for _, o := range r.Outlets {
		n[o.Label] = o.N
	}
	ls := make([]string, len(r.Top))
	for i, o := range r.Top {
		ls[i] = fmt.Sprintf("%s (%d)", cut(o, labelMax), n[o])
	}
	return ls
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// intervals draws, for one dimension, the top outlets ranked by their mean
// per_1k with the percentile-bootstrap 95 % interval. The axis ends at
// twice the largest mean (or the largest upper end, when smaller); a longer
// interval ends in an arrow.
func intervals(r *Report, dim string) chart {
	c := chart{Title: dim}
	type row struct {
		label    string
		mean     float64
		lo, hi   float64
		interval bool
	}
	labels := outletLabels(r)
	var rows []row
	maxMean, maxHi := 0.0, 0.0
	for i, o := range r.Top {
		st := r.Stats[[2]string{o, dim}]
		if st.Mean == nil {
			continue
		}
		x := row{label: labels[i], mean: *st.Mean}
		if st.BootLow != nil && st.BootHigh != nil {
			x.lo, x.hi, x.interval = math.Max(0, *st.BootLow), *st.BootHigh, true
			maxHi = math.Max(maxHi, x.hi)
		}
		maxMean = math.Max(maxMean, x.mean)
		rows = append(rows, x)
	}
	if len(rows) == 0 {
		c.Empty = "No outlet has articles with this dimension in the window."
		return c
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].mean > rows[j].mean })
	cap := math.Min(math.Max(maxHi, maxMean), 2*maxMean)
	if cap <= 0 {
		cap = 1
	}
	lw := labelWidth(labelsOf(rows, func(x row) string { return x.label }), labelMax+8)
	plotW := 300.0
	top := 8.0
	h := top + rowHeight*float64(len(rows))
	s := newSVG(lw+plotW+16, h+28, "Outlets ranked on "+dim)
	sc := scale{0, cap, lw, lw + plotW}
	ts := ticks(0, cap, 4)
	s.grid(sc, top, h, ts)
	clipped := 0
	for i, x := range rows {
		y := top + rowHeight*(float64(i)+0.5)
		s.text(lw-6, y+4, "end", "label", x.label, labelMax+8)
		if x.interval {
			hi := math.Min(x.hi, cap)
			s.line(sc.at(x.lo), y, sc.at(hi), y, "#0072B2", 2)
			if x.hi > cap {
				s.arrow(sc.at(cap), y, 1, "#0072B2")
				clipped++
			}
		}
		tip := fmt.Sprintf("%s: mean %.2f", x.label, x.mean)
		if x.interval {
			tip += fmt.Sprintf(", 95 %% interval %.2f to %.2f", x.lo, x.hi)
		} else {
			tip += " (one article: no interval)"
		}
		s.dot(sc.at(math.Min(x.mean, cap)), y, 3.5, "#0072B2", tip)
	}
	s.xAxis(sc, h, ts, tick)
	c.SVG = s.String()
	c.Caption = "Mean hits per 1,000 tokens and percentile-bootstrap 95 % interval; an outlet with one article has none."
	if clipped > 0 {
		c.Caption += fmt.Sprintf(" The axis stops at %s: %d interval(s) reaching beyond it end in an arrow.", num(cap), clipped)
	}
	return c
}

func labelsOf[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// trendChart draws one dimension's mean per_1k by publication date, one
// line per large outlet and one for all others; the legend is the page's.
func trendChart(r *Report, dim string) chart {
	c := chart{Title: dim}
	t := r.Trends
	if len(t.Days) == 0 {
		c.Empty = "No article of the window has a publication date."
		return c
	}
	hi := 0.0
	for _, l := range t.Lines {
		for _, v := range t.Mean[dim][l] {
			if !math.IsNaN(v) {
				hi = math.Max(hi, v)
			}
		}
	}
	if hi == 0 {
		hi = 1
	}
	left, w, h, top := 44.0, 420.0, 170.0, 8.0
	s := newSVG(left+w+20, top+h+30, "Trend of "+dim+" by publication date")
	xs := scale{0, float64(max(1, len(t.Days)-1)), left, left + w}
	ys := scale{0, hi * 1.05, top + h, top}
	for _, v := range ticks(0, hi*1.05, 4) {
		y := ys.at(v)
		s.line(left, y, left+w, y, "#eee", 1)
		s.text(left-6, y+4, "end", "tick", tick(v), 0)
	}
	step := max(1, (len(t.Days)+4)/5)
	for i := 0; i < len(t.Days); i += step {
		x := xs.at(float64(i))
		s.line(x, top+h, x, top+h+4, "#999", 1)
		s.text(x, top+h+17, "middle", "tick", t.Days[i].Time().Format("Jan 2"), 0)
	}
	s.line(left, top+h, left+w, top+h, "#999", 1)
	for li, l := range t.Lines {
		col := palette(li)
		if l == othersLine {
			col = "#888"
		}
		var seg [][2]float64
		for i, v := range t.Mean[dim][l] {
			if math.IsNaN(v) {
				s.polyline(seg, col)
				seg = nil
				continue
			}
			p := [2]float64{xs.at(float64(i)), ys.at(v)}
			seg = append(seg, p)
			s.dot(p[0], p[1], 2.2, col, fmt.Sprintf("%s, %s of %s: %.2f", l, bucketName(t.Weekly), t.Days[i].Time().Format(time.DateOnly), v))
		}
		s.polyline(seg, col)
	}
	c.SVG = s.String()
	return c
}

func bucketName(weekly bool) string {
	if weekly {
		return "week"
	}
	return "day"
}

// keynessChart draws one outlet's most over-used lexicon entries by log
// ratio against all other outlets, with G² in the tooltip.
func keynessChart(outlet string, ks []keynessRow) chart {
	c := chart{Title: outlet}
	labels := labelsOf(ks, func(k keynessRow) string { return k.Entry + " (" + k.Dimension + ")" })
	lw := labelWidth(labels, 28)
	w := 170.0
	hi := 0.0
	for _, k := range ks {
		hi = math.Max(hi, *k.LogRatio)
	}
	s := newSVG(lw+w+50, 8+rowHeight*float64(len(ks))+4, "Over-used entries of "+outlet)
	sc := scale{0, hi, lw, lw + w}
	for i, k := range ks {
		y := 8 + rowHeight*float64(i)
		s.text(lw-6, y+rowHeight-5, "end", "label", labels[i], 28)
		s.rect(lw, y+2, math.Max(1, sc.at(*k.LogRatio)-lw), rowHeight-4, "#E69F00",
			fmt.Sprintf("%s: log ratio %.2f, G² %.1f, %d hits", k.Entry, *k.LogRatio, *k.G2, k.Count))
		s.text(sc.at(*k.LogRatio)+4, y+rowHeight-5, "start", "tick", fmt.Sprintf("%.1f", *k.LogRatio), 0)
	}
	c.SVG = s.String()
	return c
}

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
	slices.SortStableFunc(pts, func(a, b pt) int { return -cmpF(a.y, b.y) })
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

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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

// stanceChart draws mean stance by outlet and actor, from −1 (red) to 1
// (blue), over the articles with tone; a blank cell has none.
func stanceChart(r *Report) chart {
	c := chart{Title: "Stance by actor and outlet", Caption: "Mean stance toward each actor (−1 negative, red, to +1 positive, blue) over the outlet's articles that mention the actor with tone; the number of such articles is in each cell's tooltip. A blank cell: no article with tone."}
	if len(r.Actors) == 0 || len(r.Stance) == 0 {
		c.Empty = "No article of the window mentions an actor with tone."
		return c
	}
	labels := outletLabels(r)
	lw := labelWidth(labels, labelMax+8)
	cw := math.Max(70, labelWidth(r.Actors, 18)+4)
	top := 28.0
	s := newSVG(lw+cw*float64(len(r.Actors))+4, top+rowHeight*float64(len(r.Top))+4, c.Title)
	for j, a := range r.Actors {
		s.text(lw+cw*(float64(j)+0.5), top-10, "middle", "label", a, 18)
	}
	for i, o := range r.Top {
		y := top + rowHeight*float64(i)
		s.text(lw-6, y+rowHeight-5, "end", "label", labels[i], labelMax+8)
		for j, a := range r.Actors {
			m, ok := r.Stance[[2]string{o, a}]
			if !ok {
				continue
			}
			x := lw + cw*float64(j)
			fill := diverging(m.Mean)
			s.rect(x+1, y+1, cw-2, rowHeight-2, fill, fmt.Sprintf("%s on %s: %+.2f over %d article(s)", o, a, m.Mean, m.N))
			s.text(x+cw/2, y+rowHeight-5, "middle", "cell "+ink(fill), fmt.Sprintf("%+.2f", m.Mean), 0)
		}
	}
	c.SVG = s.String()
	return c
}

// pairsChart draws the strongest significant differences between outlets
// with their Welch 95 % intervals; the axis is symmetric around zero and
// ends at twice the largest difference, beyond which intervals end in arrows.
func pairsChart(r *Report) chart {
	c := chart{Title: "Outlets that differ most"}
	if len(r.Pairs) == 0 {
		c.Empty = fmt.Sprintf("No pair of outlets differs significantly in this window (Holm-adjusted p < %g).", Alpha)
		return c
	}
	labels := labelsOf(r.Pairs, func(p pairRow) string {
		return cut(p.OutletA, 22) + " − " + cut(p.OutletB, 22) + ", " + p.Dimension
	})
	lw := labelWidth(labels, 0)
	m := 0.0
	for _, p := range r.Pairs {
		m = math.Max(m, math.Abs(*p.MeanDiff))
	}
	lim := 0.0
	for _, p := range r.Pairs {
		lim = math.Max(lim, math.Max(math.Abs(*p.CILow), math.Abs(*p.CIHigh)))
	}
	lim = math.Min(lim, 2*m)
	if lim == 0 {
		lim = 1
	}
	w := 320.0
	top := 8.0
	h := top + rowHeight*float64(len(r.Pairs))
	s := newSVG(lw+w+16, h+28, c.Title)
	sc := scale{-lim, lim, lw, lw + w}
	ts := ticks(-lim, lim, 4)
	s.grid(sc, top, h, ts)
	s.line(sc.at(0), top, sc.at(0), h, "#888", 1)
	clipped := 0
	for i, p := range r.Pairs {
		y := top + rowHeight*(float64(i)+0.5)
		s.text(lw-6, y+4, "end", "label", labels[i], 0)
		lo, hi := math.Max(*p.CILow, -lim), math.Min(*p.CIHigh, lim)
		s.line(sc.at(lo), y, sc.at(hi), y, "#D55E00", 2)
		if *p.CILow < -lim {
			s.arrow(sc.at(-lim), y, -1, "#D55E00")
			clipped++
		}
		if *p.CIHigh > lim {
			s.arrow(sc.at(lim), y, 1, "#D55E00")
			clipped++
		}
		s.dot(sc.at(math.Max(-lim, math.Min(lim, *p.MeanDiff))), y, 3.5, "#D55E00",
			fmt.Sprintf("%s minus %s on %s: %.2f (95 %% interval %.2f to %.2f), Hedges' g %.2f, Holm p %.2g, %d and %d articles",
				p.OutletA, p.OutletB, p.Dimension, *p.MeanDiff, *p.CILow, *p.CIHigh, *p.HedgesG, *p.PHolm, p.NA, p.NB))
	}
	s.xAxis(sc, h, ts, tick)
	c.SVG = s.String()
	c.Caption = "Difference of mean hits per 1,000 tokens (first outlet minus second) with the Welch 95 % interval, strongest effects (|Hedges' g|) first."
	if clipped > 0 {
		c.Caption += fmt.Sprintf(" The axis stops at ±%s: %d interval end(s) beyond it are arrows.", num(lim), clipped)
	}
	return c
}
