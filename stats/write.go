package stats

import (
	"context"
	"errors"
	"fmt"

	"framing/output"
)

// Stage computes the statistics of window w from the nights in srcs and
// stages one partition of every statistics table in c, with meta in each
// file's footer.
func Stage(ctx context.Context, c *output.Commit, w output.Window, srcs []Source, meta map[string]string, opt Options) (Staged, error) {
	if err := opt.Validate(); err != nil {
		return Staged{}, err
	}
	wd, err := loadWindow(w, srcs)
	if err != nil {
		return Staged{}, fmt.Errorf("reading the window %s for statistics: %w", w, err)
	}
	return stageTables(ctx, c, wd, meta, opt.Workers)
}

// stageTables computes the statistics of wd on up to workers goroutines
// and stages one partition of each statistics table.
func stageTables(ctx context.Context, c *output.Commit, wd *windowData, meta map[string]string, workers int) (Staged, error) {
	if err := ctx.Err(); err != nil {
		return Staged{}, err
	}
	r, err := compute(wd, workers)
	if err != nil {
		return Staged{}, err
	}
	st := &stager{c: c, w: wd.window, meta: meta}
	err = errors.Join(
		stageTable(st, output.OutletStats, r.stats),
		stageTable(st, output.OutletTests, r.tests),
		stageTable(st, output.OutletResiduals, r.residuals),
		stageTable(st, output.OutletPairs, r.pairs),
		stageTable(st, output.Keyness, r.keyness),
		stageTable(st, output.OutletProfiles, r.profiles),
		stageTable(st, output.PCA, r.pca),
		stageTable(st, output.Correlations, r.corr),
		stageTable(st, output.Regression, r.reg),
		stageTable(st, output.Trends, r.trends),
	)
	if err != nil {
		return Staged{}, err
	}
	return st.Staged, nil
}

// Staged names the statistics tables of one window that a commit holds.
type Staged struct {
	Tables []string // in the order written
	Files  []string // where each will be once committed
}

// stager stages the statistics tables of one window and remembers them.
type stager struct {
	Staged
	c    *output.Commit
	w    output.Window
	meta map[string]string
}

func stageTable[R any](st *stager, t output.Table[R, output.Window], rows []R) error {
	st.Tables = append(st.Tables, t.Name())
	st.Files = append(st.Files, t.Path(st.c.Out(), st.w))
	return t.WriteAll(st.c, st.w, st.meta, rows)
}
