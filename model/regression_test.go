package model

import (
	"errors"
	"math"
	"testing"
)

// The golden data set, identical to the literals in testdata/models_golden.R.
var (
	gOutlet = []string{"Alpha", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Beta", "Gamma", "Alpha", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Beta", "Gamma"}
	gTokens = []float64{200, 533, 866, 290, 623, 956, 380, 713, 1046, 470, 803, 227, 560, 893, 317, 650, 983, 407, 740, 1073, 497, 830, 254, 587, 920, 344, 677, 1010, 434, 767}
	gDays   = []float64{0.0, 11.0, 9.0, 7.0, 5.0, 3.0, 1.0, 12.0, 10.0, 8.0, 6.0, 4.0, 2.0, 0.0, 11.0, 9.0, 7.0, 5.0, 3.0, 1.0, 12.0, 10.0, 8.0, 6.0, 4.0, 2.0, 0.0, 11.0, 9.0, 7.0}
	gY      = []float64{3.3, 4.5, 5.6, 3.8, 6.1, 5.1, 5.6, 5.2, 7.4, 4.2, 5.3, 4.9, 3.9, 4.8, 5.2, 6.3, 5.2, 5.2, 4.2, 5.2, 4.3, 6.5, 4.8, 6.1, 4.9, 6.5, 3.9, 5.6, 5.4, 4.3}
	gZ      = []float64{0.0, 2.0, 4.0, 6.0, 0.33, 2.33, 4.33, 6.33, 0.67, 2.67, 4.67, 6.67, 1.0, 3.0, 5.0, 7.0, 1.33, 3.33, 5.33, 7.33, 1.67, 3.67, 5.67, 0.0, 2.0, 4.0, 6.0, 0.33, 2.33, 4.33}
)

func logsOf(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = math.Log(v)
	}
	return out
}

func TestOutletRegressionGolden(t *testing.T) {
	g := modelsGolden(t)
	res, err := OutletRegression(gY, gOutlet, logsOf(gTokens), gDays, true)
	if err != nil {
		t.Fatal(err)
	}
	// R 4.2.2 summary(lm(y ~ factor(outlet) + log(tokens) + days)); reference Alpha (9
	// articles, tied with Beta, first alphabetically).
	wantNames := []string{"(Intercept)", "outlet[T.Beta]", "outlet[T.Delta]", "outlet[T.Gamma]", "log_n_tokens", "days"}
	for j, n := range wantNames {
		if res.Names[j] != n {
			t.Errorf("name %d = %q, want %q", j, res.Names[j], n)
		}
	}
	const rel = 1e-8
	for _, f := range []struct {
		name string
		got  []float64
	}{{"lm.coef", res.Coef}, {"lm.se", res.SE}, {"lm.t", res.T}, {"lm.p", res.P}} {
		for j, w := range modelsGoldenVec(t, g, f.name) {
			checkRel(t, f.name+" "+res.Names[j], f.got[j], w, rel)
		}
	}
	checkRel(t, "R²", res.R2, g["lm.r2"], rel)
	checkRel(t, "adj R²", res.AdjR2, g["lm.adjr2"], rel)
	checkRel(t, "F", res.F, g["lm.f"], rel)
	checkRel(t, "F p", res.FP, g["lm.fp"], rel)
	checkRel(t, "sigma", res.SigmaHat, g["lm.sigma"], rel)
	if res.ResidualDF != 24 || res.N != 30 {
		t.Errorf("df %d n %d, want 24 30", res.ResidualDF, res.N)
	}
}

func TestOutletRegressionDegenerate(t *testing.T) {
	t.Run("constant days dropped", func(t *testing.T) {
		days := make([]float64, len(gY))
		res, err := OutletRegression(gY, gOutlet, logsOf(gTokens), days, true)
		if err != nil || res.Names[len(res.Names)-1] != "log_n_tokens" || res.Note == "" {
			t.Errorf("got %v %q, %v", res.Names, res.Note, err)
		}
	})
	t.Run("single outlet", func(t *testing.T) {
		one := make([]string, len(gY))
		res, err := OutletRegression(gY, one, logsOf(gTokens), gDays, true)
		if err != nil || len(res.Coef) != 3 {
			t.Errorf("got %v, %v", res.Names, err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		if _, err := OutletRegression(nil, nil, nil, nil, false); !errors.Is(err, ErrShape) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("length mismatch", func(t *testing.T) {
		if _, err := OutletRegression(gY, gOutlet[:3], logsOf(gTokens), nil, false); !errors.Is(err, ErrShape) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("one article per outlet", func(t *testing.T) {
		o := []string{"a", "b", "c", "d"}
		if _, err := OutletRegression([]float64{1, 2, 3, 4}, o, []float64{1, 2, 3, 4}, nil, false); !errors.Is(err, ErrShape) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestTrendSlopeGolden(t *testing.T) {
	g := modelsGolden(t)
	sum, cnt := map[float64]float64{}, map[float64]float64{}
	for i, d := range gDays {
		sum[d] += gY[i]
		cnt[d]++
	}
	var days, means []float64
	for d := 0.0; d <= 12; d++ {
		days = append(days, d)
		means = append(means, sum[d]/cnt[d])
	}
	tr := TrendSlope(days, means)
	// R 4.2.2 summary(lm(tapply(y, days, mean) ~ day)).
	checkRel(t, "slope", tr.Slope, g["trend.slope"], 1e-8)
	checkRel(t, "se", tr.SE, g["trend.se"], 1e-8)
	checkRel(t, "p", tr.P, g["trend.p"], 1e-8)
	if tr2 := TrendSlope([]float64{1, 1, 2, 2}, []float64{1, 2, 3, 4}); tr2.Note == "" || !math.IsNaN(tr2.Slope) {
		t.Errorf("two dates: %+v", tr2)
	}
	if tr3 := TrendSlope([]float64{1, 2, math.NaN()}, []float64{1, 2, 3}); tr3.Note != NoteNonFinite {
		t.Errorf("NaN: %+v", tr3)
	}
}

// benchDesign builds n rows, k outlets: y, outlet, log tokens, days.
func benchDesign(n, k int) ([]float64, []string, []float64, []float64) {
	y, lt, d := make([]float64, n), make([]float64, n), make([]float64, n)
	o := make([]string, n)
	names := make([]string, k)
	for j := range names {
		names[j] = "outlet" + string(rune('A'+j%26)) + string(rune('a'+j/26))
	}
	for i := 0; i < n; i++ {
		j := (i * 7919) % k
		o[i] = names[j]
		lt[i] = 5 + float64((i*31)%97)/50
		d[i] = float64(i % 60)
		y[i] = 2 + 0.1*float64(j) + 0.3*lt[i] + 0.01*d[i] + float64((i*53)%17-8)/10
	}
	return y, o, lt, d
}

// BenchmarkOutletRegression1M fits 1,000,000 rows, 50 outlets, 52 columns by dense QR.
func BenchmarkOutletRegression1M(b *testing.B) {
	y, o, lt, d := benchDesign(1_000_000, 50)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OutletRegression(y, o, lt, d, true); err != nil {
			b.Fatal(err)
		}
	}
}
