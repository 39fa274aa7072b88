package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

// stopGrace is how long framing may take to wind down after SIGTERM or
// SIGINT before it exits anyway. Reads of inputs honour the signal within
// milliseconds (corpus/cancel.go), but not every blocking call can: the open
// of a FIFO named as a lexicon, a config or a boilerplate file, a read on a
// hung network filesystem, a long loop that checks too seldom. Exiting
// without cleaning up is safe: the lock is an flock the kernel drops, a
// staging directory is removed by the next command, and a commit cut short
// is rolled back or completed by the next command (docs/operations.md,
// "Commit protocol").
const stopGrace = 2 * time.Second

// stopAfter makes sure a stop takes effect: once ctx is done (a signal), it
// calls exit(exitFailure) after grace unless the process has ended by then,
// saying so on stderr. It returns a function that disarms it.
func stopAfter(ctx context.Context, grace time.Duration, stderr io.Writer, exit func(int)) (disarm func()) {
	disarmed := make(chan struct{})
	stopWatching := context.AfterFunc(ctx, func() {
		time.AfterFunc(grace, func() {
			select {
			case <-disarmed:
				return
			default:
			}
			fmt.Fprintf(stderr, "framing: interrupted, and still running %v after the signal: stopping now; the next framing command on the output directory removes or rolls back what this one left\n", grace)
			exit(exitFailure)
		})
	})
	return func() {
		stopWatching()
		close(disarmed)
	}
}
