package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"framing/corpus"
)

// DryRun checks everything a run would need, reads every input record once
// (without scoring), and describes what the run would write. It writes
// nothing, takes no lock, and fails exactly where a real run would fail
// before its first byte of output.
func DryRun(ctx context.Context, cfg Config) (string, error) {
	cfg.defaults()
	j, err := prepare(cfg)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "dry run: nothing is written\nlexicon %s version %s, sha256 %s\n", j.lex.Name, j.lex.Version, j.lex.SHA256())
	fmt.Fprintf(&b, "dimensions: %s\n", strings.Join(j.matcher.Dimensions(), ", "))
	var total, arts, rejs int64
	for _, path := range cfg.Inputs {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		r, err := openInput(cfg, path, nil)
		if err != nil {
			return "", fmt.Errorf("opening input %s: %w", path, err)
		}
		var n, a, rj int64
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			var rec *corpus.RecordError
			if errors.As(err, &rec) {
				n++
				rj++
				continue
			}
			if err != nil {
				r.Close()
				return "", err
			}
			n++
			a++
		}
		if err := r.Close(); err != nil {
			return "", fmt.Errorf("closing input %s: %w", path, err)
		}
		fmt.Fprintf(&b, "input %s: %d records, %d readable, %d rejected while reading\n", path, n, a, rj)
		total, arts, rejs = total+n, arts+a, rejs+rj
	}
	fmt.Fprintf(&b, "in all: %d records, %d readable, %d rejected while reading (duplicate ids and empty texts after cleaning are found by the run)\n", total, arts, rejs)
	day := cfg.RunDate.Format(time.DateOnly)
	fmt.Fprintf(&b, "would write run_date=%s partitions of articles, frames, terms, stance, rejects", day)
	if cfg.Matches {
		b.WriteString(", matches")
	}
	fmt.Fprintf(&b, " and runs under %s, replacing any earlier run of that date\n", cfg.OutDir)
	from := cfg.RunDate.AddDate(0, 0, -(cfg.WindowDays - 1)).Format(time.DateOnly)
	fmt.Fprintf(&b, "would write statistics for the window %s_%s\n", from, day)
	return b.String(), nil
}

// openInput opens one input, reading "-" from cfg.Stdin when it is set.
// A regular file is opened here rather than by corpus.Open so that the bytes
// read from disk can be counted for the progress line's ETA (n may be nil).
func openInput(cfg Config, path string, n *atomic.Int64) (corpus.Reader, error) {
	opt := corpus.Options{Manifest: cfg.Manifest}
	if path == "-" && cfg.Stdin != nil {
		return corpus.OpenReader(cfg.Stdin, "-", corpus.JSONL, opt)
	}
	info, err := os.Stat(path)
	if path == "-" || n == nil || err != nil || !info.Mode().IsRegular() {
		return corpus.Open(path, opt)
	}
	format, _, err := corpus.FormatOf(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening corpus: %w", err)
	}
	r, err := corpus.OpenReader(&countingReader{r: f, n: n}, path, format, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	return fileReader{Reader: r, f: f}, nil
}

// fileReader closes the file under a corpus reader that does not own it.
type fileReader struct {
	corpus.Reader
	f *os.File
}

func (r fileReader) Close() error {
	err := r.Reader.Close()
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// countingReader counts the bytes read from an input file.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// inputSize is the total size of the inputs that are regular files, and
// whether every input is one (otherwise no ETA can be given).
func inputSize(paths []string) (int64, bool) {
	var total int64
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.Mode().IsRegular() {
			return 0, false
		}
		total += info.Size()
	}
	return total, true
}
