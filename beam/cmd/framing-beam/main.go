// Command framing-beam scores a corpus on Apache Beam: the same decoding,
// duplicate-id rule, scoring and article-level tables as `framing run`,
// on any Beam runner (prism in-process by default; Flink, Spark or
// Dataflow through --runner). Statistics come afterwards from
// `framing stats`. See docs/scale-out.md.
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
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
