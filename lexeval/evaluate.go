package lexeval

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strings"
	"sync"

	"framing/corpus"
	"framing/features"
	"framing/lexicon"
	"framing/model"
)

// Defaults of Options.
const (
	DefaultResamples     = 2000
	DefaultSeed          = 20130613 // fixed, so that reruns give the same intervals
	DefaultLevel         = 0.95
	DefaultTopEntries    = 10
	DefaultTopCandidates = 20
)

// Options tune Evaluate. The zero value gives the defaults.
type Options struct {
	Resamples     int     // bootstrap resamples for the AUC interval
	Seed          uint64  // bootstrap seed; each dimension mixes in its name
	Level         float64 // interval level
	TopEntries    int     // false-positive drivers listed per dimension
	TopCandidates int     // candidate entries listed per dimension
	Workers       int     // scoring goroutines; ≤ 0 means GOMAXPROCS
	Corpus        corpus.Options
}

func (o *Options) defaults() {
	o.Resamples = cmp.Or(o.Resamples, DefaultResamples)
	o.Seed = cmp.Or(o.Seed, DefaultSeed)
	o.Level = cmp.Or(o.Level, DefaultLevel)
	o.TopEntries = cmp.Or(o.TopEntries, DefaultTopEntries)
	o.TopCandidates = cmp.Or(o.TopCandidates, DefaultTopCandidates)
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
}

// Report is the result of Evaluate.
type Report struct {
	Lexicon        string            `json:"lexicon"`
	LexiconVersion string            `json:"lexicon_version"`
	LexiconSHA256  string            `json:"lexicon_sha256"`
	Label          string            `json:"label"`
	Inputs         []string          `json:"inputs"`
	Articles       int               `json:"articles"` // articles whose label the spec uses
	Unused         int               `json:"unused"`   // articles with another label or none
	Rejects        int               `json:"rejects"`  // records that were not articles
	Resamples      int               `json:"resamples"`
	Seed           uint64            `json:"seed"`
	Level          float64           `json:"level"`
	Dimensions     []DimensionReport `json:"dimensions"`
}

// DimensionReport is the validation of one dimension. Figures that the
// data cannot give (no positive or no negative article) are nil.
type DimensionReport struct {
	Dimension      string         `json:"dimension"`
	Positive       []string       `json:"positive_labels"`
	Negative       []string       `json:"negative_labels"`
	NPos           int            `json:"n_pos"`
	NNeg           int            `json:"n_neg"`
	MeanPos        *float64       `json:"mean_per_1k_pos"`
	MeanNeg        *float64       `json:"mean_per_1k_neg"`
	AUC            *float64       `json:"auc"`
	AUCLow         *float64       `json:"auc_low"`
	AUCHigh        *float64       `json:"auc_high"`
	AnyHit         Classification `json:"any_hit"`
	Best           Classification `json:"best_f1"`
	NoHitShare     *float64       `json:"no_hit_share"` // positive articles without a hit
	FalsePositives []EntryCount   `json:"false_positive_drivers"`
	Candidates     []Candidate    `json:"candidates"`
}

// EntryCount is how often one entry fired in the negative articles, and
// in how many positive articles, for comparison.
type EntryCount struct {
	Entry   string `json:"entry"`
	Docs    int    `json:"docs"` // negative articles with a hit
	Hits    int    `json:"hits"` // hits in negative articles
	PosDocs int    `json:"pos_docs"`
}

// scored is one labelled article after scoring.
type scored struct {
	label string
	per1k []float64 // per dimension, matcher order
	terms []features.Term
}

// Evaluate scores the labelled articles of inputs with l and validates
// each dimension of spec (see the package documentation). It holds the
// articles whose label the spec uses in memory while it scores them.
func Evaluate(ctx context.Context, l *lexicon.Lexicon, spec Spec, inputs []string, opt Options) (Report, error) {
	opt.defaults()
	if err := spec.Check(l); err != nil {
		return Report{}, err
	}
	m, err := lexicon.Compile(l)
	if err != nil {
		return Report{}, fmt.Errorf("compiling lexicon %s: %w", l.Name, err)
	}
	rep := Report{Lexicon: l.Name, LexiconVersion: l.Version, LexiconSHA256: l.SHA256(), Label: spec.Label,
		Inputs: inputs, Resamples: opt.Resamples, Seed: opt.Seed, Level: opt.Level}
	opt.Corpus.LabelField = spec.Label
	arts, unused, rejects, err := readArticles(ctx, inputs, opt.Corpus, spec.labels())
	if err != nil {
		return Report{}, err
	}
	rep.Articles, rep.Unused, rep.Rejects = len(arts), unused, rejects
	docs, counts, err := score(ctx, arts, m, opt.Workers)
	if err != nil {
		return Report{}, err
	}
	dims := m.Dimensions()
	for _, ds := range spec.Dimensions {
		di := slices.Index(dims, ds.Dimension)
		rep.Dimensions = append(rep.Dimensions, evaluateDimension(ds, di, docs, counts, m, opt))
	}
	return rep, nil
}

