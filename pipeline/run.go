// Package pipeline runs one framing job: it streams a corpus through the
// scorer on a pool of workers, writes the rows in input order, has package
// stats compute the statistics of the run's window, and commits the output
// atomically, or nothing when the night is not usable (usable.go). It
// converts between the types of corpus, features and output, and owns the
// worker pool, the lock and the commit.
package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"time"

	"framing/corpus"
	"framing/features"
	"framing/lexicon"
	"framing/output"
)

// Summary is what a run reports when it ends.
type Summary struct {
	RunID        string
	OutDir       string
	RunDate      time.Time
	RecordsRead  int64
	Articles     int64
	Rejects      int64
	DateWarnings int64
	Skipped      int64 // articles already seen in an earlier partition (SkipSeen)
	// InternalErrors counts the rejects that a bug in framing caused (a
	// panic while decoding or scoring one record), reason "internal error".
	InternalErrors int64
	TextBytes      int64 // bytes of article text read, for the MB/s figure
	Seconds        float64
	Tables         []string // article-level tables and runs, partitioned by run date
	Files          []string // their files below OutDir, in the same order
	StatTables     []string // statistics tables written, partitioned by window
	StatFiles      []string // their files below OutDir, in the same order
	Window         string   // the statistics window, FROM_TO
	// The phases of the run and their wall-clock seconds: reading, scoring
	// and writing the article tables; the window's statistics; the commit.
	ScoringSeconds, StatsSeconds, CommitSeconds float64
	Findings                                    Findings // what the run found, for its closing summary
}

// MBPerSecond is the text throughput of the run.
func (s Summary) MBPerSecond() float64 {
	if s.Seconds <= 0 {
		return 0
	}
	return float64(s.TextBytes) / 1e6 / s.Seconds
}

// item is one input record on its way through the pool. seq orders the
// output. The reader sets raw (a JSON Lines line, decoded by a worker), or
// art, or rej; once decoded, read says that art holds an article (which
// takes part in duplicate-id detection), and rej, when set, makes the record
// a reject.
type item struct {
	seq      int64
	raw      *corpus.Raw
	art      corpus.Article
	read     bool
	rej      *corpus.RecordError
	internal bool     // rej is an internal error (a recovered panic)
	sha      [32]byte // sha256 of the article text
	scores   features.Scores
	rows     articleRows // the article's rows, made by the worker that scored it
}

// Run executes the job described by cfg. Nothing is visible in cfg.OutDir
// until every table has been written and closed; on any error the staging
// directory is removed and earlier output stays as it was. A run stopped by
// ctx (a signal) fails with "run interrupted", whichever step noticed it.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	sum, err := run(ctx, cfg)
	if err != nil && ctx.Err() != nil {
		return sum, fmt.Errorf("run interrupted: %w", ctx.Err())
	}
	return sum, err
}

func run(ctx context.Context, cfg Config) (Summary, error) {
	cfg = cfg.withDefaults()
	started := cfg.Now()
	sum := Summary{OutDir: cfg.OutDir, RunDate: cfg.RunDate}

	job, err := prepare(ctx, cfg)
	if err != nil {
		return sum, err
	}
	sum.RunID = job.runID

	lock, err := AcquireLock(cfg.OutDir, started)
	if err != nil {
		return sum, err
	}
	defer lock.Release()
	if err := recoverOut(cfg.FS, cfg.OutDir, cfg.Log); err != nil {
		return sum, err
	}
	if err := migrateLayout(cfg.OutDir, cfg.Log); err != nil {
		return sum, err
	}
	if cfg.SkipSeen {
		if job.seen, err = loadSeen(cfg.OutDir, job.runDate); err != nil {
			return sum, err
		}
	}

	commit, err := output.NewCommitFS(cfg.FS, cfg.OutDir)
	if err != nil {
		return sum, fmt.Errorf("preparing output in %s: %w", cfg.OutDir, err)
	}
	committed := false
	defer func() {
		if !committed {
			if aerr := commit.Abort(); aerr != nil {
				cfg.Log.Warn("removing staging directory", "err", aerr)
			}
		}
	}()

	ws, err := openWriters(commit, job, cfg.Matches)
	if err != nil {
		return sum, errors.Join(err, ws.close())
	}
	streamErr := stream(ctx, cfg, job, ws, &sum, started)
	closeErr := ws.close()
	if err := errors.Join(streamErr, closeErr); err != nil {
		return sum, err
	}
	if err := usable(cfg, job, sum); err != nil {
		return sum, err
	}
	scored := cfg.Now()
	sum.ScoringSeconds = scored.Sub(started).Seconds()
	logPhase(cfg, "reading and scoring", sum.ScoringSeconds, "articles", sum.Articles, "rejects", sum.Rejects)
	if err := writeStats(ctx, commit, job, cfg, &sum, started); err != nil {
		return sum, err
	}
	sum.Tables, sum.Files = ws.names, ws.files

	finished := cfg.Now()
	sum.StatsSeconds = finished.Sub(scored).Seconds()
	logPhase(cfg, "statistics", sum.StatsSeconds, "window", sum.Window)
	sum.Seconds = finished.Sub(started).Seconds()
	if err := writeRunRow(commit, job, cfg, &sum, started, finished); err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	report(cfg, Progress{Phase: PhaseCommit, Elapsed: finished.Sub(started)})
	if err := commit.Commit(); err != nil {
		return sum, fmt.Errorf("committing output to %s: %w", cfg.OutDir, err)
	}
	committed = true
	sum.CommitSeconds = cfg.Now().Sub(finished).Seconds()
	logPhase(cfg, "commit", sum.CommitSeconds)
	if err := commit.Leftover(); err != nil {
		cfg.Log.Warn("the run is committed; the next run removes what its clean up left", "err", err)
	}
	if sum.Findings.Pair, err = strongestPair(cfg.OutDir, sum.Window); err != nil {
		// The data is committed; a summary without its last line is no
		// reason to fail the night.
		cfg.Log.Warn("reading the window's outlet pairs for the summary", "err", err)
	}
	return sum, nil
}

