package report

import (
	"fmt"
	"html"
	"math"
	"strings"
	"unicode/utf8"
)

// The report draws its charts as SVG by hand (docs/decisions.md says why):
// rectangles, lines, circles and text, with every label's room reserved
// from an upper bound of its width, so that no label can leave its chart.

const (
	fontSize = 12.0
	// charWidth bounds the width of one character at fontSize in the page's
	// sans-serif font, in pixels: DejaVu Sans, the widest common default, averages
	// about 0.55 em over mixed text; 0.62 em leaves room for capitals.
	charWidth = 0.62 * fontSize
	rowHeight = 18.0
	labelMax  = 32 // characters of an outlet name shown; the full name is in the label's tooltip
)

// svg builds one chart.
type svg struct {
	b    strings.Builder
	w, h float64
}

func newSVG(w, h float64, title string) *svg {
	s := &svg{w: math.Ceil(w), h: math.Ceil(h)}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" role="img" aria-label="%s">`,
		s.w, s.h, s.w, s.h, esc(title))
	return s
}

func (s *svg) String() string { return s.b.String() + "</svg>" }

func esc(t string) string { return html.EscapeString(t) }

// cut shortens t to n characters with an ellipsis; n <= 0 keeps it whole.
func cut(t string, n int) string {
	if n <= 0 || utf8.RuneCountInString(t) <= n {
		return t
	}
	r := []rune(t)
	return string(r[:n-1]) + "…"
}

// textWidth is an upper bound of t's width in pixels at fontSize.
func textWidth(t string) float64 { return float64(utf8.RuneCountInString(t)) * charWidth }

// labelWidth is the room a column of labels needs, each cut to n characters.
func labelWidth(labels []string, n int) float64 {
	w := 0.0
	for _, l := range labels {
		w = math.Max(w, textWidth(cut(l, n)))
	}
	return w + 8
}

// text draws t cut to n characters (n <= 0: not cut), anchored "start",
// "middle" or "end" at x, with the full text as its tooltip when cut.
func (s *svg) text(x, y float64, anchor, class, t string, n int) {
	shown := t
	if n > 0 {
		shown = cut(t, n)
	}
	tip := ""
	if shown != t {
		tip = "<title>" + esc(t) + "</title>"
	}
	fmt.Fprintf(&s.b, `<text x="%.1f" y="%.1f" text-anchor="%s" class="%s">%s%s</text>`, x, y, anchor, class, tip, esc(shown))
}

// mark draws a data element; the browser test counts them.
func (s *svg) rect(x, y, w, h float64, fill, tip string) {
	fmt.Fprintf(&s.b, `<rect class="mark" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`,
		x, y, w, h, fill, esc(tip))
}

func (s *svg) dot(x, y, r float64, fill, tip string) {
	fmt.Fprintf(&s.b, `<circle class="mark" cx="%.1f" cy="%.1f" r="%.1f" fill="%s"><title>%s</title></circle>`, x, y, r, fill, esc(tip))
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	fmt.Fprintf(&s.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%g"/>`, x1, y1, x2, y2, stroke, width)
}

// arrow draws a small triangle pointing right (dir 1) or left (dir -1) at
// x, y: the end of an interval cut by the axis.
func (s *svg) arrow(x, y, dir float64, fill string) {
	fmt.Fprintf(&s.b, `<path d="M%.1f %.1f L%.1f %.1f L%.1f %.1f Z" fill="%s"/>`, x, y-4, x+6*dir, y, x, y+4, fill)
}

func (s *svg) polyline(pts [][2]float64, stroke string) {
	if len(pts) < 2 {
		return
	}
	var b strings.Builder
	for _, p := range pts {
		fmt.Fprintf(&b, "%.1f,%.1f ", p[0], p[1])
	}
	fmt.Fprintf(&s.b, `<polyline class="mark" points="%s" fill="none" stroke="%s" stroke-width="1.5"/>`, strings.TrimSpace(b.String()), stroke)
}

// scale maps [lo, hi] onto [a, b] pixels.
type scale struct{ lo, hi, a, b float64 }

func (c scale) at(v float64) float64 {
	if c.hi == c.lo {
		return (c.a + c.b) / 2
	}
	return c.a + (v-c.lo)/(c.hi-c.lo)*(c.b-c.a)
}

// ticks are about n round values (1, 2 or 5 times a power of ten) from lo to hi.
func ticks(lo, hi float64, n int) []float64 {
	if hi <= lo || n < 1 {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step := p
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			step = m * p
			break
		}
	}
	var ts []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		ts = append(ts, math.Round(v/step)*step)
	}
	return ts
}

// xAxis draws ticks and their labels below y, from x scale c.
func (s *svg) xAxis(c scale, y float64, ts []float64, format func(float64) string) {
	s.line(c.a, y, c.b, y, "#999", 1)
	for _, t := range ts {
		x := c.at(t)
		s.line(x, y, x, y+4, "#999", 1)
		s.text(x, y+16, "middle", "tick", format(t), 0)
	}
}

// grid draws light vertical lines at the ticks from y0 to y1.
func (s *svg) grid(c scale, y0, y1 float64, ts []float64) {
	for _, t := range ts {
		x := c.at(t)
		s.line(x, y0, x, y1, "#eee", 1)
	}
}

// tick formats a tick value: round values as they are, without a trailing ".0".
func tick(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
}

func num(v float64) string {
	switch a := math.Abs(v); {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2g", v)
	}
}

// palette is the colour of line i: Okabe–Ito's eight colours, which stay
// apart for readers with colour-blindness.
func palette(i int) string {
	p := []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}
	return p[i%len(p)]
}

// blues maps 0..1 to a sequential blue, light to dark.
func blues(t float64) string {
	t = math.Max(0, math.Min(1, t))
	return mix([3]float64{247, 251, 255}, [3]float64{8, 48, 107}, t)
}

// diverging maps -1..1 to red, white, blue.
func diverging(v float64) string {
	v = math.Max(-1, math.Min(1, v))
	if v < 0 {
		return mix([3]float64{255, 255, 255}, [3]float64{178, 24, 43}, -v)
	}
	return mix([3]float64{255, 255, 255}, [3]float64{33, 102, 172}, v)
}

func mix(a, b [3]float64, t float64) string {
	c := func(i int) int { return int(math.Round(a[i] + (b[i]-a[i])*t)) }
	return fmt.Sprintf("#%02x%02x%02x", c(0), c(1), c(2))
}

// ink is the text colour that reads on a fill: white on dark fills.
func ink(fill string) string {
	var r, g, b int
	fmt.Sscanf(fill, "#%02x%02x%02x", &r, &g, &b)
	if 0.299*float64(r)+0.587*float64(g)+0.114*float64(b) < 140 {
		return "light"
	}
	return "dark"
}
