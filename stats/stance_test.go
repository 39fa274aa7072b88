package stats

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAuthorialStanceRows checks that the outlet's own voice is tested as a
// measure of its own, after the combined stance, and that an actor without
// authorial tone adds no authorial rows.
func TestAuthorialStanceRows(t *testing.T) {
	outletOf := []int{0, 0, 0, 1, 1, 1}
	spec := windowSpec{outlets: []string{"A", "B"}, outletOf: outletOf, per1k: [][]float64{{1, 2, 3, 4, 5, 9}}}
	actor := stanceSpec{outletOf: outletOf, value: []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.9}}
	spec.stance = map[string]stanceSpec{"actor": actor, "other": actor}
	spec.authorial = map[string]stanceSpec{"actor": {outletOf: outletOf, value: []float64{-1, -0.5, -0.8, 0.5, 1, 0.7}}}
	rows := computeAll(t, spec.build(t, testOptions(2)), testOptions(2))
	type key struct{ measure, target, test string }
	var got []key
	var authorialF float64
	for _, r := range rows.tests {
		if r.Measure == "per_1k" || r.Measure == "hits" {
			continue
		}
		got = append(got, key{r.Measure, r.Target, r.Test})
		if r.Measure == "authorial_stance" && r.Test == "anova" && r.Statistic != nil {
			authorialF = *r.Statistic
		}
	}
	want := []key{
		{"stance", "actor", "anova"}, {"stance", "actor", "welch_anova"}, {"stance", "actor", "kruskal_wallis"},
		{"stance", "other", "anova"}, {"stance", "other", "welch_anova"}, {"stance", "other", "kruskal_wallis"},
		{"authorial_stance", "actor", "anova"}, {"authorial_stance", "actor", "welch_anova"},
		{"authorial_stance", "actor", "kruskal_wallis"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(key{})); diff != "" {
		t.Errorf("outlet_tests rows (-want +got):\n%s", diff)
	}
	// One-way ANOVA of {−1, −0.5, −0.8} against {0.5, 1, 0.7}: means −23/30
	// and 22/30, grand mean −1/60, SSB = 3 · 0.75² · 2 = 3.375, SSW =
	// 2 · (0.2333² + 0.2667² + 0.0333²) = 0.25333 on 4 df, so F = 3.375 /
	// 0.063333 = 53.289 (by hand; scipy 1.17.1 f_oneway gives 53.2894736842).
	// The authorial values, not the combined ones, are tested.
	if authorialF < 53.28 || authorialF > 53.30 {
		t.Errorf("authorial anova F = %v, want 53.289", authorialF)
	}
}
