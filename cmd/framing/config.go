package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

// applyConfigFile sets every flag named in the YAML file that was not given
// on the command line. Keys are the flag names (`input`, `out`, `run-date`,
// `max-reject-ratio`, …); a repeatable flag takes a list. The file mirrors the
// flags exactly, so there is one set of names to learn and document.
func applyConfigFile(fs *flag.FlagSet, path string) error {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading config: %w", err)
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		return usagef("%s: %v", path, err)
	}
	if len(doc.Content) == 0 {
		return nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return usagef("%s:%d:%d: the config must be a mapping of flag names to values", path, root.Line, root.Column)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if err := setFromConfig(fs, given, path, k, v); err != nil {
			return err
		}
	}
	return nil
}

func setFromConfig(fs *flag.FlagSet, given map[string]bool, path string, k, v *yaml.Node) error {
	name := k.Value
	if name == "config" || fs.Lookup(name) == nil {
		return usagef("%s:%d:%d: unknown key %q (keys are the flags of framing run)", path, k.Line, k.Column, name)
	}
	if given[name] {
		return nil // the command line wins
	}
	var values []string
	switch v.Kind {
	case yaml.ScalarNode:
		values = []string{v.Value}
	case yaml.SequenceNode:
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode {
				return usagef("%s:%d:%d: %s: expected a list of values", path, e.Line, e.Column, name)
			}
			values = append(values, e.Value)
		}
	default:
		return usagef("%s:%d:%d: %s: expected a value or a list", path, v.Line, v.Column, name)
	}
	for _, val := range values {
		if err := fs.Set(name, val); err != nil {
			return usagef("%s:%d:%d: %s: %v", path, v.Line, v.Column, name, err)
		}
	}
	return nil
}
