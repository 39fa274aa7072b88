// Command reshard copies a framing output and splits each partition of the
// article-level tables into several part files, part-00000.parquet …
// part-NNNNN.parquet, written by output's writer as framing-beam writes its
// shards. It lets the readers' tests (notebooks/tests/test_readers.py) check
// sharded partitions without building Beam:
//
//	go run ./scripts/reshard -in OUT -out SHARDED -shards 3
//
// Every row is kept, in order: the shards of a partition are consecutive
// slices of its rows, each file with the partition's footer metadata. The
// runs table stays one file, as framing-beam writes it; the statistics
// tables are copied as they are.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"framing/output"
)

func main() {
	in := flag.String("in", "", "framing output `directory` to read")
	out := flag.String("out", "", "`directory` to write, which must not exist")
	shards := flag.Int("shards", 3, "part files per partition, at most (a partition with fewer rows gets one per row)")
	flag.Parse()
	if *in == "" || *out == "" || *shards < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: reshard -in OUT -out SHARDED [-shards N]")
		os.Exit(2)
	}
	if err := run(*in, *out, *shards); err != nil {
		fmt.Fprintln(os.Stderr, "reshard:", err)
		os.Exit(1)
	}
}

// run copies in to out and reshards the article-level tables of out.
func run(in, out string, shards int) error {
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s exists", out)
	}
	if err := copyOutput(in, out); err != nil {
		return err
	}
	for _, f := range []func() error{
		func() error { return reshard(output.Articles, in, out, shards) },
		func() error { return reshard(output.Frames, in, out, shards) },
		func() error { return reshard(output.Terms, in, out, shards) },
		func() error { return reshard(output.Matches, in, out, shards) },
		func() error { return reshard(output.Stance, in, out, shards) },
		func() error { return reshard(output.Rejects, in, out, shards) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// reshard rewrites every partition of table t below out as up to shards
// part files holding the rows of the partition below in.
func reshard[R any](t output.Table[R, output.Date], in, out string, shards int) error {
	days, err := t.Partitions(in)
	if err != nil {
		return err
	}
	for _, day := range days {
		rows, err := t.Read(in, day)
		if err != nil {
			return err
		}
		meta, err := t.Metadata(in, day)
		if err != nil {
			return err
		}
		dir := t.Dir(out, day)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		n := max(1, min(shards, len(rows)))
		for i := range n {
			part := rows[i*len(rows)/n : (i+1)*len(rows)/n]
			if err := writePart(filepath.Join(dir, fmt.Sprintf("part-%05d.parquet", i)), meta, part); err != nil {
				return fmt.Errorf("table %s partition %s: %w", t.Name(), t.PartitionName(day), err)
			}
		}
	}
	return nil
}

// writePart writes rows as one Parquet file at path.
func writePart[R any](path string, meta map[string]string, rows []R) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w, err := output.NewTableWriter[R](f, meta, output.WriterOptions{})
	if err != nil {
		f.Close()
		return err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			w.Close()
			f.Close()
			return err
		}
	}
	err = w.Close()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyOutput copies the tables of in (its dot entries left out: the lock,
// staging) to out.
func copyOutput(in, out string) error {
	return filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(in, p)
		if err != nil {
			return err
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		to := filepath.Join(out, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		return copyFile(p, to)
	})
}

func copyFile(from, to string) error {
	r, err := os.Open(from)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}
