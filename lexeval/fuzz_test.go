package lexeval

import (
	"strings"
	"testing"

	"framing/lexicon"
)

// FuzzParseSpec: any input either fails to parse or gives a spec whose
// dimensions are sorted, and Check never accepts a spec without a label
// or dimensions; nothing panics.
func FuzzParseSpec(f *testing.F) {
	f.Add("label: topic\nnegative: [a, b]\ndimensions:\n  d:\n    positive: [c]\n")
	f.Add("dimensions:\n  d: {positive: [x], negative: [x]}\n")
	f.Add("label: [1]\n")
	f.Add("a: &x [*x]\n")
	l := &lexicon.Lexicon{Name: "f", Dimensions: []lexicon.Dimension{{Name: "d", Terms: []lexicon.Entry{{Text: "x"}}}}}
	f.Fuzz(func(t *testing.T, src string) {
		s, err := ParseSpec(strings.NewReader(src), "f.yaml")
		if err != nil {
			return
		}
		for i := 1; i < len(s.Dimensions); i++ {
			if s.Dimensions[i-1].Dimension > s.Dimensions[i].Dimension {
				t.Fatalf("dimensions not sorted: %v", s.Dimensions)
			}
		}
		if err := s.Check(l); err == nil && (s.Label == "" || len(s.Dimensions) == 0) {
			t.Fatalf("Check accepted a spec without label or dimensions: %+v", s)
		}
	})
}
