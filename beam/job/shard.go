package job

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"framing/output"
	"framing/pipeline"
)

func init() {
	register.DoFn3x1[context.Context, int, func(*scored) bool, error](&writeShardFn{})
	register.Iter1[scored]()
}

// counts are one shard's contribution to the run's manifest row, kept in
// the staging directory beside its files.
type counts struct {
	Records, Articles, Rejects, InternalErrors, DateWarnings, TextBytes int64
}

func (c *counts) add(d counts) {
	c.Records += d.Records
	c.Articles += d.Articles
	c.Rejects += d.Rejects
	c.InternalErrors += d.InternalErrors
	c.DateWarnings += d.DateWarnings
	c.TextBytes += d.TextBytes
}

// writeShardFn writes one shard: the rows of its records, sorted by
// position, into one file per table under the staging directory. Every name
// is a function of the shard number, and each file is written under a
// unique temporary name and renamed into place when complete, so a bundle
// that fails leaves at most a temporary file, and a retried bundle (or a
// second attempt running beside a slow first) replaces the shard's files
// with identical ones instead of adding rows. The counts file goes last.
type writeShardFn struct {
	Staging  string
	RunDate  output.Date
	Meta     map[string]string
	Matches  bool
	FailOnce string
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, vals func(*scored) bool) error {
	var all []scored
	var s scored
	for vals(&s) {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b scored) int { return a.Pos.compare(b.Pos) })
	st := stagingDir(f.Staging)
	var c counts
	for _, s := range all {
		c.Records++
		if s.Rows.Reject != nil {
			c.Rejects++
			if s.Rows.InternalError {
				c.InternalErrors++
			}
			continue
		}
		c.Articles++
		c.TextBytes += s.Rows.TextBytes
		if s.Rows.DateWarning {
			c.DateWarnings++
		}
	}
	for i, t := range shardTables(f.Matches) {
		if i == 1 && f.FailOnce != "" {
			if err := failOnce(f.FailOnce, shard); err != nil {
				return err
			}
		}
		if err := t.write(st, f.RunDate, shard, f.Meta, all); err != nil {
			return fmt.Errorf("writing shard %d of table %s: %w", shard, t.name, err)
		}
	}
	b, _ := json.Marshal(c)
	if err := st.put(st.countsPath(shard), func(w *os.File) error { _, err := w.Write(b); return err }); err != nil {
		return fmt.Errorf("writing counts of shard %d: %w", shard, err)
	}
	return nil
}

// failOnce fails the first caller that creates the marker file, after the
// shard's first table is written: a bundle dying halfway through.
func failOnce(marker string, shard int) error {
	m, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	m.Close()
	return fmt.Errorf("injected failure writing shard %d (marker %s)", shard, marker)
}

// shardTable is one article-level table as a shard writes it and as
// publishing stages it.
type shardTable struct {
	name  string
	write func(st stagingDir, day output.Date, shard int, meta map[string]string, all []scored) error
	// stage makes the table's partition part of the commit whose staging
	// directory the shards were written to (publish.go).
	stage func(c *output.Commit, fsys output.FS, day output.Date, meta map[string]string) error
}

// shardTables lists the tables a shard writes, in the order written.
func shardTables(matches bool) []shardTable {
	ts := []shardTable{
		tableOf(output.Articles, func(r pipeline.Rows) []output.ArticleRow {
			if r.Article == nil {
				return nil
			}
			return []output.ArticleRow{*r.Article}
		}),
		tableOf(output.Frames, func(r pipeline.Rows) []output.FrameRow { return r.Frames }),
		tableOf(output.Terms, func(r pipeline.Rows) []output.TermRow { return r.Terms }),
		tableOf(output.Stance, func(r pipeline.Rows) []output.StanceRow { return r.Stance }),
		tableOf(output.Rejects, func(r pipeline.Rows) []output.RejectRow {
			if r.Reject == nil {
				return nil
			}
			return []output.RejectRow{*r.Reject}
		}),
	}
	if matches {
		ts = append(ts, tableOf(output.Matches, func(r pipeline.Rows) []output.MatchRow { return r.Matches }))
	}
	return ts
}

// tableOf makes the shardTable of one row type; rows picks a record's rows
// of that table.
func tableOf[T any](t output.Table[T, output.Date], rows func(pipeline.Rows) []T) shardTable {
	return shardTable{
		name: t.Name(),
		write: func(st stagingDir, day output.Date, shard int, meta map[string]string, all []scored) error {
			n := 0
			for _, s := range all {
				n += len(rows(s.Rows))
			}
			if n == 0 {
				return nil // no file: publishing fills a partition that got none
			}
			return st.put(shardPath(t.Dir(string(st), day), shard), func(w *os.File) error {
				return writeParquet(w, meta, func(put func(T) error) error {
					for _, s := range all {
						for _, r := range rows(s.Rows) {
							if err := put(r); err != nil {
								return err
							}
						}
					}
					return nil
				})
			})
		},
		stage: func(c *output.Commit, fsys output.FS, day output.Date, meta map[string]string) error {
			n, err := densify(fsys, t.Dir(c.Dir(), day))
			if err != nil {
				return err
			}
			if n > 0 {
				return t.Adopt(c, day)
			}
			// No shard had rows: an empty part-00000.parquet, as `framing
			// run` writes for a table without rows.
			w, err := t.Create(c, day, meta)
			if err != nil {
				return err
			}
			return w.Close()
		},
	}
}

// writeParquet writes the rows that each hands it as one Parquet file on w.
func writeParquet[T any](w *os.File, meta map[string]string, each func(put func(T) error) error) error {
	tw, err := output.NewTableWriter[T](w, meta, output.WriterOptions{})
	if err != nil {
		return err
	}
	if err := each(tw.Write); err != nil {
		return errors.Join(err, tw.Close())
	}
	return tw.Close()
}

// stagingDir is the staging directory of one attempt's commit
// (output.Commit.Dir), where the workers write:
//
//	<staging>/<table>/<day>/shard-NNNNN.parquet   complete shard files (the partition's output.Table.Dir)
//	<staging>/counts/shard-NNNNN.json             one per complete shard
//	<staging>/tmp/                                files being written
//
// Publishing renames the shard files to part files and hands the partition
// directories to the commit; counts and tmp are removed with the staging
// directory.
type stagingDir string

// shardPath is the file of one shard in a partition's staging directory.
func shardPath(dir string, shard int) string {
	return filepath.Join(dir, fmt.Sprintf("shard-%05d.parquet", shard))
}

func (st stagingDir) countsPath(shard int) string {
	return filepath.Join(string(st), "counts", fmt.Sprintf("shard-%05d.json", shard))
}

// put writes a file under a unique temporary name in st/tmp and renames it
// to path once fill has written it and it is synced.
func (st stagingDir) put(path string, fill func(*os.File) error) error {
	return putFile(filepath.Join(string(st), "tmp"), path, fill)
}

func putFile(tmpDir, path string, fill func(*os.File) error) error {
	if err := os.MkdirAll(tmpDir, 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	tmp := filepath.Join(tmpDir, "."+filepath.Base(path)+".tmp-"+hex.EncodeToString(b[:]))
	w, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	err = fill(w)
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
