package stats

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestComputeStatsWorkers checks that the rows do not depend on the number of
// goroutines: the tasks are emitted in task order, the sums of products are
// added in block order, and each bootstrap seed comes from its window,
// outlet and dimension.
func TestComputeStatsWorkers(t *testing.T) {
	wd := syntheticWindow(t, linearSizes(20_000, 12), 4, 3, testOptions(1))
	want := computeAll(t, wd, testOptions(1))
	for _, workers := range []int{2, 4, 64} {
		got := computeAll(t, wd, testOptions(workers))
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(tableRows{})); diff != "" {
			t.Errorf("compute with %d workers differs from 1 (-want +got):\n%s", workers, diff)
		}
	}
}

// TestTaskPanicIsAnError checks that a task that panics fails the
// statistics with an internal error that names the task and holds the
// panic and its stack, instead of crashing the process, and that the tasks
// before it were emitted.
func TestTaskPanicIsAnError(t *testing.T) {
	for _, workers := range []int{1, 3} {
		var emitted []string
		tasks := []task{
			{"first", func(context.Context, *tableRows) error { return nil }},
			{"broken", func(context.Context, *tableRows) error { var m map[string]int; m["x"]++; return nil }},
			{"last", func(context.Context, *tableRows) error { return nil }},
		}
		i := 0
		err := runTasks(context.Background(), tasks, workers, func(*tableRows) error {
			emitted = append(emitted, tasks[i].name)
			i++
			return nil
		})
		if err == nil {
			t.Fatalf("workers %d: no error", workers)
		}
		for _, want := range []string{"internal error in statistics (broken)", "assignment to entry in nil map", "runTask"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("workers %d: error lacks %q:\n%v", workers, want, err)
			}
		}
		if len(emitted) != 1 || emitted[0] != "first" {
			t.Errorf("workers %d: emitted %v, want [first]", workers, emitted)
		}
	}
}

// TestRunOrderedBounded checks that results are emitted in index order and
// that no more than 2·workers tasks run ahead of the one being emitted, so
// that rows are never all held.
func TestRunOrderedBounded(t *testing.T) {
	const n, workers = 200, 3
	started := make(chan int, n)
	var next int
	err := runOrdered(context.Background(), n, workers, func(_ context.Context, i int) (int, error) {
		started <- i
		return i * i, nil
	}, func(i, v int) error {
		if i != next || v != i*i {
			t.Fatalf("emitted %d=%d, want %d", i, v, next)
		}
		// Every task started so far is within the window.
		for len(started) > 0 {
			if s := <-started; s >= i+2*workers+1 {
				t.Errorf("task %d started while %d was emitted", s, i)
			}
		}
		next++
		return nil
	})
	if err != nil || next != n {
		t.Fatalf("err %v, emitted %d of %d", err, next, n)
	}
}

// TestComputeCancelled checks that a stop takes effect inside a long task,
// not at its end, and that no task starts after it. A context that reports
// itself cancelled at its sixth check stops the outlet pairs of a dimension
// after a few outlets instead of all 400; a stop from the progress report
// after the first task stops compute with the others not emitted.
func TestComputeCancelled(t *testing.T) {
	wd := syntheticWindow(t, longTailSizes(40_000, 400), 2, 4, testOptions(1))
	g := wd.lay.split(mustColumn(t, wd, 0))
	var all tableRows
	if err := all.outletPairs(context.Background(), wd, 0, g); err != nil {
		t.Fatal(err)
	}
	s := &tableRows{}
	err := s.outletPairs(&countdown{Context: context.Background(), left: 5}, wd, 0, g)
	if !errors.Is(err, context.Canceled) || len(s.pairs) == 0 || len(s.pairs) >= len(all.pairs)/2 {
		t.Errorf("pairs after a stop: %d of %d rows, err %v", len(s.pairs), len(all.pairs), err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var emitted, total int
	err = compute(ctx, wd, testOptions(2), func(done, tot int) {
		total = tot
		cancel()
	}, func(*tableRows) error { emitted++; return nil })
	if !errors.Is(err, context.Canceled) || emitted != 1 || total < 5 {
		t.Errorf("compute stopped after the first task: %d emitted of %d, err %v", emitted, total, err)
	}
}

// countdown is a context whose Err reports it cancelled from the left+1-th
// call on.
type countdown struct {
	context.Context
	left int
}

func (c *countdown) Err() error {
	if c.left <= 0 {
		return context.Canceled
	}
	c.left--
	return nil
}

func mustColumn(t *testing.T, wd *windowData, d int) []float64 {
	t.Helper()
	col, err := wd.column(d)
	if err != nil {
		t.Fatal(err)
	}
	return col
}
