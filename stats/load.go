package stats

import (
	"fmt"
	"math"
	"sort"

	"framing/output"
)

// windowData is everything the statistics need from the article-level tables
// of one window, column by column. It holds a few numbers per article and
// dimension (not the texts), so 1 million articles take about 100 MB.
type windowData struct {
	window  output.Window
	dims    []string // sorted
	outlets []string // sorted

	// One entry per article, aligned.
	outlet    []int     // index into outlets
	day       []float64 // published date in days since window.From; NaN when unknown
	logTokens []float64 // natural log of n_tokens
	tokens    []int64

	per1k [][]float64 // [dim][article]
	share [][]float64 // [dim][article]; NaN when the article has no frame hits
	hits  [][]int64   // [dim][article]

	// terms[outlet][dimension+"\x1f"+entry] is the hit count of one entry.
	terms []map[string]int64
	// stance[actor] holds the stance values of the articles with tone.
	stance map[string]*groupedValues
	// authorial[actor] holds the authorial stance values of the articles
	// with tone in the outlet's own voice (docs/stance.md).
	authorial map[string]*groupedValues
}

// groupedValues are values with the outlet each belongs to.
type groupedValues struct {
	outlet []int
	value  []float64
}

// Source is one run date's article-level partitions and the directory they
// lie below: OUT for a committed night, a commit's staging directory for the
// night being run.
type Source struct {
	Root string
	Day  output.Date
}

// Stored lists the committed nights below outDir whose run date lies in w,
// in date order.
func Stored(outDir string, w output.Window) ([]Source, error) {
	days, err := output.Articles.Partitions(outDir)
	if err != nil {
		return nil, err
	}
	var srcs []Source
	for _, d := range days {
		if w.Contains(d) {
			srcs = append(srcs, Source{Root: outDir, Day: d})
		}
	}
	return srcs, nil
}

// loadWindow reads the given nights into columns. Outlets and dimensions
// are sorted so that the statistics never depend on input order.
func loadWindow(w output.Window, srcs []Source) (*windowData, error) {
	raw := &rawWindow{outletIdx: map[string]int{}, dimIdx: map[string]int{}}
	for _, src := range srcs {
		if err := raw.add(src, w); err != nil {
			return nil, err
		}
	}
	return raw.finish(w), nil
}

// rawWindow collects rows before outlets and dimensions are sorted.
type rawWindow struct {
	outletIdx map[string]int
	outlets   []string
	dimIdx    map[string]int
	dims      []string

	outlet    []int
	day       []float64
	tokens    []int64
	per1k     [][]float64 // [dim][article], column by column as in windowData
	share     [][]float64 // NaN until a frame row says otherwise
	hits      [][]int64
	terms     map[[2]string]int64 // {outlet, dim\x1fentry}
	stanceAct map[string]*groupedValues
	authAct   map[string]*groupedValues
}

func (r *rawWindow) intern(m map[string]int, list *[]string, s string) int {
	if i, ok := m[s]; ok {
		return i
	}
	m[s] = len(*list)
	*list = append(*list, s)
	return m[s]
}

