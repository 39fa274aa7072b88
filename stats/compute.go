package stats

import (
	"context"
	"fmt"
)

// computation is the statistics of one window and lexicon while they run:
// what the tasks share, read-only once built (reg), and what each
// dimension task leaves for the tables of all dimensions (dims[d], written
// by dimension d's task only).
type computation struct {
	wd   *windowData
	reg  regInput
	dims []dimSummary
}

// compute runs every statistics task of wd on opt.Workers goroutines and
// hands their rows to emit in a fixed order, whatever the number of
// goroutines: first one task per dimension, the chi-square test, one task
// per stance actor, keyness by blocks of outlets and the profiles; then
// outlet_stats of the medium outlets, by blocks of outlets; then the sums of
// products of all dimensions, block by block; last PCA and correlations.
// progress, when set, is told how many steps are done (the total grows once
// the outlet blocks are known).
func compute(ctx context.Context, wd *windowData, opt Options, progress func(done, total int), emit func(*tableRows) error) error {
	c := &computation{wd: wd, reg: wd.regressionInput(), dims: make([]dimSummary, len(wd.dims))}
	tasks := c.tasks()
	chunks := wd.values.chunks()
	total, done := len(tasks)+chunks+1, 0
	step := func() {
		done++
		if progress != nil {
			progress(done, total)
		}
	}
	err := runTasks(ctx, tasks, opt.Workers, func(s *tableRows) error {
		step()
		return emit(s)
	})
	if err != nil {
		return err
	}
	blocks := wd.medium.blocks(wd.totals.articles, blockRows(len(wd.dims)), blockOutlets(len(wd.dims)))
	var byOutlet []task
	for _, b := range blocks {
		byOutlet = append(byOutlet, task{fmt.Sprintf("outlet_stats of %s to %s", wd.outlets[b[0]], wd.outlets[b[len(b)-1]]),
			func(ctx context.Context, s *tableRows) error { return s.outletStatsBlock(ctx, wd, b) }})
	}
	total += len(byOutlet)
	if err := runTasks(ctx, byOutlet, opt.Workers, func(s *tableRows) error {
		step()
		return emit(s)
	}); err != nil {
		return err
	}
	pd := selectDims(wd.dims, c.dims, opt.MaxPairDimensions)
	cs := newCrossSums(len(pd.keep))
	err = runOrdered(ctx, chunks, opt.Workers, func(ctx context.Context, k int) (*crossSums, error) {
		var sums *crossSums
		err := runTask(fmt.Sprintf("sums of products, articles %d to %d", k*wd.values.chunkRows+1, min(wd.n(), (k+1)*wd.values.chunkRows)),
			func() (err error) { sums, err = wd.crossChunk(ctx, k, pd.keep); return err })
		return sums, err
	}, func(_ int, part *crossSums) error {
		cs.add(part)
		step()
		return nil
	})
	if err != nil {
		return err
	}
	s := &tableRows{}
	if err := runTask("pca and correlations", func() error {
		s.pcaRows(wd, c.dims, cs, pd)
		if err := emit(s); err != nil {
			return err
		}
		return correlations(ctx, wd, c.dims, cs, pd, emit)
	}); err != nil {
		return err
	}
	step()
	return nil
}

// tasks lists the independent tasks of the first stage, in output order.
func (c *computation) tasks() []task {
	wd := c.wd
	var tasks []task
	for d := range wd.dims {
		tasks = append(tasks, task{"dimension " + wd.dims[d], func(ctx context.Context, s *tableRows) error {
			return c.dimension(ctx, s, d)
		}})
	}
	tasks = append(tasks, task{"chi-square", func(_ context.Context, s *tableRows) error {
		s.chiSquare(wd)
		return nil
	}})
	for _, a := range wd.actors() {
		tasks = append(tasks, task{"stance " + a, func(_ context.Context, s *tableRows) error {
			s.stance(wd, "stance", a, wd.stance[a])
			return nil
		}})
	}
	// Authorial stance after all the combined rows, so that those keep their
	// order (docs/schema.md: rows are appended, never reordered).
	for _, a := range wd.actors() {
		tasks = append(tasks, task{"authorial stance " + a, func(_ context.Context, s *tableRows) error {
			s.stance(wd, "authorial_stance", a, wd.authorial[a])
			return nil
		}})
	}
	for lo := 0; lo < len(wd.sel.eligible); lo += keynessBlock {
		hi := min(lo+keynessBlock, len(wd.sel.eligible))
		tasks = append(tasks, task{fmt.Sprintf("keyness of outlets %d to %d", lo+1, hi), func(ctx context.Context, s *tableRows) error {
			return s.keynessRows(ctx, wd, lo, hi)
		}})
	}
	tasks = append(tasks, task{"outlet profiles", func(ctx context.Context, s *tableRows) error {
		return s.profileRows(ctx, wd)
	}})
	return tasks
}
