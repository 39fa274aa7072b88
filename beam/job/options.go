package job

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"framing/output"
	"framing/pipeline"
)

// Options is one framing-beam job. cmd/framing-beam fills it from flags.
type Options struct {
	Inputs         []string  // file patterns (JSON Lines or CSV, optionally .gz), in order
	OutDir         string    // output root: a POSIX path that the launcher and every worker see
	RunDate        time.Time // the partition date (UTC midnight)
	Lexicons       []string  // lexicon files; empty means the embedded default
	Boilerplate    string    // extra boilerplate patterns file (optional)
	Weights        pipeline.Weights
	Matches        bool    // also write the matches table
	Version        string  // program version, recorded in every file
	MaxRecordBytes int     // longest record, at least 1 (pipeline.DefaultMaxRecordBytes)
	MaxRejectRatio float64 // in [0, 1]: publish nothing when rejects/records exceeds it
	// Shards is the number of part files per table partition, at most; a
	// shard's rows are sorted in memory by its writer, so a shard should
	// hold at most some 100,000 articles. 0 means DefaultShards.
	Shards int
	// Attempts is how often the whole pipeline is submitted before Run
	// gives up. Runners that retry a failed bundle themselves (Flink with a
	// restart strategy, Dataflow) need 1; prism fails the job instead.
	// 0 means 1.
	Attempts int
	// FailOnce, for tests: the first shard writer that can create this file
	// fails after writing part of its shard, once per file.
	FailOnce string
	// FS is the filesystem that publishing's commit and the recovery
	// before it go through (output.OSFS when nil); tests fail it at
	// chosen steps.
	FS output.FS
	// Execute runs a constructed pipeline on a runner.
	Execute func(context.Context, *beam.Pipeline) (beam.PipelineResult, error)
	Log     *slog.Logger
	Now     func() time.Time
}

// DefaultShards is the number of shards when Options.Shards is 0.
const DefaultShards = 4

func (o *Options) defaults() {
	if o.Shards <= 0 {
		o.Shards = DefaultShards
	}
	if o.Attempts <= 0 {
		o.Attempts = 1
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.FS == nil {
		o.FS = output.OSFS{}
	}
}

// namedFile is a file the workers need, carried in the pipeline itself so
// that remote workers do not need the launcher's filesystem.
type namedFile struct {
	Name string // base name: lexicon formats are told apart by extension
	Data []byte
}

// scoring is what a worker needs to build the run's pipeline.Scorer. It is
// a field of the DoFns that score, serialized into the pipeline.
type scoring struct {
	Inputs         []string
	RunDate        time.Time
	Lexicons       []namedFile
	Boilerplate    []namedFile // zero or one
	Weights        pipeline.Weights
	Matches        bool
	Version        string
	MaxRecordBytes int
}

// newScoring reads the lexicon and boilerplate files named in o.
func newScoring(o Options) (scoring, error) {
	sc := scoring{Inputs: o.Inputs, RunDate: o.RunDate, Weights: o.Weights, Matches: o.Matches,
		Version: o.Version, MaxRecordBytes: o.MaxRecordBytes}
	for _, p := range o.Lexicons {
		b, err := os.ReadFile(p)
		if err != nil {
			return sc, fmt.Errorf("loading lexicon %s: %w", p, err)
		}
		sc.Lexicons = append(sc.Lexicons, namedFile{Name: filepath.Base(p), Data: b})
	}
	if o.Boilerplate != "" {
		b, err := os.ReadFile(o.Boilerplate)
		if err != nil {
			return sc, fmt.Errorf("reading boilerplate patterns: %w", err)
		}
		sc.Boilerplate = []namedFile{{Name: filepath.Base(o.Boilerplate), Data: b}}
	}
	return sc, nil
}

// scorer writes the carried files into a fresh directory and builds the
// scorer from them. The files' contents, not their paths, name the run, so
// every worker gets the launcher's run id.
func (sc scoring) scorer() (*pipeline.Scorer, error) {
	dir, err := os.MkdirTemp("", "framing-beam-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	write := func(files []namedFile) ([]string, error) {
		var paths []string
		for i, f := range files {
			p := filepath.Join(dir, fmt.Sprint(i), f.Name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				return nil, err
			}
			paths = append(paths, p)
		}
		return paths, nil
	}
	lex, err := write(sc.Lexicons)
	if err != nil {
		return nil, err
	}
	bp, err := write(sc.Boilerplate)
	if err != nil {
		return nil, err
	}
	o := Options{Inputs: sc.Inputs, RunDate: sc.RunDate, Lexicons: lex, Weights: sc.Weights,
		Matches: sc.Matches, Version: sc.Version, MaxRecordBytes: sc.MaxRecordBytes}
	if len(bp) > 0 {
		o.Boilerplate = bp[0]
	}
	return pipeline.NewScorer(o.config())
}

// config is the run configuration that o describes, for pipeline.NewScorer.
func (o Options) config() pipeline.Config {
	cfg := pipeline.DefaultConfig()
	cfg.Inputs, cfg.OutDir, cfg.RunDate = o.Inputs, o.OutDir, o.RunDate
	cfg.Lexicons, cfg.Boilerplate, cfg.Weights, cfg.Matches = o.Lexicons, o.Boilerplate, o.Weights, o.Matches
	cfg.Version, cfg.MaxRecordBytes, cfg.MaxRejectRatio = o.Version, o.MaxRecordBytes, o.MaxRejectRatio
	return cfg
}
