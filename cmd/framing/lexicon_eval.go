package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"framing/lexeval"
	"framing/lexicon"
	"framing/pipeline"
)

// labelsFlag is a repeatable DIMENSION=LABEL,LABEL flag.
type labelsFlag map[string][]string

func (f labelsFlag) String() string { return fmt.Sprint(map[string][]string(f)) }
func (f labelsFlag) Set(v string) error {
	dim, labels, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(dim) == "" {
		return fmt.Errorf("want DIMENSION=LABEL,LABEL, got %q", v)
	}
	for _, l := range strings.Split(labels, ",") {
		if l = strings.TrimSpace(l); l != "" {
			f[strings.TrimSpace(dim)] = append(f[strings.TrimSpace(dim)], l)
		}
	}
	return nil
}

func lexEvaluate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lexicon evaluate", "framing lexicon evaluate --input PATH... (--spec F | --label FIELD --positive DIM=LABELS... --negative DIM=LABELS...) [flags]", stderr)
	var inputs, lexicons stringList
	pos, neg := labelsFlag{}, labelsFlag{}
	fs.Var(&inputs, "input", "labelled corpus `path` (any input format of framing run); repeatable")
	fs.Var(&lexicons, "lexicon", "lexicon `file`; repeatable; default: the embedded lexicon")
	specPath := fs.String("spec", "", "YAML `file` with the label field and each dimension's positive and negative labels")
	label := fs.String("label", "", "the corpus `field` holding the label (overrides the spec's)")
	fs.Var(pos, "positive", "`DIM=LABEL,LABEL`: labels where DIM should score high; repeatable")
	fs.Var(neg, "negative", "`DIM=LABEL,LABEL`: labels where DIM should not; DIM * sets the default; repeatable")
	jsonPath := fs.String("json", "", "also write the report as JSON to `file`")
	resamples := fs.Int("resamples", lexeval.DefaultResamples, "bootstrap `resamples` for the AUC interval")
	seed := fs.Uint64("seed", lexeval.DefaultSeed, "bootstrap `seed`")
	workers := fs.Int("workers", 0, "scoring goroutines (default GOMAXPROCS)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(inputs) == 0 || fs.NArg() > 0 {
		return usagef("lexicon evaluate needs --input and takes no arguments")
	}
	if *resamples < 2 {
		return usagef("--resamples must be at least 2, not %d", *resamples)
	}
	spec, err := evaluationSpec(*specPath, *label, pos, neg)
	if err != nil {
		return err
	}
	lex, err := pipeline.LoadLexicons(lexicons)
	if err != nil {
		return err
	}
	if err := spec.Check(lex); err != nil {
		return usageError{err.Error()}
	}
	rep, err := lexeval.Evaluate(ctx, lex, spec, inputs, lexeval.Options{Resamples: *resamples, Seed: *seed, Workers: *workers})
	if err != nil {
		return err
	}
	if *jsonPath != "" {
		if err := writeAtomic(*jsonPath, rep.WriteJSON); err != nil {
			return err
		}
	}
	return rep.WriteText(stdout)
}

// evaluationSpec reads the spec file, if any, and applies the flags.
func evaluationSpec(path, label string, pos, neg labelsFlag) (lexeval.Spec, error) {
	var spec lexeval.Spec
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return spec, fmt.Errorf("reading evaluation spec: %w", err)
		}
		defer f.Close()
		if spec, err = lexeval.ParseSpec(f, path); err != nil {
			return spec, usageError{err.Error()}
		}
	}
	if label != "" {
		spec.Label = label
	}
	for dim, labels := range pos {
		spec.Dimensions = append(spec.Dimensions, lexeval.DimensionSpec{Dimension: dim, Positive: labels, Negative: neg[dim]})
	}
	spec.Sort()
	for i := range spec.Dimensions {
		if d := &spec.Dimensions[i]; len(d.Negative) == 0 {
			d.Negative = neg["*"]
		}
	}
	return spec, nil
}

// writeAtomic writes a report file through a temporary file in the same
// directory and a rename, so that a reader never sees half of it.
func writeAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func lexDiff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lexicon diff", "framing lexicon diff A B [--input CORPUS]... [--json F]  (A or B may be the word default)", stderr)
	var inputs stringList
	fs.Var(&inputs, "input", "corpus `path` to score with both lexicons; repeatable")
	jsonPath := fs.String("json", "", "also write the report as JSON to `file`")
	top := fs.Int("top", 5, "articles listed per dimension as moving most")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) > 2 { // flags after A B
		if err := parseFlags(fs, files[2:]); err != nil {
			return err
		}
		files = append(files[:2:2], fs.Args()...)
	}
	if len(files) != 2 {
		return usagef("lexicon diff needs two lexicons, A and B, got %d", len(files))
	}
	var lex [2]*lexicon.Lexicon
	for i, f := range files {
		var paths []string
		if f != "default" {
			paths = []string{f}
		}
		l, err := pipeline.LoadLexicons(paths)
		if err != nil {
			return err
		}
		lex[i] = l
	}
	rep := lexeval.DiffReport{A: lexeval.Describe(lex[0]), B: lexeval.Describe(lex[1]), Changes: lexeval.DiffLexicons(lex[0], lex[1])}
	if len(inputs) > 0 {
		effects, err := lexeval.CompareScores(ctx, lex[0], lex[1], inputs, *top)
		if err != nil {
			return err
		}
		rep.Inputs, rep.Effects = inputs, effects
	}
	if *jsonPath != "" {
		if err := writeAtomic(*jsonPath, rep.WriteJSON); err != nil {
			return err
		}
	}
	return rep.WriteText(stdout)
}
