package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WriteYAML writes the lexicon in the native YAML format, in lexicon order
// with entries as written, so an imported LIWC or quanteda dictionary can
// be edited and versioned like a native one. Parsing the output gives a
// lexicon with the same SHA256.
func (l *Lexicon) WriteYAML(w io.Writer) error {
	root := mapNode()
	addScalar := func(k, v string) {
		if v != "" {
			root.Content = append(root.Content, str(k), str(v))
		}
	}
	addScalar("name", l.Name)
	addScalar("version", l.Version)
	addScalar("language", l.Language)
	addScalar("description", l.Description)
	if len(l.Negators) > 0 {
		root.Content = append(root.Content, str("negators"), entriesNode(l.Negators, true))
	}
	dims := mapNode()
	for _, d := range l.Dimensions {
		dn := mapNode()
		if d.Description != "" {
			dn.Content = append(dn.Content, str("description"), str(d.Description))
		}
		dn.Content = append(dn.Content, str("terms"), entriesNode(d.Terms, false))
		if len(d.Exclude) > 0 {
			dn.Content = append(dn.Content, str("exclude"), entriesNode(d.Exclude, false))
		}
		dims.Content = append(dims.Content, str(d.Name), dn)
	}
	root.Content = append(root.Content, str("dimensions"), dims)
	tone := mapNode()
	for _, part := range []struct {
		key string
		es  []Entry
	}{{"positive", l.Tone.Positive}, {"negative", l.Tone.Negative}, {"intensifiers", l.Tone.Intensifiers}} {
		if len(part.es) > 0 {
			tone.Content = append(tone.Content, str(part.key), entriesNode(part.es, true))
		}
	}
	if len(tone.Content) > 0 {
		root.Content = append(root.Content, str("tone"), tone)
	}
	if len(l.Actors) > 0 {
		actors := mapNode()
		for _, a := range l.Actors {
			actors.Content = append(actors.Content, str(a.Name), entriesNode(a.Aliases, true))
		}
		root.Content = append(root.Content, str("actors"), actors)
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("writing lexicon yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("writing lexicon yaml: %w", err)
	}
	return nil
}

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// entriesNode renders entries as a list; flow style (one line) for short
// word lists, block style for terms so each can carry a comment.
func entriesNode(es []Entry, flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	for _, e := range es {
		if e.Weight == 1 || e.Weight == 0 {
			n.Content = append(n.Content, str(e.Text))
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		m.Content = append(m.Content, str("term"), str(e.Text), str("weight"),
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(e.Weight, 'g', -1, 64)})
		n.Content = append(n.Content, m)
	}
	return n
}

// WriteDic writes the dimensions as a LIWC-format dictionary, for tools
// that only read .dic. Categories are numbered 1..n in lexicon order; words
// are sorted. The format has no weights, excludes, tone or actors, so those
// are not written.
func (l *Lexicon) WriteDic(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "%")
	cats := map[string][]int{}
	for i, d := range l.Dimensions {
		fmt.Fprintf(bw, "%d\t%s\n", i+1, strings.Join(strings.Fields(d.Name), "_"))
		for _, e := range d.Terms {
			text := strings.Join(strings.Fields(e.Text), " ")
			if c := cats[text]; len(c) == 0 || c[len(c)-1] != i+1 {
				cats[text] = append(c, i+1)
			}
		}
	}
	fmt.Fprintln(bw, "%")
	words := make([]string, 0, len(cats))
	for word := range cats {
		words = append(words, word)
	}
	slices.Sort(words)
	for _, word := range words {
		bw.WriteString(word)
		for _, c := range cats[word] {
			fmt.Fprintf(bw, "\t%d", c)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing lexicon dic: %w", err)
	}
	return nil
}
