package lexeval

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/lexicon"
)

func parseLexicon(t *testing.T, src string) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.Parse(strings.NewReader(src), "l.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestDiffLexicons(t *testing.T) {
	a := parseLexicon(t, `name: l
version: 1
negators: [not, never]
dimensions:
  trade:
    terms: [tariff*, trade-deal, {term: export*, weight: 0.5}]
    exclude: [trade school]
  gone:
    terms: [x]
tone:
  positive: [good]
actors:
  gov: [Ministry]
`)
	b := parseLexicon(t, `name: l
version: 2
description: only metadata changes here
negators: [not]
dimensions:
  trade:
    terms: [tariff*, "trade deal", {term: export*, weight: 1}, quota*]
  new:
    terms: [y]
tone:
  positive: [good, fine]
actors:
  gov: [Ministry, Cabinet]
  press: [Gazette]
`)
	want := []Change{
		{Section: "actor gov", Kind: "added", Entry: "cabinet"},
		{Section: "actor press", Kind: "added", Entry: "gazette"},
		{Section: "actors", Kind: "added", Entry: "press"},
		{Section: "dimension gone terms", Kind: "removed", Entry: "x"},
		{Section: "dimension new terms", Kind: "added", Entry: "y"},
		{Section: "dimension trade exclude", Kind: "removed", Entry: "trade school"},
		{Section: "dimension trade terms", Kind: "added", Entry: "quota*"},
		{Section: "dimension trade terms", Kind: "weight", Entry: "export*", Old: 0.5, New: 1},
		{Section: "dimensions", Kind: "added", Entry: "new"},
		{Section: "dimensions", Kind: "removed", Entry: "gone"},
		{Section: "negators", Kind: "removed", Entry: "never"},
		{Section: "tone positive", Kind: "added", Entry: "fine"},
	}
	if diff := cmp.Diff(want, DiffLexicons(a, b)); diff != "" {
		t.Errorf("DiffLexicons (-want +got):\n%s", diff)
	}
	if got := DiffLexicons(a, a); len(got) != 0 {
		t.Errorf("a lexicon differs from itself: %v", got)
	}
}

// TestCompareScores scores the labelled test corpus with the harbor
// lexicon and a version without "cargo": only the articles with cargo
// move, and shipping's mean goes down.
func TestCompareScores(t *testing.T) {
	a, _ := loadTestSpec(t)
	b := parseLexicon(t, `name: harbor-test
version: 2
dimensions:
  shipping:
    terms: [ferry, harbor, tugboat, dock*]
`)
	effects, err := CompareScores(context.Background(), a, b, []string{"testdata/labelled.jsonl"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(effects) != 1 || effects[0].Dimension != "shipping" {
		t.Fatalf("effects = %+v, want shipping only (gardening is not in B)", effects)
	}
	e := effects[0]
	if e.N != 9 || e.Shift >= 0 || e.Pearson == nil || *e.Pearson <= 0.5 || *e.Pearson >= 1 {
		t.Errorf("shipping effect: %+v", e)
	}
	var moved []string
	for _, m := range e.Movers {
		if m.Delta == 0 {
			t.Errorf("mover %+v did not move", m)
		}
		moved = append(moved, m.ID)
	}
	// cargo is in h1 (1 of 14 words), h2 (1 of 16) and g3 (1 of 12).
	if diff := cmp.Diff([]string{"g3", "h1", "h2"}, moved); diff != "" {
		t.Errorf("movers (-want +got):\n%s", diff)
	}
}
