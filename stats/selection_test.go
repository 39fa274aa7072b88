package stats

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/model"
)

// sizedSpec is a window of outlets with the given numbers of articles, two
// dimensions, ten days, a lexicon entry per dimension and a stance, with
// values that differ between outlets.
func sizedSpec(names []string, sizes []int) windowSpec {
	s := windowSpec{outlets: names, per1k: make([][]float64, 2), stance: map[string]stanceSpec{}}
	var st stanceSpec
	for o, n := range sizes {
		for k := range n {
			i := len(s.outletOf)
			s.outletOf = append(s.outletOf, o)
			s.days = append(s.days, float64(k%10))
			s.tokens = append(s.tokens, int64(800+(i*37)%400))
			v := float64((i*7+o*3)%11) + float64(o)
			s.per1k[0] = append(s.per1k[0], v)
			s.per1k[1] = append(s.per1k[1], float64((i*5)%4)+float64(o%3))
			st.outletOf, st.value = append(st.outletOf, o), append(st.value, math.Mod(v, 3)/3-0.3)
			for d := range 2 {
				s.terms = append(s.terms, termSpec{names[o], dimName(d), "entry", 1 + int64((i+d)%3)})
			}
		}
	}
	s.stance["actor"] = st
	s.hits = make([][]int64, 2)
	for d, col := range s.per1k {
		for _, v := range col {
			s.hits[d] = append(s.hits[d], int64(v))
		}
	}
	return s
}

// TestMinArticles checks which outlets take part in what with
// MinArticles 10: every outlet has outlet_stats rows; the tests across
// outlets, pairs, keyness, trends, PCA centroids and the regression's terms
// have the three outlets of 10 or more articles only, and say how many were
// left out; the chi-square test and the regression pool the two small ones
// as (other).
func TestMinArticles(t *testing.T) {
	names := []string{"big1", "big2", "big3", "small1", "small2"}
	spec := sizedSpec(names, []int{30, 20, 12, 3, 1})
	opt := testOptions(2)
	opt.MinArticles = 10
	s := computeAll(t, spec.build(t, opt), opt)
	big := names[:3]

	if got := outletsOf(s.stats, func(r int) string { return s.stats[r].Outlet }); !cmp.Equal(got, names) {
		t.Errorf("outlet_stats outlets %v, want all %v", got, names)
	}
	for _, r := range s.tests {
		want := int64(3)
		if r.Test == "chi_square" {
			want = 4 // three outlets and (other)
			if r.N != sumHits(spec) {
				t.Errorf("chi-square n %d, want every hit, %d", r.N, sumHits(spec))
			}
		} else if r.N != 62 {
			t.Errorf("%s %s: n %d, want the 62 articles of big outlets", r.Test, r.Target, r.N)
		}
		if r.NGroups != want || r.Note == nil || !strings.Contains(*r.Note, "2 outlet(s) with fewer than 10 articles") &&
			!strings.Contains(*r.Note, "(other) pools 2 outlet(s)") {
			t.Errorf("%s %s: %d groups (want %d), note %v", r.Test, r.Target, r.NGroups, want, r.Note)
		}
	}
	if got := outletsOf(s.residuals, func(r int) string { return s.residuals[r].Outlet }); !cmp.Equal(got, append(slices.Clone(big), otherOutlet)) {
		t.Errorf("residual rows of %v", got)
	}
	for _, r := range s.residuals {
		if r.Outlet == otherOutlet && r.Dimension == dimName(0) && r.Observed != hitsOf(spec, 3, 0)+hitsOf(spec, 4, 0) {
			t.Errorf("(other) observed %d, want the small outlets' %d", r.Observed, hitsOf(spec, 3, 0)+hitsOf(spec, 4, 0))
		}
	}
	for _, r := range s.pairs {
		if !slices.Contains(big, r.OutletA) || !slices.Contains(big, r.OutletB) || r.Note == nil ||
			!strings.Contains(*r.Note, "pairs of the 3 outlets with at least 10 articles") {
			t.Errorf("pair %s/%s, note %v", r.OutletA, r.OutletB, r.Note)
		}
	}
	if len(s.pairs) != 6 {
		t.Errorf("%d pair rows, want 3 pairs × 2 dimensions", len(s.pairs))
	}
	for _, r := range s.keyness {
		if !slices.Contains(big, r.Outlet) {
			t.Errorf("keyness row of %s", r.Outlet)
		}
		if r.CountOutlet+r.CountRest != keyTotal(spec, r.Dimension) {
			t.Errorf("keyness %s %s: %d + %d hits, want all %d: small outlets are part of the rest",
				r.Outlet, r.Dimension, r.CountOutlet, r.CountRest, keyTotal(spec, r.Dimension))
		}
	}
	if got := outletsOf(s.trends, func(r int) string { return s.trends[r].Outlet }); !cmp.Equal(got, big) {
		t.Errorf("trends of %v", got)
	}
	var terms []string
	for _, r := range s.reg {
		if r.Dimension == dimName(0) {
			terms = append(terms, r.Term)
			if r.Reference != "big1" || r.N != 66 || r.Note == nil || !strings.Contains(*r.Note, "(other) pools 2 outlet(s)") {
				t.Errorf("regression %s: reference %s, n %d, note %v", r.Term, r.Reference, r.N, r.Note)
			}
		}
	}
	want := []string{"(Intercept)", "outlet[T.big2]", "outlet[T.big3]", "outlet[T.(other)]", "log_n_tokens", "days"}
	if !cmp.Equal(terms, want) {
		t.Errorf("regression terms %v, want %v", terms, want)
	}
	for _, r := range s.pca {
		if r.Kind == "centroid" && !slices.Contains(big, *r.Outlet) {
			t.Errorf("centroid of %s", *r.Outlet)
		}
	}
}

