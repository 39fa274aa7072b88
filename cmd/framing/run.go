package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"framing/pipeline"
)

// runConfig is every setting of `framing run`, as the user gave it.
type runConfig struct {
	inputs      stringList
	lexicons    stringList
	manifest    string
	out         string
	runDate     string
	workers     int
	boilerplate string
	weights     pipeline.Weights
	matches     bool
	logFormat   string
	quiet       bool
	skipSeen    bool
	maxRejects  float64
	window      string
	dryRun      bool
	config      string
	memLimit    int64
	maxRecordMB int
}

// defaultMemoryLimitMiB is the default soft limit on the Go heap. Streaming
// keeps some 50 to 100 MB live whatever the corpus size; without a limit the
// collector lets the heap grow to twice that between cycles. With a 150 MiB
// limit a 450 MB corpus peaked at 173 MB RSS instead of 227, for 9 % more
// CPU; 192 MiB keeps runs of 100 MB to 2 GB at 198 to 216 MB
// (docs/performance.md).
const defaultMemoryLimitMiB = 192

func cmdRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c runConfig
	fs := newFlagSet("run", "framing run --input PATH... --out DIR [flags]", stderr)
	fs.Var(&c.inputs, "input", "corpus `path`: .jsonl/.ndjson/.csv (optionally .gz), a directory of .txt/.md files, or - for JSON Lines on stdin; repeatable")
	fs.StringVar(&c.out, "out", "", "output `directory` for the partitioned Parquet tables")
	fs.StringVar(&c.manifest, "manifest", "", "manifest.csv `file` describing a directory input (default: DIR/manifest.csv)")
	fs.StringVar(&c.runDate, "run-date", "", "partition `date` YYYY-MM-DD (default: today in UTC)")
	fs.IntVar(&c.workers, "workers", 0, "scoring goroutines (default GOMAXPROCS)")
	fs.Var(&c.lexicons, "lexicon", "lexicon `file` (.yaml, quanteda .yml, LIWC .dic); repeatable; default: the embedded lexicon")
	fs.StringVar(&c.boilerplate, "boilerplate", "", "`file` of extra boilerplate line patterns (one regular expression a line)")
	def := pipeline.DefaultWeights()
	fs.Float64Var(&c.weights.Title, "title-weight", def.Title, "weight of frame hits in the title")
	fs.Float64Var(&c.weights.Lead, "lead-weight", def.Lead, "weight of frame hits in the lead")
	fs.Float64Var(&c.weights.Body, "body-weight", def.Body, "weight of frame hits in the body")
	fs.BoolVar(&c.matches, "matches", false, "also write the audit table `matches`, one row per frame hit")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.BoolVar(&c.quiet, "quiet", false, "no progress bar, and log warnings and errors only")
	fs.BoolVar(&c.skipSeen, "skip-seen", false, "skip articles whose text is already in an earlier run_date partition of OUT")
	fs.Float64Var(&c.maxRejects, "max-reject-ratio", 1, "fail with exit 3, writing nothing, when rejects/records exceeds this `ratio`")
	fs.StringVar(&c.window, "window", "1d", "statistics window ending on the run date, in `days` (e.g. 30d)")
	fs.BoolVar(&c.dryRun, "dry-run", false, "validate the inputs and lexicons, say what would be written, write nothing")
	fs.StringVar(&c.config, "config", "", "YAML `file` whose keys mirror these flags; flags given on the command line win")
	fs.IntVar(&c.maxRecordMB, "max-record-mb", pipeline.DefaultMaxRecordBytes>>20, "longest input record (JSON line, CSV row or file) in `MiB`; a longer one is a reject")
	fs.Int64Var(&c.memLimit, "memory-limit", defaultMemoryLimitMiB, "soft limit on the Go heap in `MiB` (0: none); ignored when GOMEMLIMIT is set")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := applyConfigFile(fs, c.config); err != nil {
		return err
	}
	cfg, err := c.pipelineConfig(stdin, stderr)
	if err != nil {
		return err
	}
	if c.memLimit < 0 {
		return usagef("--memory-limit must not be negative")
	}
	defer setMemoryLimit(c.memLimit, os.Getenv("GOMEMLIMIT"))()
	if c.dryRun {
		plan, err := pipeline.DryRun(ctx, cfg)
		if err != nil {
			return err
		}
		fmt.Fprint(stdout, plan)
		return nil
	}
	bar := newProgressBar(stderr, c.quiet)
	cfg.Progress = bar.update
	sum, err := pipeline.Run(ctx, cfg)
	bar.done()
	var ratio *pipeline.RejectRatioError
	if lerr, ok := lockExit(err); ok {
		return lerr
	}
	switch {
	case errors.As(err, &ratio):
		return exitError{exitRejects, err}
	case err != nil:
		return err
	}
	logDateWarnings(cfg.Log, sum)
	cfg.Log.Info(fmt.Sprintf("done: %d articles, %d rejects, %.2f s, %.1f MB/s",
		sum.Articles, sum.Rejects, sum.Seconds, sum.MBPerSecond()),
		append([]any{"records", sum.RecordsRead, "date_warnings", sum.DateWarnings, "run_id", sum.RunID}, findingAttrs(sum)...)...)
	printWhere(stdout, sum)
	return nil
}

