package stats

import (
	"math"
	"slices"

	"framing/model"
)

// layout places each article in a column grouped by outlet, computed once
// per window: outlet o's articles are at off[o]:off[o+1], in article order,
// and article i goes to pos[i]. Splitting a dimension's column is then one
// pass and two slices, however many outlets there are.
type layout struct {
	off []int
	pos []int32
}

func newLayout(outlet []int32, articles []int) layout {
	l := layout{off: make([]int, len(articles)+1), pos: make([]int32, len(outlet))}
	for o, n := range articles {
		l.off[o+1] = l.off[o] + n
	}
	next := slices.Clone(l.off[:len(articles)])
	for i, o := range outlet {
		l.pos[i] = int32(next[o])
		next[o]++
	}
	return l
}

// outletGroups is one article column split by outlet, with each group sorted
// once and its moments computed once: the quantiles, Kruskal–Wallis and the
// Mann–Whitney merges of every pair reuse the sorted copies, and the ANOVAs
// and Welch t tests need only the moments.
type outletGroups struct {
	off     []int
	values  []float64 // grouped, each group in article order: the bootstrap draws index into these
	sorted  []float64 // grouped, each group sorted
	moments []model.Moments
}

// group is outlet o's values in article order.
func (g *outletGroups) group(o int) []float64 { return g.values[g.off[o]:g.off[o+1]] }

// sortedGroup is outlet o's values sorted.
func (g *outletGroups) sortedGroup(o int) []float64 { return g.sorted[g.off[o]:g.off[o+1]] }

// size is the number of outlet o's values.
func (g *outletGroups) size(o int) int { return g.off[o+1] - g.off[o] }

// split groups col by outlet.
func (l layout) split(col []float64) *outletGroups {
	g := &outletGroups{off: l.off, values: make([]float64, len(col)), moments: make([]model.Moments, len(l.off)-1)}
	for i, v := range col {
		g.values[l.pos[i]] = v
	}
	g.sorted = slices.Clone(g.values)
	for o := range g.moments {
		s := g.sortedGroup(o)
		slices.Sort(s)
		g.moments[o] = model.MomentsOf(g.group(o))
		if n := len(s); n > 0 && !(isFinite(s[0]) && isFinite(s[n-1])) {
			g.moments[o] = model.Moments{N: math.NaN()} // sorted: NaN first, ±Inf at the ends
		}
	}
	return g
}

// groupsOf splits values by outlet, for values not laid out per article
// (stance).
func groupsOf(outlet []int32, values []float64, outlets int) *outletGroups {
	counts := make([]int, outlets)
	for _, o := range outlet {
		counts[o]++
	}
	return newLayout(outlet, counts).split(values)
}

func isFinite(x float64) bool {
	_, ok := model.Finite(x)
	return ok
}