// logPhase logs the end of one phase of the run and how long it took.
func logPhase(cfg Config, phase string, seconds float64, attrs ...any) {
	cfg.Log.Info("phase done: "+phase, append([]any{"phase", phase, "seconds", roundSeconds(seconds)}, attrs...)...)
}

// roundSeconds keeps a duration to the millisecond, for logs.
func roundSeconds(s float64) float64 { return math.Round(s*1000) / 1000 }

// report passes p to cfg.Progress, when set.
func report(cfg Config, p Progress) {
	if cfg.Progress != nil {
		p.Phase = cmp.Or(p.Phase, PhaseScoring)
		cfg.Progress(p)
	}
}

// job is what a run derives from its configuration before reading input.
type job struct {
	lex      *lexicon.Lexicon
	matcher  *lexicon.Matcher
	opt      features.Options
	runID    string
	runDate  output.Date
	meta     map[string]string
	inputs   []string
	flagJSON string
	seen     map[[32]byte]bool // content hashes of earlier partitions, with SkipSeen

	// lexSHA256 and lexWarnings: the lexicon's hash and import warnings.
	lexSHA256   string
	lexWarnings []lexicon.Diagnostic
}

func prepare(ctx context.Context, cfg Config) (*job, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	lj, err := prepareLexicon(ctx, cfg.Lexicons)
	if err != nil {
		return nil, err
	}
	logLexiconWarnings(cfg.Log, lj.warnings)
	lex, m := lj.lex, lj.matcher
	opt, bpHash, err := featureOptions(cfg)
	if err != nil {
		return nil, err
	}
	j := &job{
		lex:      lex,
		matcher:  m,
		opt:      opt,
		runDate:  output.DateOf(cfg.RunDate),
		inputs:   cfg.Inputs,
		flagJSON: cfg.flagsJSON(),

		lexSHA256:   lj.sha256,
		lexWarnings: lj.warnings,
	}
	j.runID = runID(cfg, lj.sha256, bpHash)
	j.meta = map[string]string{
		"framing.version":         cfg.Version,
		"framing.run_id":          j.runID,
		"framing.lexicon_sha256":  lj.sha256,
		"framing.lexicon_name":    lex.Name,
		"framing.lexicon_version": lex.Version,
		"framing.schema_version":  output.SchemaVersion,
	}
	return j, nil
}

// runID names a run by what determines its data: the program version, the
// run date, the lexicon and the scoring options. It holds no clock and no
// input path, so reruns give byte-identical files.
func runID(cfg Config, lexSHA, boilerplateSHA string) string {
	h := sha256.New()
	fmt.Fprintf(h, "framing\x1f%s\x1f%s\x1f%s\x1f%s\x1f%g\x1f%g\x1f%g\x1f%t",
		cfg.Version, cfg.RunDate.Format(time.DateOnly), lexSHA, boilerplateSHA,
		cfg.Weights.Title, cfg.Weights.Lead, cfg.Weights.Body, cfg.Matches)
	return cfg.RunDate.Format("20060102") + "-" + hex.EncodeToString(h.Sum(nil))[:12]
}
