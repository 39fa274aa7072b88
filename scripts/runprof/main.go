// Command runprof runs the whole job, as `framing run` does with its
// defaults, under a CPU profile, so that a profile shows where the time of
// a real run goes: the reader, the workers, the ordered writer and the
// statistics together, not one package's benchmark.
//
//	go run ./scripts/runprof -input /tmp/dev225.jsonl -out /tmp/prof-out -cpuprofile /tmp/run.pprof
//	python3 scripts/profile_steps.py /tmp/run.pprof     CPU seconds per step (decode, tokenize, match, …)
//
// The CLI has no profiling flag: a nightly job does not need one, and this
// program keeps it out of the command's flag set. The soft memory limit is
// the CLI's default, 192 MiB, because the collector's work depends on it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"framing/pipeline"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "runprof:", err)
		os.Exit(1)
	}
}

func run() error {
	input := flag.String("input", "", "corpus path (as framing run --input)")
	out := flag.String("out", "", "output directory (as framing run --out)")
	profile := flag.String("cpuprofile", "", "write the CPU profile to this file")
	workers := flag.Int("workers", 0, "scoring and statistics goroutines; 0 is GOMAXPROCS")
	memLimit := flag.Int64("memory-limit", 192, "soft limit on the Go heap in MiB, as framing run's default")
	flag.Parse()
	if *input == "" || *out == "" || *profile == "" {
		flag.Usage()
		return fmt.Errorf("-input, -out and -cpuprofile are required")
	}
	debug.SetMemoryLimit(*memLimit << 20)
	cfg := pipeline.DefaultConfig()
	cfg.Inputs = []string{*input}
	cfg.OutDir = *out
	cfg.RunDate = time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)
	if *workers > 0 {
		cfg.Workers, cfg.Stats.Workers = *workers, *workers
	}
	f, err := os.Create(*profile)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	sum, runErr := pipeline.Run(context.Background(), cfg)
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", *profile, err)
	}
	if runErr != nil {
		return runErr
	}
	fmt.Printf("%d articles, %d rejects, %.2f s, %.1f MB/s\n", sum.Articles, sum.Rejects, sum.Seconds, sum.MBPerSecond())
	return nil
}
