package lexeval

import (
	"cmp"
	"slices"
)

// Classification is how well "per_1k ≥ Threshold" picks out the positive
// articles.
type Classification struct {
	Threshold float64 `json:"threshold"` // per_1k at or above which an article counts as positive
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"` // 0 when no article is flagged
	Recall    float64 `json:"recall"`    // 0 when there is no positive article
	F1        float64 `json:"f1"`
}

func classify(threshold float64, tp, fp, np int) Classification {
	c := Classification{Threshold: threshold, TP: tp, FP: fp, FN: np - tp}
	if tp+fp > 0 {
		c.Precision = float64(tp) / float64(tp+fp)
	}
	if np > 0 {
		c.Recall = float64(tp) / float64(np)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
	return c
}

// AnyHit classifies an article as positive when the dimension has at least
// one hit in it (per_1k > 0), the reading a dictionary user makes first.
func AnyHit(pos, neg []float64) Classification {
	tp, fp := 0, 0
	for _, x := range pos {
		if x > 0 {
			tp++
		}
	}
	for _, x := range neg {
		if x > 0 {
			fp++
		}
	}
	c := classify(0, tp, fp, len(pos))
	c.Threshold = minPositive(pos, neg)
	return c
}

// minPositive is the smallest per_1k above 0, the threshold that "any hit"
// amounts to; 0 when there is none.
func minPositive(pos, neg []float64) float64 {
	m := 0.0
	for _, x := range slices.Concat(pos, neg) {
		if x > 0 && (m == 0 || x < m) {
			m = x
		}
	}
	return m
}

// BestF1 tries every per_1k above 0 that occurs as the threshold and keeps
// the one with the highest F1; among equal F1 the higher threshold (fewer
// articles flagged) wins. The threshold is chosen on the same articles it
// is scored on, so its F1 is optimistic: it says how well the dimension
// could separate the labels, not how well it will on new articles.
func BestF1(pos, neg []float64) Classification {
	type obs struct {
		x   float64
		pos bool
	}
	all := make([]obs, 0, len(pos)+len(neg))
	for _, x := range pos {
		all = append(all, obs{x, true})
	}
	for _, x := range neg {
		all = append(all, obs{x, false})
	}
	slices.SortFunc(all, func(a, b obs) int { return cmp.Compare(b.x, a.x) }) // descending
	best := classify(0, 0, 0, len(pos))
	tp, fp := 0, 0
	for i := 0; i < len(all) && all[i].x > 0; {
		t := all[i].x
		for ; i < len(all) && all[i].x == t; i++ {
			if all[i].pos {
				tp++
			} else {
				fp++
			}
		}
		if c := classify(t, tp, fp, len(pos)); c.F1 > best.F1 {
			best = c
		}
	}
	return best
}
