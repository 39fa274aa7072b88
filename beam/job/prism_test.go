package job

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// examples are the repository's example corpus in both formats: the CSV
// repeats the JSON Lines' ids, so every CSV article is a duplicate reject,
// and its quoted texts span lines.
func examples(t testing.TB) []string {
	root := repoRoot(t)
	return []string{filepath.Join(root, "examples", "venezuela.jsonl"), filepath.Join(root, "examples", "venezuela.csv")}
}

// TestPrismExamples runs framing-beam on prism over the examples and a
// hostile file, and checks every article-level table against `framing run`
// of the same inputs.
func TestPrismExamples(t *testing.T) {
	inputs := append(examples(t), hostileCorpus(t))
	want := framingRun(t, inputs, true)
	out := t.TempDir()
	o := beamOptions(inputs, out, prism.Execute)
	o.Matches = true
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, want, out, true)
	if sum.Rejects < 8 || sum.Articles < 70 {
		t.Errorf("summary %+v: want the examples' articles and the hostile rejects", sum)
	}
	if n := len(partFiles(t, out, "articles")); n < 2 {
		t.Errorf("articles has %d part files; want several shards", n)
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging or trash left in OUT: %v", leftovers)
	}
}
