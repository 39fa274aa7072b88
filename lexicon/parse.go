package lexicon

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Parse reads a lexicon in the native YAML format (docs/lexicon.md). name is
// the file name used in positions. The error, if any, is an ErrorList with
// every problem found, each as file:line:col: message.
func Parse(r io.Reader, name string) (*Lexicon, error) {
	l, diags := parseNative(r, name)
	if errs := errorsOf(diags); len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

// Validate checks a native YAML lexicon and returns every error, warning and
// note, sorted by position, for `framing lexicon validate`. Warnings (duplicate
// entries) and notes (an entry in two dimensions) do not stop Parse.
func Validate(r io.Reader, name string) []Diagnostic {
	_, diags := parseNative(r, name)
	return diags
}

// parser collects diagnostics while walking a YAML node tree.
type parser struct {
	file   string
	diags  []Diagnostic
	visits int // quanteda: mappings visited, against alias bombs
}

func (p *parser) pos(n *yaml.Node) Position {
	return Position{File: p.file, Line: n.Line, Col: n.Column}
}

func (p *parser) add(n *yaml.Node, sev Severity, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{Pos: p.pos(n), Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// readYAML reads and decodes one YAML document. It reports read and syntax
// errors as diagnostics and returns the top node or nil.
func (p *parser) readYAML(r io.Reader) *yaml.Node {
	data, err := io.ReadAll(r)
	if err != nil {
		p.diags = append(p.diags, Diagnostic{Pos: Position{File: p.file}, Msg: "reading lexicon: " + err.Error()})
		return nil
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		pos, msg := Position{File: p.file, Line: 1, Col: 1}, err.Error()
		if err == io.EOF {
			msg = "empty lexicon"
		} else if m := yamlLine.FindStringSubmatch(msg); m != nil {
			pos.Line, _ = strconv.Atoi(m[1])
			msg = "yaml: " + m[2]
		}
		p.diags = append(p.diags, Diagnostic{Pos: pos, Msg: msg})
		return nil
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return deref(doc.Content[0])
	}
	return deref(&doc)
}

// deref follows an alias once, so &anchors and *aliases work but cannot loop.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// mapping walks the key/value pairs of a mapping node, reporting duplicate
// keys, and calls f for each pair. It reports a non-mapping node as an error.
func (p *parser) mapping(n *yaml.Node, what string, f func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.add(n, SeverityError, "%s must be a mapping", what)
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			p.add(k, SeverityError, "%s: keys must be plain strings", what)
			continue
		}
		if line, dup := seen[k.Value]; dup {
			p.add(k, SeverityError, "%s: key %q already defined at line %d", what, k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		f(k.Value, k, v)
	}
}

func (p *parser) scalar(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.add(n, SeverityError, "%s must be a string", what)
		return ""
	}
	return n.Value
}

func parseNative(r io.Reader, name string) (*Lexicon, []Diagnostic) {
	p := &parser{file: name}
	l := &Lexicon{Source: name}
	root := p.readYAML(r)
	if root != nil {
		p.top(root, l)
		checkDuplicates(l, p)
	}
	sortDiags(p.diags)
	return l, p.diags
}

func (p *parser) top(root *yaml.Node, l *Lexicon) {
	hasDims := false
	p.mapping(root, "lexicon", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			l.Name = p.scalar(v, key)
		case "version":
			l.Version = p.scalar(v, key)
		case "language":
			l.Language = p.scalar(v, key)
		case "description":
			l.Description = p.scalar(v, key)
		case "negators":
			l.Negators = p.entries(v, key)
		case "dimensions":
			hasDims = true
			p.dimensions(v, l)
		case "tone":
			p.tone(v, l)
		case "actors":
			p.actors(v, l)
		default:
			p.add(k, SeverityError, "unknown key %q (want name, version, language, description, negators, dimensions, tone or actors)", key)
		}
	})
	if root.Kind != yaml.MappingNode {
		return
	}
	if !hasDims {
		p.add(root, SeverityError, "lexicon has no dimensions")
	}
	if l.Name == "" {
		p.add(root, SeverityWarning, "lexicon has no name")
	}
	if l.Version == "" {
		p.add(root, SeverityWarning, "lexicon has no version")
	}
}

