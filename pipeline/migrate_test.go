package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"framing/output"
)

// TestRunMigratesVersionOne: the next night on an output written by a
// version-1 framing (key=value directories) renames them, and its window
// statistics read the old night with the new one.
func TestRunMigratesVersionOne(t *testing.T) {
	out := t.TempDir()
	if _, err := Run(context.Background(), testConfig(out, examplesJSONL)); err != nil {
		t.Fatal(err)
	}
	parts, _ := filepath.Glob(filepath.Join(out, "*", "*"))
	for _, p := range parts {
		key := output.Articles.Key()
		if strings.Contains(filepath.Base(p), "_") {
			key = output.OutletStats.Key()
		}
		if err := os.Rename(p, filepath.Join(filepath.Dir(p), key+"="+filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	cfg := testConfig(out, "../examples/venezuela-dir")
	cfg.RunDate, cfg.WindowDays = jan20.AddDate(0, 0, 1), 2
	sum, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(out, "*", "*=*")); len(left) != 0 {
		t.Errorf("version-1 directories left: %v", left)
	}
	days, err := output.Articles.Partitions(out)
	if err != nil || len(days) != 2 {
		t.Errorf("articles partitions %v, %v", days, err)
	}
	w, _ := output.ParseWindow(sum.Window)
	stats, err := output.OutletStats.Read(out, w)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, s := range stats {
		if s.Dimension == "democracy" {
			n += s.NArticles
		}
	}
	if n != 135 || !strings.HasSuffix(sum.Window, "2026-01-21") {
		t.Errorf("window %s counts %d articles, want both nights' 135", sum.Window, n)
	}
}
