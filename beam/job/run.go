package job

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // plain paths

	"framing/output"
	"framing/pipeline"
)

// Run builds the pipeline, has o.Execute run it, and publishes its output
// into o.OutDir. It holds OUT's lock (the one `framing run` takes) from
// start to end. Nothing is visible in OUT before the pipeline has succeeded;
// an attempt that fails leaves nothing but its staging directory, which Run
// removes (or the next run does, if this process dies).
func Run(ctx context.Context, o Options) (pipeline.Summary, error) {
	o.defaults()
	sum := pipeline.Summary{OutDir: o.OutDir, RunDate: o.RunDate}
	if len(o.Inputs) == 0 {
		return sum, errors.New("no input given")
	}
	if o.OutDir == "" {
		return sum, errors.New("no output directory given")
	}
	if o.Execute == nil {
		return sum, errors.New("no runner given")
	}
	for _, in := range o.Inputs {
		fs, err := filesystem.New(ctx, in) // fileio.MatchFiles panics on a scheme the binary lacks
		if err != nil {
			return sum, fmt.Errorf("input %s: %w", in, err)
		}
		fs.Close()
	}
	started := o.Now()
	sc, err := pipeline.NewScorer(o.config())
	if err != nil {
		return sum, err
	}
	sum.RunID = sc.RunID()
	scoring, err := newScoring(o)
	if err != nil {
		return sum, err
	}
	lock, err := pipeline.AcquireLock(o.OutDir, started)
	if err != nil {
		return sum, err
	}
	defer lock.Release()
	if err := output.CleanStaging(o.OutDir); err != nil {
		return sum, fmt.Errorf("removing what an earlier run left in %s: %w", o.OutDir, err)
	}
	for attempt := 1; ; attempt++ {
		st, err := newStaging(o.OutDir)
		if err != nil {
			return sum, err
		}
		p := build(o, scoring, sc.Meta(), st)
		_, err = o.Execute(ctx, p)
		if err == nil {
			var pub published
			pub, err = publish(o, sc, st, started)
			sum = pub.sum
			sum.Tables = pub.tables
			if rerr := os.RemoveAll(string(st)); err == nil && rerr != nil {
				err = fmt.Errorf("removing staging directory: %w", rerr)
			}
			return sum, err
		}
		if rerr := os.RemoveAll(string(st)); rerr != nil {
			o.Log.Warn("removing staging directory", "dir", st, "err", rerr)
		}
		if attempt >= o.Attempts || ctx.Err() != nil {
			return sum, fmt.Errorf("running the pipeline (attempt %d of %d): %w", attempt, o.Attempts, err)
		}
		o.Log.Warn("pipeline failed; submitting it again", "attempt", attempt, "of", o.Attempts, "err", err)
	}
}

// newStaging creates a fresh staging directory inside OUT, named so that
// output.CleanStaging removes it if this process dies.
func newStaging(out string) (stagingDir, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	dir := filepath.Join(out, ".staging-beam-"+hex.EncodeToString(b[:]))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating staging directory: %w", err)
	}
	abs, err := filepath.Abs(dir)
	return stagingDir(abs), err
}

// build constructs the pipeline of one attempt (see the package comment).
func build(o Options, sc scoring, meta map[string]string, st stagingDir) *beam.Pipeline {
	p, s := beam.NewPipelineWithRoot()
	files := make([]beam.PCollection, len(o.Inputs))
	for i, pat := range o.Inputs {
		ps := s.Scope(fmt.Sprintf("input%d", i))
		files[i] = beam.ParDo(ps, &tagFn{Pattern: i}, fileio.MatchFiles(ps, pat, fileio.MatchEmptyDisallow()))
	}
	all := beam.Reshuffle(s, beam.Flatten(s, files...))
	arts, rejects := beam.ParDo2(s, &readFn{MaxRecordBytes: o.MaxRecordBytes, Shards: o.Shards, Scoring: sc}, all)
	kept := beam.ParDo(s, &resolveFn{Shards: o.Shards, Scoring: sc}, beam.GroupByKey(s, arts))
	shards := beam.GroupByKey(s, beam.Flatten(s, kept, rejects))
	beam.ParDo0(s, &writeShardFn{Staging: string(st), RunDate: output.DateOf(o.RunDate), Meta: meta,
		Matches: o.Matches, FailOnce: o.FailOnce}, shards)
	return p
}
