package stats

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestComputeStatsWorkers checks that the rows do not depend on the number of
// goroutines: the tasks are joined in task order, and each bootstrap seed
// comes from its window, outlet and dimension.
func TestComputeStatsWorkers(t *testing.T) {
	wd := syntheticWindow(linearSizes(20_000, 12), 4, 3)
	want := mustCompute(t, wd, 1)
	for _, workers := range []int{2, 4, 64} {
		got := mustCompute(t, wd, workers)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(tableRows{})); diff != "" {
			t.Errorf("computeStats with %d workers differs from 1 (-want +got):\n%s", workers, diff)
		}
	}
}

// TestJoinStatRowsFields guards joinRows against a tableRows field it
// does not copy: every table of a part with one row in each must survive.
func TestJoinStatRowsFields(t *testing.T) {
	var part tableRows
	v := reflect.ValueOf(&part).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		f = reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem() // unexported field
		f.Set(reflect.MakeSlice(f.Type(), 1, 1))
	}
	got := joinRows([]tableRows{{}, part, {}})
	if diff := cmp.Diff(&part, got, cmp.AllowUnexported(tableRows{})); diff != "" {
		t.Errorf("joinRows lost rows (-want +got):\n%s", diff)
	}
}

// mustCompute runs compute and fails the test on an error.
func mustCompute(t testing.TB, wd *windowData, workers int) *tableRows {
	t.Helper()
	s, err := compute(wd, workers)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTaskPanicIsAnError checks that a task that panics fails the
// statistics with an internal error that names the task and holds the
// panic and its stack, instead of crashing the process, and that the other
// tasks still ran.
func TestTaskPanicIsAnError(t *testing.T) {
	ran := make([]bool, 3)
	tasks := []task{
		{"first", func(*tableRows) { ran[0] = true }},
		{"broken", func(*tableRows) { ran[1] = true; var m map[string]int; m["x"]++ }},
		{"last", func(*tableRows) { ran[2] = true }},
	}
	for _, workers := range []int{1, 3} {
		_, err := runTasks(tasks, workers)
		if err == nil {
			t.Fatalf("workers %d: no error", workers)
		}
		for _, want := range []string{"internal error in statistics (broken)", "assignment to entry in nil map", "runTask"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("workers %d: error lacks %q:\n%v", workers, want, err)
			}
		}
		if !ran[0] || !ran[2] {
			t.Errorf("workers %d: tasks ran %v", workers, ran)
		}
	}
}
