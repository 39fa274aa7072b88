package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Load reads a lexicon file in any supported format, chosen by extension
// (see formats). Import warnings are dropped; use LoadFile to see them.
func Load(path string) (*Lexicon, error) {
	l, _, err := LoadFile(path)
	return l, err
}

// loader reads one format from the whole file.
type loader func(data []byte, path string) (*Lexicon, []Diagnostic, error)

// formats is the one table of lexicon file formats, by extension: .yaml or
// .yml is the native format when it has a top-level `dimensions` key and a
// quanteda dictionary otherwise; .dic is LIWC (or WordStat, by content);
// .cat is WordStat; .lc3, .lcd and .ykd are Lexicoder and Yoshikoder; .tsv
// and .txt are a weighted tone list (word, tab, valence: ParseValence).
var formats = map[string]loader{
	".tsv":  loadValence,
	".txt":  loadValence,
	".yaml": loadYAML,
	".yml":  loadYAML,
	".dic": func(data []byte, path string) (*Lexicon, []Diagnostic, error) {
		return LoadDic(bytes.NewReader(data), path)
	},
	".cat": func(data []byte, path string) (*Lexicon, []Diagnostic, error) {
		return LoadWordStat(bytes.NewReader(data), path)
	},
	".lc3": loadLexicoder,
	".lcd": loadLexicoder,
	".ykd": loadLexicoder,
}

func loadValence(data []byte, path string) (*Lexicon, []Diagnostic, error) {
	return ParseValence(bytes.NewReader(data), path)
}

func loadLexicoder(data []byte, path string) (*Lexicon, []Diagnostic, error) {
	return LoadLexicoder(bytes.NewReader(data), path)
}

// loadYAML reads the native format or a quanteda dictionary. Errors are
// among the diagnostics too.
func loadYAML(data []byte, path string) (*Lexicon, []Diagnostic, error) {
	if !hasDimensionsKey(data) {
		return ParseQuanteda(bytes.NewReader(data), path)
	}
	l, diags := parseNative(bytes.NewReader(data), path)
	if errs := errorsOf(diags); len(errs) > 0 {
		return nil, diags, errs
	}
	return l, diags, nil
}

// LoadFile is Load that also returns the warnings and notes, for `framing
// lexicon validate` and for the run log, which show what an import
// simplified or dropped.
func LoadFile(path string) (*Lexicon, []Diagnostic, error) {
	read, err := formatOf(path)
	if err != nil {
		return nil, nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading lexicon: %w", err)
	}
	return read(data, path)
}

func formatOf(path string) (loader, error) {
	ext := strings.ToLower(filepath.Ext(path))
	read, ok := formats[ext]
	if !ok {
		return nil, fmt.Errorf("reading lexicon %s: unknown extension %q (want .yaml, .yml, .dic, .cat, .lc3, .lcd, .ykd, .tsv or .txt)", path, ext)
	}
	return read, nil
}

// Warnings returns what is wrong with a lexicon as a whole rather than
// with one of its lines: today, a lexicon without negators, in which
// negation is silently off. A run checks the lexicon it uses (after
// merging several files), validate checks each file.
func (l *Lexicon) Warnings() []Diagnostic {
	if len(l.Negators) > 0 {
		return nil
	}
	return []Diagnostic{{Pos: Position{File: l.Source}, Severity: SeverityWarning,
		Msg: "lexicon has no negators: no hit is ever negated, so tone is never flipped (add `negators`, or use it together with a lexicon that has them)"}}
}

// hasDimensionsKey reports whether a YAML document is a mapping with a
// top-level `dimensions` key, the mark of the native format. A document
// that does not parse counts as native, so the native parser reports the
// syntax error.
func hasDimensionsKey(data []byte) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return true
	}
	root := deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "dimensions" {
			return true
		}
	}
	return false
}

// Merge combines lexicons, for a researcher who adds dimensions of their own
// to the default. Dimensions and actors are concatenated in argument order;
// a name defined twice is an error, because silently preferring one would
// change scores without a trace. Tone lists and negators are concatenated.
// Name and version join the parts with "+"; language is the first one set.
func Merge(ls ...*Lexicon) (*Lexicon, error) {
	out := &Lexicon{}
	var errs ErrorList
	dims, actors := map[string]Position{}, map[string]Position{}
	var names, versions, descs []string
	for _, l := range ls {
		if l == nil {
			continue
		}
		names, versions = appendSet(names, l.Name), appendSet(versions, l.Version)
		descs = appendSet(descs, l.Description)
		if out.Language == "" {
			out.Language = l.Language
		}
		for _, d := range l.Dimensions {
			if p, dup := dims[d.Name]; dup {
				errs = append(errs, &Error{Pos: d.Pos, Msg: fmt.Sprintf("merging: dimension %q already defined at %s", d.Name, p)})
				continue
			}
			dims[d.Name] = d.Pos
			out.Dimensions = append(out.Dimensions, cloneDimension(d))
		}
		for _, a := range l.Actors {
			if p, dup := actors[a.Name]; dup {
				errs = append(errs, &Error{Pos: a.Pos, Msg: fmt.Sprintf("merging: actor %q already defined at %s", a.Name, p)})
				continue
			}
			actors[a.Name] = a.Pos
			out.Actors = append(out.Actors, ActorSet{Name: a.Name, Pos: a.Pos, Aliases: cloneEntries(a.Aliases)})
		}
		out.Tone.Positive = append(out.Tone.Positive, l.Tone.Positive...)
		out.Tone.Negative = append(out.Tone.Negative, l.Tone.Negative...)
		out.Tone.Intensifiers = append(out.Tone.Intensifiers, l.Tone.Intensifiers...)
		out.Negators = append(out.Negators, l.Negators...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	out.Name, out.Version = strings.Join(names, "+"), strings.Join(versions, "+")
	out.Description = strings.Join(descs, "\n\n")
	return out, nil
}

func appendSet(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	if s == "" {
		return list
	}
	return append(list, s)
}

func cloneEntries(es []Entry) []Entry { return append([]Entry(nil), es...) }

func cloneDimension(d Dimension) Dimension {
	d.Terms, d.Exclude = cloneEntries(d.Terms), cloneEntries(d.Exclude)
	return d
}

// ValidateFile checks a lexicon file of any supported format and returns
// every diagnostic, errors included, sorted by position, for `framing
// lexicon validate`; Warnings are added when the file loads. The error is
// only for a file that cannot be read or has an unknown extension;
// problems in the file are diagnostics.
func ValidateFile(path string) ([]Diagnostic, error) {
	read, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading lexicon: %w", err)
	}
	l, diags, err := read(data, path)
	// Some readers report their errors as diagnostics too; others only as
	// the error.
	var list ErrorList
	switch {
	case err == nil:
		diags = append(diags, l.Warnings()...)
	case len(errorsOf(diags)) > 0:
	case errors.As(err, &list):
		for _, e := range list {
			diags = append(diags, Diagnostic{Pos: e.Pos, Severity: SeverityError, Msg: e.Msg})
		}
	default:
		diags = append(diags, Diagnostic{Pos: Position{File: path}, Severity: SeverityError, Msg: err.Error()})
	}
	sortDiags(diags)
	return diags, nil
}
