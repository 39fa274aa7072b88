package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"framing/lexicon"
	"framing/pipeline"
)

const lexiconHelp = `Usage:
  framing lexicon validate FILE...                 check lexicon files; exit 2 on errors
  framing lexicon show [FILE]                      dimensions, entry counts, examples
  framing lexicon export [--format yaml|dic] [FILE] write a lexicon in another format
  framing lexicon explain [--lexicon F] (--text "..." | --file F | --input CORPUS --id ID)  mark every match in a text
  framing lexicon evaluate --input CORPUS (--spec F | --label FIELD --positive DIM=LABELS --negative DIM=LABELS)
                                                   validate dimensions against labelled articles
  framing lexicon diff A B [--input CORPUS]        what changed between two lexicons, and its effect on scores
Without FILE, the embedded default lexicon is used.
`

func cmdLexicon(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, lexiconHelp)
		return usagef("lexicon needs a subcommand")
	}
	switch args[0] {
	case "validate":
		return lexValidate(args[1:], stdout, stderr)
	case "show":
		return lexShow(args[1:], stdout, stderr)
	case "export":
		return lexExport(args[1:], stdout, stderr)
	case "explain":
		return lexExplain(args[1:], stdout, stderr)
	case "evaluate":
		return lexEvaluate(ctx, args[1:], stdout, stderr)
	case "diff":
		return lexDiff(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, lexiconHelp)
		return nil
	default:
		return usagef("unknown lexicon subcommand %q", args[0])
	}
}

func lexValidate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lexicon validate", "framing lexicon validate FILE...", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("lexicon validate needs at least one file")
	}
	nerr := 0
	for _, path := range fs.Args() {
		diags, err := lexicon.ValidateFile(path)
		if err != nil {
			return err
		}
		for _, d := range diags {
			fmt.Fprintln(stdout, d.String())
			if d.Severity == lexicon.SeverityError {
				nerr++
			}
		}
	}
	if nerr > 0 {
		return exitError{exitUsage, fmt.Errorf("%d error(s) in lexicon", nerr)}
	}
	fmt.Fprintf(stdout, "%d file(s) ok\n", fs.NArg())
	return nil
}

// loadOne loads the file named by the only argument, or the default lexicon.
func loadOne(fsArgs []string) (*lexicon.Lexicon, error) {
	switch len(fsArgs) {
	case 0:
		return pipeline.LoadLexicons(nil)
	case 1:
		return pipeline.LoadLexicons(fsArgs)
	default:
		return nil, usagef("expected at most one lexicon file, got %d", len(fsArgs))
	}
}

func lexShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lexicon show", "framing lexicon show [FILE]", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := loadOne(fs.Args())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "lexicon %s version %s (%s)\nsha256 %s\n", l.Name, l.Version, l.Language, l.SHA256())
	if l.Description != "" {
		fmt.Fprintf(stdout, "%s\n", strings.TrimSpace(l.Description))
	}
	fmt.Fprintln(stdout, "\ndimensions:")
	for _, d := range l.Dimensions {
		fmt.Fprintf(stdout, "  %-16s %4d terms %3d excludes  e.g. %s\n", d.Name, len(d.Terms), len(d.Exclude), examples(d.Terms, 5))
	}
	fmt.Fprintf(stdout, "\ntone: %d positive, %d negative, %d intensifiers\n",
		len(l.Tone.Positive), len(l.Tone.Negative), len(l.Tone.Intensifiers))
	fmt.Fprintln(stdout, "actors:")
	for _, a := range l.Actors {
		fmt.Fprintf(stdout, "  %-20s %3d aliases  e.g. %s\n", a.Name, len(a.Aliases), examples(a.Aliases, 4))
	}
	fmt.Fprintf(stdout, "negators: %s\n", examples(l.Negators, 12))
	return nil
}

func examples(es []lexicon.Entry, n int) string {
	var parts []string
	for i, e := range es {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, e.Text)
	}
	return strings.Join(parts, ", ")
}

func lexExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lexicon export", "framing lexicon export [--format yaml|dic] [FILE]", stderr)
	format := fs.String("format", "yaml", "output format: yaml or dic")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := loadOne(fs.Args())
	if err != nil {
		return err
	}
	switch *format {
	case "yaml":
		return l.WriteYAML(stdout)
	case "dic":
		return l.WriteDic(stdout)
	default:
		return usagef("--format must be yaml or dic, not %q", *format)
	}
}

func lexExplain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lexicon explain", `framing lexicon explain [--lexicon F] [--boilerplate F] (--text "..." | --file F | --input CORPUS --id ID)`, stderr)
	var lexicons stringList
	fs.Var(&lexicons, "lexicon", "lexicon `file`; repeatable; default: the embedded lexicon")
	text := fs.String("text", "", "the text to explain")
	file := fs.String("file", "", "a `file` holding the text to explain")
	title := fs.String("title", "", "an optional title, weighted as a title")
	boilerplate := fs.String("boilerplate", "", "`file` of extra boilerplate line patterns, as for framing run")
	var inputs stringList
	fs.Var(&inputs, "input", "corpus `path` (as for framing run) holding the article --id names; repeatable")
	id := fs.String("id", "", "the `id` of the article of --input to explain")
	manifest := fs.String("manifest", "", "manifest.csv `file` of a directory --input")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(inputs) > 0 || *id != "" {
		if len(inputs) == 0 || *id == "" || *text != "" || *file != "" {
			return usagef("lexicon explain --input needs --id, and neither --text nor --file")
		}
		out, err := pipeline.ExplainArticle(inputs, *manifest, *id, lexicons, *boilerplate)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, out)
		return nil
	}
	if (*text == "") == (*file == "") {
		return usagef("lexicon explain needs exactly one of --text, --file and --input")
	}
	if *file != "" {
		b, err := os.ReadFile(*file)
		if err != nil {
			return fmt.Errorf("reading text to explain: %w", err)
		}
		*text = string(b)
	}
	out, err := pipeline.Explain(*title, *text, lexicons, *boilerplate)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, out)
	return nil
}
