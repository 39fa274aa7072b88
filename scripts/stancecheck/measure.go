package main

import (
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"

	"framing/features"
	"framing/model"
)

// voices pick the positive and negative mass a stance is computed from.
var voices = map[string]func(features.Stance) (pos, neg float64){
	"combined":  func(s features.Stance) (float64, float64) { return s.Positive, s.Negative },
	"authorial": func(s features.Stance) (float64, float64) { return s.Authorial.Positive, s.Authorial.Negative },
	"quoted":    func(s features.Stance) (float64, float64) { return s.Quoted.Positive, s.Quoted.Negative },
}

var voiceNames = func() []string {
	var names []string
	for k := range voices {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}()

// subsets are the whole corpus and its two halves, split by the parity of
// the FNV-1a hash of the article id: stable, and independent of the labels.
var subsets = []string{"all", "half A", "half B"}

func inSubset(id string, subset int) bool {
	if subset == 0 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64()%2) == subset-1
}

// point is one article that mentions one actor: its tone mass toward the
// actor and, when the mass is not zero, its stance.
type point struct {
	id, outlet string
	lean       int
	stance     float64 // (pos − neg) / (pos + neg); meaningful only when has
	pos, neg   float64
	has        bool // pos + neg > 0
}

// Outlet-level options (docs/stance.md, "Outlets"): which articles an outlet
// must have min of, and how its articles are combined.
const (
	baseStance  = "stance"  // min articles with a defined stance toward the actor
	baseMention = "mention" // min articles that mention the actor
	aggMean     = "mean"    // mean of the article stances
	aggPooled   = "pooled"  // (ΣP − ΣN) / (ΣP + ΣN) over the outlet's articles
)

// outletMean is one outlet's mean stance toward one actor.
type outletMean struct {
	outlet string
	lean   int
	n      int
	mean   float64
}

// result is the validation of one actor on one subset.
type result struct {
	actor, subset string
	sign          int     // +1: right expected more positive; −1: left
	auc           float64 // P(expected side's article more positive) + ½ P(tie)
	nExpected     int     // articles with a stance on the expected side
	nOther        int     // and on the other side
	rho, p        float64 // Spearman of lean and outlet mean, times sign
	min           int     // articles an outlet needs (see base)
	base, agg     string
	outlets       []outletMean
}

// measure computes the results per actor (lexicon order, actors without an
// expected side skipped) and subset.
func measure(all []scored, actors []string, c config) []result {
	var out []result
	for _, actor := range actors {
		sign, ok := c.expect[actor]
		if !ok {
			continue
		}
		pts := points(all, actor, voices[c.voice])
		for si, name := range subsets {
			var sub []point
			for _, p := range pts {
				if inSubset(p.id, si) {
					sub = append(sub, p)
				}
			}
			min := c.minArticles
			if si > 0 {
				min = (min + 1) / 2 // a half has half the articles: the same outlets qualify
			}
			out = append(out, validate(actor, name, sign, sub, min, c.base, c.agg))
		}
	}
	return out
}

// points lists the articles that mention actor, with or without a stance.
func points(all []scored, actor string, voice func(features.Stance) (float64, float64)) []point {
	var pts []point
	for _, a := range all {
		for _, st := range a.Stance {
			if st.Actor != actor {
				continue
			}
			pos, neg := voice(st)
			p := point{id: a.ID, outlet: a.Outlet, lean: a.Lean, pos: pos, neg: neg, has: pos+neg > 0}
			if p.has {
				p.stance = (pos - neg) / (pos + neg)
			}
			pts = append(pts, p)
		}
	}
	return pts
}

// validate measures one actor on one subset: the AUC over the articles with
// a stance, the Spearman ρ over the outlets that pass min (see outletMeans).
func validate(actor, subset string, sign int, pts []point, min int, base, agg string) result {
	r := result{actor: actor, subset: subset, sign: sign, min: min, base: base, agg: agg,
		auc: math.NaN(), rho: math.NaN(), p: math.NaN()}
	var expected, other []float64
	for _, p := range pts {
		if !p.has {
			continue
		}
		switch p.lean * sign {
		case 1:
			expected = append(expected, p.stance)
		case -1:
			other = append(other, p.stance)
		}
	}
	r.nExpected, r.nOther = len(expected), len(other)
	if len(expected) > 0 && len(other) > 0 {
		r.auc = model.MannWhitney(expected, other).U / float64(len(expected)*len(other))
	}
	r.outlets = outletMeans(pts, min, base, agg)
	var lean, mean []float64
	for _, o := range r.outlets {
		lean = append(lean, float64(o.lean*sign))
		mean = append(mean, o.mean)
	}
	if c := model.Spearman(lean, mean); c.Note == "" {
		r.rho, r.p = c.R, c.P
	}
	return r
}

// outletMeans combines the articles of every outlet that has at least min
// articles with a stance (base "stance") or mentioning the actor (base
// "mention"), sorted by outlet name. The outlet's figure is the mean of its
// article stances (agg "mean") or its pooled stance (ΣP − ΣN) / (ΣP + ΣN)
// (agg "pooled"); either way only articles with a stance enter it, so an
// outlet of the "mention" base without any is left out. n counts the
// articles with a stance.
func outletMeans(pts []point, min int, base, agg string) []outletMean {
	type acc struct {
		outletMean
		mentions int
		pos, neg float64
	}
	by := map[string]*acc{}
	for _, p := range pts {
		o := by[p.outlet]
		if o == nil {
			o = &acc{outletMean: outletMean{outlet: p.outlet, lean: p.lean}}
			by[p.outlet] = o
		}
		o.mentions++
		if p.has {
			o.n++
			o.mean += p.stance
			o.pos += p.pos
			o.neg += p.neg
		}
	}
	var out []outletMean
	for _, o := range by {
		count := o.n
		if base == baseMention {
			count = o.mentions
		}
		if count < min || o.n == 0 {
			continue
		}
		if agg == aggPooled {
			o.mean = (o.pos - o.neg) / (o.pos + o.neg)
		} else {
			o.mean /= float64(o.n)
		}
		out = append(out, o.outletMean)
	}
	slices.SortFunc(out, func(a, b outletMean) int { return strings.Compare(a.outlet, b.outlet) })
	return out
}
