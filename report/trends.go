package report

import (
	"math"
	"slices"
	"time"

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

// finish buckets the publication dates (days up to a month of dates, weeks
// up to half a year, calendar months beyond, so that a line has a few dozen
// points at most) and averages each line: the first trendLines outlets of
// top, and all other outlets together.
func (t *trends) finish(top []string, dims []string) {
	lines := top[:min(len(top), trendLines)]
	t.Lines = append(append([]string(nil), lines...), othersLine)
	own := map[string]bool{}
	for _, o := range lines {
		own[o] = true
	}
	if len(t.raw) == 0 {
		return
	}
	first, last := output.Date(math.MaxInt32), output.Date(math.MinInt32)
	for k := range t.raw {
		first, last = min(first, k.day), max(last, k.day)
	}
	var bucket func(output.Date) int
	switch span := last - first; {
	case span <= 31:
		t.Bucket = "day"
		bucket = func(d output.Date) int { return int(d - first) }
	case span <= 182:
		t.Bucket = "week"
		bucket = func(d output.Date) int { return int(d-first) / 7 }
	default:
		t.Bucket = "month"
		month := func(d output.Date) int { y, m, _ := d.Time().Date(); return y*12 + int(m) - 1 }
		bucket = func(d output.Date) int { return month(d) - month(first) }
	}
	for i := 0; i <= bucket(last); i++ {
		t.Days = append(t.Days, t.bucketStart(first, i))
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
		b := bucket(k.day)
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

// bucketStart is the first day of bucket i, counted from the bucket of first.
func (t *trends) bucketStart(first output.Date, i int) output.Date {
	switch t.Bucket {
	case "week":
		return first + output.Date(7*i)
	case "month":
		y, m, _ := first.Time().Date()
		return output.DateOf(time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, time.UTC))
	}
	return first + output.Date(i)
}
