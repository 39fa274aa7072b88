package pipeline

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestComputeStatsWorkers checks that the rows do not depend on the number of
// goroutines: the tasks are joined in task order, and each bootstrap seed
// comes from its window, outlet and dimension.
func TestComputeStatsWorkers(t *testing.T) {
	wd := syntheticWindow(linearSizes(20_000, 12), 4, 3)
	want := computeStats(wd, 1)
	for _, workers := range []int{2, 4, 64} {
		got := computeStats(wd, workers)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(statRows{})); diff != "" {
			t.Errorf("computeStats with %d workers differs from 1 (-want +got):\n%s", workers, diff)
		}
	}
}

// TestJoinStatRowsFields guards joinStatRows against a statRows field it
// does not copy: every table of a part with one row in each must survive.
func TestJoinStatRowsFields(t *testing.T) {
	var part statRows
	v := reflect.ValueOf(&part).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		f = reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem() // unexported field
		f.Set(reflect.MakeSlice(f.Type(), 1, 1))
	}
	got := joinStatRows([]statRows{{}, part, {}})
	if diff := cmp.Diff(&part, got, cmp.AllowUnexported(statRows{})); diff != "" {
		t.Errorf("joinStatRows lost rows (-want +got):\n%s", diff)
	}
}