func (r *rawWindow) add(src Source, w output.Window) error {
	base := len(r.outlet)
	index := map[string]int{}
	err := output.Articles.Scan(src.Root, src.Day, func(a output.ArticleRow) error {
		index[a.ArticleID] = len(r.outlet)
		r.outlet = append(r.outlet, r.intern(r.outletIdx, &r.outlets, a.Outlet))
		d := math.NaN()
		if a.Published != nil {
			d = float64(*a.Published - w.From)
		}
		r.day = append(r.day, d)
		r.tokens = append(r.tokens, a.NTokens)
		for d := range r.dims {
			r.per1k[d] = append(r.per1k[d], 0)
			r.share[d] = append(r.share[d], math.NaN())
			r.hits[d] = append(r.hits[d], 0)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = output.Frames.Scan(src.Root, src.Day, func(f output.FrameRow) error {
		i, ok := index[f.ArticleID]
		if !ok || i < base {
			return fmt.Errorf("frame row for article %q, which is not in %s", f.ArticleID, output.Articles.Path(src.Root, src.Day))
		}
		d, ok := r.dimIdx[f.Dimension]
		if !ok {
			d = r.addDim(f.Dimension)
		}
		r.per1k[d][i] = f.Per1k
		if f.Share != nil {
			r.share[d][i] = *f.Share
		}
		r.hits[d][i] = f.Hits
		return nil
	})
	if err != nil {
		return err
	}
	if r.terms == nil {
		r.terms = map[[2]string]int64{}
		r.stanceAct = map[string]*groupedValues{}
		r.authAct = map[string]*groupedValues{}
	}
	err = output.Terms.Scan(src.Root, src.Day, func(t output.TermRow) error {
		r.terms[[2]string{t.Outlet, t.Dimension + "\x1f" + t.Entry}] += t.Hits
		return nil
	})
	if err != nil {
		return err
	}
	var stances []stanceValue
	err = output.Stance.Scan(src.Root, src.Day, func(s output.StanceRow) error {
		if s.Stance == nil && s.AuthorialStance == nil {
			return nil
		}
		i, ok := index[s.ArticleID]
		if !ok || i < base {
			return fmt.Errorf("stance row for article %q, which is not in %s", s.ArticleID, output.Articles.Path(src.Root, src.Day))
		}
		stances = append(stances, stanceValue{article: i, actor: s.Actor, outlet: s.Outlet, stance: s.Stance, authorial: s.AuthorialStance})
		return nil
	})
	if err != nil {
		return err
	}
	r.sortByID(base, index, stances)
	return nil
}

// stanceValue is one stance row of a night until it is placed.
type stanceValue struct {
	article           int
	actor, outlet     string
	stance, authorial *float64
}

// sortByID puts the night's articles, from base on, in article id order,
// and adds its stance values in that order (keeping each article's rows in
// file order), so that the statistics depend only on which articles a night
// holds, not on how they are split into part files or ordered in them: the
// bootstrap resamples by position, and sums of floats depend on their order
// in the last bits. framing-beam writes a night as shards, each in an order
// of its own.
func (r *rawWindow) sortByID(base int, index map[string]int, stances []stanceValue) {
	n := len(r.outlet) - base
	ids := make([]string, n)
	for id, i := range index {
		ids[i-base] = id
	}
	order := make([]int, n) // order[k] is the old place of the k-th article by id
	for k := range order {
		order[k] = base + k
	}
	sort.Slice(order, func(a, b int) bool { return ids[order[a]-base] < ids[order[b]-base] })
	newPos := make([]int, n)
	for k, old := range order {
		newPos[old-base] = base + k
	}
	permute(r.outlet, base, order)
	permute(r.day, base, order)
	permute(r.tokens, base, order)
	for d := range r.dims {
		permute(r.per1k[d], base, order)
		permute(r.share[d], base, order)
		permute(r.hits[d], base, order)
	}
	sort.SliceStable(stances, func(a, b int) bool {
		return newPos[stances[a].article-base] < newPos[stances[b].article-base]
	})
	for _, s := range stances {
		r.addStance(r.stanceAct, s.actor, s.outlet, s.stance)
		r.addStance(r.authAct, s.actor, s.outlet, s.authorial)
	}
}

// permute reorders s[base:] so that its k-th element is the old s[order[k]].
func permute[T any](s []T, base int, order []int) {
	seg := make([]T, len(order))
	for k, old := range order {
		seg[k] = s[old]
	}
	copy(s[base:], seg)
}

// addStance appends one article's value v (nil: no tone, nothing to add)
// to the actor's values in m.
func (r *rawWindow) addStance(m map[string]*groupedValues, actor, outlet string, v *float64) {
	if v == nil {
		return
	}
	g := m[actor]
	if g == nil {
		g = &groupedValues{}
		m[actor] = g
	}
	g.outlet = append(g.outlet, r.intern(r.outletIdx, &r.outlets, outlet))
	g.value = append(g.value, *v)
}

// addDim starts the columns of a dimension first seen in a frames row, with
// the values of an article that has no row for it.
func (r *rawWindow) addDim(name string) int {
	d := r.intern(r.dimIdx, &r.dims, name)
	n := len(r.outlet)
	share := make([]float64, n)
	for i := range share {
		share[i] = math.NaN()
	}
	r.per1k = append(r.per1k, make([]float64, n))
	r.share = append(r.share, share)
	r.hits = append(r.hits, make([]int64, n))
	return d
}

// finish sorts outlets and dimensions. The columns are reused, not copied:
// the window's numbers are in memory once, a few dozen bytes per article.
func (r *rawWindow) finish(w output.Window) *windowData {
	outlets, outletMap := sortedRemap(r.outlets)
	dims, dimMap := sortedRemap(r.dims)
	n := len(r.outlet)
	wd := &windowData{window: w, dims: dims, outlets: outlets,
		outlet: r.outlet, day: r.day, logTokens: make([]float64, n), tokens: r.tokens,
		per1k: make([][]float64, len(dims)), share: make([][]float64, len(dims)), hits: make([][]int64, len(dims)),
		terms: make([]map[string]int64, len(outlets)), stance: remapGroups(r.stanceAct, outletMap),
		authorial: remapGroups(r.authAct, outletMap)}
	for od, d := range dimMap {
		wd.per1k[d], wd.share[d], wd.hits[d] = r.per1k[od], r.share[od], r.hits[od]
	}
	for i := range n {
		wd.outlet[i] = outletMap[r.outlet[i]]
		wd.logTokens[i] = math.Log(math.Max(1, float64(r.tokens[i])))
	}
	for o := range wd.terms {
		wd.terms[o] = map[string]int64{}
	}
	for k, v := range r.terms {
		wd.terms[outletMap[r.outletIdx[k[0]]]][k[1]] += v
	}
	return wd
}

// remapGroups renumbers the outlets of each actor's values by outletMap.
func remapGroups(m map[string]*groupedValues, outletMap []int) map[string]*groupedValues {
	out := make(map[string]*groupedValues, len(m))
	for actor, g := range m {
		ng := &groupedValues{value: g.value, outlet: make([]int, len(g.outlet))}
		for i, o := range g.outlet {
			ng.outlet[i] = outletMap[o]
		}
		out[actor] = ng
	}
	return out
}

// sortedRemap sorts names and returns, for each old index, the new one.
func sortedRemap(names []string) ([]string, []int) {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	pos := map[string]int{}
	for i, s := range sorted {
		pos[s] = i
	}
	remap := make([]int, len(names))
	for i, s := range names {
		remap[i] = pos[s]
	}
	return sorted, remap
}
