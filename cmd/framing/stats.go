package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"framing/pipeline"
	"framing/stats"
)

// statsFlags are the settings of the statistics, shared by `framing run`
// and `framing stats`.
type statsFlags struct {
	minArticles, maxPairOutlets, maxPairDimensions int64
}

// Ranges of the statistics flags, documented in README.md and
// docs/operations.md.
const (
	maxMinArticles    = 1 << 30
	maxMaxPairOutlets = 100000
	// maxMaxPairDimensions: PCA of 4,000 dimensions takes minutes and
	// their sums of products 256 MB.
	maxMaxPairDimensions = 4000
)

func (f *statsFlags) register(fs *flag.FlagSet) {
	intVar(fs, &f.minArticles, "min-articles", stats.DefaultMinArticles, 1, maxMinArticles,
		"outlets with fewer `articles` in the window keep their outlet_stats rows but are left out of the tests across outlets, "+
			"keyness, PCA centroids, regression terms and trends (pooled as (other) where a test needs every article)")
	intVar(fs, &f.maxPairOutlets, "max-pair-outlets", stats.DefaultMaxPairOutlets, 2, maxMaxPairOutlets,
		"the pairwise tables (outlet_pairs, outlet_profiles) compare this `number` of outlets at most, those with the most articles")
	intVar(fs, &f.maxPairDimensions, "max-pair-dimensions", stats.DefaultMaxPairDimensions, 2, maxMaxPairDimensions,
		"correlations and PCA relate this `number` of dimensions at most, those with the highest mean per_1k")
}

func (f *statsFlags) apply(o *stats.Options) {
	o.MinArticles, o.MaxPairOutlets, o.MaxPairDimensions = int(f.minArticles), int(f.maxPairOutlets), int(f.maxPairDimensions)
}

// memoryLimitVar registers --memory-limit.
func memoryLimitVar(fs *flag.FlagSet, p *int64) {
	intVar(fs, p, "memory-limit", defaultMemoryLimitMiB, 0, maxMemoryLimit,
		"soft limit on the Go heap in `MiB` (0: none); ignored when GOMEMLIMIT is set")
}

func cmdStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("stats", "framing stats --out DIR --from YYYY-MM-DD --to YYYY-MM-DD", stderr)
	out := fs.String("out", "", "output `directory` of earlier runs")
	from := fs.String("from", "", "first run date of the window, YYYY-MM-DD")
	to := fs.String("to", "", "last run date of the window, YYYY-MM-DD (default: --from)")
	logFormat := fs.String("log-format", "text", "log format on stderr: text or json")
	quiet := fs.Bool("quiet", false, "log warnings, errors and the closing summary only")
	var workers, memLimit int64
	intVar(fs, &workers, "workers", 0, 0, maxWorkers, "`number` of statistics goroutines; 0 is GOMAXPROCS")
	memoryLimitVar(fs, &memLimit)
	var sf statsFlags
	sf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	logs, err := newLogs(stderr, *logFormat, *quiet)
	if err != nil {
		return err
	}
	cfg, err := statsConfig(*out, *from, *to)
	if err != nil {
		return logs.wrap(err)
	}
	cfg.Log = logs.log
	if workers > 0 {
		cfg.Stats.Workers = int(workers)
	}
	sf.apply(&cfg.Stats)
	defer setMemoryLimit(memLimit, os.Getenv("GOMEMLIMIT"))()
	sum, err := pipeline.Stats(ctx, cfg)
	if lerr, ok := lockExit(err); ok {
		return logs.wrap(lerr)
	}
	if err != nil {
		return logs.wrap(err)
	}
	if sum.Warning != "" {
		logs.log.Warn(sum.Warning, "window", sum.Window.String(), "lexicons", len(sum.Lexicons))
	}
	logs.log.Info("phase done: statistics", "phase", "statistics", "seconds", roundSeconds(sum.StatsSeconds))
	logs.log.Info("phase done: commit", "phase", "commit", "seconds", roundSeconds(sum.CommitSeconds))
	logs.summary.Info(fmt.Sprintf("done: statistics for window %s, %d run date(s), %d articles",
		sum.Window, sum.Partitions, sum.Articles),
		"lexicons", len(sum.Lexicons), "stats_seconds", roundSeconds(sum.StatsSeconds), "commit_seconds", roundSeconds(sum.CommitSeconds))
	fmt.Fprintf(stdout, "statistics for window %s from %d run date(s), %d articles:\n", sum.Window, sum.Partitions, sum.Articles)
	for _, file := range sum.Files {
		fmt.Fprintf(stdout, "  %s\n", file)
	}
	return nil
}

// statsConfig checks the window of `framing stats`.
func statsConfig(out, from, to string) (pipeline.StatsConfig, error) {
	if out == "" || from == "" {
		return pipeline.StatsConfig{}, usagef("stats needs --out and --from")
	}
	if to == "" {
		to = from
	}
	f, err := parseDay("from", from)
	if err != nil {
		return pipeline.StatsConfig{}, err
	}
	t, err := parseDay("to", to)
	if err != nil {
		return pipeline.StatsConfig{}, err
	}
	if t.Before(f) {
		return pipeline.StatsConfig{}, usagef("--to %s is before --from %s", to, from)
	}
	return pipeline.StatsConfig{OutDir: out, From: f, To: t, Version: version, Stats: stats.DefaultOptions()}, nil
}
