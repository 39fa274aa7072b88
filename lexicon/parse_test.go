package lexicon

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func diagStrings(ds []Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func TestParseFixture(t *testing.T) {
	f, err := os.Open("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := Parse(f, "testdata/small.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if l.Name != "test-small" || l.Version != "0.1.0" || l.Language != "en" {
		t.Errorf("metadata = %q %q %q", l.Name, l.Version, l.Language)
	}
	coop := l.Dimensions[0]
	want := Dimension{
		Name: "cooperation", Description: "working together", Pos: Position{"testdata/small.yaml", 8, 3},
		Terms: []Entry{
			{"cooperat*", 1, Position{"testdata/small.yaml", 11, 9}},
			{"working relationship", 1, Position{"testdata/small.yaml", 12, 9}},
			{"trust-building", 1, Position{"testdata/small.yaml", 13, 9}},
			{"partner*", 0.5, Position{"testdata/small.yaml", 14, 9}},
			{"US", 1, Position{"testdata/small.yaml", 15, 9}},
		},
	}
	if diff := cmp.Diff(want, coop); diff != "" {
		t.Errorf("first dimension (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unknown top-level key", "name: x\nversion: 1\ndimension: {}\ndimensions:\n  a: {terms: [b]}\n",
			[]string{`x.yaml:3:1: error: unknown key "dimension" (want name, version, language, description, negators, dimensions, tone or actors)`}},
		{"unknown dimension key", "name: x\nversion: 1\ndimensions:\n  a:\n    term: [b]\n    terms: [c]\n",
			[]string{`x.yaml:5:5: error: dimension "a": unknown key "term" (want description, terms or exclude)`}},
		{"empty dimension", "name: x\nversion: 1\ndimensions:\n  a:\n    description: nothing\n",
			[]string{`x.yaml:4:3: error: dimension "a" is empty: it has no terms`}},
		{"glob in the middle", "name: x\nversion: 1\ndimensions:\n  a:\n    terms: [co*op]\n",
			[]string{"x.yaml:5:13: error: dimension a terms: entry \"co*op\": `*` is allowed only at the end of a word"}},
		{"glob alone", "name: x\nversion: 1\ndimensions:\n  a:\n    terms: [\"*\"]\n",
			[]string{"x.yaml:5:13: error: dimension a terms: entry \"*\": `*` must directly follow the word it extends"}},
		{"empty phrase part", "name: x\nversion: 1\ndimensions:\n  a:\n    terms: [trust--building, -ship]\n",
			[]string{
				`x.yaml:5:13: error: dimension a terms: entry "trust--building": empty phrase part (a hyphen must join two words)`,
				`x.yaml:5:30: error: dimension a terms: entry "-ship": empty phrase part (a hyphen must join two words)`}},
		{"empty entry", "name: x\nversion: 1\ndimensions:\n  a:\n    terms: [\"\", ok]\n",
			[]string{`x.yaml:5:13: error: dimension a terms: empty entry`}},
		{"bad weight", "name: x\nversion: 1\ndimensions:\n  a:\n    terms: [{term: b, weight: -1}, {term: c, weight: x}]\n",
			[]string{`x.yaml:5:31: error: weight must be a positive number, got "-1"`,
				`x.yaml:5:54: error: weight must be a positive number, got "x"`}},
		{"yaml syntax error", "name: x\ndimensions:\n  a: [b\n",
			[]string{`x.yaml:2:1: error: yaml: did not find expected ',' or ']'`}},
		{"duplicate key", "name: x\nversion: 1\ndimensions:\n  a: {terms: [b]}\n  a: {terms: [c]}\n",
			[]string{`x.yaml:5:3: error: dimensions: key "a" already defined at line 4`}},
		{"no dimensions", "name: x\nversion: 1\n",
			[]string{`x.yaml:1:1: error: lexicon has no dimensions`}},
		{"empty file", "",
			[]string{`x.yaml:1:1: error: empty lexicon`}},
		{"not a mapping", "- a\n",
			[]string{`x.yaml:1:1: error: lexicon must be a mapping`}},
		{"all problems at once", "name: x\nversion: 1\nfoo: 1\ndimensions:\n  a: {terms: [\"x*y\"]}\n  b: {}\n",
			[]string{`x.yaml:3:1: error: unknown key "foo" (want name, version, language, description, negators, dimensions, tone or actors)`,
				"x.yaml:5:15: error: dimension a terms: entry \"x*y\": `*` is allowed only at the end of a word",
				`x.yaml:6:3: error: dimension "b" is empty: it has no terms`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.src), "x.yaml")
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse error = %v, want an ErrorList", err)
			}
			got := []string{}
			for _, e := range list {
				got = append(got, e.Pos.String()+": error: "+e.Msg)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateWarningsAndNotes(t *testing.T) {
	src := `negators: [not, not]
dimensions:
  a:
    terms: [peace, Peace, trust-building]
  b:
    terms: [trust building, war, peace, peace]
tone:
  positive: [well]
  negative: [Well]
`
	want := []string{
		`v.yaml:1:1: warning: lexicon has no name`,
		`v.yaml:1:1: warning: lexicon has no version`,
		`v.yaml:1:17: warning: negators: duplicate entry "not" (same as "not" at line 1)`,
		`v.yaml:4:20: warning: dimension a terms: duplicate entry "Peace" (same as "peace" at line 4)`,
		`v.yaml:6:13: note: entry "trust building" is also in dimension "a" (line 4)`,
		`v.yaml:6:34: note: entry "peace" is also in dimension "a" (line 4)`,
		`v.yaml:6:41: warning: dimension b terms: duplicate entry "peace" (same as "peace" at line 6)`,
		`v.yaml:9:14: warning: tone: entry "Well" is both positive (line 8) and negative; only the positive one can count`,
	}
	got := diagStrings(Validate(strings.NewReader(src), "v.yaml"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate (-want +got):\n%s", diff)
	}
	if _, err := Parse(strings.NewReader(src), "v.yaml"); err != nil {
		t.Errorf("Parse failed on warnings only: %v", err)
	}
}

func TestErrorListFormat(t *testing.T) {
	l := ErrorList{{Pos: Position{"a.yaml", 1, 2}, Msg: "bad"}, {Pos: Position{"a.yaml", 3, 4}, Msg: "worse"}}
	if got, want := l.Error(), "a.yaml:1:2: bad\na.yaml:3:4: worse"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if ErrorList(nil).Err() != nil {
		t.Error("empty list Err() != nil")
	}
}
