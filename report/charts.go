package report

import (
	"fmt"
	"math"
	"sort"
	"time"

	"framing/output"
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
	hi := make([]float64, len(r.Dimensions))
	for j, d := range r.Dimensions {
		for _, o := range r.Top {
			if m := r.Stats[[2]string{o, d}].Mean; m != nil {
				hi[j] = math.Max(hi[j], *m)
			}
		}
	}
	c.SVG = grid(c.Title, outletLabels(r), r.Dimensions, 0, func(i, j int) (cell, bool) {
		o, d := r.Top[i], r.Dimensions[j]
		m := r.Stats[[2]string{o, d}].Mean
		if m == nil {
			return cell{}, false
		}
		return cell{fill: blues(0.1 + 0.85*safeDiv(*m, hi[j])), text: num(*m),
			tip: fmt.Sprintf("%s, %s: %.2f per 1,000 tokens", o, d, *m)}, true
	})
	return c
}

// cell is one filled cell of a grid chart.
type cell struct{ fill, text, tip string }

// grid draws a table of coloured cells: rows labelled on the left, columns
// on top (cut to colMax characters when colMax > 0); at(i, j) gives row i's
// cell in column j, or false for a blank cell.
func grid(title string, rows, cols []string, colMax int, at func(i, j int) (cell, bool)) string {
	lw := labelWidth(rows, labelMax+8)
	cw := math.Max(70, labelWidth(cols, colMax)+4)
	top := 28.0
	s := newSVG(lw+cw*float64(len(cols))+4, top+rowHeight*float64(len(rows))+4, title)
	for j, name := range cols {
		s.text(lw+cw*(float64(j)+0.5), top-10, "middle", "label", name, colMax)
	}
	for i, label := range rows {
		y := top + rowHeight*float64(i)
		s.text(lw-6, y+rowHeight-5, "end", "label", label, labelMax+8)
		for j := range cols {
			c, ok := at(i, j)
			if !ok {
				continue
			}
			x := lw + cw*float64(j)
			s.rect(x+1, y+1, cw-2, rowHeight-2, c.fill, c.tip)
			s.text(x+cw/2, y+rowHeight-5, "middle", "cell "+ink(c.fill), c.text, 0)
		}
	}
	return s.String()
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
		layout := "Jan 2"
		if t.Bucket == "month" {
			layout = "Jan 2006"
		}
		s.text(x, top+h+17, "middle", "tick", t.Days[i].Time().Format(layout), 0)
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
			s.dot(p[0], p[1], 2.2, col, fmt.Sprintf("%s, %s of %s: %.2f", l, t.Bucket, t.Days[i].Time().Format(time.DateOnly), v))
		}
		s.polyline(seg, col)
	}
	c.SVG = s.String()
	return c
}

// keynessChart draws one outlet's most over-used lexicon entries by log
// ratio against all other outlets, with G² in the tooltip.
func keynessChart(outlet string, ks []output.KeynessRow) chart {
	c := chart{Title: outlet}
	labels := labelsOf(ks, func(k output.KeynessRow) string { return k.Entry + " (" + k.Dimension + ")" })
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
			fmt.Sprintf("%s: log ratio %.2f, G² %.1f, %d hits", k.Entry, *k.LogRatio, *k.G2, k.CountOutlet))
		s.text(sc.at(*k.LogRatio)+4, y+rowHeight-5, "start", "tick", fmt.Sprintf("%.1f", *k.LogRatio), 0)
	}
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
	c.SVG = grid(c.Title, outletLabels(r), r.Actors, 18, func(i, j int) (cell, bool) {
		o, a := r.Top[i], r.Actors[j]
		m, ok := r.Stance[[2]string{o, a}]
		if !ok {
			return cell{}, false
		}
		return cell{fill: diverging(m.Mean), text: fmt.Sprintf("%+.2f", m.Mean),
			tip: fmt.Sprintf("%s on %s: %+.2f over %d article(s)", o, a, m.Mean, m.N)}, true
	})
	return c
}

// pairsChart draws the strongest significant differences between outlets
// with their Welch 95 % intervals; the axis is symmetric around zero and
// ends at twice the largest difference, beyond which intervals end in arrows.
func pairsChart(r *Report) chart {
	c := chart{Title: "Outlets that differ most"}
	if len(r.Pairs) == 0 {
		c.Empty = fmt.Sprintf("No pair of outlets with %d or more articles each differs significantly in this window (Holm-adjusted p < %g).", MinPairArticles, Alpha)
		return c
	}
	labels := labelsOf(r.Pairs, func(p output.OutletPairRow) string {
		return cut(p.OutletA, 22) + " − " + cut(p.OutletB, 22) + ", " + p.Dimension
	})
	lw := labelWidth(labels, 0)
	m := 0.0
	for _, p := range r.Pairs {
		m = math.Max(m, math.Abs(*p.MeanDiff))
	}
	lim := 0.0
	for _, p := range r.Pairs {
		lim = math.Max(lim, math.Max(math.Abs(*p.DiffCILow), math.Abs(*p.DiffCIHigh)))
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
		lo, hi := math.Max(*p.DiffCILow, -lim), math.Min(*p.DiffCIHigh, lim)
		s.line(sc.at(lo), y, sc.at(hi), y, "#D55E00", 2)
		if *p.DiffCILow < -lim {
			s.arrow(sc.at(-lim), y, -1, "#D55E00")
			clipped++
		}
		if *p.DiffCIHigh > lim {
			s.arrow(sc.at(lim), y, 1, "#D55E00")
			clipped++
		}
		s.dot(sc.at(math.Max(-lim, math.Min(lim, *p.MeanDiff))), y, 3.5, "#D55E00",
			fmt.Sprintf("%s minus %s on %s: %.2f (95 %% interval %.2f to %.2f), Hedges' g %.2f, Holm p %.2g, %d and %d articles",
				p.OutletA, p.OutletB, p.Dimension, *p.MeanDiff, *p.DiffCILow, *p.DiffCIHigh, *p.HedgesG, *p.PHolm, p.NA, p.NB))
	}
	s.xAxis(sc, h, ts, tick)
	c.SVG = s.String()
	c.Caption = fmt.Sprintf("Difference of mean hits per 1,000 tokens (first outlet minus second) with the Welch 95 %% interval, strongest effects (|Hedges' g|) first, between outlets with %d or more articles each.", MinPairArticles)
	if clipped > 0 {
		c.Caption += fmt.Sprintf(" The axis stops at ±%s: %d interval end(s) beyond it are arrows.", num(lim), clipped)
	}
	return c
}
