package lexicon

import (
	"bytes"
	"embed"
	"errors"
)

// defaultFS holds default.yaml, written by the lexicon's authors and
// reviewed like code; Default is the only way the package reads it.
//
//go:embed default.yaml
var defaultFS embed.FS

// defaultName is the file name positions in the default lexicon refer to.
const defaultName = "lexicon/default.yaml"

// Default parses the lexicon embedded in the binary, so a run needs no
// lexicon file and its results name a known instrument (see SHA256). It
// parses on every call and returns a fresh value the caller may change.
func Default() (*Lexicon, error) {
	data, err := DefaultYAML()
	if err != nil {
		return nil, err
	}
	return Parse(bytes.NewReader(data), defaultName)
}

// DefaultYAML returns the embedded default lexicon as written, for
// `framing lexicon show` and for researchers who start from a copy.
func DefaultYAML() ([]byte, error) {
	data, err := defaultFS.ReadFile("default.yaml")
	if err != nil {
		return nil, errors.New("reading default lexicon: default.yaml was not embedded in this build")
	}
	return data, nil
}
