package report

import (
	"fmt"
	"io"
	"os"
	"testing"
)

// BenchmarkReport loads a window of a framing output and renders the page,
// separately, at the default --top and with every outlet:
//
//	FRAMING_BENCH_OUT=/path/to/out go test ./report -run '^$' -bench Report -benchtime 5x
//
// It is skipped when FRAMING_BENCH_OUT is unset: a 500-outlet output is
// made from the corpus of notebooks/tests/many.args (gencorpus, then
// framing run); docs/decisions.md has the figures.
func BenchmarkReport(b *testing.B) {
	out := os.Getenv("FRAMING_BENCH_OUT")
	if out == "" {
		b.Skip("FRAMING_BENCH_OUT is not set")
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := Load(out, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, top := range []int{DefaultTop, 500} {
		r, err := Load(out, Options{Top: top})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("render/top=%d", top), func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, r, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
