package job

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/output"
	"framing/pipeline"
	"framing/stats"
)

// statsOf recomputes the statistics of the run date in out, as `framing
// stats --out OUT --from DAY` does, and returns the window's partition
// name.
func statsOf(t *testing.T, out string) string {
	t.Helper()
	sum, err := pipeline.Stats(context.Background(), pipeline.StatsConfig{OutDir: out, From: runDate, To: runDate,
		Version: testVersion, Stats: stats.DefaultOptions()})
	if err != nil {
		t.Fatalf("framing stats on %s: %v", out, err)
	}
	return output.OutletStats.PartitionName(sum.Window)
}

// sameStats checks that `framing stats` gives exactly the same statistics
// from framing-beam's shards as from the run's single files: the window
// loader puts each partition's articles in id order, so neither the split
// into files nor the order in them changes a bootstrap or a sum.
func sameStats(t *testing.T, want, got string) {
	t.Helper()
	win := statsOf(t, want)
	if g := statsOf(t, got); g != win {
		t.Fatalf("windows %s and %s", win, g)
	}
	check := func(table string, d func(w, g string) string) {
		w := filepath.Join(want, table, win, output.PartFile)
		g := filepath.Join(got, table, win, output.PartFile)
		if diff := d(w, g); diff != "" {
			t.Errorf("statistics table %s differs (-from run +from shards):\n%s", table, diff)
		}
	}
	check("outlet_stats", func(w, g string) string { return diffFiles[output.OutletStatsRow](t, w, g) })
	check("outlet_tests", func(w, g string) string { return diffFiles[output.OutletTestRow](t, w, g) })
	check("outlet_residuals", func(w, g string) string { return diffFiles[output.OutletResidualRow](t, w, g) })
	check("outlet_pairs", func(w, g string) string { return diffFiles[output.OutletPairRow](t, w, g) })
	check("keyness", func(w, g string) string { return diffFiles[output.KeynessRow](t, w, g) })
	check("outlet_profiles", func(w, g string) string { return diffFiles[output.OutletProfileRow](t, w, g) })
	check("pca", func(w, g string) string { return diffFiles[output.PCARow](t, w, g) })
	check("correlations", func(w, g string) string { return diffFiles[output.CorrelationRow](t, w, g) })
	check("regression", func(w, g string) string { return diffFiles[output.RegressionRow](t, w, g) })
	check("trends", func(w, g string) string { return diffFiles[output.TrendRow](t, w, g) })
}

func diffFiles[T any](t *testing.T, want, got string) string {
	t.Helper()
	w, err := output.ReadTable[T](want)
	if err != nil {
		t.Fatal(err)
	}
	g, err := output.ReadTable[T](got)
	if err != nil {
		t.Fatal(err)
	}
	if len(w) == 0 {
		t.Errorf("%s: no rows", want)
	}
	return cmp.Diff(w, g)
}
