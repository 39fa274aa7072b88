package lexicon

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// mustCompile parses a native YAML lexicon given inline and compiles it.
func mustCompile(t testing.TB, src string) *Matcher {
	t.Helper()
	l, err := Parse(strings.NewReader(src), "inline.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return m
}

// show renders matches compactly: "kind/set entry [start,end)" plus " NOT"
// for negated hits and "*w" for weights other than 1.
func show(ms []Match) []string {
	out := []string{}
	for _, m := range ms {
		s := fmt.Sprintf("%s/%s %s [%d,%d)", m.Kind, m.Set, m.Entry, m.Start, m.End)
		if m.Weight != 1 {
			s += fmt.Sprintf(" *%g", m.Weight)
		}
		if m.Negated {
			s += " NOT"
		}
		out = append(out, s)
	}
	return out
}

const ruleLexicon = `
name: rules
version: "1"
negators: [not, "n't", no, never, without, cannot]
dimensions:
  cooperation:
    terms:
      - cooperat*
      - working relationship
      - trust-building
      - {term: partner*, weight: 0.5}
      - US
      - e-mail
  geography:
    terms: [Czech Republic, Czech*, New York, talks]
    exclude: [czech mate]
  security:
    terms: [sec*, secur*, security, talks]
tone:
  positive: [good, hope*]
  negative: [bad, crisis]
  intensifiers: [very]
actors:
  us_government: [Washington, CIA, U.S. government]
  interim_government: [Delcy Rodríguez]
  press: [New York Times]
  city: [New York]
`

func TestMatchRules(t *testing.T) {
	m := mustCompile(t, ruleLexicon)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"accents and case are ignored", "delcy RODRIGUEZ spoke",
			[]string{"actor/interim_government Delcy Rodríguez [0,2)"}},
		{"dotted acronym in text matches capital entry", "the U.S. said",
			[]string{"frame/cooperation US [1,2)"}},
		{"capital entry is case-sensitive", "let us talk",
			[]string{}},
		{"dotted entry matches plain text", "the US government",
			[]string{"frame/cooperation US [1,2)", "actor/us_government U.S. government [1,3)"}},
		{"possessive is dropped", "Washington's view",
			[]string{"actor/us_government Washington [0,1)"}},
		{"hyphen entry matches spaced text", "more trust building",
			[]string{"frame/cooperation trust-building [1,3)"}},
		{"hyphen entry matches hyphenated text", "more trust-building",
			[]string{"frame/cooperation trust-building [1,3)"}},
		{"hyphen inside a word entry", "an e-mail and an e mail",
			[]string{"frame/cooperation e-mail [1,3)", "frame/cooperation e-mail [5,7)"}},
		{"phrase needs contiguous tokens", "working closely relationship",
			[]string{}},
		{"punctuation breaks a phrase", "working, relationship",
			[]string{}},
		{"phrase in order", "relationship working",
			[]string{}},
		{"longest within a dimension", "the Czech Republic",
			[]string{"frame/geography Czech Republic [1,3)"}},
		{"glob alone", "Czechs voted",
			[]string{"frame/geography Czech* [0,1)"}},
		{"same tokens count in several dimensions", "talks",
			[]string{"frame/geography talks [0,1)", "frame/security talks [0,1)"}},
		{"only the longest actor counts", "the New York Times",
			[]string{"frame/geography New York [1,3)", "actor/press New York Times [1,4)"}},
		{"shorter actor alone", "in New York",
			[]string{"frame/geography New York [1,3)", "actor/city New York [1,3)"}},
		{"exact beats glob", "security",
			[]string{"frame/security security [0,1)"}},
		{"longer prefix beats shorter", "securing",
			[]string{"frame/security secur* [0,1)"}},
		{"shortest glob when alone", "second",
			[]string{"frame/security sec* [0,1)"}},
		{"exclude vetoes its dimension", "a czech mate",
			[]string{}},
		{"exclude leaves other spans", "czech mate in Czechia",
			[]string{"frame/geography Czech* [3,4)"}},
		{"weight is reported", "partners",
			[]string{"frame/cooperation partner* [0,1) *0.5"}},
		{"tone sets and intensifier", "very good, bad crisis",
			[]string{"intensifier/ very [0,1)", "positive/ good [1,2)", "negative/ bad [3,4)", "negative/ crisis [4,5)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(m.Match(Tokenize(tt.text)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestMatchNegation(t *testing.T) {
	m := mustCompile(t, ruleLexicon)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"not within three tokens", "not very good",
			[]string{"intensifier/ very [1,2) NOT", "positive/ good [2,3) NOT"}},
		{"n't of don't", "they don't cooperate",
			[]string{"frame/cooperation cooperat* [3,4) NOT"}},
		{"can't", "we can't cooperate",
			[]string{"frame/cooperation cooperat* [3,4) NOT"}},
		{"won't", "we won't cooperate",
			[]string{"frame/cooperation cooperat* [3,4) NOT"}},
		{"cannot", "we cannot cooperate",
			[]string{"frame/cooperation cooperat* [2,3) NOT"}},
		{"three tokens back", "never really in any good",
			[]string{"positive/ good [4,5)"}},
		{"exactly three tokens back", "never in any good",
			[]string{"positive/ good [3,4) NOT"}},
		{"comma stops the scope", "no, good",
			[]string{"positive/ good [2,3)"}},
		{"dash stops the scope", "no — good",
			[]string{"positive/ good [2,3)"}},
		{"but stops the scope", "not bad but good",
			[]string{"negative/ bad [1,2) NOT", "positive/ good [3,4)"}},
		{"however stops the scope", "no however good",
			[]string{"positive/ good [2,3)"}},
		{"negator after the hit does not count", "good not",
			[]string{"positive/ good [0,1)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(m.Match(Tokenize(tt.text)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestMatchSortedAndFields(t *testing.T) {
	m := mustCompile(t, ruleLexicon)
	got := m.Match(Tokenize("Washington hopes for talks"))
	want := []Match{
		{Kind: Actor, Set: "us_government", Entry: "Washington", Weight: 1, Start: 0, End: 1},
		{Kind: Positive, Entry: "hope*", Weight: 1, Start: 1, End: 2},
		{Kind: Frame, Set: "geography", Entry: "talks", Weight: 1, Start: 3, End: 4},
		{Kind: Frame, Set: "security", Entry: "talks", Weight: 1, Start: 3, End: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Match (-want +got):\n%s", diff)
	}
}

func TestMatchDeterministicTies(t *testing.T) {
	// Two globs with the same prefix length and an exact duplicate written
	// differently: the choice must not depend on lexicon order.
	a := mustCompile(t, "dimensions:\n  d:\n    terms: [peace*, \"peace-keep*\", peacekeep*]\n")
	b := mustCompile(t, "dimensions:\n  d:\n    terms: [peacekeep*, \"peace-keep*\", peace*]\n")
	for _, text := range []string{"peacekeeping", "peace keeping", "peaceful"} {
		ga, gb := show(a.Match(Tokenize(text))), show(b.Match(Tokenize(text)))
		if diff := cmp.Diff(ga, gb); diff != "" {
			t.Errorf("Match(%q) depends on entry order (-first +second):\n%s", text, diff)
		}
	}
}

func TestMatcherNames(t *testing.T) {
	m := mustCompile(t, ruleLexicon)
	if diff := cmp.Diff([]string{"cooperation", "geography", "security"}, m.Dimensions()); diff != "" {
		t.Errorf("Dimensions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"us_government", "interim_government", "press", "city"}, m.Actors()); diff != "" {
		t.Errorf("Actors (-want +got):\n%s", diff)
	}
}

func TestAnnotate(t *testing.T) {
	m := mustCompile(t, ruleLexicon)
	text := "Washington won't cooperate in the Czech Republic."
	toks := Tokenize(text)
	got := m.Annotate(text, toks, m.Match(toks))
	want := "Washington[actor us_government: Washington] won't cooperate[NOT cooperation: cooperat*] in the Czech Republic[geography: Czech Republic]."
	if got != want {
		t.Errorf("Annotate:\n got %s\nwant %s", got, want)
	}
	if got := m.Annotate(text, toks, []Match{{Start: 3, End: 99}}); got != text {
		t.Errorf("Annotate with an out-of-range match changed the text: %s", got)
	}
}