func (p *parser) dimensions(n *yaml.Node, l *Lexicon) {
	p.mapping(n, "dimensions", func(name string, k, v *yaml.Node) {
		d := Dimension{Name: name, Pos: p.pos(k)}
		written := false // terms listed, even if some are invalid
		if name == "" {
			p.add(k, SeverityError, "empty dimension name")
		}
		if v.Kind == yaml.MappingNode {
			p.mapping(v, "dimension "+name, func(key string, k2, v2 *yaml.Node) {
				switch key {
				case "description":
					d.Description = p.scalar(v2, key)
				case "terms":
					d.Terms = p.entries(v2, "dimension "+name+" terms")
					written = v2.Kind == yaml.SequenceNode && len(v2.Content) > 0
				case "exclude":
					d.Exclude = p.entries(v2, "dimension "+name+" exclude")
				default:
					p.add(k2, SeverityError, "dimension %q: unknown key %q (want description, terms or exclude)", name, key)
				}
			})
		} else if v.Kind != yaml.ScalarNode || v.Tag != "!!null" {
			p.add(v, SeverityError, "dimension %q must be a mapping with terms", name)
		}
		if len(d.Terms) == 0 && !written {
			p.add(k, SeverityError, "dimension %q is empty: it has no terms", name)
		}
		l.Dimensions = append(l.Dimensions, d)
	})
}

func (p *parser) tone(n *yaml.Node, l *Lexicon) {
	p.mapping(n, "tone", func(key string, k, v *yaml.Node) {
		switch key {
		case "positive":
			l.Tone.Positive = p.entries(v, "tone positive")
		case "negative":
			l.Tone.Negative = p.entries(v, "tone negative")
		case "intensifiers":
			l.Tone.Intensifiers = p.entries(v, "tone intensifiers")
		default:
			p.add(k, SeverityError, "tone: unknown key %q (want positive, negative or intensifiers)", key)
		}
	})
}

func (p *parser) actors(n *yaml.Node, l *Lexicon) {
	p.mapping(n, "actors", func(name string, k, v *yaml.Node) {
		a := ActorSet{Name: name, Pos: p.pos(k), Aliases: p.entries(v, "actor "+name)}
		if len(a.Aliases) == 0 && (v.Kind != yaml.SequenceNode || len(v.Content) == 0) {
			p.add(k, SeverityError, "actor %q has no names", name)
		}
		l.Actors = append(l.Actors, a)
	})
}

// entries reads a sequence of entries: plain strings or {term, weight}.
func (p *parser) entries(n *yaml.Node, what string) []Entry {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n, SeverityError, "%s must be a list of entries", what)
		return nil
	}
	var out []Entry
	for _, c := range n.Content {
		if e, ok := p.entry(deref(c), what); ok {
			out = append(out, e)
		}
	}
	return out
}

func (p *parser) entry(n *yaml.Node, what string) (Entry, bool) {
	e := Entry{Weight: 1, Pos: p.pos(n)}
	switch n.Kind {
	case yaml.ScalarNode:
		e.Text = n.Value
	case yaml.MappingNode:
		hasTerm := false
		p.mapping(n, what+" entry", func(key string, k, v *yaml.Node) {
			switch key {
			case "term":
				e.Text, hasTerm = p.scalar(v, "term"), true
			case "weight":
				e.Weight = p.weight(v)
			default:
				p.add(k, SeverityError, "%s: unknown entry key %q (want term or weight)", what, key)
			}
		})
		if !hasTerm {
			p.add(n, SeverityError, "%s: entry has no term", what)
			return e, false
		}
	default:
		p.add(n, SeverityError, "%s: an entry must be a string or {term: ..., weight: ...}", what)
		return e, false
	}
	if _, err := parseEntry(e.Text); err != nil {
		p.add(n, SeverityError, "%s: %v", what, err)
		return e, false
	}
	return e, true
}

func (p *parser) weight(n *yaml.Node) float64 {
	w, err := strconv.ParseFloat(n.Value, 64)
	if n.Kind != yaml.ScalarNode || err != nil || math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
		p.add(n, SeverityError, "weight must be a positive number, got %q", n.Value)
		return 1
	}
	if w > MaxWeight {
		p.add(n, SeverityError, "weight %s is above the largest allowed, %d", n.Value, MaxWeight)
		return 1
	}
	return w
}
