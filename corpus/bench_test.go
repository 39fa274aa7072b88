package corpus

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkJSONL measures reading throughput over an in-memory corpus of
// 2,000 articles of about 2 KB each; b.SetBytes makes go test report MB/s.
func BenchmarkJSONL(b *testing.B) {
	var buf bytes.Buffer
	para := "The harbor council met on Tuesday to discuss the ferry schedule, and residents asked for later boats. "
	for i := range 2000 {
		text := ""
		for range 20 {
			text += para
		}
		fmt.Fprintf(&buf, `{"id":"b%d","outlet":"Bench Daily","date":"2026-01-16","title":"Story %d","text":%q}`+"\n", i, i, text)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := OpenReader(bytes.NewReader(data), "bench.jsonl", JSONL, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 2000 {
			b.Fatalf("read %d articles, want 2000", n)
		}
	}
}
