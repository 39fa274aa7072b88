package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"framing/output"
)

// Options choose what a report shows.
type Options struct {
	// Window is the statistics window, FROM_TO; "" takes the latest
	// (ending last, then the longest).
	Window string
	// Top is how many outlets, the largest by articles in the window, the
	// per-outlet charts show; 0 means DefaultTop.
	Top int
}

// DefaultTop is how many outlets the charts show by default: enough for a
// national press, few enough that every label can be read.
const DefaultTop = 20

// Report is everything the page shows, computed from the tables of one
// window; rendering only formats it.
type Report struct {
	Window     output.Window
	Lexicons   []string // "name version (sha256 …)", one per distinct lexicon of the window's runs
	RunDates   []output.Date
	Articles   int64 // articles of the window's runs
	Rejects    int64
	DateWarns  int64
	WithHits   int // articles with at least one frame hit
	Reasons    []count
	DateSample []string
	Dimensions []string
	Outlets    []count // every outlet by articles, largest first
	Top        []string
	Stats      map[[2]string]output.OutletStatsRow // {outlet, dimension}
	OverUsed   []overUse                           // one per top outlet, in Top order
	Pairs      []output.OutletPairRow              // significant (Holm p < Alpha), strongest |g| first
	Keyness    map[string][]output.KeynessRow
	PCA        pcaMap
	Trends     trends
	Actors     []string
	Stance     map[[2]string]meanN // {outlet, actor}
}

// Alpha is the significance level for Holm-adjusted p-values in the report.
const Alpha = 0.05

// MinPairArticles is the fewest articles each outlet of a listed pair must
// have: Hedges' g of an outlet with two articles is as large as their
// variance is small, and such pairs would fill the list (on the dev corpus,
// the five strongest were all one outlet of 2 articles). The run summary
// follows the same rule.
const MinPairArticles = 5

type count struct {
	Label string
	N     int64
}

// overUse is an outlet's most over-used frame: the dimension with the
// largest adjusted standardized residual, and its observed/expected ratio
// as the effect size.
type overUse struct {
	Outlet, Dimension string
	Ratio, Residual   float64
	Found             bool // a residual above 2
}

type meanN struct {
	Mean float64
	N    int
}

type pcaMap struct {
	Centroids map[string][2]float64
	Loadings  map[string][2]float64
	Variance  [2]float64
	Note      string
}

// trends are mean per_1k by publication day (or week) per dimension for
// the few largest outlets and all others together.
type trends struct {
	Days    []output.Date                   // the first day of each bucket
	Bucket  string                          // "day", "week" or "month"
	Lines   []string                        // outlet names, then "all other outlets"
	Mean    map[string]map[string][]float64 // [dimension][line][bucket], NaN without articles
	Dated   int                             // articles with a publication date
	Trimmed int                             // of those, left out at the ends of a long span (trendTrim)
	raw     map[trendKey]sumN
}

// trendLines is how many outlets get a line of their own in the trends.
const trendLines = 6

// othersLine names the trend line of every outlet beyond the largest.
const othersLine = "all other outlets"

// Load reads the tables of one window of outDir.
func Load(outDir string, opt Options) (*Report, error) {
	ws, err := Windows(outDir)
	if err != nil {
		return nil, err
	}
	w := ws[0]
	if opt.Window != "" {
		i := slices.IndexFunc(ws, func(x output.Window) bool { return x.String() == opt.Window })
		if i < 0 {
			names := make([]string, len(ws))
			for j, x := range ws {
				names[j] = x.String()
			}
			return nil, fmt.Errorf("no window %s in %s (it has %s)", opt.Window, outDir, strings.Join(names, ", "))
		}
		w = ws[i]
	}
	if opt.Top <= 0 {
		opt.Top = DefaultTop
	}
	r := &Report{Window: w, Stats: map[[2]string]output.OutletStatsRow{}, Keyness: map[string][]output.KeynessRow{}, Stance: map[[2]string]meanN{}}
	if r.RunDates, err = runDates(outDir, w); err != nil {
		return nil, err
	}
	if len(r.RunDates) == 0 {
		return nil, fmt.Errorf("%s has no runs in window %s", outDir, w)
	}
	steps := []func(string) error{r.loadRuns, r.loadArticles, r.loadStats, r.loadResiduals, r.loadPairs, r.loadKeyness, r.loadPCA, r.loadStance}
	for _, step := range steps {
		if err := step(outDir); err != nil {
			return nil, fmt.Errorf("reading window %s of %s: %w", w, outDir, err)
		}
	}
	r.Top = topOutlets(r.Outlets, opt.Top)
	r.overUse()
	r.Trends.finish(r.Top, r.Dimensions)
	return r, nil
}

