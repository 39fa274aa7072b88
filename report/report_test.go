package report

import (
	"bytes"
	"context"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"framing/output"
	"framing/pipeline"
)

// exampleOut runs the example corpus as two nights with a 2-day window.
func exampleOut(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	for i, in := range []string{"../examples/venezuela.jsonl", "../examples/venezuela-dir"} {
		cfg := pipeline.DefaultConfig()
		cfg.Inputs, cfg.OutDir, cfg.WindowDays, cfg.Version = []string{in}, out, 2, "test"
		cfg.RunDate = time.Date(2026, 1, 20+i, 0, 0, 0, 0, time.UTC)
		if _, err := pipeline.Run(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestLoadExample(t *testing.T) {
	out := exampleOut(t)
	ws, err := Windows(out)
	if err != nil || len(ws) != 2 || ws[0].String() != "2026-01-20_2026-01-21" {
		t.Fatalf("windows %v, %v", ws, err)
	}
	r, err := Load(out, Options{Top: 4})
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 135 || r.Rejects != 4 || r.DateWarns != 1 || len(r.RunDates) != 2 {
		t.Errorf("articles %d rejects %d date warnings %d run dates %v", r.Articles, r.Rejects, r.DateWarns, r.RunDates)
	}
	if len(r.Top) != 4 || len(r.Outlets) != 6 || r.Outlets[0].N < r.Outlets[5].N {
		t.Errorf("top %v of %v", r.Top, r.Outlets)
	}
	if len(r.OverUsed) != 4 || r.OverUsed[0].Outlet != r.Top[0] {
		t.Errorf("over-used %+v for top %v", r.OverUsed, r.Top)
	}
	// Each outlet's over-used frame is the largest residual, checked
	// against the table read on its own.
	res, err := output.OutletResiduals.Read(out, ws[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.OverUsed {
		for _, x := range res {
			if x.Outlet == o.Outlet && x.StdResidual != nil && *x.StdResidual > o.Residual {
				t.Errorf("%s: %s has residual %v above %s's %v", o.Outlet, x.Dimension, *x.StdResidual, o.Dimension, o.Residual)
			}
		}
	}
	for i := 1; i < len(r.Pairs); i++ {
		if math.Abs(*r.Pairs[i].HedgesG) > math.Abs(*r.Pairs[i-1].HedgesG) || *r.Pairs[i].PHolm >= Alpha ||
			r.Pairs[i].NA < MinPairArticles || r.Pairs[i].NB < MinPairArticles {
			t.Errorf("pairs not strongest first or not significant at %d", i)
		}
	}
	if r.Trends.Dated != 133 || len(r.Trends.Days) == 0 || r.Trends.Bucket != "day" {
		t.Errorf("trends: %d dated, %d days, by %s", r.Trends.Dated, len(r.Trends.Days), r.Trends.Bucket)
	}
	if _, err := Load(out, Options{Window: "2020-01-01_2020-01-02"}); err == nil || !strings.Contains(err.Error(), "no window 2020-01-01_2020-01-02") {
		t.Errorf("unknown window: %v", err)
	}
}

// TestPageSelfContained: the page fetches nothing and runs nothing, and
// every chart the page draws holds data marks.
func TestPageSelfContained(t *testing.T) {
	r, err := Load(exampleOut(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, r, "test"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "src=", "href=", "url(", "@import", "<link", "<iframe"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if n := len(regexp.MustCompile(`https?://`).FindAllString(page, -1)); n != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("%d addresses in the page besides the SVG namespace", n)
	}
	svgs := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(page, -1)
	if len(svgs) < 10 {
		t.Fatalf("%d charts", len(svgs))
	}
	for i, s := range svgs {
		if !strings.Contains(s, `class="mark"`) {
			t.Errorf("chart %d has no data marks", i)
		}
	}
	for _, w := range []string{"Coverage:</b> 135 of 135 articles", "sometime last week", "framing-default", "Each outlet's most over-used frame"} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestCutAndTicks(t *testing.T) {
	if got := cut("Independent Northern Valley Gazette 123", 10); got != "Independe…" {
		t.Errorf("cut: %q", got)
	}
	if got := cut("Ñandú", 10); got != "Ñandú" {
		t.Errorf("cut short: %q", got)
	}
	for _, tt := range []struct {
		lo, hi float64
		want   string
	}{{0, 66.5, "[0 20 40 60]"}, {-1, 1, "[-1 -0.5 0 0.5 1]"}, {0, 0.07, "[0 0.02 0.04 0.06]"}} {
		var got []string
		for _, v := range ticks(tt.lo, tt.hi, 4) {
			got = append(got, tick(v))
		}
		if s := "[" + strings.Join(got, " ") + "]"; s != tt.want {
			t.Errorf("ticks(%v, %v) = %s, want %s", tt.lo, tt.hi, s, tt.want)
		}
	}
}

// TestTrendBuckets: days up to a month of dates, weeks up to half a year,
// calendar months beyond; each article lands in the bucket of its date.
func TestTrendBuckets(t *testing.T) {
	jan1, err := output.ParseDate("2026-01-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		span    output.Date
		bucket  string
		buckets int
		last    string // first day of the last bucket
	}{{10, "day", 11, "2026-01-11"}, {100, "week", 15, "2026-04-09"}, {400, "month", 14, "2027-02-01"}} {
		var tr trends
		tr.add("d", "A", jan1, 1)
		tr.add("d", "A", jan1+tt.span, 3)
		tr.add("d", "B", jan1+tt.span, 5)
		tr.finish([]string{"A"}, []string{"d"})
		if tr.Bucket != tt.bucket || len(tr.Days) != tt.buckets || tr.Days[len(tr.Days)-1].String() != tt.last {
			t.Errorf("span %d: by %s, %d buckets, last %s", tt.span, tr.Bucket, len(tr.Days), tr.Days[len(tr.Days)-1])
			continue
		}
		a, others := tr.Mean["d"]["A"], tr.Mean["d"][othersLine]
		if a[0] != 1 || a[len(a)-1] != 3 || others[len(others)-1] != 5 || !math.IsNaN(others[0]) {
			t.Errorf("span %d: A %v, others %v", tt.span, a, others)
		}
	}
}

// TestTrendTrim: over more than half a year, one misdated article among 200
// does not stretch the axis; what is left out at the ends is counted.
func TestTrendTrim(t *testing.T) {
	jan1, _ := output.ParseDate("2026-01-01")
	var tr trends
	for i := range 200 {
		tr.add("d", "A", jan1+output.Date(i*2), 1)
	}
	tr.add("d", "A", jan1-3*365, 1)
	tr.finish([]string{"A"}, []string{"d"})
	// 1 % of 201 articles is 2 at each end: the outlier and the first day,
	// and the last two days.
	if tr.Trimmed != 4 || tr.Days[0].String() != "2026-01-01" || tr.Bucket != "month" {
		t.Errorf("trimmed %d, first bucket %s, by %s", tr.Trimmed, tr.Days[0], tr.Bucket)
	}
}
