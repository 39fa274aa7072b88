package job

import (
	"context"
	"errors"
	"fmt"
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
// start to end, and first resolves whatever a killed framing or framing-beam
// left in OUT (output.Recover). Each attempt is one output.Commit: the
// workers write into its staging directory, and nothing is visible in OUT
// before the pipeline has succeeded and the commit has put every partition
// in place; an attempt that fails is aborted, which removes its staging
// directory (or the next command on OUT does, if this process dies).
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
	out, err := filepath.Abs(o.OutDir) // the workers' path to the staging directory
	if err != nil {
		return sum, err
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
	if err := pipeline.Recover(o.FS, o.OutDir, o.Log); err != nil {
		return sum, err
	}
	for attempt := 1; ; attempt++ {
		c, err := output.NewCommitFS(o.FS, out)
		if err != nil {
			return sum, err
		}
		_, err = o.Execute(ctx, build(o, scoring, sc.Meta(), stagingDir(c.Dir())))
		if err == nil {
			var pub published
			pub, err = publish(o, sc, c, started)
			sum = pub.sum
			sum.Tables = pub.tables
			if err != nil {
				abort(o, c)
			}
			return sum, err
		}
		abort(o, c)
		if attempt >= o.Attempts || ctx.Err() != nil {
			return sum, fmt.Errorf("running the pipeline (attempt %d of %d): %w", attempt, o.Attempts, err)
		}
		o.Log.Warn("pipeline failed; submitting it again", "attempt", attempt, "of", o.Attempts, "err", err)
	}
}

// abort discards an attempt's commit. What it cannot remove, the next
// command on OUT does (output.Recover); OUT itself is as it was.
func abort(o Options, c *output.Commit) {
	if err := c.Abort(); err != nil {
		o.Log.Warn("removing staging directory; the next command on OUT removes it", "dir", c.Dir(), "err", err)
	}
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
