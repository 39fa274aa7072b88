package lexicon

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const hashBase = `name: h
version: "1"
negators: [not, never]
dimensions:
  a:
    description: first
    terms: [peace, trust-building, {term: war*, weight: 2}]
  b:
    terms: [US]
actors:
  x: [Washington]
`

func mustParse(t *testing.T, src string) *Lexicon {
	t.Helper()
	l, err := Parse(strings.NewReader(src), "h.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return l
}

func TestSHA256Stable(t *testing.T) {
	base := mustParse(t, hashBase).SHA256()
	same := map[string]string{
		"comments and flow style": `# a comment
name: h   # trailing comment
version: "1"
negators:
  - never
  - not
dimensions:
  a:
    description: first
    terms:
      - {weight: 2, term: war*}
      - trust building
      - peace
  b: {terms: [US]}
actors: {x: [Washington]}
`,
		"keys and dimensions reordered": `actors:
  x: [Washington]
dimensions:
  b:
    terms: [US]
  a:
    terms: [peace, trust-building, {term: war*, weight: 2.0}]
    description: first
negators: [not, never]
version: "1"
name: h
`,
		"duplicate entry": strings.Replace(hashBase, "[peace,", "[peace, Peace,", 1),
	}
	for name, src := range same {
		if got := mustParse(t, src).SHA256(); got != base {
			t.Errorf("%s: hash changed\n%s", name, mustParse(t, src).Canonical())
		}
	}
	differ := map[string]string{
		"entry changed":       strings.Replace(hashBase, "peace,", "peaces,", 1),
		"weight changed":      strings.Replace(hashBase, "weight: 2", "weight: 3", 1),
		"case of capitals":    strings.Replace(hashBase, "[US]", "[us]", 1),
		"negator removed":     strings.Replace(hashBase, "[not, never]", "[not]", 1),
		"description changed": strings.Replace(hashBase, "first", "second", 1),
		"entry moved":         strings.Replace(strings.Replace(hashBase, "[US]", "[US, peace]", 1), "[peace, ", "[", 1),
	}
	for name, src := range differ {
		if got := mustParse(t, src).SHA256(); got == base {
			t.Errorf("%s: hash did not change", name)
		}
	}
	if len(base) != 64 {
		t.Errorf("SHA256 = %q, want 64 hex digits", base)
	}
}

func TestWriteYAMLRoundTrip(t *testing.T) {
	for _, path := range []string{"testdata/small.yaml", "testdata/quanteda.yml", "testdata/small.dic"} {
		l, err := Load(path)
		if err != nil {
			t.Fatalf("Load(%s): %v", path, err)
		}
		var buf bytes.Buffer
		if err := l.WriteYAML(&buf); err != nil {
			t.Fatalf("WriteYAML: %v", err)
		}
		back, err := Parse(&buf, "out.yaml")
		if err != nil {
			t.Fatalf("%s: Parse(WriteYAML): %v\n%s", path, err, buf.String())
		}
		if diff := cmp.Diff(l.Canonical(), back.Canonical()); diff != "" {
			t.Errorf("%s: round trip changed the lexicon (-want +got):\n%s", path, diff)
		}
	}
}

func TestWriteDic(t *testing.T) {
	l := mustParse(t, hashBase)
	var buf bytes.Buffer
	if err := l.WriteDic(&buf); err != nil {
		t.Fatal(err)
	}
	want := "%\n1\ta\n2\tb\n%\nUS\t2\npeace\t1\ntrust-building\t1\nwar*\t1\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteDic (-want +got):\n%s", diff)
	}
	back, diags, err := LoadDic(&buf, "out.dic")
	if err != nil || len(diags) != 0 {
		t.Fatalf("LoadDic(WriteDic) = %v, %v", diags, err)
	}
	if diff := cmp.Diff([]string{"a: peace, trust-building, war*", "b: US"}, terms(back)); diff != "" {
		t.Errorf("dic round trip (-want +got):\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	a := mustParse(t, hashBase)
	b := mustParse(t, "name: extra\nversion: \"2\"\ndimensions:\n  c: {terms: [truce]}\nactors:\n  y: [Caracas]\n")
	m, err := Merge(a, b)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if m.Name != "h+extra" || m.Version != "1+2" {
		t.Errorf("Merge name/version = %q %q", m.Name, m.Version)
	}
	if diff := cmp.Diff([]string{"a: peace, trust-building, war*", "b: US", "c: truce"}, terms(m)); diff != "" {
		t.Errorf("Merge dimensions (-want +got):\n%s", diff)
	}
	if len(m.Actors) != 2 {
		t.Errorf("Merge actors = %d, want 2", len(m.Actors))
	}
	_, err = Merge(a, mustParse(t, "dimensions:\n  a: {terms: [other]}\n"))
	if err == nil || !strings.Contains(err.Error(), `merging: dimension "a" already defined at h.yaml:5:3`) {
		t.Errorf("Merge clash error = %v", err)
	}
}

func TestCompileErrors(t *testing.T) {
	l := &Lexicon{Dimensions: []Dimension{
		{Name: "a", Terms: []Entry{{Text: "ok"}, {Text: "bad*word", Pos: Position{"code", 7, 1}}}},
		{Name: "a", Terms: []Entry{{Text: "x"}}},
		{Name: "empty"},
	}}
	_, err := Compile(l)
	want := "-: dimension \"a\" defined twice\n-: dimension \"empty\" is empty: it has no terms\ncode:7:1: entry \"bad*word\": `*` is allowed only at the end of a word"
	if err == nil || err.Error() != want {
		t.Errorf("Compile error:\n%v\nwant:\n%s", err, want)
	}
}