func (c *runConfig) pipelineConfig(stdin io.Reader, stderr io.Writer) (pipeline.Config, error) {
	if len(c.inputs) == 0 {
		return pipeline.Config{}, usagef("run needs at least one --input")
	}
	if c.out == "" {
		return pipeline.Config{}, usagef("run needs --out")
	}
	rd := time.Now().UTC().Truncate(24 * time.Hour)
	if c.runDate != "" {
		t, err := time.Parse(time.DateOnly, c.runDate)
		if err != nil {
			return pipeline.Config{}, usagef("--run-date %q is not a YYYY-MM-DD date", c.runDate)
		}
		rd = t
	}
	if c.maxRecordMB <= 0 {
		return pipeline.Config{}, usagef("--max-record-mb must be positive")
	}
	if c.workers < 0 {
		return pipeline.Config{}, usagef("--workers must be positive")
	}
	if c.maxRejects < 0 || c.maxRejects > 1 {
		return pipeline.Config{}, usagef("--max-reject-ratio must be between 0 and 1")
	}
	days, err := parseDays(c.window)
	if err != nil {
		return pipeline.Config{}, err
	}
	if c.weights.Title < 0 || c.weights.Lead < 0 || c.weights.Body < 0 {
		return pipeline.Config{}, usagef("position weights must not be negative")
	}
	level := slog.LevelInfo
	if c.quiet {
		level = slog.LevelWarn
	}
	log, err := newLogger(stderr, c.logFormat, level)
	if err != nil {
		return pipeline.Config{}, err
	}
	return pipeline.Config{
		Inputs:         c.inputs,
		Stdin:          stdin,
		Manifest:       c.manifest,
		OutDir:         c.out,
		RunDate:        rd,
		Workers:        c.workers,
		Lexicons:       c.lexicons,
		Boilerplate:    c.boilerplate,
		Weights:        c.weights,
		Matches:        c.matches,
		Version:        version,
		Log:            log,
		SkipSeen:       c.skipSeen,
		MaxRejectRatio: c.maxRejects,
		WindowDays:     days,
		MaxRecordBytes: c.maxRecordMB << 20,
	}, nil
}

// parseDays reads a window length such as "30d" or "30".
func parseDays(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
	if err != nil || n < 1 || n > 3660 {
		return 0, usagef("--window %q is not a number of days such as 30d", s)
	}
	return n, nil
}

// printWhere tells the user where the tables went and how to look at them.
func printWhere(w io.Writer, sum pipeline.Summary) {
	day := sum.RunDate.Format(time.DateOnly)
	fmt.Fprintf(w, "run %s: %d records read, %d articles, %d rejects\n", sum.RunID, sum.RecordsRead, sum.Articles, sum.Rejects)
	for _, t := range sum.Tables {
		fmt.Fprintf(w, "  %s\n", filepath.Join(sum.OutDir, t, "run_date="+day, "part-00000.parquet"))
	}
	if len(sum.StatTables) > 0 {
		fmt.Fprintf(w, "statistics for window %s: %s\n", sum.Window, strings.Join(sum.StatTables, ", "))
	}
	printFindings(w, sum)
	fmt.Fprintf(w, "look at them with DuckDB:\n  duckdb -c \"SELECT outlet, dimension, round(avg(per_1k), 2) AS per_1k FROM read_parquet('%s/frames/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL\"\n", sum.OutDir)
}

// setMemoryLimit sets the Go heap's soft limit to mib MiB, unless mib is 0
// or the operator set GOMEMLIMIT (env), and returns a function that puts the
// previous limit back. A soft limit makes the collector work harder near it;
// a live heap above it is still allowed, so it never fails a run.
func setMemoryLimit(mib int64, env string) (restore func()) {
	if mib <= 0 || env != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(mib << 20)
	return func() { debug.SetMemoryLimit(old) }
}
