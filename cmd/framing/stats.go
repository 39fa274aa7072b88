package main

import (
	"context"
	"fmt"
	"io"

	"framing/pipeline"
	"framing/stats"
)

func cmdStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("stats", "framing stats --out DIR --from YYYY-MM-DD --to YYYY-MM-DD", stderr)
	out := fs.String("out", "", "output `directory` of earlier runs")
	from := fs.String("from", "", "first run date of the window, YYYY-MM-DD")
	to := fs.String("to", "", "last run date of the window, YYYY-MM-DD (default: --from)")
	logFormat := fs.String("log-format", "text", "log format on stderr: text or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || *from == "" {
		return usagef("stats needs --out and --from")
	}
	if *to == "" {
		*to = *from
	}
	f, err := parseDay("from", *from)
	if err != nil {
		return err
	}
	t, err := parseDay("to", *to)
	if err != nil {
		return err
	}
	if t.Before(f) {
		return usagef("--to %s is before --from %s", *to, *from)
	}
	log, err := newLogger(stderr, *logFormat, 0)
	if err != nil {
		return err
	}
	sum, err := pipeline.Stats(ctx, pipeline.StatsConfig{OutDir: *out, From: f, To: t, Version: version, Stats: stats.DefaultOptions(), Log: log})
	if lerr, ok := lockExit(err); ok {
		return lerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "statistics for window %s from %d run date(s), %d articles:\n", sum.Window, sum.Partitions, sum.Articles)
	for _, file := range sum.Files {
		fmt.Fprintf(stdout, "  %s\n", file)
	}
	return nil
}
