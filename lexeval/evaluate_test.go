package lexeval

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/lexicon"
)

func loadTestSpec(t *testing.T) (*lexicon.Lexicon, Spec) {
	t.Helper()
	l, err := lexicon.Load("testdata/harbor.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spec, err := ParseSpec(f, "spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return l, spec
}

// TestEvaluate runs the whole evaluation on a labelled corpus written for
// it (testdata/labelled.jsonl): four harbor articles (positive for
// shipping), four garden articles (negative), one with another label and
// one reject. The figures were worked out by hand: every harbor article
// has a hit; one garden article has "cargo" (cargo shorts), at 1 hit in 12
// words (83.3 per 1k), above one harbor article's 1 in 21 (47.6), so 15
// of the 16 pairs are ordered right.
func TestEvaluate(t *testing.T) {
	l, spec := loadTestSpec(t)
	rep, err := Evaluate(context.Background(), l, spec, []string{"testdata/labelled.jsonl"}, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 8 || rep.Unused != 1 || rep.Rejects != 1 || len(rep.Dimensions) != 1 {
		t.Fatalf("report: %d articles, %d unused, %d rejects, %d dimensions", rep.Articles, rep.Unused, rep.Rejects, len(rep.Dimensions))
	}
	d := rep.Dimensions[0]
	if d.NPos != 4 || d.NNeg != 4 || d.AUC == nil || !near(*d.AUC, 15.0/16, 1e-12) || *d.NoHitShare != 0 {
		t.Errorf("shipping: n %d/%d, AUC %v, no-hit share %v", d.NPos, d.NNeg, d.AUC, d.NoHitShare)
	}
	if !(*d.AUCLow <= *d.AUC && *d.AUC <= *d.AUCHigh) {
		t.Errorf("AUC %g outside its interval [%g, %g]", *d.AUC, *d.AUCLow, *d.AUCHigh)
	}
	if d.AnyHit.TP != 4 || d.AnyHit.FP != 1 || !near(d.AnyHit.F1, 8.0/9, 1e-12) {
		t.Errorf("any hit: %+v", d.AnyHit)
	}
	if diff := cmp.Diff([]EntryCount{{Entry: "cargo", Docs: 1, Hits: 1, PosDocs: 2}}, d.FalsePositives); diff != "" {
		t.Errorf("false-positive drivers (-want +got):\n%s", diff)
	}
	for i, c := range d.Candidates {
		if matches(mustCompile(t, l), "shipping", c.Term) {
			t.Errorf("candidate %q is matched by the dimension already", c.Term)
		}
		if c.NPos < minCandidateCount || c.G2 <= 0 || i > 0 && c.G2 > d.Candidates[i-1].G2 {
			t.Errorf("candidate %d %+v: too rare, not over-represented or out of order", i, c)
		}
	}
	// Deterministic whatever the number of workers.
	one, err := Evaluate(context.Background(), l, spec, []string{"testdata/labelled.jsonl"}, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := rep.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	if err := one.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("the report depends on the number of workers")
	}
	var back map[string]any
	if err := json.Unmarshal(a.Bytes(), &back); err != nil {
		t.Fatalf("report JSON does not parse: %v", err)
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil || !strings.Contains(text.String(), "0.938") || !strings.Contains(text.String(), "cargo") {
		t.Errorf("text report (err %v):\n%s", err, text.String())
	}
}

func mustCompile(t *testing.T, l *lexicon.Lexicon) *lexicon.Matcher {
	t.Helper()
	m, err := lexicon.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSpecCheck(t *testing.T) {
	l, _ := loadTestSpec(t)
	tests := []struct {
		name string
		spec Spec
		want string
	}{
		{"no label", Spec{Dimensions: []DimensionSpec{{"shipping", []string{"a"}, []string{"b"}}}}, "no label field"},
		{"unknown dimension", Spec{Label: "t", Dimensions: []DimensionSpec{{"weather", []string{"a"}, []string{"b"}}}}, `"weather" is not in lexicon`},
		{"no negatives", Spec{Label: "t", Dimensions: []DimensionSpec{{"shipping", []string{"a"}, nil}}}, "needs positive and negative"},
		{"both sides", Spec{Label: "t", Dimensions: []DimensionSpec{{"shipping", []string{"a"}, []string{"a"}}}}, `label "a" is both`},
	}
	for _, tt := range tests {
		if err := tt.spec.Check(l); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Check = %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := ParseSpec(strings.NewReader("label: t\ncolour: red\n"), "s.yaml"); err == nil {
		t.Error("ParseSpec accepted an unknown key")
	}
}
