package features

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"framing/lexicon"
)

// scratchCases are the golden articles, each with its own lexicon and
// options, plus a long article, so that reused buffers are both larger and
// smaller than the next article needs.
func scratchCases(t *testing.T) (names []string, ins []Input, ms []*lexicon.Matcher, opts []Options) {
	t.Helper()
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var long strings.Builder
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in, m, opt := goldenInputs(t, ar)
		// Match rows hold strings cut from the cleaned text, which is
		// scratch: they must survive later articles too.
		opt.KeepMatches = true
		names, ins, ms, opts = append(names, filepath.Base(file)), append(ins, in), append(ms, m), append(opts, opt)
		long.WriteString(in.Text + "\n\n")
	}
	for i := range 50 {
		long.WriteString(strings.Repeat("word ", i) + "\"Quoted,\" said Mr. Smith.\n\n")
	}
	long.WriteString("<p>Markup &amp; more.</p>")
	names = append(names, "long")
	ins = append(ins, Input{Title: "Long", Text: long.String()})
	ms, opts = append(ms, ms[0]), append(opts, opts[0])
	return names, ins, ms, opts
}

// TestExtractScratchReuse checks that reused working memory does not leak
// from one article into the next: A scored after B (in every order, through
// one scratch and through the pool) equals A scored with fresh memory, and a
// result already returned does not change when later articles are scored.
func TestExtractScratchReuse(t *testing.T) {
	names, ins, ms, opts := scratchCases(t)
	fresh := make([]string, len(ins))
	for i := range ins {
		fresh[i] = scoresJSON(t, extract(ins[i], ms[i], opts[i], new(scratch)))
	}
	explained := make([]string, len(ins))
	for i := range ins {
		explained[i] = Explain(ins[i], ms[i], nil)
	}
	buf := new(scratch)
	var kept []Scores
	var keptIdx []int
	for a := range ins {
		for b := range ins {
			for _, i := range []int{a, b, a} {
				got := extract(ins[i], ms[i], opts[i], buf)
				if diff := cmp.Diff(fresh[i], scoresJSON(t, got)); diff != "" {
					t.Fatalf("%s after %s, one scratch (-want +got):\n%s", names[i], names[b], diff)
				}
				pooled := Extract(ins[i], ms[i], opts[i])
				if diff := cmp.Diff(fresh[i], scoresJSON(t, pooled)); diff != "" {
					t.Fatalf("%s after %s, pooled (-want +got):\n%s", names[i], names[b], diff)
				}
				kept, keptIdx = append(kept, got, pooled), append(keptIdx, i, i)
			}
		}
	}
	for k, sc := range kept {
		if diff := cmp.Diff(fresh[keptIdx[k]], scoresJSON(t, sc)); diff != "" {
			t.Fatalf("%s changed after later articles (-want +got):\n%s", names[keptIdx[k]], diff)
		}
	}
	for i := range ins {
		if diff := cmp.Diff(explained[i], Explain(ins[i], ms[i], nil)); diff != "" {
			t.Errorf("Explain %s changed after other articles (-want +got):\n%s", names[i], diff)
		}
	}
}

// TestReuse checks that a buffer goes back emptied and cleared, and that one
// over maxScratchBytes is dropped rather than kept for the rest of the run.
func TestReuse(t *testing.T) {
	toks := make([]lexicon.Token, 3, 10)
	toks[2].Norm = "kept alive"
	got := reuse(toks)
	if len(got) != 0 || cap(got) != 10 || got[:3][2].Norm != "" {
		t.Errorf("reuse = len %d cap %d, old element %q; want len 0 cap 10, cleared", len(got), cap(got), got[:3][2].Norm)
	}
	if got := reuse(make([]byte, 1, maxScratchBytes+1)); got != nil {
		t.Errorf("reuse of a %d-byte buffer kept it (cap %d)", maxScratchBytes+1, cap(got))
	}
	if got := reuse(make([]byte, 1, maxScratchBytes)); cap(got) != maxScratchBytes {
		t.Errorf("reuse of a %d-byte buffer dropped it", maxScratchBytes)
	}
}
