package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"framing/output"
	"framing/stats"
)

// writeStats computes the statistics of the run's window and stages them in
// c: the window ends with the run date and spans cfg.WindowDays days. This
// run's own night comes from the staging directory, earlier ones from OUT.
func writeStats(ctx context.Context, c *output.Commit, j *job, cfg Config, sum *Summary, started time.Time) error {
	w := output.Window{From: j.runDate - output.Date(cfg.WindowDays-1), To: j.runDate}
	sum.Window = w.String()
	srcs, err := stats.Stored(cfg.OutDir, output.Window{From: w.From, To: w.To - 1})
	if err != nil {
		return err
	}
	srcs = append(srcs, stats.Source{Root: c.Dir(), Day: j.runDate})
	opt := cfg.Stats
	if cfg.Progress != nil {
		start, last := cfg.Now(), time.Time{}
		snap := Progress{Phase: PhaseStatistics, Records: sum.RecordsRead, Articles: sum.Articles, Rejects: sum.Rejects,
			Skipped: sum.Skipped, TextBytes: sum.TextBytes}
		opt.Progress = func(p stats.Progress) {
			now := cfg.Now()
			if now.Sub(last) < 200*time.Millisecond && p.Done != p.Total {
				return
			}
			last = now
			snap.Stats, snap.StatsElapsed, snap.Elapsed = p, now.Sub(start), now.Sub(started)
			cfg.Progress(snap)
		}
	}
	staged, err := stats.Stage(ctx, c, w, srcs, j.meta, opt)
	if err != nil {
		return err
	}
	if staged.Warning != "" {
		cfg.Log.Warn(staged.Warning, "window", w.String(), "lexicons", len(staged.Lexicons))
	}
	sum.StatTables, sum.StatFiles = staged.Tables, staged.Files
	return nil
}

// StatsConfig describes a `framing stats` run: recompute the statistics of
// any window from the article-level tables already in OutDir.
type StatsConfig struct {
	OutDir   string
	From, To time.Time
	Version  string
	Stats    stats.Options
	// Now returns the wall-clock time for the lock file (time.Now when nil).
	Now func() time.Time
	Log *slog.Logger // nil discards
}

// Stats recomputes the statistics tables of one window from stored
// partitions and commits them, replacing that window's earlier statistics.
// Stopped by ctx (a signal), it fails with "statistics interrupted" and
// leaves OUT as it was.
// It holds OUT's lock while it works and, as a run does, first completes
// or rolls back a commit that a killed process left in OUT.
func Stats(ctx context.Context, cfg StatsConfig) (stats.Summary, error) {
	w := output.Window{From: output.DateOf(cfg.From), To: output.DateOf(cfg.To)}
	if w.To < w.From {
		return stats.Summary{Window: w}, fmt.Errorf("window %s ends before it starts", w)
	}
	if !w.From.InRange() || !w.To.InRange() {
		return stats.Summary{Window: w}, fmt.Errorf("window %s: every day must lie in the years %d to %d", w, output.MinYear, output.MaxYear)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	lock, err := AcquireLock(cfg.OutDir, cfg.Now())
	if err != nil {
		return stats.Summary{Window: w}, err
	}
	defer lock.Release()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if err := recoverOut(output.OSFS{}, cfg.OutDir, cfg.Log); err != nil {
		return stats.Summary{Window: w}, err
	}
	if err := migrateLayout(cfg.OutDir, cfg.Log); err != nil {
		return stats.Summary{Window: w}, err
	}
	sum, err := stats.Recompute(ctx, cfg.OutDir, w, cfg.Version, cfg.Stats)
	if err != nil && ctx.Err() != nil {
		// As Run: whichever step noticed the stop, nothing was committed.
		return sum, fmt.Errorf("statistics interrupted: %w", ctx.Err())
	}
	return sum, err
}
