package stats

import (
	"context"
	"errors"
	"fmt"
	"time"

	"framing/output"
)

// Summary is what Recompute reports.
type Summary struct {
	Window     output.Window
	Partitions int // run-date partitions read
	Articles   int
	Staged     // the tables written
	// The phases and their wall-clock seconds: reading and computing the
	// statistics (written as they are computed), then the commit.
	StatsSeconds, CommitSeconds float64
}

// Recompute reads the committed nights of window w below outDir, computes
// their statistics and commits them, replacing that window's earlier
// statistics: `framing stats`. The caller holds OUT's lock. version is the
// program version recorded in the files' footers, with the lexicon of the
// newest night.
func Recompute(ctx context.Context, outDir string, w output.Window, version string, opt Options) (Summary, error) {
	started := time.Now()
	sum := Summary{Window: w}
	if w.To < w.From {
		return sum, fmt.Errorf("window %s ends before it starts", w)
	}
	if err := opt.Validate(); err != nil {
		return sum, err
	}
	srcs, err := Stored(outDir, w)
	if err != nil {
		return sum, err
	}
	if len(srcs) == 0 {
		return sum, fmt.Errorf("no %s partition of %s in %s lies in the window %s",
			output.Articles.Key(), output.Articles.Name(), outDir, w)
	}
	sum.Partitions = len(srcs)
	meta := map[string]string{
		"framing.version":        version,
		"framing.run_id":         "stats-" + w.String(),
		"framing.schema_version": output.SchemaVersion,
	}
	if err := copyLexiconMeta(srcs[len(srcs)-1], meta); err != nil {
		return sum, err
	}
	c, err := output.NewCommit(outDir)
	if err != nil {
		return sum, err
	}
	staged, err := Stage(ctx, c, w, srcs, meta, opt)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return sum, errors.Join(err, c.Abort())
	}
	for _, l := range staged.Lexicons {
		sum.Articles += l.Articles
	}
	sum.Staged = staged
	committing := time.Now()
	sum.StatsSeconds = committing.Sub(started).Seconds()
	if err := c.Commit(); err != nil {
		return sum, fmt.Errorf("committing statistics to %s: %w", outDir, err)
	}
	sum.CommitSeconds = time.Since(committing).Seconds()
	return sum, nil
}

// copyLexiconMeta takes the lexicon keys of the newest night for the files'
// footers; the rows' lexicon columns say which lexicon each row summarizes.
func copyLexiconMeta(src Source, meta map[string]string) error {
	kv, err := output.Articles.Metadata(src.Root, src.Day)
	if err != nil {
		return fmt.Errorf("reading metadata of %s: %w", output.Articles.Path(src.Root, src.Day), err)
	}
	for _, k := range []string{"framing.lexicon_sha256", "framing.lexicon_name", "framing.lexicon_version"} {
		meta[k] = kv[k]
	}
	return nil
}