func (r *Report) loadRuns(out string) error {
	seen := map[string]bool{}
	for _, d := range r.RunDates {
		err := scan(out, output.Runs, d, func(x output.RunRow) {
			r.Articles += x.Articles
			r.Rejects += x.Rejects
			r.DateWarns += x.DateWarnings
			l := fmt.Sprintf("%s %s (sha256 %s)", x.LexiconName, x.LexiconVersion, x.LexiconSHA256)
			if !seen[l] {
				seen[l] = true
				r.Lexicons = append(r.Lexicons, l)
			}
		})
		if err != nil {
			return err
		}
		reasons := map[string]int64{}
		err = scan(out, output.Rejects, d, func(x output.RejectRow) { reasons[reasonKind(x.Reason)]++ })
		if err != nil {
			return err
		}
		r.Reasons = mergeCounts(r.Reasons, reasons)
	}
	slices.SortFunc(r.Reasons, byCount)
	return nil
}

// reasonKind shortens a reject reason to its kind: the field and what is
// wrong, without the record's own position or id.
func reasonKind(reason string) string {
	if i := strings.Index(reason, ", first seen at"); i >= 0 {
		reason = reason[:i]
	}
	if f, rest, ok := strings.Cut(reason, ": "); ok && strings.Contains(f, ":") {
		reason = rest // a FILE:LINE prefix
	}
	return reason
}

func mergeCounts(cs []count, m map[string]int64) []count {
	for k, n := range m {
		i := slices.IndexFunc(cs, func(c count) bool { return c.Label == k })
		if i < 0 {
			cs = append(cs, count{Label: k})
			i = len(cs) - 1
		}
		cs[i].N += n
	}
	return cs
}

func byCount(a, b count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Label, b.Label)) }

// loadArticles counts articles per outlet, coverage and date samples, and
// the trends by publication date.
func (r *Report) loadArticles(out string) error {
	type art struct {
		outlet string
		day    output.Date
		dated  bool
	}
	sizes := map[string]int64{}
	for _, d := range r.RunDates {
		arts := map[string]art{}
		err := scan(out, output.Articles, d, func(a output.ArticleRow) {
			sizes[a.Outlet]++
			x := art{outlet: a.Outlet}
			if a.Published != nil {
				x.day, x.dated = *a.Published, true
			} else if a.DateRaw != nil && len(r.DateSample) < 5 {
				r.DateSample = append(r.DateSample, *a.DateRaw)
			}
			arts[a.ArticleID] = x
		})
		if err != nil {
			return err
		}
		hit := map[string]bool{}
		err = scan(out, output.Frames, d, func(f output.FrameRow) {
			if f.Hits > 0 {
				hit[f.ArticleID] = true
			}
			a := arts[f.ArticleID]
			if a.dated {
				r.Trends.add(f.Dimension, a.outlet, a.day, f.Per1k)
			}
		})
		if err != nil {
			return err
		}
		r.WithHits += len(hit)
		for _, a := range arts {
			if a.dated {
				r.Trends.Dated++
			}
		}
	}
	r.Outlets = mergeCounts(nil, sizes)
	slices.SortFunc(r.Outlets, byCount)
	return nil
}

func topOutlets(cs []count, n int) []string {
	var top []string
	for i := 0; i < len(cs) && i < n; i++ {
		top = append(top, cs[i].Label)
	}
	return top
}

func (r *Report) loadStats(out string) error {
	dims := map[string]bool{}
	err := scan(out, output.OutletStats, r.Window, func(s output.OutletStatsRow) {
		r.Stats[[2]string{s.Outlet, s.Dimension}] = s
		dims[s.Dimension] = true
	})
	for d := range dims {
		r.Dimensions = append(r.Dimensions, d)
	}
	sort.Strings(r.Dimensions)
	return err
}

func (r *Report) loadResiduals(out string) error {
	best := map[string]overUse{}
	err := scan(out, output.OutletResiduals, r.Window, func(x output.OutletResidualRow) {
		if x.StdResidual == nil || x.Expected == nil || *x.Expected <= 0 {
			return
		}
		b, ok := best[x.Outlet]
		if !ok || *x.StdResidual > b.Residual || (*x.StdResidual == b.Residual && x.Dimension < b.Dimension) {
			best[x.Outlet] = overUse{Outlet: x.Outlet, Dimension: x.Dimension, Residual: *x.StdResidual,
				Ratio: float64(x.Observed) / *x.Expected, Found: *x.StdResidual > 2}
		}
	})
	r.OverUsed = nil
	for _, o := range best {
		r.OverUsed = append(r.OverUsed, o)
	}
	return err
}

