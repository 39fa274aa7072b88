package pipeline

import (
	"hash/fnv"
	"sort"
	"strings"

	"framing/model"
	"framing/output"
)

// This file turns a window's columns into the rows of the statistics tables.
// model computes; this file only groups values and maps results to rows,
// turning NaN into null and notes into the note column.

// Notes for statistics that are null because of the data, besides model's.
const (
	noteNoFrameHits = "no article with frame hits: mean_share null"
	noteNoTokens    = "no tokens: pooled_per_1k null"
)

// bootstrapResamples is the documented number of percentile-bootstrap
// resamples per outlet and dimension.
const bootstrapResamples = 2000

// statRows are the statistics of one window, ready to write.
type statRows struct {
	stats     []output.OutletStatsRow
	tests     []output.OutletTestRow
	residuals []output.OutletResidualRow
	pairs     []output.OutletPairRow
	keyness   []output.KeynessRow
	profiles  []output.OutletProfileRow
	pca       []output.PCARow
	corr      []output.CorrelationRow
	reg       []output.RegressionRow
	trends    []output.TrendRow
}

// computeStats computes every statistics table of wd on up to workers
// goroutines. The tasks (one per dimension, one per stance actor, one per
// whole-window table) share only read-only inputs, each fills its own
// statRows, and their rows are joined in task order: the rows are the same
// whatever workers is.
func computeStats(wd *windowData, workers int) *statRows {
	sums, reg := wd.outletSums(), wd.regressionInput()
	var tasks []func(*statRows)
	for d := range wd.dims {
		tasks = append(tasks, func(s *statRows) {
			groups := newOutletGroups(wd.groupsOf(wd.per1k[d]))
			s.outletStats(wd, d, groups, sums)
			s.omnibus(wd, "per_1k", wd.dims[d], groups)
			s.outletPairs(wd, d, groups)
			s.regression(wd, d, reg)
			s.trend(wd, d)
		})
	}
	tasks = append(tasks, func(s *statRows) { s.chiSquare(wd) })
	for _, a := range wd.actors() {
		tasks = append(tasks, func(s *statRows) { s.stance(wd, a) })
	}
	tasks = append(tasks,
		func(s *statRows) { s.keynessRows(wd) },
		func(s *statRows) { s.profileRows(wd) },
		func(s *statRows) { s.pcaRows(wd) },
		func(s *statRows) { s.correlations(wd) },
	)
	return joinStatRows(runStatTasks(tasks, workers))
}

// groupsOf splits one article column by outlet, in outlet order.
func (wd *windowData) groupsOf(col []float64) [][]float64 {
	g := make([][]float64, len(wd.outlets))
	for i, v := range col {
		o := wd.outlet[i]
		g[o] = append(g[o], v)
	}
	return g
}

// seed derives a bootstrap seed from the window and the cell, so that a rerun
// of the same window gives the same intervals whatever else changed.
func seed(w Window, parts ...string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(w.String()))
	for _, p := range parts {
		h.Write([]byte{0x1f})
		h.Write([]byte(p))
	}
	return h.Sum64()
}

func note(parts ...string) *string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	s := strings.Join(keep, "; ")
	return &s
}

func (s *statRows) outletStats(wd *windowData, d int, groups outletGroups, sums outletSums) {
	w := wd.window
	for o, x := range groups.values {
		if len(x) == 0 {
			continue
		}
		desc := model.DescribeSorted(groups.sorted[o])
		boot := model.BootstrapMeanCI(x, bootstrapResamples, seed(w, wd.outlets[o], wd.dims[d]), 0.95)
		hits, tokens := sums.hits[d][o], sums.tokens[o]
		row := output.OutletStatsRow{
			WindowStart: w.From, WindowEnd: w.To, Outlet: wd.outlets[o], Dimension: wd.dims[d],
			NArticles: int64(desc.N), Mean: model.FinitePtr(desc.Mean), SD: model.FinitePtr(desc.SD),
			SE: model.FinitePtr(desc.SE), CILow: model.FinitePtr(desc.CILow), CIHigh: model.FinitePtr(desc.CIHigh),
			BootLow: model.FinitePtr(boot.Lo), BootHigh: model.FinitePtr(boot.Hi),
			Median: model.FinitePtr(desc.Median), Q25: model.FinitePtr(desc.Q25), Q75: model.FinitePtr(desc.Q75),
			TotalHits: hits, TotalTokens: tokens,
		}
		var shareNote, tokenNote string
		if n := sums.shareCount[d][o]; n > 0 {
			row.MeanShare = model.FinitePtr(sums.shareSum[d][o] / float64(n))
		} else {
			shareNote = noteNoFrameHits
		}
		if tokens > 0 {
			row.PooledPer1k = model.FinitePtr(float64(hits) / float64(tokens) * 1000)
		} else {
			tokenNote = noteNoTokens
		}
		row.Note = note(desc.Note, boot.Note, shareNote, tokenNote)
		s.stats = append(s.stats, row)
	}
}

