package model

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Datasets shared with testdata/tests_golden.R (same numbers).
var (
	gold1 = []float64{2.1, 3.4, 3.4, 5.0, 1.8, 2.9, 4.4}
	gold2 = []float64{3.9, 4.4, 5.1, 6.0, 4.4, 3.3, 5.8, 6.7, 4.9, 5.1, 3.4, 7.2}
	gold3 = []float64{1.1, 2.0, 2.9, 1.1, 3.4}
	goldP = []float64{0.01, 0.04, 0.03, math.NaN(), 0.005, 0.04, 0.2, 0.5, 0.0001}
)

// readGolden reads testdata/tests_golden.csv, produced by R 4.2.2 (see its first line)
// running testdata/tests_golden.R.
func readGolden(t *testing.T) map[string]float64 {
	t.Helper()
	f, err := os.Open("testdata/tests_golden.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "name,value" {
			continue
		}
		name, val, _ := strings.Cut(line, ",")
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			t.Fatalf("golden %q: %v", line, err)
		}
		m[name] = v
	}
	return m
}

// nearR reports agreement within 1e-8 relative, with an absolute floor of 1e-12.
func nearR(want, got float64) bool {
	return math.Abs(want-got) <= math.Max(1e-8*math.Abs(want), 1e-12)
}

func TestGoldenR(t *testing.T) {
	g := readGolden(t)
	got := map[string]float64{}
	groups := map[string][]float64{"g1": gold1, "g2": gold2, "g3": gold3}
	for nm, x := range groups {
		d := Describe(x)
		got[nm+".mean"], got[nm+".sd"], got[nm+".se"] = d.Mean, d.SD, d.SE
		got[nm+".cilow"], got[nm+".cihigh"] = d.CILow, d.CIHigh
		s := append([]float64(nil), x...)
		sortGold(s)
		for i, p := range []float64{0, 0.1, 0.25, 0.5, 0.75, 0.9, 1} {
			got[fmt.Sprintf("%s.q%d", nm, i+1)] = Quantile7(s, p)
		}
		if d.Median != Quantile7(s, 0.5) || d.Q25 != Quantile7(s, 0.25) || d.Q75 != Quantile7(s, 0.75) {
			t.Errorf("%s: Describe quantiles disagree with Quantile7", nm)
		}
	}
	all := [][]float64{gold1, gold2, gold3}
	a := OneWayANOVA(all)
	got["anova.f"], got["anova.df1"], got["anova.df2"], got["anova.p"], got["anova.eta2"] = a.F, a.DF1, a.DF2, a.P, a.Eta2
	w := WelchANOVA(all)
	got["welch.f"], got["welch.df1"], got["welch.df2"], got["welch.p"] = w.F, w.DF1, w.DF2, w.P
	k := KruskalWallis(all)
	got["kw.h"], got["kw.df"], got["kw.p"], got["kw.eps2"] = k.H, k.DF, k.P, k.Epsilon2
	for _, pr := range [][2]string{{"g1", "g2"}, {"g2", "g3"}, {"g1", "g3"}} {
		x, y, key := groups[pr[0]], groups[pr[1]], pr[0]+pr[1]
		tt := WelchT(x, y)
		got[key+".t"], got[key+".df"], got[key+".p"] = tt.T, tt.DF, tt.P
		got[key+".cilow"], got[key+".cihigh"], got[key+".g"] = tt.CILow, tt.CIHigh, tt.HedgesG
		mw := MannWhitney(x, y)
		got[key+".w"], got[key+".wp"], got[key+".delta"] = mw.U, mw.P, mw.CliffsDelta
	}
	holm, bh := AdjustHolm(goldP), AdjustBH(goldP)
	for i := range goldP {
		if math.IsNaN(goldP[i]) {
			if !math.IsNaN(holm[i]) || !math.IsNaN(bh[i]) {
				t.Errorf("p[%d] NaN not kept", i)
			}
			continue
		}
		got[fmt.Sprintf("holm%d", i+1)], got[fmt.Sprintf("bh%d", i+1)] = holm[i], bh[i]
	}
	for name, want := range g {
		if name == "r_version" {
			continue
		}
		v, ok := got[name]
		if !ok {
			t.Errorf("%s: not computed", name)
			continue
		}
		if !nearR(want, v) {
			t.Errorf("%s = %.17g, want %.17g (R 4.2.2)", name, v, want)
		}
	}
}

func sortGold(s []float64) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
