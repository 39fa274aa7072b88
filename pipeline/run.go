// Package pipeline runs one framing job: it streams a corpus through the
// scorer on a pool of workers, writes the rows in input order, and commits the
// output atomically. It is the only package that knows every other one; it
// converts between their types and owns the worker pool and the commit.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"sync/atomic"
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
	TextBytes    int64 // bytes of article text read, for the MB/s figure
	Seconds      float64
	Tables       []string // article-level tables written, partitioned by run date
	StatTables   []string // statistics tables written, partitioned by window
	Window       string   // the statistics window, FROM_TO
	Findings     Findings // what the run found, for its closing summary
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
	seq    int64
	raw    *corpus.Raw
	art    corpus.Article
	read   bool
	rej    *corpus.RecordError
	sha    [32]byte // sha256 of the article text
	scores features.Scores
}

// RejectRatioError says that too many records were rejected for the output
// to be trusted; the run committed nothing.
type RejectRatioError struct {
	Rejects, Records int64
	Max              float64
}

func (e *RejectRatioError) Error() string {
	return fmt.Sprintf("%d of %d records rejected (%.1f%%), above --max-reject-ratio %g; nothing was written",
		e.Rejects, e.Records, 100*float64(e.Rejects)/float64(e.Records), e.Max)
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
	cfg.defaults()
	started := cfg.Now()
	sum := Summary{OutDir: cfg.OutDir, RunDate: cfg.RunDate}

	job, err := prepare(cfg)
	if err != nil {
		return sum, err
	}
	sum.RunID = job.runID

	lock, err := AcquireLock(cfg.OutDir, started)
	if err != nil {
		return sum, err
	}
	defer lock.Release()
	if err := output.CleanStaging(cfg.OutDir); err != nil {
		return sum, fmt.Errorf("removing what an earlier run left in %s: %w", cfg.OutDir, err)
	}
	if cfg.SkipSeen {
		if job.seen, err = loadSeen(cfg.OutDir, job.runDate); err != nil {
			return sum, err
		}
	}

	commit, err := output.NewCommit(cfg.OutDir)
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
	if sum.RecordsRead > 0 && float64(sum.Rejects)/float64(sum.RecordsRead) > cfg.MaxRejectRatio {
		return sum, &RejectRatioError{Rejects: sum.Rejects, Records: sum.RecordsRead, Max: cfg.MaxRejectRatio}
	}
	statTables, err := writeStats(ctx, commit, job, cfg, &sum)
	if err != nil {
		return sum, err
	}

	finished := cfg.Now()
	sum.Seconds = finished.Sub(started).Seconds()
	if err := writeRunRow(commit, job, cfg, sum, started, finished); err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := commit.Commit(); err != nil {
		return sum, fmt.Errorf("committing output to %s: %w", cfg.OutDir, err)
	}
	committed = true
	sum.Tables = append(ws.names(), "runs")
	sum.StatTables = statTables
	if sum.Findings.Pair, err = strongestPair(cfg.OutDir, sum.Window); err != nil {
		// The data is committed; a summary without its last line is no
		// reason to fail the night.
		cfg.Log.Warn("reading the window's outlet pairs for the summary", "err", err)
	}
	return sum, nil
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
}

func prepare(cfg Config) (*job, error) {
	if len(cfg.Inputs) == 0 {
		return nil, errors.New("no input given")
	}
	if cfg.OutDir == "" {
		return nil, errors.New("no output directory given")
	}
	lex, err := LoadLexicons(cfg.Lexicons)
	if err != nil {
		return nil, err
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		return nil, fmt.Errorf("compiling lexicon %s: %w", lex.Name, err)
	}
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
	}
	j.runID = runID(cfg, lex.SHA256(), bpHash)
	j.meta = map[string]string{
		"framing.version":         cfg.Version,
		"framing.run_id":          j.runID,
		"framing.lexicon_sha256":  lex.SHA256(),
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

// stream reads every input in order, scores articles on cfg.Workers
// goroutines and writes the rows in input order.
func stream(ctx context.Context, cfg Config, j *job, ws *writers, sum *Summary, started time.Time) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan item, 4*cfg.Workers)
	results := make(chan item, 4*cfg.Workers)
	readErr := make(chan error, 1)
	consumed := new(atomic.Int64) // input bytes read from disk, for the ETA
	total, known := inputSize(cfg.Inputs)

	go func() {
		defer close(jobs)
		readErr <- readAll(ctx, cfg, jobs, consumed)
	}()

	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				decode(&it)
				if it.rej == nil {
					score(&it, j, cfg)
				}
				select {
				case results <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	writeErr := collect(results, ws, j, sum, cfg, started, func() (int64, int64, bool) { return consumed.Load(), total, known })
	if writeErr != nil {
		cancel()
		for range results { // let the workers finish
		}
		<-readErr
		return writeErr
	}
	if err := <-readErr; err != nil {
		return err
	}
	return ctx.Err()
}

