package model

import (
	"math"
	"testing"
)

// checkNoted fails when a numeric field is non-finite without a Note, or a Note is
// missing where the case is degenerate.
func checkNoted(t *testing.T, name, note string, wantNote bool, fields ...float64) {
	t.Helper()
	nonFinite := false
	for _, f := range fields {
		if _, ok := Finite(f); !ok {
			nonFinite = true
		}
	}
	if nonFinite && note == "" {
		t.Errorf("%s: non-finite field without a Note", name)
	}
	if wantNote && note == "" {
		t.Errorf("%s: want a Note", name)
	}
}

func TestDegenerate(t *testing.T) {
	inf := math.Inf(1)
	cases := map[string][][]float64{
		"empty":        {},
		"empty groups": {{}, {}},
		"single group": {{1, 2, 3}},
		"n=1 each":     {{1}, {2}},
		"zero var":     {{2, 2, 2}, {2, 2}},
		"all zeros":    {{0, 0}, {0, 0, 0}},
		"one flat":     {{1, 1, 1}, {1, 2, 3}},
		"non-finite":   {{1, inf}, {1, 2}},
	}
	for name, gs := range cases {
		a := OneWayANOVA(gs)
		checkNoted(t, name+"/anova", a.Note, name != "one flat", a.F, a.DF2, a.P)
		w := WelchANOVA(gs)
		checkNoted(t, name+"/welch", w.Note, true, w.F, w.DF2, w.P)
		k := KruskalWallis(gs)
		checkNoted(t, name+"/kw", k.Note, name != "one flat" && name != "n=1 each", // KW is defined for singleton groups, as R kruskal.test
			k.H, k.P, k.Epsilon2)
		var x, y []float64
		if len(gs) > 0 {
			x = gs[0]
		}
		if len(gs) > 1 {
			y = gs[1]
		}
		tt := WelchT(x, y)
		checkNoted(t, name+"/t", tt.Note, name != "one flat", tt.T, tt.P, tt.DF, tt.HedgesG)
		mw := MannWhitney(x, y)
		checkNoted(t, name+"/mw", mw.Note, false, mw.U, mw.P, mw.Z, mw.CliffsDelta)
		d := Describe(x)
		checkNoted(t, name+"/describe", d.Note, false, d.Mean, d.SD, d.CILow, d.Median)
		ci := BootstrapMeanCI(x, 50, 1, 0.95)
		checkNoted(t, name+"/boot", ci.Note, false, ci.Lo, ci.Hi)
	}
	if d := Describe([]float64{5, 5, 5}); d.SD != 0 || d.CILow != 5 || d.CIHigh != 5 || d.Note != "" {
		t.Errorf("zero-variance Describe = %+v", d)
	}
	if d := Describe([]float64{5}); d.Mean != 5 || d.Median != 5 || d.Note != NoteTooFew {
		t.Errorf("n=1 Describe = %+v", d)
	}
	if ci := BootstrapMeanCI([]float64{1, 2}, 10, 1, 1.5); ci.Note != NoteBadLevel {
		t.Errorf("bad level: %+v", ci)
	}
	if got := AdjustBH(nil); len(got) != 0 {
		t.Errorf("AdjustBH(nil) = %v", got)
	}
	if r, ts := Ranks([]float64{3, 1, 3, 2, 3}); ts != 24 || r[0] != 4 || r[1] != 1 {
		t.Errorf("Ranks = %v, %v; want ties 24, mid-rank 4", r, ts)
	}
}

func TestMomentsMerge(t *testing.T) {
	x := append(append(append([]float64(nil), gold1...), gold2...), gold3...)
	all := MomentsOf(x)
	var a, b Moments
	for _, v := range x[:10] {
		a.Add(v)
	}
	b = MomentsOf(x[10:])
	a.Merge(b)
	for _, p := range [][2]float64{{all.N, a.N}, {all.Mean, a.Mean}, {all.M2, a.M2}} {
		if math.Abs(p[0]-p[1]) > 1e-12*math.Max(1, math.Abs(p[0])) {
			t.Errorf("merge of halves = %+v, all at once = %+v", a, all)
		}
	}
	ms := []Moments{MomentsOf(gold1), MomentsOf(gold2), MomentsOf(gold3)}
	if got, want := OneWayANOVAFromMoments(ms), OneWayANOVA([][]float64{gold1, gold2, gold3}); got != want {
		t.Errorf("from moments %+v, from values %+v", got, want)
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	a := BootstrapMeanCI(gold2, 2000, 42, 0.95)
	b := BootstrapMeanCI(gold2, 2000, 42, 0.95)
	c := BootstrapMeanCI(gold2, 2000, 43, 0.95)
	if a != b || a.Note != "" {
		t.Errorf("same seed gave %+v and %+v", a, b)
	}
	if a == c {
		t.Errorf("different seeds gave the same interval %+v", a)
	}
	m := MomentsOf(gold2).Mean
	if !(a.Lo < m && m < a.Hi) {
		t.Errorf("interval %+v does not hold the mean %v", a, m)
	}
	big := make([]float64, BootstrapExactMaxN+1)
	for i := range big {
		big[i] = float64(i % 7)
	}
	if ci := BootstrapMeanCI(big, 0, 1, 0.95); ci.Note != NoteBootNormal || !(ci.Lo < ci.Hi) {
		t.Errorf("large-n bootstrap = %+v", ci)
	}
}