// nonEmpty drops outlets without values; omnibus tests compare the rest.
func nonEmpty(groups outletGroups) outletGroups {
	var g outletGroups
	for o, x := range groups.values {
		if len(x) > 0 {
			g.values = append(g.values, x)
			g.sorted = append(g.sorted, groups.sorted[o])
			g.moments = append(g.moments, groups.moments[o])
		}
	}
	return g
}

func countAll(groups [][]float64) int64 {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	return int64(n)
}

// omnibus writes one-way ANOVA, Welch's ANOVA and Kruskal–Wallis for one
// measure across outlets.
func (s *statRows) omnibus(wd *windowData, measure, target string, groups outletGroups) {
	g := nonEmpty(groups)
	base := output.OutletTestRow{WindowStart: wd.window.From, WindowEnd: wd.window.To, Measure: measure,
		Target: target, NGroups: int64(len(g.values)), N: countAll(g.values)}

	a := model.OneWayANOVAFromMoments(g.moments)
	r := base
	r.Test, r.Statistic, r.DF1, r.DF2, r.P = "anova", model.FinitePtr(a.F), model.FinitePtr(a.DF1), model.FinitePtr(a.DF2), model.FinitePtr(a.P)
	r.EffectName, r.Effect, r.Note = "eta_squared", model.FinitePtr(a.Eta2), note(a.Note)
	s.tests = append(s.tests, r)

	wa := model.WelchANOVAFromMoments(g.moments)
	r = base
	r.Test, r.Statistic, r.DF1, r.DF2, r.P = "welch_anova", model.FinitePtr(wa.F), model.FinitePtr(wa.DF1), model.FinitePtr(wa.DF2), model.FinitePtr(wa.P)
	r.EffectName, r.Note = "", note(wa.Note)
	s.tests = append(s.tests, r)

	kw := model.KruskalWallisSorted(g.sorted)
	r = base
	r.Test, r.Statistic, r.DF1, r.P = "kruskal_wallis", model.FinitePtr(kw.H), model.FinitePtr(kw.DF), model.FinitePtr(kw.P)
	r.EffectName, r.Effect, r.Note = "epsilon_squared", model.FinitePtr(kw.Epsilon2), note(kw.Note)
	s.tests = append(s.tests, r)
}

// outletPairs compares every pair of outlets with articles on dimension d;
// p-values are adjusted within the dimension.
// Welch's t comes from the groups' moments and Mann–Whitney from a merge of
// the two sorted groups, so a pair costs O(na+nb), not a sort of both.
func (s *statRows) outletPairs(wd *windowData, d int, groups outletGroups) {
	start := len(s.pairs)
	var ps []float64
	sorted := groups.sorted
	for a := range sorted {
		for b := a + 1; b < len(sorted); b++ {
			if len(sorted[a]) == 0 || len(sorted[b]) == 0 {
				continue
			}
			t := model.WelchTFromMoments(groups.moments[a], groups.moments[b])
			t.NA, t.NB = len(sorted[a]), len(sorted[b])
			mw := model.MannWhitneySorted(sorted[a], sorted[b])
			s.pairs = append(s.pairs, output.OutletPairRow{
				WindowStart: wd.window.From, WindowEnd: wd.window.To, Dimension: wd.dims[d],
				OutletA: wd.outlets[a], OutletB: wd.outlets[b], NA: int64(len(sorted[a])), NB: int64(len(sorted[b])),
				MeanDiff: model.FinitePtr(t.MeanDiff), WelchT: model.FinitePtr(t.T), WelchDF: model.FinitePtr(t.DF),
				WelchP: model.FinitePtr(t.P), HedgesG: model.FinitePtr(t.HedgesG),
				MannWhitney: model.FinitePtr(mw.U), MannWhitP: model.FinitePtr(mw.P), CliffsDelta: model.FinitePtr(mw.CliffsDelta),
				Note:      note(t.Note, mw.Note),
				DiffCILow: model.FinitePtr(t.CILow), DiffCIHigh: model.FinitePtr(t.CIHigh),
			})
			ps = append(ps, t.P)
		}
	}
	holm, bh := model.AdjustHolm(ps), model.AdjustBH(ps)
	for i := range ps {
		s.pairs[start+i].PHolm = model.FinitePtr(holm[i])
		s.pairs[start+i].PBH = model.FinitePtr(bh[i])
	}
}