// TestPairCap checks the bound on the pairwise tables: with six outlets
// and MaxPairOutlets 3, the pairs are those of the three with the most
// articles (a tie broken by name), Holm and Benjamini–Hochberg adjust over
// the three pairs actually tested, and the note says what was left out.
func TestPairCap(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e", "f"}
	spec := sizedSpec(names, []int{12, 20, 30, 20, 11, 15}) // c 30, then b and d 20 (tie: b, d), f 15 …
	opt := testOptions(2)
	opt.MinArticles, opt.MaxPairOutlets = 10, 3
	s := computeAll(t, spec.build(t, opt), opt)
	for d := range 2 {
		var pairs []string
		var ps, holm, bh []float64
		for _, r := range s.pairs {
			if r.Dimension != dimName(d) {
				continue
			}
			pairs = append(pairs, r.OutletA+r.OutletB)
			ps, holm, bh = append(ps, *r.WelchP), append(holm, *r.PHolm), append(bh, *r.PBH)
			if r.Note == nil || !strings.Contains(*r.Note, "pairs of the 3 largest of 6 outlets with at least 10 articles (max pair outlets 3)") {
				t.Errorf("pair %s/%s: note %v", r.OutletA, r.OutletB, r.Note)
			}
		}
		if want := []string{"bc", "bd", "cd"}; !cmp.Equal(pairs, want) {
			t.Errorf("dimension %d: pairs %v, want %v", d, pairs, want)
		}
		if !cmp.Equal(holm, model.AdjustHolm(ps)) || !cmp.Equal(bh, model.AdjustBH(ps)) {
			t.Errorf("dimension %d: adjusted over another family: holm %v bh %v for p %v", d, holm, bh, ps)
		}
	}
	var profiles []string
	for _, r := range s.profiles {
		profiles = append(profiles, r.OutletA+r.OutletB)
	}
	if want := []string{"bc", "bd", "cd"}; !cmp.Equal(profiles, want) {
		t.Errorf("profiles %v, want %v", profiles, want)
	}
	// Everything else is about all six outlets.
	for _, r := range s.tests {
		if r.NGroups != 6 {
			t.Errorf("%s %s: %d groups, want 6", r.Test, r.Target, r.NGroups)
		}
	}
}

// outletsOf lists the distinct outlets of rows, in first-seen order.
func outletsOf[R any](rows []R, outlet func(int) string) []string {
	var got []string
	for i := range rows {
		if o := outlet(i); !slices.Contains(got, o) {
			got = append(got, o)
		}
	}
	return got
}

func hitsOf(spec windowSpec, outlet, d int) int64 {
	var n int64
	for i, o := range spec.outletOf {
		if o == outlet {
			n += spec.hits[d][i]
		}
	}
	return n
}

func sumHits(spec windowSpec) int64 {
	var n int64
	for o := range spec.outlets {
		for d := range spec.per1k {
			n += hitsOf(spec, o, d)
		}
	}
	return n
}

func keyTotal(spec windowSpec, dim string) int64 {
	var n int64
	for _, t := range spec.terms {
		if t.dim == dim {
			n += t.hits
		}
	}
	return n
}
