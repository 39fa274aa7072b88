package features

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/lexicon"
)

const testLexicon = `
name: score-test
version: "1"
negators: [not, never]
dimensions:
  economic:
    terms: [tariff, {term: jobs, weight: 2}]
  security:
    terms: [border]
tone:
  positive: [good, fair]
  negative: [bad, unfair]
  intensifiers: [very]
actors:
  City: [city, town hall]
  Union: [union]
`

func testMatcher(t testing.TB, yaml string) *lexicon.Matcher {
	t.Helper()
	l, err := lexicon.Parse(strings.NewReader(yaml), "test.yaml")
	if err != nil {
		t.Fatalf("parsing lexicon: %v", err)
	}
	m, err := lexicon.Compile(l)
	if err != nil {
		t.Fatalf("compiling lexicon: %v", err)
	}
	return m
}

func TestExtractFrames(t *testing.T) {
	m := testMatcher(t, testLexicon)
	tests := []struct {
		name string
		in   Input
		opt  Options
		want []Frame
	}{
		{name: "no text", in: Input{}, opt: DefaultOptions(), want: []Frame{
			{Dimension: "economic"}, {Dimension: "security"}}},
		{name: "title lead body weights", opt: DefaultOptions(),
			in: Input{Title: "Tariff plan", Text: "Jobs first.\n\nThe tariff again. And the border."},
			want: []Frame{
				{Dimension: "economic", Hits: 3, DistinctEntries: 2, TitleHits: 1, LeadHits: 1,
					Per1k: 3.0 / 10 * 1000, Share: 0.75, HasShare: true,
					WeightedScore: 2 + 2*1.5 + 1, FirstPosition: 0, HasFirst: true},
				{Dimension: "security", Hits: 1, DistinctEntries: 1,
					Per1k: 1.0 / 10 * 1000, Share: 0.25, HasShare: true,
					WeightedScore: 1, FirstPosition: 9.0 / 10, HasFirst: true},
			}},
		{name: "zero options fall back to defaults", opt: Options{},
			in: Input{Title: "Border", Text: "Calm day."},
			want: []Frame{{Dimension: "economic", Share: 0, HasShare: true},
				{Dimension: "security", Hits: 1, DistinctEntries: 1, TitleHits: 1, Per1k: 1000.0 / 3,
					Share: 1, HasShare: true, WeightedScore: 2, HasFirst: true}}},
		{name: "negated and quoted hits", opt: DefaultOptions(),
			in: Input{Text: `He said "it is not a tariff" today.`},
			want: []Frame{{Dimension: "economic", Hits: 1, NegatedHits: 1, DistinctEntries: 1, LeadHits: 1,
				QuotedHits: 1, Per1k: 1000.0 / 8, Share: 1, HasShare: true, WeightedScore: 1.5,
				FirstPosition: 6.0 / 8, HasFirst: true}, {Dimension: "security", HasShare: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.in, m, tt.opt)
			if diff := cmp.Diff(tt.want, got.Frames); diff != "" {
				t.Errorf("frames (-want +got):\n%s", diff)
			}
			if got.Matches != nil {
				t.Errorf("Matches kept without KeepMatches: %v", got.Matches)
			}
		})
	}
}

