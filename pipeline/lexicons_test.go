package pipeline

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"framing/output"
)

// A lexicon of our own with one dimension the default also has
// (cooperation, with other entries) and one it lacks.
const otherLexicon = `name: test-other
version: 2.0.0
language: en
dimensions:
  cooperation:
    description: working together, in fewer words than the default
    terms: [cooperat*, dialogue, talks]
  economy:
    description: money and trade
    terms: [oil, economy, investment, sanctions]
`

// TestMixedLexiconsNeverPooled runs two nights with different lexicons and
// computes the statistics of the window that holds both, by a run with
// --window 2d and by framing stats: every statistics row names its lexicon,
// each lexicon's rows cover only its own night's articles, a dimension of
// one lexicon has no rows of the other (missing, not zero), and a warning
// is logged.
func TestMixedLexiconsNeverPooled(t *testing.T) {
	out := t.TempDir()
	lex := filepath.Join(t.TempDir(), "other.yaml")
	if err := os.WriteFile(lex, []byte(otherLexicon), 0o644); err != nil {
		t.Fatal(err)
	}
	night1 := testConfig(out, examplesJSONL)
	night1.Stats.MinArticles = 1
	sum1, err := Run(context.Background(), night1)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	night2 := testConfig(out, examplesJSONL)
	night2.RunDate, night2.Lexicons, night2.WindowDays = jan20.Add(24*time.Hour), []string{lex}, 2
	night2.Stats.MinArticles = 1
	night2.Log = slog.New(slog.NewTextHandler(&logs, nil))
	sum2, err := Run(context.Background(), night2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "scored with 2 lexicons") {
		t.Errorf("no warning about the mixed window in the log:\n%s", logs.String())
	}
	w := output.Window{From: output.DateOf(jan20), To: output.DateOf(jan20) + 1}
	checkMixed(t, out, w, sum1.Articles, sum2.Articles)

	st, err := Stats(context.Background(), StatsConfig{OutDir: out, From: jan20, To: jan20.Add(24 * time.Hour), Version: "test", Stats: night2.Stats})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lexicons) != 2 || st.Warning == "" || st.Lexicons[0].Articles != int(sum1.Articles) {
		t.Errorf("framing stats: lexicons %+v, warning %q", st.Lexicons, st.Warning)
	}
	checkMixed(t, out, w, sum1.Articles, sum2.Articles)
}

// checkMixed checks the statistics of window w, whose first night used the
// default lexicon and second night test-other.
func checkMixed(t *testing.T, out string, w output.Window, articles1, articles2 int64) {
	t.Helper()
	rows, err := output.OutletStats.Read(out, w)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int64{}     // lexicon/dimension → articles
	shas := map[string]string{} // lexicon name → sha256
	for _, r := range rows {
		n[r.LexiconName+"/"+r.Dimension] += r.NArticles
		shas[r.LexiconName] = r.LexiconSHA256
	}
	for key, want := range map[string]int64{
		"framing-default/cooperation": articles1, "framing-default/oil_interest": articles1,
		"test-other/cooperation": articles2, "test-other/economy": articles2,
	} {
		if n[key] != want {
			t.Errorf("%s: %d articles, want %d (one night's)", key, n[key], want)
		}
	}
	for _, key := range []string{"test-other/oil_interest", "framing-default/economy"} {
		if n[key] != 0 {
			t.Errorf("%s: rows of a dimension the lexicon lacks", key)
		}
	}
	if len(shas) != 2 || shas["framing-default"] == shas["test-other"] || len(shas["test-other"]) != 64 {
		t.Errorf("lexicon hashes %v", shas)
	}
	pairs, err := output.OutletPairs.Read(out, w)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range pairs {
		if r.LexiconSHA256 != shas[r.LexiconName] {
			t.Errorf("pair row of %s with hash %s", r.LexiconName, r.LexiconSHA256)
		}
	}
}
