package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"framing/pipeline"
	"framing/report"
)

func cmdReport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("report", "framing report --out DIR [--window FROM_TO] [--top N] -o report.html", stderr)
	out := fs.String("out", "", "output `directory` of framing runs")
	window := fs.String("window", "", "statistics window `FROM_TO` (default: the latest)")
	top := fs.Int("top", report.DefaultTop, "show the `N` largest outlets in the charts")
	dest := fs.String("o", "", "HTML `file` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || *dest == "" {
		return usagef("report needs --out and -o")
	}
	if *top < 1 {
		return usagef("--top must be at least 1")
	}
	if err := recoverForReading(*out, stderr); err != nil {
		return err
	}
	r, err := report.Load(*out, report.Options{Window: *window, Top: *top})
	if err != nil {
		return err
	}
	// Written next to its destination and renamed, so that a reader never
	// sees half a page.
	tmp, err := os.CreateTemp(filepath.Dir(*dest), ".report-*.html")
	if err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing report: %w", err)
	}
	werr := report.Write(tmp, r, version)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		return fmt.Errorf("writing report %s: %w", *dest, firstErr(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), *dest); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	fmt.Fprintf(stdout, "report of window %s (%d articles, %d outlets, the %d largest shown): %s\n",
		r.Window, r.Articles, len(r.Outlets), len(r.Top), *dest)
	return nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// recoverForReading resolves a commit that a killed run left in OUT before
// a command that only reads OUT reads it (pipeline.RecoverForReading), so
// that it sees one state of every table; warnings go to stderr.
func recoverForReading(out string, stderr io.Writer) error {
	logs, _ := newLogs(stderr, "text", true) // "text" is always valid; quiet: warnings only
	return pipeline.RecoverForReading(out, time.Now(), logs.log)
}
