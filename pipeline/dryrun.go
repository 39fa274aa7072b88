package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
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
		r, err := openInput(cfg, path)
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
func openInput(cfg Config, path string) (corpus.Reader, error) {
	opt := corpus.Options{Manifest: cfg.Manifest}
	if path == "-" && cfg.Stdin != nil {
		return corpus.OpenReader(cfg.Stdin, "-", corpus.JSONL, opt)
	}
	return corpus.Open(path, opt)
}
