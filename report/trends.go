package report

import (
	"math"
	"slices"

	"framing/output"
)

// trendKey is one outlet's articles of one dimension on one day.
type trendKey struct {
	dim, outlet string
	day         output.Date
}

type sumN struct {
	sum float64
	n   int
}

// add counts one article's per_1k on one dimension.
func (t *trends) add(dim, outlet string, day output.Date, per1k float64) {
	if t.raw == nil {
		t.raw = map[trendKey]sumN{}
	}
	k := trendKey{dim, outlet, day}
	s := t.raw[k]
	s.sum += per1k
	s.n++
	t.raw[k] = s
}

// finish buckets the days (weeks beyond 31 days of dates, so that lines
// stay readable) and averages each line: the first trendLines outlets of
// top, and all other outlets together.
func (t *trends) finish(top []string, dims []string) {
	lines := top[:min(len(top), trendLines)]
	t.Lines = append(append([]string(nil), lines...), othersLine)
	own := map[string]bool{}
	for _, o := range lines {
		own[o] = true
	}
	var first, last output.Date
	for k := range t.raw {
		if first == 0 && last == 0 || k.day < first {
			first = k.day
		}
		if k.day > last {
			last = k.day
		}
	}
	if len(t.raw) == 0 {
		return
	}
	t.Weekly = last-first > 31
	step := output.Date(1)
	if t.Weekly {
		step = 7
	}
	for d := first; d <= last; d += step {
		t.Days = append(t.Days, d)
	}
	acc := map[string]map[string][]sumN{}
	for _, dim := range dims {
		acc[dim] = map[string][]sumN{}
		for _, l := range t.Lines {
			acc[dim][l] = make([]sumN, len(t.Days))
		}
	}
	for k, s := range t.raw {
		line := othersLine
		if own[k.outlet] {
			line = k.outlet
		}
		if acc[k.dim] == nil {
			continue
		}
		b := int((k.day - first) / step)
		x := &acc[k.dim][line][b]
		x.sum += s.sum
		x.n += s.n
	}
	t.Mean = map[string]map[string][]float64{}
	for dim, ls := range acc {
		t.Mean[dim] = map[string][]float64{}
		for l, bs := range ls {
			m := make([]float64, len(bs))
			for i, b := range bs {
				m[i] = math.NaN()
				if b.n > 0 {
					m[i] = b.sum / float64(b.n)
				}
			}
			t.Mean[dim][l] = m
		}
	}
	others := false
	for _, ls := range acc {
		others = others || slices.ContainsFunc(ls[othersLine], func(b sumN) bool { return b.n > 0 })
	}
	if !others { // every outlet has a line of its own
		t.Lines = t.Lines[:len(t.Lines)-1]
	}
	t.raw = nil
}
