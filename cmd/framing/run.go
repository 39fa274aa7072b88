package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"framing/output"
	"framing/pipeline"
)

// runConfig is every setting of `framing run`, as the user gave it.
type runConfig struct {
	inputs      stringList
	lexicons    stringList
	manifest    string
	out         string
	runDate     string
	workers     int64
	boilerplate string
	weights     pipeline.Weights
	matches     bool
	logFormat   string
	quiet       bool
	skipSeen    bool
	maxRejects  float64
	window      int64
	dryRun      bool
	config      string
	memLimit    int64
	maxRecordMB int64
	stats       statsFlags
}

// Ranges of the numeric flags of `framing run`, documented in README.md and
// docs/operations.md.
const (
	maxWorkers     = 4096
	maxWeight      = 1000
	maxRecordMB    = 4096    // 4 GiB; scoring holds 30 to 40 bytes per byte of one record
	maxMemoryLimit = 1 << 24 // MiB: 16 TiB
)

// defaultMemoryLimitMiB is the default soft limit on the Go heap. Streaming
// keeps some 50 to 100 MB live whatever the corpus size; without a limit the
// collector lets the heap grow to twice that between cycles. With a 150 MiB
// limit a 450 MB corpus peaked at 173 MB RSS instead of 227, for 9 % more
// CPU; 192 MiB keeps runs of 100 MB to 2 GB at 198 to 216 MB
// (docs/performance.md).
const defaultMemoryLimitMiB = 192

func runFlags(c *runConfig, stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("run", "framing run --input PATH... --out DIR [flags]", stderr)
	fs.Var(&c.inputs, "input", "corpus `path`: .jsonl/.ndjson/.csv (optionally .gz), a directory of .txt/.md files, or - for JSON Lines on stdin; repeatable")
	fs.StringVar(&c.out, "out", "", "output `directory` for the partitioned Parquet tables")
	fs.StringVar(&c.manifest, "manifest", "", "manifest.csv `file` describing a directory input (default: DIR/manifest.csv)")
	fs.StringVar(&c.runDate, "run-date", "", "partition `date` YYYY-MM-DD (default: today in UTC)")
	intVar(fs, &c.workers, "workers", 0, 0, maxWorkers, "`number` of scoring and statistics goroutines; 0 is GOMAXPROCS")
	fs.Var(&c.lexicons, "lexicon", "lexicon `file` (.yaml, quanteda .yml, LIWC or WordStat .dic, WordStat .cat, Lexicoder .lc3/.lcd, Yoshikoder .ykd, valence list .txt or .tsv); repeatable; default: the embedded lexicon")
	fs.StringVar(&c.boilerplate, "boilerplate", "", "`file` of extra boilerplate line patterns (one regular expression a line)")
	def := pipeline.DefaultWeights()
	floatVar(fs, &c.weights.Title, "title-weight", def.Title, 0, maxWeight, "`weight` of frame hits in the title")
	floatVar(fs, &c.weights.Lead, "lead-weight", def.Lead, 0, maxWeight, "`weight` of frame hits in the lead")
	floatVar(fs, &c.weights.Body, "body-weight", def.Body, 0, maxWeight, "`weight` of frame hits in the body")
	fs.BoolVar(&c.matches, "matches", false, "also write the audit table `matches`, one row per frame hit")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.BoolVar(&c.quiet, "quiet", false, "no progress bar, and log warnings, errors and the closing summary only")
	fs.BoolVar(&c.skipSeen, "skip-seen", false, "skip articles whose text is already in an earlier run_date partition of OUT")
	floatVar(fs, &c.maxRejects, "max-reject-ratio", pipeline.DefaultMaxRejectRatio, 0, 1,
		"fail with exit 3, writing nothing, when rejects/records exceeds this `ratio`; 0 allows no reject")
	daysVar(fs, &c.window, "window", 1, "statistics window ending on the run date, in `days` (e.g. 30d)")
	fs.BoolVar(&c.dryRun, "dry-run", false, "validate the inputs and lexicons, say what would be written, write nothing")
	fs.StringVar(&c.config, "config", "", "YAML `file` whose keys mirror these flags; flags given on the command line win")
	intVar(fs, &c.maxRecordMB, "max-record-mb", pipeline.DefaultMaxRecordBytes>>20, 1, maxRecordMB,
		"longest input record (JSON line, CSV row or file) in `MiB`; a longer one is a reject")
	memoryLimitVar(fs, &c.memLimit)
	c.stats.register(fs)
	return fs
}

func cmdRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c runConfig
	fs := runFlags(&c, stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := applyConfigFile(fs, c.config); err != nil {
		return err
	}
	logs, err := newLogs(stderr, c.logFormat, c.quiet)
	if err != nil {
		return err
	}
	cfg, err := c.pipelineConfig(stdin, logs.log)
	if err != nil {
		return logs.wrap(err)
	}
	defer setMemoryLimit(c.memLimit, os.Getenv("GOMEMLIMIT"))()
	if c.dryRun {
		plan, err := pipeline.DryRun(ctx, cfg)
		if err != nil {
			return logs.wrap(err)
		}
		fmt.Fprint(stdout, plan)
		return nil
	}
	bar := newProgressBar(stderr, c.quiet || logs.json)
	cfg.Progress = bar.update
	sum, err := pipeline.Run(ctx, cfg)
	bar.done()
	return logs.wrap(finishRun(logs.summary, stdout, sum, err))
}

