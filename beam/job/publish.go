package job

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"framing/output"
	"framing/pipeline"
)

// published is what publish reports.
type published struct {
	sum    pipeline.Summary
	tables []string
}

// publish makes a succeeded attempt's shards visible in OUT through c, the
// commit whose staging directory the workers wrote to. It runs on the
// launching machine after the pipeline has finished, alone (OUT's lock is
// held), so nothing writes the staging directory while it works:
//
//  1. it adds the shards' counts and refuses, publishing nothing, when the
//     reject ratio is above the limit;
//  2. in each staged partition it renames shard-NNNNN.parquet to dense
//     part-00000.parquet, part-00001.parquet, … in shard order and adopts
//     the directory into the commit, or stages an empty part-00000.parquet
//     where no shard had rows, as `framing run` writes one;
//  3. it stages the runs table's row;
//  4. it commits: output's journaled commit moves every partition into OUT,
//     all or none, runs last, as `framing run`'s commit does. A failure rolls
//     back at once; a kill is rolled back or forward by output.Recover, which
//     the next framing or framing-beam command on OUT runs first
//     (docs/operations.md, "Commit protocol").
//
// On an error the caller aborts c.
func publish(o Options, sc *pipeline.Scorer, c *output.Commit, started time.Time) (published, error) {
	day := output.DateOf(o.RunDate)
	var p published
	cnt, err := readCounts(stagingDir(c.Dir()))
	if err != nil {
		return p, err
	}
	p.sum = pipeline.Summary{RunID: sc.RunID(), OutDir: o.OutDir, RunDate: o.RunDate, RecordsRead: cnt.Records,
		Articles: cnt.Articles, Rejects: cnt.Rejects, InternalErrors: cnt.InternalErrors, DateWarnings: cnt.DateWarnings,
		TextBytes: cnt.TextBytes}
	if cnt.Records > 0 && float64(cnt.Rejects)/float64(cnt.Records) > o.MaxRejectRatio {
		return p, &pipeline.RejectRatioError{Rejects: cnt.Rejects, Records: cnt.Records, Max: o.MaxRejectRatio}
	}
	for _, t := range shardTables(o.Matches) {
		if err := t.stage(c, o.FS, day, sc.Meta()); err != nil {
			return p, fmt.Errorf("publishing table %s: %w", t.name, err)
		}
		p.tables = append(p.tables, t.name)
	}
	finished := o.Now()
	p.sum.Seconds = finished.Sub(started).Seconds()
	row := sc.RunRow(p.sum, started, finished)
	if err := output.Runs.WriteAll(c, day, sc.Meta(), []output.RunRow{row}); err != nil {
		return p, fmt.Errorf("writing the runs table: %w", err)
	}
	p.tables = append(p.tables, output.Runs.Name())
	if err := c.Commit(); err != nil {
		return p, fmt.Errorf("publishing to %s: %w", o.OutDir, err)
	}
	if err := c.Leftover(); err != nil {
		o.Log.Warn("published; cleaning up after the commit: "+err.Error()+"; the next command on OUT removes the rest", "out", o.OutDir)
	}
	return p, nil
}

// readCounts adds the counts files of every shard.
func readCounts(st stagingDir) (counts, error) {
	var c counts
	files, err := filepath.Glob(filepath.Join(string(st), "counts", "shard-*.json"))
	if err != nil {
		return c, err
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return c, fmt.Errorf("reading shard counts: %w", err)
		}
		var d counts
		if err := json.Unmarshal(b, &d); err != nil {
			return c, fmt.Errorf("reading shard counts %s: %w", f, err)
		}
		c.add(d)
	}
	return c, nil
}

// densify renames the shard files of one staged partition directory to
// part-NNNNN.parquet in shard order, through fsys, and returns how many
// there are. A partition that no shard wrote has no directory: 0.
func densify(fsys output.FS, dir string) (int, error) {
	shards, err := filepath.Glob(filepath.Join(dir, "shard-*.parquet"))
	if err != nil {
		return 0, err
	}
	sort.Strings(shards)
	for i, s := range shards {
		if err := fsys.Rename(s, filepath.Join(dir, fmt.Sprintf("part-%05d.parquet", i))); err != nil {
			return i, err
		}
	}
	return len(shards), nil
}
