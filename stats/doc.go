// Package stats computes the statistics of a window of run dates: it loads
// the stored article-level partitions of the window into columns, runs one
// task per dimension, per stance actor and per whole-window table on a pool
// of goroutines, and stages one partition of every statistics table. It
// serves both the nightly run (the run's own window, called by pipeline)
// and `framing stats` (any window, recomputed from OUT).
//
// It is the only package that imports model: model computes on plain
// slices, stats groups the window's values and maps results to output's
// rows. Each table family has its own file: describe.go (outlet_stats),
// omnibus.go (outlet_tests), pairs.go (outlet_pairs), contingency.go
// (chi-square and outlet_residuals), keyness.go, profiles.go, pca.go,
// correlations.go, regression.go and trends.go; load.go reads a window,
// totals.go and groups.go hold what several tasks share, tasks.go runs them
// and write.go stages the tables.
package stats
