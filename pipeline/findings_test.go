package pipeline

import (
	"testing"

	"framing/features"
)

func TestFindingsTopDimensionAndSamples(t *testing.T) {
	var f Findings
	art := func(hits ...int) features.Scores {
		var sc features.Scores
		for i, h := range hits {
			sc.Frames = append(sc.Frames, features.Frame{Dimension: []string{"a", "b", "c"}[i], Hits: h})
		}
		return sc
	}
	f.addArticle(art(0, 2, 1), "", false)
	f.addArticle(art(0, 0, 0), "early March", true)
	f.addArticle(art(1, 1, 2), "", false)
	for _, d := range []string{"x1", "x2", "x3"} {
		f.addArticle(art(0, 0, 0), d, true)
	}
	if f.ArticlesWithHits != 2 {
		t.Errorf("articles with hits %d, want 2", f.ArticlesWithHits)
	}
	// b and c tie at 3 hits: the first in lexicon order wins.
	d, share, ok := f.TopDimension()
	if !ok || d.Dimension != "b" || d.Hits != 3 || share != 3.0/7 {
		t.Errorf("top %+v share %v ok %v", d, share, ok)
	}
	if got := len(f.DateSamples); got != maxDateSamples || f.DateSamples[0] != "early March" {
		t.Errorf("date samples %q", f.DateSamples)
	}
	if _, _, ok := (Findings{}).TopDimension(); ok {
		t.Error("a run without hits has a top dimension")
	}
}

func TestStrongerPair(t *testing.T) {
	a := PairFinding{Dimension: "d", OutletA: "A", OutletB: "B", HedgesG: -2}
	b := PairFinding{Dimension: "d", OutletA: "A", OutletB: "C", HedgesG: 1.5}
	c := PairFinding{Dimension: "d", OutletA: "A", OutletB: "D", HedgesG: 2}
	if !strongerPair(a, b) || strongerPair(b, a) {
		t.Error("|g| 2 is not stronger than 1.5")
	}
	if !strongerPair(a, c) || strongerPair(c, a) {
		t.Error("ties are not broken by name")
	}
}
