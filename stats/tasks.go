package stats

import (
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"framing/output"
)

// tableRows are the rows of every statistics table of one window, or the
// share of them that one task computed.
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
// shared, read-only inputs and fills its own tableRows.
type task struct {
	name string // for the message when it fails
	run  func(*tableRows)
}

// compute computes every statistics table of wd on up to workers
// goroutines. The tasks (one per dimension, one per stance actor, one per
// whole-window table) share only read-only inputs, each fills its own
// tableRows, and their rows are joined in task order: the rows are the same
// whatever workers is.
func compute(wd *windowData, workers int) (*tableRows, error) {
	sh := newShared(wd)
	var tasks []task
	for d := range wd.dims {
		tasks = append(tasks, task{"dimension " + wd.dims[d], func(s *tableRows) {
			groups := newOutletGroups(wd.groupsOf(wd.per1k[d]))
			s.outletStats(wd, d, groups, sh.totals)
			s.omnibus(wd, "per_1k", wd.dims[d], groups)
			s.outletPairs(wd, d, groups)
			s.regression(wd, d, sh.reg)
			s.trend(wd, d)
		}})
	}
	tasks = append(tasks, task{"chi-square", func(s *tableRows) { s.chiSquare(wd, sh.totals) }})
	for _, a := range wd.actors() {
		tasks = append(tasks, task{"stance " + a, func(s *tableRows) { s.stance(wd, "stance", a, wd.stance[a]) }})
	}
	// Authorial stance after all the combined rows, so that those keep their
	// order (docs/schema.md: rows are appended, never reordered).
	for _, a := range wd.actors() {
		tasks = append(tasks, task{"authorial stance " + a, func(s *tableRows) {
			s.stance(wd, "authorial_stance", a, wd.authorial[a])
		}})
	}
	tasks = append(tasks,
		task{output.Keyness.Name(), func(s *tableRows) { s.keynessRows(wd, sh.totals) }},
		task{output.OutletProfiles.Name(), func(s *tableRows) { s.profileRows(wd, sh.totals) }},
		task{output.PCA.Name(), func(s *tableRows) { s.pcaRows(wd) }},
		task{output.Correlations.Name(), func(s *tableRows) { s.correlations(wd) }},
	)
	parts, err := runTasks(tasks, workers)
	if err != nil {
		return nil, err
	}
	return joinRows(parts), nil
}

// runTasks runs tasks on up to workers goroutines (at least one). Task i
// writes only the i-th result, so the results do not depend on which
// goroutine ran a task or when. A task that panics is a bug in framing: its
// panic, with the stack, becomes the error (the first in task order), and
// the process carries on to report it instead of crashing.
func runTasks(tasks []task, workers int) ([]tableRows, error) {
	out := make([]tableRows, len(tasks))
	errs := make([]error, len(tasks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, len(tasks))) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(tasks); i = int(next.Add(1) - 1) {
				errs[i] = runTask(tasks[i], &out[i])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func runTask(t task, s *tableRows) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error in statistics (%s): %v\n%s", t.name, p, debug.Stack())
		}
	}()
	t.run(s)
	return nil
}

// joinRows appends the rows of each part, table by table, in the order of
// parts. A new tableRows field must be added here as well.
func joinRows(parts []tableRows) *tableRows {
	s := &tableRows{}
	for _, p := range parts {
		s.stats = append(s.stats, p.stats...)
		s.tests = append(s.tests, p.tests...)
		s.residuals = append(s.residuals, p.residuals...)
		s.pairs = append(s.pairs, p.pairs...)
		s.keyness = append(s.keyness, p.keyness...)
		s.profiles = append(s.profiles, p.profiles...)
		s.pca = append(s.pca, p.pca...)
		s.corr = append(s.corr, p.corr...)
		s.reg = append(s.reg, p.reg...)
		s.trends = append(s.trends, p.trends...)
	}
	return s
}
