// Package model holds the statistics of framing: descriptives with confidence intervals,
// group comparisons (one-way and Welch ANOVA, Kruskal–Wallis, Welch t, Mann–Whitney),
// effect sizes, multiple-testing adjustment, and the regression, PCA, correlation,
// contingency and keyness models.
//
// The package takes plain slices (and gonum matrices) and imports no other framing
// package; gonum is used only here. Shapes and degenerate data are checked before gonum
// is called, so no input panics: values outside the supported magnitude, constant data
// and essentially perfect fits (judged against rounding, result.go's negligible) give
// NaN with a Note, and every distribution function is called through a guard (dist.go)
// that checks its arguments. Results are structs of float64 fields with a Note: a
// statistic the data cannot support is NaN and Note says why (see result.go); no
// function returns an infinity. The fuzz targets (fuzz_test.go) check this property on
// every exported function. The pipeline turns NaN into a Parquet null with Finite.
//
// Statistics over groups can be built from mergeable aggregates (Moments) so per-shard
// partial results combine in any order. For large windows the group tests also come in
// forms that reuse work shared across calls: …Sorted (groups sorted once, merged per
// pair), …FromMoments (sums instead of passes over the values) and SpearmanRanked (each
// variable ranked once); each equals its general form (sorted_test.go). Each formula cites its source; each test
// reference number cites the R version and function that produced it.
package model