// readAll feeds every record of every input to jobs, in order, leaving
// JSON Lines undecoded for the workers. Only I/O errors stop it.
func readAll(ctx context.Context, cfg Config, jobs chan<- item, consumed *atomic.Int64) error {
	var seq int64
	send := func(it item) bool {
		it.seq = seq
		seq++
		select {
		case jobs <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, path := range cfg.Inputs {
		in, err := openInput(ctx, cfg, path, consumed)
		if err != nil {
			return fmt.Errorf("opening input %s: %w", path, err)
		}
		err = readOne(in.r, send)
		if cerr := in.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("closing input %s: %w", path, cerr)
		}
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// readOne sends every record of r: raw when r can hand records out
// undecoded, decoded otherwise.
func readOne(r corpus.Reader, send func(item) bool) error {
	next := func() (item, error) {
		a, err := r.Next()
		return item{art: a, read: true}, err
	}
	if rr, ok := r.(corpus.RawReader); ok {
		next = func() (item, error) {
			raw, err := rr.NextRaw()
			return item{raw: &raw}, err
		}
	}
	for {
		it, err := next()
		if err == io.EOF {
			return nil
		}
		var rec *corpus.RecordError
		switch {
		case errors.As(err, &rec):
			it = item{rej: rec}
		case err != nil:
			return err
		}
		if !send(it) {
			return nil
		}
	}
}

// decode turns a raw record into an article or a reject. It runs on the
// workers, so that the reader goroutine only splits lines.
func decode(it *item) {
	if it.raw == nil {
		return
	}
	raw := it.raw
	it.raw = nil // the line can be collected once decoded
	a, err := raw.Decode()
	if err != nil {
		if !errors.As(err, &it.rej) { // Decode promises a *RecordError; keep any other as one
			it.rej = &corpus.RecordError{File: raw.File, Line: raw.Line, Reason: err.Error()}
		}
		return
	}
	it.art, it.read = a, true
}

// score runs the pure scorer on one article. A panic inside it is a bug in
// framing, not in the article; it becomes a reject with the panic's text so
// that one odd article never stops a nightly run, and it is logged loudly.
func score(it *item, j *job, cfg Config) {
	defer func() {
		if p := recover(); p != nil {
			cfg.Log.Error("internal error scoring article", "article_id", it.art.ID,
				"source", it.art.Source(), "panic", p, "stack", string(debug.Stack()))
			it.rej = &corpus.RecordError{File: it.art.File, Line: it.art.Line, ArticleID: it.art.ID,
				Reason: fmt.Sprintf("internal error scoring article: %v", p)}
		}
	}()
	it.sha = sha256.Sum256([]byte(it.art.Text))
	it.scores = features.Extract(features.Input{Title: it.art.Title, Text: it.art.Text, Outlet: it.art.Outlet}, j.matcher, j.opt)
	if it.scores.NTokens == 0 {
		it.rej = &corpus.RecordError{File: it.art.File, Line: it.art.Line, Field: "text", ArticleID: it.art.ID,
			Reason: "no words left after cleaning"}
	}
}

// collect writes results in sequence order. Workers finish out of order, so
// results wait in a small map until their turn; its size is bounded by the
// channel capacities and the worker count. Duplicate ids are found here, the
// first place that sees articles in input order: the later one becomes a
// reject whatever its scoring gave.
func collect(results <-chan item, ws *writers, j *job, sum *Summary, cfg Config, started time.Time, input func() (read, total int64, known bool)) error {
	dedup := corpus.NewDedup()
	pending := map[int64]item{}
	var next int64
	lastReport := started
	for it := range results {
		pending[it.seq] = it
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if cur.read {
				if rec := dedup.Check(cur.art); rec != nil {
					cur.rej = rec
				}
			}
			if err := ws.write(cur, j, sum, cfg); err != nil {
				return err
			}
		}
		if cfg.Progress != nil {
			if now := cfg.Now(); now.Sub(lastReport) >= 200*time.Millisecond {
				lastReport = now
				read, total, known := input()
				cfg.Progress(Progress{Records: sum.RecordsRead, Articles: sum.Articles, Rejects: sum.Rejects,
					Skipped: sum.Skipped, TextBytes: sum.TextBytes, Elapsed: now.Sub(started),
					InputRead: read, InputTotal: total, TotalKnown: known})
			}
		}
	}
	return nil
}
