package stats

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"

	"framing/output"
)

// tableRows are the rows of every statistics table that one task computed.
type tableRows struct {
	stats     []output.OutletStatsRow
	tests     []output.OutletTestRow
	residuals []output.OutletResidualRow
	pairs     []output.OutletPairRow
	keyness   []output.KeynessRow
	profiles  []output.OutletProfileRow
	pca       []output.PCARow
	corr      []output.CorrelationRow
	reg       []output.RegressionRow
	trends    []output.TrendRow
}

// task is one independent piece of a window's statistics: it reads only
// shared, read-only inputs (and writes only what is its own) and fills its
// own tableRows. It checks ctx in its long loops, so that a stop takes
// effect within a fraction of a second.
type task struct {
	name string // for the message when it fails
	run  func(ctx context.Context, s *tableRows) error
}

// runTasks runs tasks on up to workers goroutines and hands each task's
// rows to emit in task order, on the calling goroutine, so that the rows do
// not depend on which goroutine ran a task or when. At most 2·workers tasks
// run or wait ahead of the one emit waits for: rows are written as they
// come, never all held.
func runTasks(ctx context.Context, tasks []task, workers int, emit func(*tableRows) error) error {
	return runOrdered(ctx, len(tasks), workers, func(ctx context.Context, i int) (*tableRows, error) {
		s := &tableRows{}
		err := runTask(tasks[i].name, func() error { return tasks[i].run(ctx, s) })
		return s, err
	}, func(_ int, s *tableRows) error { return emit(s) })
}

// runOrdered computes run(0) … run(n−1) on up to workers goroutines and
// calls emit with each result in index order, on the calling goroutine,
// keeping at most 2·workers results ahead of emit. The first error (a
// task's, emit's, or ctx's) stops the work: no new task starts, and
// runOrdered returns once the running ones have.
func runOrdered[T any](parent context.Context, n, workers int, run func(context.Context, int) (T, error), emit func(int, T) error) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make([]chan result, n)
	for i := range done {
		done[i] = make(chan result, 1)
	}
	workers = max(1, min(workers, n))
	slots := make(chan struct{}, 2*workers) // tasks started but not yet emitted
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				if err := ctx.Err(); err != nil {
					done[i] <- result{err: err}
					continue
				}
				v, err := run(ctx, i)
				done[i] <- result{v, err}
			}
		})
	}
	var err error
	for i := 0; i < n && err == nil; i++ {
		if err = ctx.Err(); err != nil {
			break // a stop wins over results already waiting
		}
		select {
		case r := <-done[i]:
			err = r.err
			if err == nil {
				err = emit(i, r.v)
			}
			<-slots
		case <-ctx.Done():
			err = ctx.Err()
		}
	}
	cancel()
	wg.Wait()
	if err == nil {
		err = parent.Err()
	}
	return err
}

// runTask runs one task. A task that panics is a bug in framing: its panic,
// with the stack, becomes the error, and the process carries on to report
// it instead of crashing.
func runTask(name string, run func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error in statistics (%s): %v\n%s", name, p, debug.Stack())
		}
	}()
	if err := run(); err != nil {
		return fmt.Errorf("statistics (%s): %w", name, err)
	}
	return nil
}
