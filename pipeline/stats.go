package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"framing/output"
)

// StatsConfig describes a `framing stats` run: recompute the statistics of
// any window from the article-level tables already in OutDir.
type StatsConfig struct {
	OutDir   string
	From, To time.Time
	Version  string
	Log      *slog.Logger
}

// StatsSummary is what a statistics run reports.
type StatsSummary struct {
	Window     Window
	Partitions int // run-date partitions read
	Articles   int
	Tables     []string
}

// writeStats computes the statistics of the run's window and stages them in
// c: the window ends with the run date and spans cfg.WindowDays days. This
// run's own partition comes from the staging directory, earlier ones from
// OUT.
func writeStats(ctx context.Context, c *output.Commit, j *job, cfg Config, sum *Summary) ([]string, error) {
	w := Window{From: j.runDate - output.Date(cfg.WindowDays-1), To: j.runDate}
	sum.Window = w.String()
	stored, err := storedPartitions(cfg.OutDir, Window{From: w.From, To: w.To - 1})
	if err != nil {
		return nil, err
	}
	own, err := partitionAt(c.Dir(), "run_date="+j.runDate.String(), j.runDate)
	if err != nil {
		return nil, err
	}
	wd, err := loadWindow(w, append(stored, own))
	if err != nil {
		return nil, fmt.Errorf("reading the window %s for statistics: %w", w, err)
	}
	return writeStatTables(ctx, c, wd, j.meta, cfg.Workers) // --workers bounds the statistics too
}

// Stats recomputes the statistics tables of one window from stored
// partitions and commits them, replacing that window's earlier statistics.
func Stats(ctx context.Context, cfg StatsConfig) (StatsSummary, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	w := Window{From: output.DateOf(cfg.From), To: output.DateOf(cfg.To)}
	sum := StatsSummary{Window: w}
	if w.To < w.From {
		return sum, fmt.Errorf("window %s ends before it starts", w)
	}
	lock, err := AcquireLock(cfg.OutDir, time.Now())
	if err != nil {
		return sum, err
	}
	defer lock.Release()
	parts, err := storedPartitions(cfg.OutDir, w)
	if err != nil {
		return sum, err
	}
	if len(parts) == 0 {
		return sum, fmt.Errorf("no run_date partition of articles in %s lies in the window %s", cfg.OutDir, w)
	}
	sum.Partitions = len(parts)
	wd, err := loadWindow(w, parts)
	if err != nil {
		return sum, fmt.Errorf("reading the window %s: %w", w, err)
	}
	sum.Articles = len(wd.outlet)
	meta := map[string]string{
		"framing.version":        cfg.Version,
		"framing.run_id":         "stats-" + w.String(),
		"framing.schema_version": output.SchemaVersion,
	}
	if err := copyLexiconMeta(parts[len(parts)-1].articles[0], meta); err != nil {
		return sum, err
	}
	c, err := output.NewCommit(cfg.OutDir)
	if err != nil {
		return sum, err
	}
	tables, err := writeStatTables(ctx, c, wd, meta, runtime.GOMAXPROCS(0))
	if err != nil {
		return sum, errors.Join(err, c.Abort())
	}
	if err := c.Commit(); err != nil {
		return sum, fmt.Errorf("committing statistics to %s: %w", cfg.OutDir, err)
	}
	sum.Tables = tables
	return sum, nil
}

// copyLexiconMeta takes the lexicon keys of the newest partition, so that
// statistics files say which lexicon produced the counts they summarize.
func copyLexiconMeta(path string, meta map[string]string) error {
	kv, err := output.ReadMetadata(path)
	if err != nil {
		return fmt.Errorf("reading metadata of %s: %w", path, err)
	}
	for _, k := range []string{"framing.lexicon_sha256", "framing.lexicon_name", "framing.lexicon_version"} {
		meta[k] = kv[k]
	}
	return nil
}
