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
}

// RejectRatioError says that too many records were rejected for the output
// to be trusted; the run committed nothing.
type RejectRatioError struct {
	RunDate          output.Date
	Rejects, Records int64
	Max              float64
}

func (e *RejectRatioError) Error() string {
	return fmt.Sprintf("%d of %d records rejected (%.1f%%), above --max-reject-ratio %g; "+
		"nothing was written and the partitions of run date %s stay as they were",
		e.Rejects, e.Records, 100*float64(e.Rejects)/float64(e.Records), e.Max, e.RunDate)
}

// NoArticlesError says that a run found no article to write. Committing it
// would replace the run date's partitions with empty ones, so the run
// committed nothing and whatever that date held stays as it was.
type NoArticlesError struct {
	RunDate                   output.Date
	Records, Rejects, Skipped int64
}

func (e *NoArticlesError) Error() string {
	return fmt.Sprintf("no articles to write: %d records read, %d rejected, %d skipped as seen before; "+
		"nothing was written and the partitions of run date %s stay as they were",
		e.Records, e.Rejects, e.Skipped, e.RunDate)
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
	if err := usable(cfg, job, sum); err != nil {
		return sum, err
	}
	if err := writeStats(ctx, commit, job, cfg, &sum); err != nil {
		return sum, err
	}
	sum.Tables, sum.Files = ws.names, ws.files

	finished := cfg.Now()
	sum.Seconds = finished.Sub(started).Seconds()
	if err := writeRunRow(commit, job, cfg, &sum, started, finished); err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := commit.Commit(); err != nil {
		return sum, fmt.Errorf("committing output to %s: %w", cfg.OutDir, err)
	}
	committed = true
	return sum, nil
}

// usable decides whether what a run read may replace its run date's
// partitions: never with nothing, never with a night of mostly rejects.
func usable(cfg Config, j *job, sum Summary) error {
	if sum.RecordsRead > 0 && float64(sum.Rejects)/float64(sum.RecordsRead) > cfg.MaxRejectRatio {
		return &RejectRatioError{RunDate: j.runDate, Rejects: sum.Rejects, Records: sum.RecordsRead, Max: cfg.MaxRejectRatio}
	}
	if sum.Articles == 0 {
		return &NoArticlesError{RunDate: j.runDate, Records: sum.RecordsRead, Rejects: sum.Rejects, Skipped: sum.Skipped}
	}
	return nil
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
	if err := cfg.check(); err != nil {
		return nil, err
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
	total, known := corpus.InputSize(cfg.Inputs)

	go func() {
		defer close(jobs)
		readErr <- recovered("reading input", func() error { return readAll(ctx, cfg, jobs, consumed) })
	}()

	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				process(&it, j, cfg)
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
	opt := corpus.Options{Manifest: cfg.Manifest, MaxRecordBytes: cfg.MaxRecordBytes, Stdin: cfg.Stdin, BytesRead: consumed}
	for _, path := range cfg.Inputs {
		in, err := corpus.Open(path, opt)
		if err != nil {
			return fmt.Errorf("opening input %s: %w", path, err)
		}
		err = readOne(in, send)
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

// recovered runs f and turns a panic in it, a bug in framing, into an error
// with the panic and its stack: in a goroutine of its own a panic would end
// the process before anything could report it.
func recovered(what string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error %s: %v\n%s", what, p, debug.Stack())
		}
	}()
	return f()
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

// process decodes and scores one record on a worker. A panic inside either
// is a bug in framing, not in the record: the record becomes a reject with
// reason "internal error: " and the panic's text, so that one odd article
// never stops a nightly run, and it is logged loudly with the stack. Such
// rejects count toward --max-reject-ratio, and Summary.InternalErrors
// counts them so that the exit code can show them.
func process(it *item, j *job, cfg Config) {
	file, line := it.art.File, it.art.Line
	if it.raw != nil {
		file, line = it.raw.File, it.raw.Line
	}
	defer func() {
		if p := recover(); p != nil {
			cfg.Log.Error("internal error", "source", corpus.Article{File: file, Line: line}.Source(),
				"article_id", it.art.ID, "panic", p, "stack", string(debug.Stack()))
			it.rej = &corpus.RecordError{File: file, Line: line, ArticleID: it.art.ID,
				Reason: fmt.Sprintf("internal error: %v", p)}
			it.internal = true
		}
	}()
	decode(it)
	if it.rej == nil {
		score(it, j)
	}
}

// score runs the pure scorer on one article.
func score(it *item, j *job) {
	it.sha = sha256.Sum256([]byte(it.art.Text))
	it.scores = scoreArticle(it.art, j)
	if it.scores.NTokens == 0 {
		it.rej = &corpus.RecordError{File: it.art.File, Line: it.art.Line, Field: "text", ArticleID: it.art.ID,
			Reason: "no words left after cleaning"}
	}
}

// scoreArticle is the scorer as the run calls it; a variable so that a test
// can make it panic.
var scoreArticle = func(a corpus.Article, j *job) features.Scores {
	return features.Extract(features.Input{Title: a.Title, Text: a.Text, Outlet: a.Outlet}, j.matcher, j.opt)
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
