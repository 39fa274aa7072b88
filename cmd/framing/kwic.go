package main

import (
	"context"
	"io"

	"framing/pipeline"
)

func cmdKWIC(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c pipeline.KWICConfig
	var inputs, lexicons stringList
	fs := newFlagSet("kwic", "framing kwic (--out DIR | --input PATH...) [--entry PATTERN] [--dimension D] [--outlet O] [--n 20]", stderr)
	fs.StringVar(&c.OutDir, "out", "", "output `directory` of runs made with --matches")
	fs.Var(&inputs, "input", "corpus `path` to score now instead (as for framing run); repeatable")
	fs.StringVar(&c.Manifest, "manifest", "", "manifest.csv `file` of a directory input")
	fs.Var(&lexicons, "lexicon", "lexicon `file` for --input; repeatable; default: the embedded lexicon")
	fs.StringVar(&c.Boilerplate, "boilerplate", "", "`file` of extra boilerplate line patterns, for --input")
	fs.StringVar(&c.Entry, "entry", "", "keep hits whose lexicon entry or matched words match this glob `pattern` (e.g. 'sovereign*'), ignoring case")
	fs.StringVar(&c.Dimension, "dimension", "", "keep hits of this `dimension` only")
	fs.StringVar(&c.Outlet, "outlet", "", "keep hits in articles of this `outlet` only")
	fs.IntVar(&c.N, "n", 20, "print at most `N` lines (0: all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c.Inputs, c.Lexicons = inputs, lexicons
	if (c.OutDir == "") == (len(c.Inputs) == 0) {
		return usagef("kwic needs exactly one of --out and --input")
	}
	if c.N < 0 {
		return usagef("--n must not be negative")
	}
	if c.OutDir != "" {
		if err := recoverForReading(c.OutDir, stderr); err != nil {
			return err
		}
	}
	lines, total, err := pipeline.KWIC(ctx, c)
	if err != nil {
		return err
	}
	return pipeline.WriteKWIC(stdout, lines, total)
}
