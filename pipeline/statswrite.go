package pipeline

import (
	"context"
	"errors"

	"framing/output"
)

// statTableNames are the statistics tables in the order they are written.
var statTableNames = []string{"outlet_stats", "outlet_tests", "outlet_residuals", "outlet_pairs", "keyness",
	"outlet_profiles", "pca", "correlations", "regression", "trends"}

// writeStatTables computes the statistics of wd on up to workers goroutines
// and stages one partition of each statistics table, window=FROM_TO.
func writeStatTables(ctx context.Context, c *output.Commit, wd *windowData, meta map[string]string, workers int) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := computeStats(wd, workers)
	part := wd.window.String()
	err := errors.Join(
		writeStatTable(c, "outlet_stats", part, meta, s.stats),
		writeStatTable(c, "outlet_tests", part, meta, s.tests),
		writeStatTable(c, "outlet_residuals", part, meta, s.residuals),
		writeStatTable(c, "outlet_pairs", part, meta, s.pairs),
		writeStatTable(c, "keyness", part, meta, s.keyness),
		writeStatTable(c, "outlet_profiles", part, meta, s.profiles),
		writeStatTable(c, "pca", part, meta, s.pca),
		writeStatTable(c, "correlations", part, meta, s.corr),
		writeStatTable(c, "regression", part, meta, s.reg),
		writeStatTable(c, "trends", part, meta, s.trends),
	)
	if err != nil {
		return nil, err
	}
	return statTableNames, nil
}

// windowed is a statistics row type: it stores its window partition value.
type windowed[T any] interface {
	*T
	SetWindow(string)
}

func writeStatTable[T any, P windowed[T]](c *output.Commit, name, window string, meta map[string]string, rows []T) error {
	t, err := openTable[T](c, name, "window", window, meta)
	if err != nil {
		return err
	}
	for _, r := range rows {
		P(&r).SetWindow(window)
		if err := t.write(r); err != nil {
			return errors.Join(err, t.close())
		}
	}
	return t.close()
}
