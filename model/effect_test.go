package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestHedgesJApproximation bounds the error of the small-sample factor
// J = 1 − 3/(4(na+nb) − 9) = 1 − 3/(4·df − 1), df = na+nb−2, that HedgesG
// uses, against the exact J(df) = Γ(df/2) / (√(df/2)·Γ((df−1)/2)) (Hedges
// 1981, eq. 6b): the approximation is always a little larger, by at most
// 1.3 % at df = 2 (two articles per outlet) and below 0.052/df² throughout,
// so under 0.02 % for two outlets of 10 articles.
func TestHedgesJApproximation(t *testing.T) {
	for df := 2; df <= 5000; df = df*5/4 + 1 { // beyond, lgamma's rounding passes the error
		x := float64(df)
		exact := math.Exp(lgamma(x/2)-lgamma((x-1)/2)) / math.Sqrt(x/2)
		approx := 1 - 3/(4*x-1)
		rel := approx/exact - 1
		if !(rel > 0 && rel <= 0.052/(x*x)) {
			t.Errorf("df %d: approximate J %.12g, exact %.12g, relative error %.3g, want in (0, %.3g]", df, approx, exact, rel, 0.052/(x*x))
		}
		// HedgesG applies the approximation: g/d is J for any data.
		na, nb := df/2+1, df-df/2+1
		a, b := make([]float64, na), make([]float64, nb)
		for i := range a {
			a[i] = float64(i % 3)
		}
		for i := range b {
			b[i] = float64(i%4) + 0.5
		}
		ma, mb := MomentsOf(a), MomentsOf(b)
		d := (ma.Mean - mb.Mean) / math.Sqrt((ma.M2+mb.M2)/(ma.N+mb.N-2))
		if g := HedgesG(a, b); math.Abs(g/d-approx) > 1e-12 {
			t.Errorf("df %d: HedgesG/d = %.15g, want J = %.15g", df, g/d, approx)
		}
	}
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// TestSelectQuantiles7 checks that selection gives exactly the quantile of
// the sorted values, with ties, at the bootstrap's levels and others.
func TestSelectQuantiles7(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 3, 7, 40, 2000, 2001} {
		for _, ties := range []int{2, 50, 1 << 30} {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(r.IntN(ties)) / 7
			}
			sorted := slices.Clone(x)
			slices.Sort(sorted)
			ps := []float64{0, 0.025, 0.25, 0.5, 0.6, 0.975, 1}
			for i, p1 := range ps {
				for _, p2 := range ps[i:] {
					lo, hi := selectQuantiles7(slices.Clone(x), p1, p2)
					if want1, want2 := Quantile7(sorted, p1), Quantile7(sorted, p2); lo != want1 || hi != want2 {
						t.Errorf("n %d, ties %d, p %g and %g: %v and %v, want %v and %v", n, ties, p1, p2, lo, hi, want1, want2)
					}
				}
			}
		}
	}
}

