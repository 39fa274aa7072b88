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
		in, err := openInput(ctx, cfg, path, nil)
		if err != nil {
			return "", fmt.Errorf("opening input %s: %w", path, err)
		}
		var n, a, rj int64
		for {
			_, err := in.r.Next()
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
				in.Close()
				return "", err
			}
			n++
			a++
		}
		if err := in.Close(); err != nil {
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
func openInput(ctx context.Context, cfg Config, path string, n *atomic.Int64) (input, error) {
	opt := corpus.Options{Manifest: cfg.Manifest, MaxRecordBytes: cfg.MaxRecordBytes, Context: ctx}
	if path == "-" && cfg.Stdin != nil {
		r, err := corpus.OpenStdin(cfg.Stdin, opt)
		return input{r: r}, err
	}
	info, err := os.Stat(path)
	if path == "-" || n == nil || err != nil || !info.Mode().IsRegular() {
		r, err := corpus.Open(path, opt)
		return input{r: r}, err
	}
	format, _, err := corpus.FormatOf(path)
	if err != nil {
		return input{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return input{}, fmt.Errorf("opening corpus: %w", err)
	}
	r, err := corpus.OpenReader(&countingReader{r: f, n: n}, path, format, opt)
	if err != nil {
		f.Close()
		return input{}, err
	}
	return input{r: r, f: f}, nil
}

// input is one opened corpus input. r is kept as the corpus package made it,
// not wrapped, so that a corpus.RawReader stays visible as one.
type input struct {
	r corpus.Reader
	f *os.File // the file under r when openInput opened it (r does not own it); nil otherwise
}

// Close closes the reader and then the file under it, if any.
func (in input) Close() error {
	err := in.r.Close()
	if in.f != nil {
		if cerr := in.f.Close(); err == nil {
			err = cerr
		}
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