func TestExtractStance(t *testing.T) {
	m := testMatcher(t, testLexicon)
	tests := []struct {
		name string
		text string
		want []Stance
	}{
		{"no actors", "A good day.", []Stance{}},
		{"mention without tone", "The city met.", []Stance{{Actor: "City", Mentions: 1}}},
		{"negation flips", "The city was not fair.", []Stance{authorial("City", 1, 0, 1)}},
		{"intensifier", "The union was very bad.", []Stance{authorial("Union", 1, 0, 1.5)}},
		{"intensifier one token away still counts", "The union was very much bad.", []Stance{
			authorial("Union", 1, 0, 1.5)}},
		{"intensifier two tokens away does not", "Union very much so bad.", []Stance{
			authorial("Union", 1, 0, 1)}},
		{"tone in a sentence without actors counts for nobody", "The city and town hall beat the union. Good.",
			[]Stance{{Actor: "City", Mentions: 2}, {Actor: "Union", Mentions: 1}}},
		{"tone goes to the nearest actor", "The city was good. The union was unfair to the city.", []Stance{
			authorial("City", 2, 1, 0), authorial("Union", 1, 0, 1)}},
		{"quoted and authorial voice add up", `The city was good. "The city is bad," the union said.`, []Stance{
			{Actor: "City", Mentions: 2, Positive: 1, Negative: 1, HasStance: true,
				Authorial: Voice{Positive: 1, Stance: 1, HasStance: true},
				Quoted:    Voice{Negative: 1, Stance: -1, HasStance: true}},
			{Actor: "Union", Mentions: 1, Attributions: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(Input{Text: tt.text}, m, DefaultOptions())
			if diff := cmp.Diff(tt.want, got.Stance); diff != "" {
				t.Errorf("stance (-want +got):\n%s", diff)
			}
		})
	}
}

// authorial is the Stance of an actor whose tone is all in the authorial voice.
func authorial(actor string, mentions int, pos, neg float64) Stance {
	v := Voice{Positive: pos, Negative: neg}
	v.finish()
	return Stance{Actor: actor, Mentions: mentions, Positive: pos, Negative: neg, Stance: v.Stance,
		HasStance: v.HasStance, Authorial: v}
}

func TestExtractOutlet(t *testing.T) {
	footer := "Body text.\n\nThe post A story appeared first on River Post."
	tests := []struct {
		outlet, want, source string
	}{
		{"", "River Post", "footer"},
		{"unknown", "River Post", "footer"},
		{"Hill News", "Hill News", "input"},
	}
	for _, tt := range tests {
		got := Extract(Input{Text: footer, Outlet: tt.outlet}, nil, DefaultOptions())
		if got.Outlet != tt.want || got.OutletSource != tt.source {
			t.Errorf("outlet %q: got %q from %s, want %q from %s", tt.outlet, got.Outlet, got.OutletSource, tt.want, tt.source)
		}
	}
}

func TestExtractNilMatcher(t *testing.T) {
	got := Extract(Input{Title: "A title", Text: `One "two" three.`}, nil, Options{KeepMatches: true})
	want := Scores{OutletSource: "input", NParagraphs: 1, NSentences: 2, NTokens: 5, NQuotes: 1, QuotedTokenShare: 0.2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExtractMatchesAndCoverage(t *testing.T) {
	m := testMatcher(t, testLexicon)
	opt := DefaultOptions()
	opt.KeepMatches = true
	got := Extract(Input{Title: "Jobs", Text: "More jobs, fewer tariff rows."}, m, opt)
	want := []MatchRow{
		{Sentence: 0, TokenStart: 0, TokenEnd: 1, Dimension: "economic", Entry: "jobs", Weight: 2, Matched: "Jobs"},
		{Sentence: 1, TokenStart: 2, TokenEnd: 3, Dimension: "economic", Entry: "jobs", Weight: 2,
			Matched: "jobs", Left: "More", Right: ", fewer tariff rows."},
		{Sentence: 1, TokenStart: 5, TokenEnd: 6, Dimension: "economic", Entry: "tariff", Weight: 1,
			Matched: "tariff", Left: "More jobs, fewer", Right: "rows."},
	}
	if diff := cmp.Diff(want, got.Matches); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	if want := 3.0 / 6; got.Coverage != want {
		t.Errorf("coverage = %v, want %v", got.Coverage, want)
	}
	wantTerms := []Term{
		{Dimension: "economic", Entry: "jobs", Matched: "Jobs", Hits: 2},
		{Dimension: "economic", Entry: "tariff", Matched: "tariff", Hits: 1},
	}
	if diff := cmp.Diff(wantTerms, got.Terms); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

func TestExtractDeterministic(t *testing.T) {
	m := testMatcher(t, testLexicon)
	in := Input{Title: "Border and tariff", Text: generatedArticle(300)}
	opt := DefaultOptions()
	opt.KeepMatches = true
	first := Extract(in, m, opt)
	for range 3 {
		if diff := cmp.Diff(first, Extract(in, m, opt)); diff != "" {
			t.Fatalf("second run differs (-first +again):\n%s", diff)
		}
	}
}

// TestMatchContext checks the keyword-in-context columns: five words each
// side, punctuation kept as written, white space made one space, across
// sentences and paragraphs but never between title and text.
func TestMatchContext(t *testing.T) {
	m := testMatcher(t, testLexicon)
	opt := DefaultOptions()
	opt.KeepMatches = true
	text := "One two three four five six seven.\n\nEight   nine tariff ten eleven twelve thirteen fourteen fifteen."
	got := Extract(Input{Title: "Jobs and more", Text: text}, m, opt)
	var rows []MatchRow
	for _, r := range got.Matches {
		rows = append(rows, MatchRow{Entry: r.Entry, Matched: r.Matched, Left: r.Left, Right: r.Right})
	}
	want := []MatchRow{
		{Entry: "jobs", Matched: "Jobs", Right: "and more"},
		{Entry: "tariff", Matched: "tariff", Left: "five six seven. Eight nine", Right: "ten eleven twelve thirteen fourteen"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("contexts (-want +got):\n%s", diff)
	}
}