// overUse keeps the over-used frames of the top outlets, in Top order.
func (r *Report) overUse() {
	by := map[string]overUse{}
	for _, o := range r.OverUsed {
		by[o.Outlet] = o
	}
	r.OverUsed = r.OverUsed[:0]
	for _, o := range r.Top {
		if x, ok := by[o]; ok {
			r.OverUsed = append(r.OverUsed, x)
		}
	}
}

// maxPairs is how many significant pairs the report lists.
const maxPairs = 12

func (r *Report) loadPairs(out string) error {
	err := scan(out, output.OutletPairs, r.Window, func(p output.OutletPairRow) {
		if p.PHolm != nil && *p.PHolm < Alpha && p.HedgesG != nil && p.MeanDiff != nil && p.DiffCILow != nil && p.DiffCIHigh != nil &&
			p.NA >= MinPairArticles && p.NB >= MinPairArticles {
			r.Pairs = append(r.Pairs, p)
		}
	})
	slices.SortFunc(r.Pairs, func(a, b output.OutletPairRow) int {
		return cmp.Or(cmp.Compare(math.Abs(*b.HedgesG), math.Abs(*a.HedgesG)), cmp.Compare(a.Dimension, b.Dimension),
			cmp.Compare(a.OutletA, b.OutletA), cmp.Compare(a.OutletB, b.OutletB))
	})
	if len(r.Pairs) > maxPairs {
		r.Pairs = r.Pairs[:maxPairs]
	}
	return err
}

// keynessPerOutlet is how many entries the keyness chart shows an outlet.
const keynessPerOutlet = 5

func (r *Report) loadKeyness(out string) error {
	err := scan(out, output.Keyness, r.Window, func(k output.KeynessRow) {
		if k.G2 != nil && k.LogRatio != nil && *k.LogRatio > 0 && k.P != nil && *k.P < Alpha {
			r.Keyness[k.Outlet] = append(r.Keyness[k.Outlet], k)
		}
	})
	for o, ks := range r.Keyness {
		slices.SortFunc(ks, func(a, b output.KeynessRow) int {
			return cmp.Or(cmp.Compare(*b.G2, *a.G2), cmp.Compare(a.Dimension, b.Dimension), cmp.Compare(a.Entry, b.Entry))
		})
		r.Keyness[o] = ks[:min(len(ks), keynessPerOutlet)]
	}
	return err
}

func (r *Report) loadPCA(out string) error {
	p := pcaMap{Centroids: map[string][2]float64{}, Loadings: map[string][2]float64{}}
	err := scan(out, output.PCA, r.Window, func(x output.PCARow) {
		if x.Note != nil && p.Note == "" {
			p.Note = *x.Note
		}
		if x.Value == nil || x.Component < 1 || x.Component > 2 {
			return
		}
		c := x.Component - 1
		switch {
		case x.Kind == "variance":
			p.Variance[c] = *x.Value
		case x.Kind == "loading" && x.Dimension != nil:
			v := p.Loadings[*x.Dimension]
			v[c] = *x.Value
			p.Loadings[*x.Dimension] = v
		case x.Kind == "centroid" && x.Outlet != nil:
			v := p.Centroids[*x.Outlet]
			v[c] = *x.Value
			p.Centroids[*x.Outlet] = v
		}
	})
	r.PCA = p
	return err
}

func (r *Report) loadStance(out string) error {
	sums := map[[2]string]float64{}
	actors := map[string]bool{}
	for _, d := range r.RunDates {
		err := scan(out, output.Stance, d, func(s output.StanceRow) {
			actors[s.Actor] = true
			if s.Stance == nil {
				return
			}
			k := [2]string{s.Outlet, s.Actor}
			sums[k] += *s.Stance
			m := r.Stance[k]
			m.N++
			r.Stance[k] = m
		})
		if err != nil {
			return err
		}
	}
	for k, s := range sums {
		m := r.Stance[k]
		m.Mean = s / float64(m.N)
		r.Stance[k] = m
	}
	for a := range actors {
		r.Actors = append(r.Actors, a)
	}
	sort.Strings(r.Actors)
	return nil
}
