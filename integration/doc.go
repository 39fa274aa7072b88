// Package integration holds the end-to-end tests that look at framing's output
// the way researchers do: through a real DuckDB (github.com/duckdb/duckdb-go,
// cgo) and the notebooks. It has no production code; its tests build the
// framing binary, run it on the example corpus, and query the Parquet.
package integration
