package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"framing/corpus"
	"framing/features"
)

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
	opt := corpus.Options{Manifest: cfg.Manifest, MaxRecordBytes: cfg.MaxRecordBytes, Stdin: cfg.Stdin, BytesRead: consumed, Context: ctx}
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
	it.raw = nil
	a, err := raw.Decode()
	defer raw.Release() // the line's buffer goes back to the reader once decoded
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

// score runs the pure scorer on one article and turns its scores into
// rows, here on a worker rather than on the one goroutine that writes.
func score(it *item, j *job) {
	// The text's bytes without a copy: Sum256 only reads them.
	it.sha = sha256.Sum256(unsafe.Slice(unsafe.StringData(it.art.Text), len(it.art.Text)))
	it.scores = scoreArticle(it.art, j)
	if it.scores.NTokens == 0 {
		it.rej = &corpus.RecordError{File: it.art.File, Line: it.art.Line, Field: "text", ArticleID: it.art.ID,
			Reason: "no words left after cleaning"}
		return
	}
	it.rows = convert(it.art, it.sha, it.scores, j.runDate, j.runID)
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
				cfg.Progress(Progress{Phase: PhaseScoring, Records: sum.RecordsRead, Articles: sum.Articles, Rejects: sum.Rejects,
					Skipped: sum.Skipped, TextBytes: sum.TextBytes, Elapsed: now.Sub(started),
					InputRead: read, InputTotal: total, TotalKnown: known})
			}
		}
	}
	return nil
}
