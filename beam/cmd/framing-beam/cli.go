package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// inputs
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"            // the runners, gs:// and local files

	"framing/beam/job"
	"framing/pipeline"
)

// version is recorded in every output file and names the run, as in
// `framing run`; TestVersionMatchesFraming keeps the two equal, so that
// both programs give one run the same run_id.
const version = "0.1.0"

// Exit codes, as framing's.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitRejects = 3
	exitLocked  = 75
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// config is every framing-beam flag. Beam's own flags (--runner,
// --endpoint, --environment_type, --project, …) live on the same command
// line: Beam registers them on flag.CommandLine, and its workers parse them
// from there.
type config struct {
	inputs, lexicons stringList
	out, runDate     string
	boilerplate      string
	weights          pipeline.Weights
	matches          bool
	maxRecordMB      int
	maxRejects       float64
	shards, attempts int
}

func (c *config) register(fs *flag.FlagSet) {
	fs.Var(&c.inputs, "input", "corpus file `pattern`: .jsonl/.ndjson/.csv, optionally .gz, local, gs:// or s3://; repeatable")
	fs.StringVar(&c.out, "out", "", "output `directory`, a path that the launcher and every worker see")
	fs.StringVar(&c.runDate, "run-date", "", "partition `date` YYYY-MM-DD (default: today in UTC)")
	fs.Var(&c.lexicons, "lexicon", "lexicon `file`; repeatable; default: the embedded lexicon")
	fs.StringVar(&c.boilerplate, "boilerplate", "", "`file` of extra boilerplate line patterns")
	def := pipeline.DefaultWeights()
	fs.Float64Var(&c.weights.Title, "title-weight", def.Title, "weight of frame hits in the title")
	fs.Float64Var(&c.weights.Lead, "lead-weight", def.Lead, "weight of frame hits in the lead")
	fs.Float64Var(&c.weights.Body, "body-weight", def.Body, "weight of frame hits in the body")
	fs.BoolVar(&c.matches, "matches", false, "also write the audit table matches")
	fs.IntVar(&c.maxRecordMB, "max-record-mb", pipeline.DefaultMaxRecordBytes>>20, "longest input record in `MiB`; a longer one is a reject")
	fs.Float64Var(&c.maxRejects, "max-reject-ratio", pipeline.DefaultMaxRejectRatio, "publish nothing and exit 3 when rejects/records exceeds this `ratio`")
	fs.IntVar(&c.shards, "shards", job.DefaultShards, "part files per table partition, at most (about one per 100,000 articles)")
	fs.IntVar(&c.attempts, "attempts", 1, "submit the pipeline up to this many `times` (for runners that do not retry failed bundles)")
}

func (c *config) options() (job.Options, error) {
	if len(c.inputs) == 0 {
		return job.Options{}, errors.New("framing-beam needs at least one --input")
	}
	if c.out == "" {
		return job.Options{}, errors.New("framing-beam needs --out")
	}
	rd := time.Now().UTC().Truncate(24 * time.Hour)
	if c.runDate != "" {
		t, err := time.Parse(time.DateOnly, c.runDate)
		if err != nil {
			return job.Options{}, fmt.Errorf("--run-date %q is not a YYYY-MM-DD date", c.runDate)
		}
		rd = t
	}
	switch {
	case c.maxRecordMB <= 0:
		return job.Options{}, errors.New("--max-record-mb must be positive")
	case c.maxRejects < 0 || c.maxRejects > 1:
		return job.Options{}, errors.New("--max-reject-ratio must be between 0 and 1")
	case c.shards < 1 || c.shards > 99999:
		return job.Options{}, errors.New("--shards must be between 1 and 99999")
	case c.attempts < 1:
		return job.Options{}, errors.New("--attempts must be positive")
	}
	return job.Options{Inputs: c.inputs, OutDir: c.out, RunDate: rd, Lexicons: c.lexicons,
		Boilerplate: c.boilerplate, Weights: c.weights, Matches: c.matches, Version: version,
		MaxRecordBytes: c.maxRecordMB << 20, MaxRejectRatio: c.maxRejects, Shards: c.shards,
		Attempts: c.attempts, Execute: beamx.RunWithMetrics}, nil
}

// run parses the command line into flag.CommandLine (where Beam's flags
// are), starts Beam, runs the job and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c config
	fs := flag.CommandLine
	fs.SetOutput(stderr)
	c.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	beam.Init() // in a worker process started by a runner, Init serves the worker and exits
	o, err := c.options()
	if err != nil {
		fmt.Fprintf(stderr, "framing-beam: %v\n", err)
		return exitUsage
	}
	o.Log = slog.New(slog.NewTextHandler(stderr, nil))
	sum, err := job.Run(ctx, o)
	var locked *pipeline.LockedError
	var ratio *pipeline.RejectRatioError
	switch {
	case errors.As(err, &locked):
		fmt.Fprintf(stderr, "framing-beam: %v\n", err)
		return exitLocked
	case errors.As(err, &ratio):
		fmt.Fprintf(stderr, "framing-beam: %v\n", err)
		return exitRejects
	case err != nil:
		fmt.Fprintf(stderr, "framing-beam: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "run %s: %d records read, %d articles, %d rejects, %.1f s\n",
		sum.RunID, sum.RecordsRead, sum.Articles, sum.Rejects, sum.Seconds)
	fmt.Fprintf(stdout, "tables %s in %s, partition run_date=%s\n", strings.Join(sum.Tables, ", "), sum.OutDir, sum.RunDate.Format(time.DateOnly))
	fmt.Fprintf(stdout, "statistics: framing stats --out %s --from %s\n", sum.OutDir, sum.RunDate.Format(time.DateOnly))
	return exitOK
}
