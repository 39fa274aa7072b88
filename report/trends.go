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
	first, last := t.span(dims)
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
		if k.day < first || k.day > last {
			continue
		}
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

// trendTrim is the share of dated articles left out at each end of a span
// of more than half a year: a few misdated articles (a 2007 date among
// 2016's news in the dev corpus) would otherwise stretch the axis for years.
const trendTrim = 0.01

// span is the first and last publication day the trends show: all of them,
// or over more than half a year the days between the 1st and 99th
// percentile of the articles' dates. It counts the articles it leaves out.
func (t *trends) span(dims []string) (first, last output.Date) {
	perDay := map[output.Date]int{}
	total := 0
	for k, s := range t.raw {
		if len(dims) > 0 && k.dim == dims[0] { // every article has a row of every dimension
			perDay[k.day] += s.n
			total += s.n
		}
	}
	days := make([]output.Date, 0, len(perDay))
	for d := range perDay {
		days = append(days, d)
	}
	slices.Sort(days)
	if len(days) == 0 {
		return 0, -1
	}
	first, last = days[0], days[len(days)-1]
	if last-first <= 182 {
		return first, last
	}
	cut := int(trendTrim * float64(total))
	lo, hi := 0, len(days)-1
	for n := perDay[days[lo]]; n <= cut && lo < hi; n += perDay[days[lo]] {
		t.Trimmed += perDay[days[lo]]
		lo++
	}
	for n := perDay[days[hi]]; n <= cut && hi > lo; n += perDay[days[hi]] {
		t.Trimmed += perDay[days[hi]]
		hi--
	}
	return days[lo], days[hi]
}
