package lexicon

import (
	"math"
	"strings"
	"testing"
)

// TestWeightBound: every weight, in whatever format it was read or however
// an Entry was built, is positive, finite and at most MaxWeight, or the
// lexicon does not compile; so a weighted score cannot overflow.
func TestWeightBound(t *testing.T) {
	for _, w := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1, 1e308, MaxWeight + 0.5} {
		l := &Lexicon{Name: "t", Dimensions: []Dimension{{Name: "d", Terms: []Entry{{Text: "cooperation", Weight: w}}}}}
		if _, err := Compile(l); err == nil || !strings.Contains(err.Error(), "at most 1000") {
			t.Errorf("weight %g: Compile error %v, want one naming the bound", w, err)
		}
	}
	for _, w := range []float64{1e-300, 1, MaxWeight} {
		l := &Lexicon{Name: "t", Dimensions: []Dimension{{Name: "d", Terms: []Entry{{Text: "cooperation", Weight: w}}}}}
		if _, err := Compile(l); err != nil {
			t.Errorf("weight %g: %v", w, err)
		}
	}
	for _, w := range []string{"1e308", "1000.5"} {
		_, err := Parse(strings.NewReader("name: t\nversion: 1.0.0\ndimensions:\n  d:\n    terms:\n      - {term: cooperation, weight: "+w+"}\n"), "x.yaml")
		if err == nil || !strings.Contains(err.Error(), "x.yaml:6:") || !strings.Contains(err.Error(), "above the largest allowed") {
			t.Errorf("YAML weight %s: %v", w, err)
		}
	}
}
