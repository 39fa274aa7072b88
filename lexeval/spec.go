package lexeval

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"framing/lexicon"
)

// Spec says, for each dimension to evaluate, the labels of the articles
// where it should score high (Positive) and of those where it should not
// (Negative). Articles with any other label are left out of that
// dimension's figures.
type Spec struct {
	Label      string // the label field of the corpus, e.g. topic
	Dimensions []DimensionSpec
}

// DimensionSpec is one dimension's labels.
type DimensionSpec struct {
	Dimension          string
	Positive, Negative []string
}

// specFile is the YAML layout of a spec: a top-level negative list is the
// default for every dimension that gives none.
type specFile struct {
	Label      string `yaml:"label"`
	Negative   []string
	Dimensions map[string]struct {
		Positive []string `yaml:"positive"`
		Negative []string `yaml:"negative"`
	} `yaml:"dimensions"`
}

// ParseSpec reads a spec in YAML:
//
//	label: topic
//	negative: [sports, food]          # default for every dimension
//	dimensions:
//	  oil_interest:
//	    positive: [energy]
//	    negative: [sports, food, education]   # replaces the default
//
// Dimensions are kept in name order; Check compares them with a lexicon.
func ParseSpec(r io.Reader, name string) (Spec, error) {
	var f specFile
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return Spec{}, fmt.Errorf("reading evaluation spec %s: %w", name, err)
	}
	s := Spec{Label: f.Label}
	for dim, d := range f.Dimensions {
		neg := d.Negative
		if len(neg) == 0 {
			neg = f.Negative
		}
		s.Dimensions = append(s.Dimensions, DimensionSpec{Dimension: dim, Positive: d.Positive, Negative: neg})
	}
	s.Sort()
	return s, nil
}

// Sort orders the dimensions by name, the order of every report.
func (s Spec) Sort() {
	slices.SortFunc(s.Dimensions, func(a, b DimensionSpec) int { return strings.Compare(a.Dimension, b.Dimension) })
}

// Check reports every problem of a spec against the lexicon it evaluates,
// at once: no label field, a dimension the lexicon lacks, a dimension
// without positive or negative labels, a label on both sides.
func (s Spec) Check(l *lexicon.Lexicon) error {
	var errs []string
	if s.Label == "" {
		errs = append(errs, "no label field given")
	}
	if len(s.Dimensions) == 0 {
		errs = append(errs, "no dimension to evaluate")
	}
	have := map[string]bool{}
	for _, d := range l.Dimensions {
		have[d.Name] = true
	}
	for _, d := range s.Dimensions {
		if !have[d.Dimension] {
			errs = append(errs, fmt.Sprintf("dimension %q is not in lexicon %s", d.Dimension, l.Name))
		}
		if len(d.Positive) == 0 || len(d.Negative) == 0 {
			errs = append(errs, fmt.Sprintf("dimension %q needs positive and negative labels", d.Dimension))
		}
		for _, p := range d.Positive {
			if slices.Contains(d.Negative, p) {
				errs = append(errs, fmt.Sprintf("dimension %q: label %q is both positive and negative", d.Dimension, p))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("evaluation spec: %s", strings.Join(errs, "; "))
	}
	return nil
}

// labels returns every label the spec uses.
func (s Spec) labels() map[string]bool {
	out := map[string]bool{}
	for _, d := range s.Dimensions {
		for _, l := range append(slices.Clone(d.Positive), d.Negative...) {
			out[l] = true
		}
	}
	return out
}
