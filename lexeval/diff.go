package lexeval

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"framing/corpus"
	"framing/features"
	"framing/lexicon"
	"framing/model"
)

// Change is one difference between two lexicons, in their normalized
// entry form (lexicon.Entry.Key), so that spellings the matcher treats
// alike are no change.
type Change struct {
	Section string  `json:"section"` // "dimension NAME terms", "dimension NAME exclude", "negators", "tone positive", "actor NAME", "dimensions", "actors"
	Kind    string  `json:"change"`  // added, removed, weight
	Entry   string  `json:"entry"`   // the entry, or the dimension or actor name
	Old     float64 `json:"old_weight,omitempty"`
	New     float64 `json:"new_weight,omitempty"`
}

// DiffLexicons lists what changed from a to b: dimensions and actors added
// or removed, and per list (a dimension's terms and excludes, the
// negators, each tone list, each actor's names) the entries added, removed
// or given another weight. Metadata (name, version, descriptions) is left
// out: it changes no score. The changes are sorted by section, kind and
// entry.
func DiffLexicons(a, b *lexicon.Lexicon) []Change {
	var out []Change
	lists := func(l *lexicon.Lexicon) map[string][]lexicon.Entry {
		m := map[string][]lexicon.Entry{"negators": l.Negators, "tone positive": l.Tone.Positive,
			"tone negative": l.Tone.Negative, "tone intensifiers": l.Tone.Intensifiers}
		for _, d := range l.Dimensions {
			m["dimension "+d.Name+" terms"], m["dimension "+d.Name+" exclude"] = d.Terms, d.Exclude
		}
		for _, x := range l.Actors {
			m["actor "+x.Name] = x.Aliases
		}
		return m
	}
	la, lb := lists(a), lists(b)
	for _, sec := range unionKeys(la, lb) {
		out = append(out, diffEntries(sec, la[sec], lb[sec])...)
	}
	names := func(l *lexicon.Lexicon) (dims, actors []string) {
		for _, d := range l.Dimensions {
			dims = append(dims, d.Name)
		}
		for _, x := range l.Actors {
			actors = append(actors, x.Name)
		}
		return dims, actors
	}
	da, aa := names(a)
	db, ab := names(b)
	out = append(out, diffNames("dimensions", da, db)...)
	out = append(out, diffNames("actors", aa, ab)...)
	slices.SortFunc(out, func(x, y Change) int {
		return cmp.Or(strings.Compare(x.Section, y.Section), strings.Compare(x.Kind, y.Kind), strings.Compare(x.Entry, y.Entry))
	})
	return out
}

func unionKeys(a, b map[string][]lexicon.Entry) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// diffEntries compares one list; an entry given twice counts once, with
// its first weight.
func diffEntries(section string, a, b []lexicon.Entry) []Change {
	weights := func(es []lexicon.Entry) map[string]float64 {
		m := map[string]float64{}
		for _, e := range es {
			if _, ok := m[e.Key()]; !ok {
				m[e.Key()] = cmp.Or(e.Weight, 1)
			}
		}
		return m
	}
	wa, wb := weights(a), weights(b)
	var out []Change
	for k, w := range wa {
		switch nw, ok := wb[k]; {
		case !ok:
			out = append(out, Change{Section: section, Kind: "removed", Entry: k})
		case nw != w:
			out = append(out, Change{Section: section, Kind: "weight", Entry: k, Old: w, New: nw})
		}
	}
	for k := range wb {
		if _, ok := wa[k]; !ok {
			out = append(out, Change{Section: section, Kind: "added", Entry: k})
		}
	}
	return out
}

func diffNames(section string, a, b []string) []Change {
	var out []Change
	for _, n := range a {
		if !slices.Contains(b, n) {
			out = append(out, Change{Section: section, Kind: "removed", Entry: n})
		}
	}
	for _, n := range b {
		if !slices.Contains(a, n) {
			out = append(out, Change{Section: section, Kind: "added", Entry: n})
		}
	}
	return out
}

// Effect is what a lexicon change did to one dimension's per_1k on a
// corpus, for the dimensions both versions have.
type Effect struct {
	Dimension string   `json:"dimension"`
	N         int      `json:"n"`       // articles scored
	Pearson   *float64 `json:"pearson"` // correlation of the two versions' per_1k; null when either is constant
	MeanA     float64  `json:"mean_a"`
	MeanB     float64  `json:"mean_b"`
	Shift     float64  `json:"mean_shift"` // MeanB − MeanA
	Movers    []Mover  `json:"movers"`     // the articles whose per_1k moved most
}

// Mover is one article's per_1k under both versions.
type Mover struct {
	ID     string  `json:"id"`
	Outlet string  `json:"outlet"`
	A      float64 `json:"per_1k_a"`
	B      float64 `json:"per_1k_b"`
	Delta  float64 `json:"delta"`
}

// CompareScores scores every article of inputs with both lexicons and
// returns, per dimension they share (in b's order), the Pearson
// correlation of the two per_1k columns, the mean shift and the top
// articles by |Δ per_1k| (ties by id). Articles are scored one after
// another; a stop request (ctx) ends the reading.
func CompareScores(ctx context.Context, a, b *lexicon.Lexicon, inputs []string, top int) ([]Effect, error) {
	ma, err := lexicon.Compile(a)
	if err != nil {
		return nil, fmt.Errorf("compiling lexicon %s: %w", a.Name, err)
	}
	mb, err := lexicon.Compile(b)
	if err != nil {
		return nil, fmt.Errorf("compiling lexicon %s: %w", b.Name, err)
	}
	dimsA, dimsB := ma.Dimensions(), mb.Dimensions()
	var shared [][2]int // index in a, index in b
	for j, d := range dimsB {
		if i := slices.Index(dimsA, d); i >= 0 {
			shared = append(shared, [2]int{i, j})
		}
	}
	cols := make([][2][]float64, len(shared))
	var ids, outlets []string
	err = eachArticle(ctx, inputs, corpus.Options{}, func(art corpus.Article) {
		in := features.Input{Title: art.Title, Text: art.Text, Outlet: art.Outlet}
		sa, sb := features.Extract(in, ma, features.DefaultOptions()), features.Extract(in, mb, features.DefaultOptions())
		for k, s := range shared {
			cols[k][0] = append(cols[k][0], sa.Frames[s[0]].Per1k)
			cols[k][1] = append(cols[k][1], sb.Frames[s[1]].Per1k)
		}
		ids, outlets = append(ids, art.ID), append(outlets, art.Outlet)
	}, func() {})
	if err != nil {
		return nil, err
	}
	out := make([]Effect, len(shared))
	for k, s := range shared {
		x, y := cols[k][0], cols[k][1]
		e := Effect{Dimension: dimsB[s[1]], N: len(x)}
		if len(x) > 0 {
			e.MeanA, e.MeanB = model.MomentsOf(x).Mean, model.MomentsOf(y).Mean
			e.Shift = e.MeanB - e.MeanA
			e.Pearson = finitePtr(model.Pearson(x, y).R)
		}
		for i := range x {
			e.Movers = append(e.Movers, Mover{ID: ids[i], Outlet: outlets[i], A: x[i], B: y[i], Delta: y[i] - x[i]})
		}
		slices.SortFunc(e.Movers, func(p, q Mover) int {
			return cmp.Or(cmp.Compare(math.Abs(q.Delta), math.Abs(p.Delta)), strings.Compare(p.ID, q.ID))
		})
		e.Movers = e.Movers[:min(top, len(e.Movers))]
		out[k] = e
	}
	return out, nil
}
