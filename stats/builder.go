package stats

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"framing/output"
)

// builder assembles a windowData from rows, in two passes: first every
// article (article, in the window's canonical order, with fileOrder saying
// where each stands in the files), then, once articlesDone has fixed the
// outlets and which of them take part in what, the frames of those articles
// in file order (frame), their terms and stance (term, stance), and finish.
// The loader feeds it from stored partitions; tests feed it directly, in
// one order.
type builder struct {
	wd  *windowData
	opt Options
	dir string // where the scratch files go

	outletIdx map[string]int32 // name → index into wd.outlets once articlesDone ran
	rawOutlet []string         // names in order of first appearance, before articlesDone
	tokens    []int64          // per article, until articlesDone

	dimIdx   map[string]int // name → column of values
	dimNames []string       // by column
	hits     [][]int64      // [column][outlet]
	marked   int            // the last article (file order) counted in shareCount

	entryIdx map[string]map[string]int // dimension → entry → raw entry
	entries  [][2]string               // raw entry → {dimension, entry}
	total    []int64                   // [raw entry]
	counts   [][]int64                 // [keyness outlet][raw entry]
}

func newBuilder(w output.Window, lex lexiconInfo, dir string, opt Options) *builder {
	return &builder{
		wd:        &windowData{window: w, lex: lex, stance: map[string]*groupedValues{}, authorial: map[string]*groupedValues{}},
		opt:       opt,
		dir:       dir,
		outletIdx: map[string]int32{},
		dimIdx:    map[string]int{},
		entryIdx:  map[string]map[string]int{},
		marked:    -1,
	}
}

// outletIndex names an outlet before articlesDone: its index for article.
func (b *builder) outletIndex(outlet string) int32 {
	o, ok := b.outletIdx[outlet]
	if !ok {
		o = int32(len(b.rawOutlet))
		b.outletIdx[outlet] = o
		b.rawOutlet = append(b.rawOutlet, outlet)
	}
	return o
}

// article adds the next article in canonical order: its outlet (from
// outletIndex), its publication day (days since the window's first day,
// NaN when unknown) and its n_tokens.
func (b *builder) article(o int32, day float64, tokens int64) {
	b.wd.outlet = append(b.wd.outlet, o)
	b.wd.day = append(b.wd.day, day)
	b.tokens = append(b.tokens, tokens)
}

// fileOrder says where the next article of the files stands in the
// canonical order; the frames come in file order.
func (b *builder) fileOrder(canonical int32) { b.wd.canon = append(b.wd.canon, canonical) }

// articlesDone sorts the outlets, sums their articles and tokens, decides
// the selection and opens the scratch files.
func (b *builder) articlesDone() error {
	wd := b.wd
	sorted, remap := sortedRemap(b.rawOutlet)
	wd.outlets = sorted
	for name, o := range b.outletIdx {
		b.outletIdx[name] = int32(remap[o])
	}
	t := &wd.totals
	t.articles, t.tokens = make([]int, len(sorted)), make([]int64, len(sorted))
	wd.logTokens = make([]float64, len(wd.outlet))
	for i, o := range wd.outlet {
		o = int32(remap[o])
		wd.outlet[i] = o
		t.articles[o]++
		t.tokens[o] += b.tokens[i]
		t.allTokens += b.tokens[i]
		wd.logTokens[i] = math.Log(math.Max(1, float64(b.tokens[i])))
	}
	b.tokens, b.rawOutlet = nil, nil
	wd.sel = selectOutlets(t.articles, b.opt.MinArticles, b.opt.MaxPairOutlets)
	b.counts = make([][]int64, len(wd.sel.eligible))
	t.shareCount = make([]int32, len(sorted))
	var err error
	if wd.values, err = newColumnStore(b.dir, len(wd.outlet)); err != nil {
		return err
	}
	if wd.shares, err = newColumnStore(b.dir, len(wd.outlet)); err != nil {
		return err
	}
	return nil
}

// frame adds the score on one dimension of article j, numbered in file
// order. Frames arrive in file order; an article has at most one row per
// dimension. per_1k and the share (0 for a null, an article without frame
// hits) go to scratch columns in file order, which the dimension tasks put
// in canonical order; hits are summed per outlet.
func (b *builder) frame(j int, dim string, per1k float64, hits int64, share float64) error {
	c, err := b.column(dim)
	if err != nil {
		return err
	}
	s := b.wd.values
	switch f := s.filled(c); {
	case f > j:
		return fmt.Errorf("a second frames row of dimension %s for one article, or rows out of article order", dim)
	case f < j:
		return fmt.Errorf("no frames row of dimension %s for %d article(s)", dim, j-f)
	}
	o := b.wd.outlet[b.wd.canon[j]]
	b.hits[c][o] += hits
	if math.IsNaN(share) {
		share = 0
	} else if b.marked != j {
		b.marked = j
		b.wd.totals.shareCount[o]++ // the article has frame hits: its shares are not null
	}
	if err := s.put(c, per1k); err != nil {
		return err
	}
	return b.wd.shares.put(c, share)
}

