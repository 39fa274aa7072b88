// Package stats computes the statistics of a window of run dates: it reads
// the stored article-level partitions of the window column by column into
// a scratch store (one column per dimension on disk, a few numbers per
// article in memory), runs one task per dimension, per stance actor and
// per whole-window table on a pool of goroutines, and streams the rows into
// one partition of every statistics table. It serves both the nightly run
// (the run's own window, called by pipeline) and `framing stats` (any
// window, recomputed from OUT). A window whose nights used several
// lexicons gets the statistics of each lexicon on its own.
//
// It is the only package that imports model: model computes on plain
// slices, stats groups the window's values and maps results to output's
// rows. Each table family has its own file: outletstats.go (outlet_stats),
// omnibus.go (outlet_tests), pairs.go (outlet_pairs), contingency.go
// (chi-square and outlet_residuals), keyness.go, profiles.go, pca.go,
// correlations.go, regression.go and trends.go. load.go and builder.go read
// a window, store.go holds its columns, outlets.go says which outlets take
// part in what, dimension.go and cross.go are the passes over the columns,
// compute.go and tasks.go run the tasks, write.go streams the tables.
package stats