// finishRun reports a run's end and gives it its exit code. The summary
// line names the phases and their seconds.
func finishRun(log *slog.Logger, stdout io.Writer, sum pipeline.Summary, err error) error {
	if err != nil {
		return runError(err)
	}
	logDateWarnings(log, sum)
	log.Info(fmt.Sprintf("done: %d articles, %d rejects, %.2f s, %.1f MB/s",
		sum.Articles, sum.Rejects, sum.Seconds, sum.MBPerSecond()),
		append([]any{"records", sum.RecordsRead, "date_warnings", sum.DateWarnings, "run_id", sum.RunID,
			"scoring_seconds", roundSeconds(sum.ScoringSeconds), "stats_seconds", roundSeconds(sum.StatsSeconds),
			"commit_seconds", roundSeconds(sum.CommitSeconds)}, findingAttrs(sum)...)...)
	printWhere(stdout, sum)
	if sum.InternalErrors > 0 {
		return exitError{exitInternal, fmt.Errorf("%d record(s) hit an internal error, a bug in framing: "+
			"they are rejects with reason \"internal error\"; the rest of the run was written", sum.InternalErrors)}
	}
	return nil
}

// roundSeconds keeps a duration to the millisecond, for logs.
func roundSeconds(s float64) float64 { return math.Round(s*1000) / 1000 }

// runError gives a failed run its exit code.
func runError(err error) error {
	if lerr, ok := lockExit(err); ok {
		return lerr
	}
	var ratio *pipeline.RejectRatioError
	var none *pipeline.NoArticlesError
	switch {
	case errors.As(err, &ratio), errors.As(err, &none):
		return exitError{exitRejects, err}
	}
	return err
}

func (c *runConfig) pipelineConfig(stdin io.Reader, log *slog.Logger) (pipeline.Config, error) {
	if len(c.inputs) == 0 {
		return pipeline.Config{}, usagef("run needs at least one --input")
	}
	if c.out == "" {
		return pipeline.Config{}, usagef("run needs --out")
	}
	if c.manifest != "" && !slices.ContainsFunc(c.inputs, isDir) {
		// A manifest describes the text files of a directory input; given
		// with files only it would be ignored, and its outlets and dates
		// with it.
		return pipeline.Config{}, usagef("--manifest %s: no --input is a directory; a manifest describes the .txt/.md files of a directory input", c.manifest)
	}
	rd := time.Now().UTC().Truncate(24 * time.Hour)
	if c.runDate != "" {
		t, err := parseDay("run-date", c.runDate)
		if err != nil {
			return pipeline.Config{}, err
		}
		rd = t
	}
	cfg := pipeline.DefaultConfig()
	if c.workers > 0 {
		cfg.Workers, cfg.Stats.Workers = int(c.workers), int(c.workers)
	}
	c.stats.apply(&cfg.Stats)
	cfg.Inputs = c.inputs
	cfg.Stdin = stdin
	cfg.Manifest = c.manifest
	cfg.OutDir = c.out
	cfg.RunDate = rd
	cfg.Lexicons = c.lexicons
	cfg.Boilerplate = c.boilerplate
	cfg.Weights = c.weights
	cfg.Matches = c.matches
	cfg.Version = version
	cfg.Log = log
	cfg.SkipSeen = c.skipSeen
	cfg.MaxRejectRatio = c.maxRejects
	cfg.WindowDays = int(c.window)
	if first := output.DateOf(rd) - output.Date(cfg.WindowDays-1); !first.InRange() {
		return pipeline.Config{}, usagef("--window %dd before --run-date %s starts before %04d-01-01", cfg.WindowDays, rd.Format(time.DateOnly), output.MinYear)
	}
	cfg.MaxRecordBytes = int(c.maxRecordMB << 20)
	cfg.FS = commitFS()
	return cfg, nil
}

// printWhere tells the user where the tables went and how to look at them.
func printWhere(w io.Writer, sum pipeline.Summary) {
	fmt.Fprintf(w, "run %s: %d records read, %d articles, %d rejects\n", sum.RunID, sum.RecordsRead, sum.Articles, sum.Rejects)
	for _, f := range sum.Files {
		fmt.Fprintf(w, "  %s\n", f)
	}
	if len(sum.StatTables) > 0 {
		fmt.Fprintf(w, "statistics for window %s: %s\n", sum.Window, strings.Join(sum.StatTables, ", "))
	}
	printFindings(w, sum)
	fmt.Fprintf(w, "look at them with DuckDB:\n  %s\n", duckdbCommand(output.Frames.Glob(sum.OutDir)))
}

// duckdbCommand is a shell command that shows the mean per_1k of each outlet
// and dimension in the frames files that glob matches. The glob is a SQL
// string literal (a quote doubled) inside a double-quoted shell word (\, $,
// ` and " escaped), so that any output path works when pasted into sh.
func duckdbCommand(glob string) string {
	sql := "SELECT outlet, dimension, round(avg(per_1k), 2) AS per_1k FROM read_parquet(" + sqlString(glob) +
		", hive_partitioning = true) GROUP BY ALL ORDER BY ALL"
	return "duckdb -c " + shellDoubleQuote(sql)
}

// sqlString is s as a SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// shellDoubleQuote is s as one double-quoted POSIX shell word.
func shellDoubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if strings.ContainsRune("\\$`\"", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
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

// isDir reports whether path names a directory. A path that cannot be
// read is not one: opening it reports why.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