// column returns the column of dimension dim, adding it when it is new. A
// dimension first seen after some articles were read lacks their rows: an
// error, since within one lexicon every article has a row per dimension.
func (b *builder) column(dim string) (int, error) {
	if c, ok := b.dimIdx[dim]; ok {
		return c, nil
	}
	c := b.wd.values.addColumn()
	b.wd.shares.addColumn()
	b.dimIdx[dim] = c
	b.dimNames = append(b.dimNames, dim)
	b.hits = append(b.hits, make([]int64, len(b.wd.outlets)))
	return c, nil
}

// term adds the hits of one lexicon entry in one article of outlet.
func (b *builder) term(outlet, dim, entry string, hits int64) error {
	o, ok := b.outletIdx[outlet]
	if !ok {
		return fmt.Errorf("terms row of outlet %q, which has no article", outlet)
	}
	byEntry := b.entryIdx[dim]
	if byEntry == nil {
		byEntry = map[string]int{}
		b.entryIdx[dim] = byEntry
	}
	e, ok := byEntry[entry]
	if !ok {
		e = len(b.entries)
		byEntry[entry] = e
		b.entries = append(b.entries, [2]string{dim, entry})
		b.total = append(b.total, 0)
	}
	b.total[e] += hits
	if k := b.wd.sel.keyOf[o]; k >= 0 {
		for len(b.counts[k]) <= e {
			b.counts[k] = append(b.counts[k], 0)
		}
		b.counts[k][e] += hits
	}
	return nil
}

// stance adds one article's stance toward actor in one voice (measure
// "stance", both voices, or "authorial_stance"), in canonical order of the
// articles.
func (b *builder) stance(measure, outlet, actor string, v float64) error {
	o, ok := b.outletIdx[outlet]
	if !ok {
		return fmt.Errorf("stance row of outlet %q, which has no article", outlet)
	}
	m := b.wd.stance
	if measure == "authorial_stance" {
		m = b.wd.authorial
	}
	g := m[actor]
	if g == nil {
		g = &groupedValues{}
		m[actor] = g
	}
	g.outlet = append(g.outlet, o)
	g.value = append(g.value, v)
	return nil
}

// finish checks that every article has a row of every dimension, sorts the
// dimensions and entries and hands out the window.
func (b *builder) finish() (*windowData, error) {
	wd := b.wd
	if err := errors.Join(wd.values.finish(), wd.shares.finish()); err != nil {
		return nil, err
	}
	for c, name := range b.dimNames {
		if f := wd.values.filled(c); f != wd.n() {
			return nil, fmt.Errorf("no frames row of dimension %s for %d article(s)", name, wd.n()-f)
		}
	}
	dims, remap := sortedRemap(b.dimNames)
	wd.dims, wd.colOf = dims, make([]int, len(dims))
	t := &wd.totals
	t.hits = make([][]int64, len(wd.outlets))
	for o := range t.hits {
		t.hits[o] = make([]int64, len(dims))
	}
	t.shareSum = make([][]float64, len(dims)) // filled by the dimension tasks, in canonical order
	wd.canonical = make([]bool, len(dims))
	for c, d := range remap {
		wd.colOf[d] = c
		for o, h := range b.hits[c] {
			t.hits[o][d] = h
		}
	}
	b.finishTerms()
	wd.lay = newLayout(wd.outlet, t.articles)
	var err error
	wd.ranks, err = newColumnStore(b.dir, wd.n())
	if err != nil {
		return nil, err
	}
	wd.medium = newMediumOutlets(t.articles)
	if wd.grouped, err = newColumnStore(b.dir, wd.medium.n); err != nil {
		return nil, err
	}
	for range dims {
		wd.ranks.addColumn()
		wd.grouped.addColumn()
	}
	return wd, nil
}

// finishTerms sorts the entries by dimension and entry and lays the counts
// out in that order.
func (b *builder) finishTerms() {
	order := make([]int, len(b.entries))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, c := b.entries[order[i]], b.entries[order[j]]
		if a[0] != c[0] {
			return a[0] < c[0]
		}
		return a[1] < c[1]
	})
	k := &b.wd.keys
	k.dims, k.entries, k.total = make([]string, len(order)), make([]string, len(order)), make([]int64, len(order))
	for i, e := range order {
		k.dims[i], k.entries[i], k.total[i] = b.entries[e][0], b.entries[e][1], b.total[e]
	}
	k.counts = make([][]int64, len(b.counts))
	for o, raw := range b.counts {
		k.counts[o] = make([]int64, len(order))
		for i, e := range order {
			if e < len(raw) {
				k.counts[o][i] = raw[e]
			}
		}
	}
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
