package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"framing/corpus"
	"framing/output"
)

// DryRun checks everything a run would need, reads every input record once
// (without scoring), and describes what the run would write. It writes
// nothing, takes no lock, and fails exactly where a real run would fail
// before its first byte of output.
func DryRun(ctx context.Context, cfg Config) (string, error) {
	cfg = cfg.withDefaults()
	j, err := prepare(ctx, cfg)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "dry run: nothing is written\nlexicon %s version %s, sha256 %s\n", j.lex.Name, j.lex.Version, j.lexSHA256)
	fmt.Fprintf(&b, "dimensions: %s\n", strings.Join(j.matcher.Dimensions(), ", "))
	var total, arts, rejs int64
	opt := corpus.Options{Manifest: cfg.Manifest, MaxRecordBytes: cfg.MaxRecordBytes, Stdin: cfg.Stdin, Context: ctx}
	for _, path := range cfg.Inputs {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		n, a, err := countRecords(path, opt)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "input %s: %d records, %d readable, %d rejected while reading\n", path, n, a, n-a)
		total, arts, rejs = total+n, arts+a, rejs+n-a
	}
	fmt.Fprintf(&b, "in all: %d records, %d readable, %d rejected while reading (duplicate ids and empty texts after cleaning are found by the run)\n", total, arts, rejs)
	fmt.Fprintf(&b, "would write %s partitions of %s and %s under %s, replacing any earlier run of that date\n",
		output.Articles.PartitionName(j.runDate), strings.Join(tableNames(cfg.Matches), ", "), output.Runs.Name(), cfg.OutDir)
	w := output.Window{From: j.runDate - output.Date(cfg.WindowDays-1), To: j.runDate}
	fmt.Fprintf(&b, "would write statistics for the window %s\n", w)
	return b.String(), nil
}

// countRecords reads one input and counts its records and the readable ones.
func countRecords(path string, opt corpus.Options) (records, readable int64, err error) {
	in, err := corpus.Open(path, opt)
	if err != nil {
		return 0, 0, fmt.Errorf("opening input %s: %w", path, err)
	}
	for {
		_, err := in.Next()
		if err == io.EOF {
			break
		}
		var rec *corpus.RecordError
		if err != nil && !errors.As(err, &rec) {
			in.Close()
			return 0, 0, err
		}
		records++
		if err == nil {
			readable++
		}
	}
	if err := in.Close(); err != nil {
		return 0, 0, fmt.Errorf("closing input %s: %w", path, err)
	}
	return records, readable, nil
}
