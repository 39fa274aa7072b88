package job

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
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

// publish makes a succeeded attempt's shards visible in OUT. It runs on the
// launching machine after the pipeline has finished, alone (OUT's lock is
// held), so nothing writes the staging directory while it works:
//
//  1. it adds the shards' counts and refuses, publishing nothing, when the
//     reject ratio is above the limit;
//  2. in each staged partition it renames shard-NNNNN.parquet to dense
//     part-00000.parquet, part-00001.parquet, … in shard order, and writes an
//     empty part-00000.parquet where no shard had rows, so that every
//     partition has a part-00000 as in `framing run`;
//  3. it writes the runs table's row;
//  4. it renames each staged partition directory into OUT, runs last. A
//     partition that already exists (a rerun of the day) is first renamed
//     aside into a .trash- directory, so readers see the old files or the
//     new ones, never a mix of the two; for the moment between the two
//     renames the partition is missing, and output.CleanStaging puts the old
//     one back if the process dies there.
func publish(o Options, sc *pipeline.Scorer, st stagingDir, started time.Time) (published, error) {
	day := output.DateOf(o.RunDate)
	var p published
	c, err := readCounts(st)
	if err != nil {
		return p, err
	}
	p.sum = pipeline.Summary{RunID: sc.RunID(), OutDir: o.OutDir, RunDate: o.RunDate, RecordsRead: c.Records,
		Articles: c.Articles, Rejects: c.Rejects, InternalErrors: c.InternalErrors, DateWarnings: c.DateWarnings,
		TextBytes: c.TextBytes}
	if c.Records > 0 && float64(c.Rejects)/float64(c.Records) > o.MaxRejectRatio {
		return p, &pipeline.RejectRatioError{Rejects: c.Rejects, Records: c.Records, Max: o.MaxRejectRatio}
	}
	var rels []string
	for _, t := range shardTables(o.Matches) {
		dir := filepath.Join(string(st), t.rel(day))
		if err := densify(dir, t, sc.Meta()); err != nil {
			return p, fmt.Errorf("publishing table %s: %w", t.name, err)
		}
		rels = append(rels, t.rel(day))
		p.tables = append(p.tables, t.name)
	}
	finished := o.Now()
	p.sum.Seconds = finished.Sub(started).Seconds()
	runs := filepath.Join(output.Runs.Name(), output.Runs.PartitionName(day))
	row := sc.RunRow(p.sum, started, finished)
	err = putFile(filepath.Join(string(st), "tmp"), filepath.Join(string(st), runs, output.PartFile), func(w *os.File) error {
		return writeParquet(w, sc.Meta(), func(put func(output.RunRow) error) error { return put(row) })
	})
	if err != nil {
		return p, fmt.Errorf("writing the runs table: %w", err)
	}
	p.tables = append(p.tables, output.Runs.Name())
	if err := moveInto(o.OutDir, string(st), append(rels, runs)); err != nil {
		return p, fmt.Errorf("publishing to %s: %w", o.OutDir, err)
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

// densify renames the shard files of one staged partition to part-NNNNN in
// shard order, or writes an empty part-00000 when there are none.
func densify(dir string, t shardTable, meta map[string]string) error {
	shards, err := filepath.Glob(filepath.Join(dir, "shard-*.parquet"))
	if err != nil {
		return err
	}
	if len(shards) == 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return t.empty(filepath.Join(dir, output.PartFile), meta)
	}
	sort.Strings(shards)
	for i, s := range shards {
		if err := os.Rename(s, filepath.Join(dir, fmt.Sprintf("part-%05d.parquet", i))); err != nil {
			return err
		}
	}
	return syncDir(dir)
}

// moveInto renames each staged partition rel of staging into out, in order,
// swapping out an existing partition through a trash directory that it
// removes at the end.
func moveInto(out, staging string, rels []string) error {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	trash := filepath.Join(out, ".trash-"+hex.EncodeToString(b[:]))
	for _, rel := range rels {
		dst := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		_, err := os.Stat(dst)
		switch {
		case err == nil:
			old := filepath.Join(trash, rel)
			if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
				return err
			}
			if err := os.Rename(dst, old); err != nil {
				return err
			}
		case !errors.Is(err, os.ErrNotExist):
			return err
		}
		if err := os.Rename(filepath.Join(staging, rel), dst); err != nil {
			return err
		}
		if err := syncDir(filepath.Dir(dst)); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(trash); err != nil {
		return err
	}
	return syncDir(out)
}

func syncDir(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
