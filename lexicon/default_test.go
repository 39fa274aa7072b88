package lexicon

import (
	"bytes"
	"testing"
)

// TestDefault checks the embedded default lexicon: it parses without
// errors, compiles, and survives an export round trip with the same hash.
func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(l.Dimensions) == 0 || len(l.Negators) == 0 || l.Name == "" || l.Version == "" {
		t.Errorf("default lexicon incomplete: %d dimensions, %d negators, name %q, version %q",
			len(l.Dimensions), len(l.Negators), l.Name, l.Version)
	}
	data, err := DefaultYAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Validate(bytes.NewReader(data), defaultName) {
		if d.Severity == SeverityError {
			t.Errorf("%v", d)
		}
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatalf("Compile(Default()): %v", err)
	}
	if got := len(m.Dimensions()); got != len(l.Dimensions) {
		t.Errorf("compiled %d dimensions, lexicon has %d", got, len(l.Dimensions))
	}
	var buf bytes.Buffer
	if err := l.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(&buf, "export.yaml")
	if err != nil {
		t.Fatalf("Parse(WriteYAML(Default())): %v", err)
	}
	if back.SHA256() != l.SHA256() {
		t.Error("export round trip changed the default lexicon's hash")
	}
	again, _ := Default()
	if again.SHA256() != l.SHA256() {
		t.Error("Default() hashes differently on a second call")
	}
}

// TestDefaultNegatesContractions checks that the default negators cover
// the contraction rule of docs/lexicon.md: n't and cannot.
func TestDefaultNegatesContractions(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range l.Negators {
		if p, err := parseEntry(e.Text); err == nil {
			have[p.String()] = true
		}
	}
	for _, want := range []string{"n't", "not", "cannot"} {
		if !have[want] {
			t.Errorf("default negators lack %q", want)
		}
	}
}
