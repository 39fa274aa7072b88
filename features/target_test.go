package features

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var cmpFloat = cmpopts.EquateApprox(0, 1e-12)

// targetLexicon is small on purpose: two actors, a few tone words, one of
// them weighted, so each case below shows one rule of docs/stance.md.
const targetLexicon = `
name: target-test
version: "1"
negators: [not]
dimensions:
  economic:
    terms: [budget]
tone:
  positive: [good, fair, {term: superb, weight: 2}]
  negative: [bad, unfair]
  intensifiers: [very]
actors:
  City: [city, town hall]
  Union: [union]
`

// voiced is the part of a Stance that targeting decides.
type voiced struct {
	Actor                              string
	AuthPos, AuthNeg, QuotPos, QuotNeg float64
	Attributions                       int
}

func TestTargetRules(t *testing.T) {
	m := testMatcher(t, targetLexicon)
	tests := []struct {
		rule string
		text string
		want []voiced
	}{
		{"within 4 words a tone word counts fully", "The city was good.",
			[]voiced{{Actor: "City", AuthPos: 1}}},
		{"a weighted entry counts its weight", "The city was superb.",
			[]voiced{{Actor: "City", AuthPos: 2}}},
		{"an intensifier multiplies by 1.5", "The city was very good.",
			[]voiced{{Actor: "City", AuthPos: 1.5}}},
		{"negation flips the polarity", "The city was not fair.",
			[]voiced{{Actor: "City", AuthNeg: 1}}},
		{"beyond 4 words the weight is 4/d", "The city opened its doors to guests on a good day.",
			[]voiced{{Actor: "City", AuthPos: 4.0 / 8}}},
		{"beyond 10 words nothing counts", "The city opened its doors to all of the guests on a good day.",
			[]voiced{{Actor: "City"}}},
		{"a semicolon crossed weighs a quarter", "The city closed; good day.",
			[]voiced{{Actor: "City", AuthPos: 0.25}}},
		{"a colon crossed weighs a quarter", "The city has one answer: good.",
			[]voiced{{Actor: "City", AuthPos: 0.25}}},
		{"a dash crossed weighs a quarter", "The city closed — a good day.",
			[]voiced{{Actor: "City", AuthPos: 0.25}}},
		{"but starts a new clause", "The union lost but played good.",
			[]voiced{{Actor: "Union", AuthPos: 0.25}}},
		{"two boundaries crossed count nothing", "The city closed; shut; good.",
			[]voiced{{Actor: "City"}}},
		{"a comma before and is a boundary", "The union spoke, and good news came.",
			[]voiced{{Actor: "Union", AuthPos: 0.25}}},
		{"a comma is no boundary", "The union, a good partner, met.",
			[]voiced{{Actor: "Union", AuthPos: 1}}},
		{"a hyphen inside a word is no boundary", "The city-run fair fund.",
			[]voiced{{Actor: "City", AuthPos: 1}}},
		{"the nearest actor takes the tone word", "The union rejected the city's fair offer.",
			[]voiced{{Actor: "City", AuthPos: 1}, {Actor: "Union"}}},
		{"at full weight the nearer actor still wins", "The union was unfair to the city.",
			[]voiced{{Actor: "City"}, {Actor: "Union", AuthNeg: 1}}},
		{"two actors equally near share it", "The city, good union.",
			[]voiced{{Actor: "City", AuthPos: 0.5}, {Actor: "Union", AuthPos: 0.5}}},
		{"one actor on both sides takes it once", "The city was good to the city.",
			[]voiced{{Actor: "City", AuthPos: 1}}},
		{"tone inside a quotation is quoted voice", `"The union is bad," the mayor said.`,
			[]voiced{{Actor: "Union", QuotNeg: 1}}},
		{"the speaker does not get the quote's tone", `"That is bad," said the union.`,
			[]voiced{{Actor: "Union", Attributions: 1}}},
		{"nor when the speaker comes first", `The union said: "Bad plan."`,
			[]voiced{{Actor: "Union", Attributions: 1}}},
		{"a quotation edge is a clause boundary", `The union called the plan "bad".`,
			[]voiced{{Actor: "Union", QuotNeg: 0.25}}},
		{"according to names a speaker too", `"Bad plan," according to the union.`,
			[]voiced{{Actor: "Union", Attributions: 1}}},
		{"a speaker gets nothing from what it reports", "The union said the plan was bad.",
			[]voiced{{Actor: "Union", Attributions: 1}}},
		{"a speaker keeps tone in its own clause", "The bad union said so.",
			[]voiced{{Actor: "Union", AuthNeg: 1, Attributions: 1}}},
		{"reported speech goes to its target, in the quoted voice", "The union said the city was bad.",
			[]voiced{{Actor: "City", QuotNeg: 1}, {Actor: "Union", Attributions: 1}}},
		{"an object after the verb is no speaker", "The mayor told the union the plan was bad.",
			[]voiced{{Actor: "Union", QuotNeg: 1}}},
		{"a reporting verb that is no attribution verb reports too", "Critics say the city was unfair.",
			[]voiced{{Actor: "City", QuotNeg: 1}}},
		{"an accusation reports what follows in its clause", "Critics accused the city of unfair rules.",
			[]voiced{{Actor: "City", QuotNeg: 1}}},
		{"a passive accusation reports too", "The city was accused of bad faith.",
			[]voiced{{Actor: "City", QuotNeg: 1}}},
		{"tone before an accusation is the outlet's", "The good city was accused of fraud.",
			[]voiced{{Actor: "City", AuthPos: 1}}},
		{"a clause boundary ends reported speech", "Critics say the city lost, but the city was good.",
			[]voiced{{Actor: "City", AuthPos: 1}}},
		{"a trailing attribution reports the clause before its comma", "The city was unfair, critics said.",
			[]voiced{{Actor: "City", QuotNeg: 1}}},
		{"according to at the end reports too", "The city was unfair, according to the report.",
			[]voiced{{Actor: "City", QuotNeg: 1}}},
		{"according to at the start reports what follows", "According to critics, the city was unfair.",
			[]voiced{{Actor: "City", QuotNeg: 1}}},
		{"a reporting verb far from the end reports nothing before it", "The city was unfair, critics said on a long and cold day in the hall.",
			[]voiced{{Actor: "City", AuthNeg: 1}}},
		{"a tone word in a sentence without actors counts for nobody", "The city met. A good day.",
			[]voiced{{Actor: "City"}}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			var got []voiced
			for _, s := range Extract(Input{Text: tt.text}, m, DefaultOptions()).Stance {
				got = append(got, voiced{s.Actor, s.Authorial.Positive, s.Authorial.Negative,
					s.Quoted.Positive, s.Quoted.Negative, s.Attributions})
			}
			if diff := cmp.Diff(tt.want, got, cmpFloat); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