// readArticles reads every input and keeps the articles whose label is
// wanted.
func readArticles(ctx context.Context, inputs []string, opt corpus.Options, want map[string]bool) (arts []corpus.Article, unused, rejects int, err error) {
	err = eachArticle(ctx, inputs, opt, func(a corpus.Article) {
		if want[a.Label] {
			arts = append(arts, a)
		} else {
			unused++
		}
	}, func() { rejects++ })
	return arts, unused, rejects, err
}

// score extracts every article on workers goroutines. The scores keep the
// articles' order; the term counts (per label) are sums, so they do not
// depend on which goroutine counted what.
func score(ctx context.Context, arts []corpus.Article, m *lexicon.Matcher, workers int) ([]scored, map[string]*termCounts, error) {
	docs := make([]scored, len(arts))
	parts := make([]map[string]*termCounts, workers)
	var wg sync.WaitGroup
	for w := range workers {
		parts[w] = map[string]*termCounts{}
		wg.Go(func() {
			for i := w; i < len(arts) && ctx.Err() == nil; i += workers {
				a := &arts[i]
				sc := features.Extract(features.Input{Title: a.Title, Text: a.Text, Outlet: a.Outlet}, m, features.DefaultOptions())
				d := scored{label: a.Label, per1k: make([]float64, len(sc.Frames)), terms: sc.Terms}
				for j, f := range sc.Frames {
					d.per1k[j] = f.Per1k
				}
				docs[i] = d
				c := parts[w][a.Label]
				if c == nil {
					c = &termCounts{n: map[string]int64{}}
					parts[w][a.Label] = c
				}
				c.addTerms(a.Title)
				c.addTerms(a.Text)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	counts := parts[0]
	for _, p := range parts[1:] {
		for label, c := range p {
			if counts[label] == nil {
				counts[label] = &termCounts{n: map[string]int64{}}
			}
			counts[label].merge(c)
		}
	}
	return docs, counts, nil
}

// evaluateDimension computes one dimension's report from the scored
// articles.
func evaluateDimension(ds DimensionSpec, di int, docs []scored, counts map[string]*termCounts, m *lexicon.Matcher, opt Options) DimensionReport {
	r := DimensionReport{Dimension: ds.Dimension, Positive: ds.Positive, Negative: ds.Negative}
	var pos, neg []float64
	fp := map[string]*EntryCount{}
	count := func(d scored, positive bool) {
		for _, t := range d.terms {
			if t.Dimension != ds.Dimension {
				continue
			}
			e := fp[t.Entry]
			if e == nil {
				e = &EntryCount{Entry: t.Entry}
				fp[t.Entry] = e
			}
			if positive {
				e.PosDocs++
				continue
			}
			e.Docs++
			e.Hits += t.Hits
		}
	}
	for _, d := range docs {
		switch {
		case slices.Contains(ds.Positive, d.label):
			pos = append(pos, d.per1k[di])
			count(d, true)
		case slices.Contains(ds.Negative, d.label):
			neg = append(neg, d.per1k[di])
			count(d, false)
		}
	}
	r.NPos, r.NNeg = len(pos), len(neg)
	r.AnyHit, r.Best = AnyHit(pos, neg), BestF1(pos, neg)
	r.FalsePositives = topEntries(fp, opt.TopEntries)
	if len(pos) > 0 {
		r.MeanPos, r.NoHitShare = finitePtr(model.MomentsOf(pos).Mean), finitePtr(share(pos, 0))
	}
	if len(neg) > 0 {
		r.MeanNeg = finitePtr(model.MomentsOf(neg).Mean)
	}
	if len(pos) > 0 && len(neg) > 0 {
		r.AUC = finitePtr(AUC(pos, neg))
		lo, hi := BootstrapAUC(pos, neg, opt.Resamples, opt.Seed^nameHash(ds.Dimension), opt.Level)
		r.AUCLow, r.AUCHigh = finitePtr(lo), finitePtr(hi)
	}
	r.Candidates = candidates(sumCounts(counts, ds.Positive), sumCounts(counts, ds.Negative), m, ds.Dimension, opt.TopCandidates)
	return r
}

// share is the share of xs equal to v.
func share(xs []float64, v float64) float64 {
	n := 0
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return float64(n) / float64(len(xs))
}

func nameHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func sumCounts(counts map[string]*termCounts, labels []string) *termCounts {
	out := &termCounts{n: map[string]int64{}}
	for _, l := range labels {
		if c := counts[l]; c != nil {
			out.merge(c)
		}
	}
	return out
}

// topEntries orders entries by documents, then hits, then text.
func topEntries(m map[string]*EntryCount, n int) []EntryCount {
	out := make([]EntryCount, 0, len(m))
	for _, e := range m {
		if e.Docs > 0 {
			out = append(out, *e)
		}
	}
	slices.SortFunc(out, func(a, b EntryCount) int {
		return cmp.Or(cmp.Compare(b.Docs, a.Docs), cmp.Compare(b.Hits, a.Hits), strings.Compare(a.Entry, b.Entry))
	})
	return out[:min(n, len(out))]
}

// finitePtr returns &x, or nil for NaN and ±Inf: a figure the data cannot
// give is null in the JSON report.
func finitePtr(x float64) *float64 {
	if v, ok := model.Finite(x); ok {
		return &v
	}
	return nil
}
