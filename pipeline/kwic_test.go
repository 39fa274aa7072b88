package pipeline

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", p, diff)
	}
}

// examplesWithMatches runs the example corpus with --matches into a fresh
// output directory.
func examplesWithMatches(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	cfg := testConfig(out, examplesJSONL)
	cfg.Matches = true
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return out
}

func kwicText(t *testing.T, cfg KWICConfig) string {
	t.Helper()
	lines, total, err := KWIC(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteKWIC(&b, lines, total); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestKWICGolden(t *testing.T) {
	out := examplesWithMatches(t)
	tests := []struct {
		name string
		cfg  KWICConfig
	}{
		{"stored-sovereign", KWICConfig{OutDir: out, Entry: "sovereign*", N: 20}},
		{"stored-outlet-dimension", KWICConfig{OutDir: out, Dimension: "oil_interest", Outlet: "Petro Wire Daily", N: 12}},
		{"input-dir-democracy", KWICConfig{Inputs: []string{"../examples/venezuela-dir"}, Dimension: "democracy", N: 10}},
		{"input-entry-none", KWICConfig{Inputs: []string{examplesJSONL}, Entry: "no-such-entry*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "kwic/"+tt.name+".golden", kwicText(t, tt.cfg))
		})
	}
}

// TestKWICStoredEqualsInput: the concordance of a run's matches table is
// the one scoring the same corpus directly gives.
func TestKWICStoredEqualsInput(t *testing.T) {
	out := examplesWithMatches(t)
	stored, n1, err := KWIC(context.Background(), KWICConfig{OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	direct, n2, err := KWIC(context.Background(), KWICConfig{Inputs: []string{examplesJSONL}})
	if err != nil {
		t.Fatal(err)
	}
	if n1 < 100 || n1 != n2 {
		t.Fatalf("stored %d hits, direct %d", n1, n2)
	}
	if diff := cmp.Diff(stored, direct); diff != "" {
		t.Errorf("stored vs direct (-stored +direct):\n%s", diff)
	}
}

func TestKWICErrors(t *testing.T) {
	if _, _, err := KWIC(context.Background(), KWICConfig{OutDir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "no matches table") {
		t.Errorf("no matches table: err %v", err)
	}
	if _, _, err := KWIC(context.Background(), KWICConfig{Inputs: []string{examplesJSONL}, Entry: "[x"}); err == nil || !strings.Contains(err.Error(), "entry pattern") {
		t.Errorf("bad pattern: err %v", err)
	}
}

// TestWriteKWICAlignment checks the columns line up in runes whatever the
// scripts and lengths: every line's bars stand at the same places.
func TestWriteKWICAlignment(t *testing.T) {
	lines := []KWICLine{
		{ArticleID: "a", From: 1, To: 1, Left: "", Match: "soberanía", Right: "nacional"},
		{ArticleID: "long-id-7", From: 120, To: 122, Left: "the talks on national", Match: "oil licences", Right: "went on"},
		{ArticleID: "ñ", From: 9, To: 9, Left: "«Ésta es la", Match: "ley", Right: "», dijo."},
	}
	var b bytes.Buffer
	if err := WriteKWIC(&b, lines, 5); err != nil {
		t.Fatal(err)
	}
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if out[0] != "Keyword-in-context with 5 matches, the first 3 shown." {
		t.Errorf("head %q", out[0])
	}
	var bars [][2]int
	for _, l := range out[1:] {
		i := strings.Index(l, " | ")
		j := strings.LastIndex(l, " | ")
		bars = append(bars, [2]int{utf8.RuneCountInString(l[:i]), utf8.RuneCountInString(l[:j])})
	}
	for _, b := range bars[1:] {
		if b != bars[0] {
			t.Errorf("bars at %v, first line at %v:\n%s", b, bars[0], strings.Join(out, "\n"))
		}
	}
	if want := " [long-id-7, 120:122] the talks on national | oil licences | went on"; out[2] != want {
		t.Errorf("line 2\n got %q\nwant %q", out[2], want)
	}
}
