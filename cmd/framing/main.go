// Command framing measures how news outlets frame a story: it reads a corpus,
// scores every article with a lexicon, compares outlets and writes Parquet.
// See README.md and `framing help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal the run winds down and removes its staging
		// directory; restoring the default handlers lets a second signal
		// kill a run that is stuck reading a stalled input.
		<-ctx.Done()
		stop()
	}()
	disarm := stopAfter(ctx, stopGrace, os.Stderr, os.Exit)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	disarm()
	stop()
	os.Exit(code)
}