// TestTQuantileNewton checks the Newton (and, from df = 1000, Cornish–
// Fisher) quantile against scipy's (scipy.stats.t.ppf, scipy 1.17.1, an
// independent implementation: Boost's inverse incomplete beta), over
// integer and fractional degrees of freedom, and against gonum's inverse,
// which is less precise at large df (10⁻¹¹ at df 8,633, 10⁻⁹ at 10⁶).
func TestTQuantileNewton(t *testing.T) {
	scipy := [][3]float64{
		{3, 0.975, 3.1824463052837078},
		{3, 0.025, -3.1824463052837086},
		{3, 0.995, 5.840909309733355},
		{3, 0.6, 0.2766706623326898},
		{3.7, 0.975, 2.8675207071911895},
		{3.7, 0.025, -2.8675207071911903},
		{3.7, 0.995, 4.8692522532278275},
		{3.7, 0.6, 0.27216446429206953},
		{5, 0.975, 2.5705818356363146},
		{5, 0.025, -2.5705818356363155},
		{5, 0.995, 4.032142983555228},
		{5, 0.6, 0.2671808657041451},
		{9.5, 0.975, 2.2441374614922958},
		{9.5, 0.025, -2.2441374614922966},
		{9.5, 0.995, 3.2070156284394886},
		{9.5, 0.6, 0.2605495681986849},
		{17, 0.975, 2.1098155778333156},
		{17, 0.025, -2.109815577833317},
		{17, 0.995, 2.8982305196774183},
		{17, 0.6, 0.2573470057512778},
		{30, 0.975, 2.0422724563012378},
		{30, 0.025, -2.042272456301238},
		{30, 0.995, 2.7499956535672254},
		{30, 0.6, 0.2556053649519128},
		{61.2, 0.975, 1.9994914333294287},
		{61.2, 0.025, -1.9994914333294291},
		{61.2, 0.995, 2.658577703516182},
		{61.2, 0.6, 0.25445125541720315},
		{120, 0.975, 1.9799304050824402},
		{120, 0.025, -1.9799304050824411},
		{120, 0.995, 2.6174211451068654},
		{120, 0.6, 0.25390952321492877},
		{250, 0.975, 1.9694983934211532},
		{250, 0.025, -1.9694983934211538},
		{250, 0.995, 2.5956376304661806},
		{250, 0.6, 0.2536168815819393},
		{999, 0.975, 1.9623414611334493},
		{999, 0.025, -1.9623414611334498},
		{999, 0.995, 2.5807596372676365},
		{999, 0.6, 0.2534145833303675},
		{1000, 0.975, 1.9623390808264083},
		{1000, 0.025, -1.9623390808264085},
		{1000, 0.995, 2.580754698065951},
		{1000, 0.6, 0.25341451583949876},
		{5000, 0.975, 1.9604385517065073},
		{5000, 0.025, -1.9604385517065075},
		{5000, 0.995, 2.5768129665562802},
		{5000, 0.6, 0.25336058396923183},
		{100000.0, 0.975, 1.9599877075346095},
		{100000.0, 0.025, -1.95998770753461},
		{100000.0, 0.995, 2.575878469908375},
		{100000.0, 0.6, 0.25334777715718015},
		{1000000.0, 0.975, 1.959966356814107},
		{1000000.0, 0.025, -1.9599663568141072},
		{1000000.0, 0.995, 2.5758342201053344},
		{1000000.0, 0.6, 0.25334717053784184},
	}
	for _, c := range scipy {
		got, note := tQuantile(c[1], c[0])
		if note != "" || math.Abs(got-c[2]) > 5e-13*math.Abs(c[2]) {
			t.Errorf("df %g, p %g: %.17g %q, scipy %.17g", c[0], c[1], got, note, c[2])
		}
	}
	for df := 3.0; df < cornishFisherDF; df = df*1.37 + 0.11 { // above, gonum drifts (1e-9 at df 1e6)
		for _, p := range []float64{0.975, 0.025, 0.995, 0.9, 0.6} {
			got, ok := tQuantileNewton(p, df)
			want := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p)
			if !ok || math.Abs(got-want) > 1e-11*math.Abs(want) {
				t.Errorf("df %g, p %g: %v (%t), gonum %v", df, p, got, ok, want)
			}
		}
	}
	if _, ok := tQuantileNewton(0.975, 2.5); ok {
		t.Errorf("df 2.5 took the Newton path")
	}
	if q, note := tQuantile(0.975, 2.5); note != "" || math.Abs(q-distuv.StudentsT{Nu: 2.5, Sigma: 1}.Quantile(0.975)) > 1e-12 {
		t.Errorf("df 2.5: %v %q", q, note)
	}
}

// TestBootstrapMeanCIsOneByOne checks that the intervals of k variables
// resampled together are each exactly the interval of that variable
// resampled alone with the same seed, notes included: sharing the draws
// changes the cost, not the result.
func TestBootstrapMeanCIsOneByOne(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for _, n := range []int{1, 2, 7, 300} {
		const k = 5
		x := make([]float64, n*k)
		for i := range x {
			x[i] = float64(r.IntN(40)) / 4
		}
		if n == 300 {
			for i := range n {
				x[i*k+3] = 2.5 // a constant variable
			}
			x[7*k+4] = math.Inf(1) // a variable with an infinity
		}
		all := BootstrapMeanCIs(x, n, k, 500, 42, 0.9)
		for j := range k {
			col := make([]float64, n)
			for i := range col {
				col[i] = x[i*k+j]
			}
			one := BootstrapMeanCI(col, 500, 42, 0.9)
			if !sameCI(all[j], one) {
				t.Errorf("n %d, variable %d: together %+v, alone %+v", n, j, all[j], one)
			}
		}
	}
}

func sameCI(a, b CI) bool {
	eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return eq(a.Lo, b.Lo) && eq(a.Hi, b.Hi) && a.Note == b.Note
}
