package features

import (
	"testing"

	"framing/internal/benchtext"
	"framing/lexicon"
)

// BenchmarkExtractDev scores a real corpus with the default lexicon, one
// article after another on one goroutine, so that a CPU profile shows where
// the scoring time goes without the reader, the writer and the pool:
//
//	FRAMING_BENCH_CORPUS=/tmp/dev.jsonl go test ./features -run '^$' \
//	    -bench ExtractDev -benchtime 1x -cpuprofile /tmp/extract.pprof
//
// The corpus is read by internal/benchtext; the benchmark is skipped when
// FRAMING_BENCH_CORPUS is unset. It reports MB/s of title and text bytes.
func BenchmarkExtractDev(b *testing.B) {
	arts, bytes := benchtext.Load(b)
	ins := make([]Input, len(arts))
	for i, a := range arts {
		ins[i] = Input{Title: a.Title, Text: a.Text, Outlet: a.Outlet}
	}
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		b.Fatal(err)
	}
	opt := DefaultOptions()
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, in := range ins {
			Extract(in, m, opt)
		}
	}
	b.ReportMetric(float64(len(ins))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
