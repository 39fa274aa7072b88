package lexicon

import (
	"io"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ParseQuanteda reads a dictionary in the YAML layout of quanteda's
// dictionary() (R): nested keys whose leaves are lists of words and '*'
// globs. Each leaf becomes a dimension named by its key path joined with
// dots (economy.positive). Published dictionaries are irregular, so an entry
// the matcher cannot use ('?' wildcards, punctuation) is skipped with a
// warning instead of failing the load; the error is only for unreadable
// YAML or a file with no usable leaf.
func ParseQuanteda(r io.Reader, name string) (*Lexicon, []Diagnostic, error) {
	p := &parser{file: name}
	l := &Lexicon{Name: baseName(name), Source: name}
	root := p.readYAML(r)
	if root != nil {
		if root.Kind != yaml.MappingNode {
			p.add(root, SeverityError, "a quanteda dictionary must be a mapping of keys to word lists")
		} else {
			p.quantedaNode(root, "", l, 0)
			if len(l.Dimensions) == 0 {
				p.add(root, SeverityError, "dictionary has no word lists")
			}
		}
	}
	dp := &parser{file: name}
	checkDuplicates(l, dp)
	for _, d := range dp.diags {
		if d.Severity == SeverityWarning { // notes (shared entries) are normal in nested dictionaries
			p.diags = append(p.diags, d)
		}
	}
	sortDiags(p.diags)
	if errs := errorsOf(p.diags); len(errs) > 0 {
		return nil, p.diags, errs
	}
	return l, p.diags, nil
}

// maxQuantedaDepth bounds the key tree, so an alias that contains itself
// is an error instead of endless recursion.
const maxQuantedaDepth = 32

// maxQuantedaVisits bounds the keys visited, so aliases that branch
// (a: &x {b: *x, c: *x}) cannot expand exponentially.
const maxQuantedaVisits = 100000

// quantedaNode flattens one level of the key tree.
func (p *parser) quantedaNode(n *yaml.Node, prefix string, l *Lexicon, depth int) {
	p.visits++
	if p.visits == maxQuantedaVisits {
		p.add(n, SeverityError, "dictionary expands to more than %d keys (aliases?)", maxQuantedaVisits)
	}
	if p.visits >= maxQuantedaVisits {
		return
	}
	if depth > maxQuantedaDepth {
		p.add(n, SeverityError, "%s: keys nested deeper than %d levels (a recursive alias?)", prefix, maxQuantedaDepth)
		return
	}
	p.mapping(n, "dictionary", func(key string, k, v *yaml.Node) {
		full := key
		if prefix != "" {
			full = prefix + "." + key
		}
		switch v.Kind {
		case yaml.MappingNode:
			p.quantedaNode(v, full, l, depth+1)
		case yaml.SequenceNode, yaml.ScalarNode:
			items := v.Content
			if v.Kind == yaml.ScalarNode {
				if v.Tag == "!!null" {
					items = nil
				} else {
					items = []*yaml.Node{v}
				}
			}
			d := Dimension{Name: full, Pos: p.pos(k)}
			for _, c := range items {
				c = deref(c)
				if c.Kind != yaml.ScalarNode {
					p.add(c, SeverityWarning, "%s: skipping an entry that is not a string", full)
					continue
				}
				if _, err := parseEntry(c.Value); err != nil {
					p.add(c, SeverityWarning, "%s: skipping: %v", full, err)
					continue
				}
				d.Terms = append(d.Terms, Entry{Text: c.Value, Weight: 1, Pos: p.pos(c)})
			}
			if len(d.Terms) == 0 {
				p.add(k, SeverityWarning, "%s: skipping an empty word list", full)
				return
			}
			l.Dimensions = append(l.Dimensions, d)
		default:
			p.add(v, SeverityWarning, "%s: skipping a value that is neither a mapping nor a list", full)
		}
	})
}

// baseName is the file name without directory and extension, the default
// lexicon name for imported dictionaries.
func baseName(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