// chiSquare tests the outlet × dimension table of hit counts.
func (s *statRows) chiSquare(wd *windowData) {
	table := make([][]float64, len(wd.outlets))
	for o := range table {
		table[o] = make([]float64, len(wd.dims))
	}
	for d := range wd.dims {
		for i, h := range wd.hits[d] {
			table[wd.outlet[i]][d] += float64(h)
		}
	}
	cs := model.ChiSquare(table)
	s.tests = append(s.tests, output.OutletTestRow{
		WindowStart: wd.window.From, WindowEnd: wd.window.To, Measure: "hits", Target: "all_dimensions",
		Test: "chi_square", NGroups: int64(len(wd.outlets)), N: int64(sumTable(table)),
		Statistic: model.FinitePtr(cs.Stat), DF1: model.FinitePtr(cs.DF), P: model.FinitePtr(cs.P),
		EffectName: "cramers_v", Effect: model.FinitePtr(cs.CramerV), Note: note(cs.Note),
	})
	// The test drops all-zero rows and columns; kept maps back to them.
	keptRow, keptCol := positions(cs.KeptRows), positions(cs.KeptCols)
	for o := range wd.outlets {
		for d := range wd.dims {
			row := output.OutletResidualRow{WindowStart: wd.window.From, WindowEnd: wd.window.To,
				Outlet: wd.outlets[o], Dimension: wd.dims[d], Observed: int64(table[o][d]), Note: note(cs.Note)}
			ko, okO := keptRow[o]
			kd, okD := keptCol[d]
			if okO && okD && ko < len(cs.Expected) && kd < len(cs.Expected[ko]) {
				row.Expected = model.FinitePtr(cs.Expected[ko][kd])
				row.StdResidual = model.FinitePtr(cs.StdRes[ko][kd])
			}
			s.residuals = append(s.residuals, row)
		}
	}
}

// positions maps each kept original index to its place in the kept list.
func positions(kept []int) map[int]int {
	m := make(map[int]int, len(kept))
	for i, k := range kept {
		m[k] = i
	}
	return m
}

func sumTable(t [][]float64) float64 {
	n := 0.0
	for _, r := range t {
		for _, v := range r {
			n += v
		}
	}
	return n
}

// actors returns the stance actors of the window, sorted.
func (wd *windowData) actors() []string {
	actors := make([]string, 0, len(wd.stance))
	for a := range wd.stance {
		actors = append(actors, a)
	}
	sort.Strings(actors)
	return actors
}

// stance runs the omnibus tests on one actor's per-article stance.
func (s *statRows) stance(wd *windowData, actor string) {
	gv := wd.stance[actor]
	groups := make([][]float64, len(wd.outlets))
	for i, v := range gv.value {
		groups[gv.outlet[i]] = append(groups[gv.outlet[i]], v)
	}
	s.omnibus(wd, "stance", actor, newOutletGroups(groups))
}

// keynessRows compares each outlet's use of every lexicon entry with all
// other outlets together.
func (s *statRows) keynessRows(wd *windowData) {
	if len(wd.outlets) < 2 {
		return
	}
	tokens := make([]int64, len(wd.outlets))
	var allTokens int64
	for i, o := range wd.outlet {
		tokens[o] += wd.tokens[i]
		allTokens += wd.tokens[i]
	}
	total := map[string]int64{}
	for _, m := range wd.terms {
		for k, v := range m {
			total[k] += v
		}
	}
	keys := make([]string, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for o := range wd.outlets {
		for _, k := range keys {
			a := wd.terms[o][k]
			b := total[k] - a
			if a == 0 {
				continue // an entry an outlet never uses is not its key term
			}
			dim, entry, _ := strings.Cut(k, "\x1f")
			kr := model.Keyness(float64(a), float64(b), float64(tokens[o]), float64(allTokens-tokens[o]))
			s.keyness = append(s.keyness, output.KeynessRow{
				WindowStart: wd.window.From, WindowEnd: wd.window.To, Outlet: wd.outlets[o], Dimension: dim, Entry: entry,
				CountOutlet: a, CountRest: b, TokensOutlet: tokens[o], TokensRest: allTokens - tokens[o],
				G2: model.FinitePtr(kr.G2), P: model.FinitePtr(kr.P), LogRatio: model.FinitePtr(kr.LogRatio), Note: note(kr.Note),
			})
		}
	}
}

// profileRows compares outlets' dimension-share profiles: each outlet's hits
// per dimension as a share of its frame hits.
func (s *statRows) profileRows(wd *windowData) {
	prof := make([][]float64, len(wd.outlets))
	for o := range prof {
		prof[o] = make([]float64, len(wd.dims))
	}
	for d := range wd.dims {
		for i, h := range wd.hits[d] {
			prof[wd.outlet[i]][d] += float64(h)
		}
	}
	for a := range wd.outlets {
		for b := a + 1; b < len(wd.outlets); b++ {
			pa, pb := normalize(prof[a]), normalize(prof[b])
			row := output.OutletProfileRow{WindowStart: wd.window.From, WindowEnd: wd.window.To,
				OutletA: wd.outlets[a], OutletB: wd.outlets[b]}
			if pa == nil || pb == nil {
				row.Note = note("an outlet has no frame hits")
			} else {
				row.JSD = model.FinitePtr(model.JensenShannon(pa, pb))
				row.Cosine = model.FinitePtr(model.Cosine(pa, pb))
			}
			s.profiles = append(s.profiles, row)
		}
	}
}

// normalize scales counts to shares; nil when they sum to zero.
func normalize(x []float64) []float64 {
	t := 0.0
	for _, v := range x {
		t += v
	}
	if t == 0 {
		return nil
	}
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = v / t
	}
	return out
}
