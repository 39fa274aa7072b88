package corpus

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// benchCorpus is an in-memory corpus of 2,000 articles of about 2 KB each.
func benchCorpus() []byte {
	var buf bytes.Buffer
	para := "The harbor council met on Tuesday to discuss the ferry schedule, and residents asked for later boats. "
	for i := range 2000 {
		text := ""
		for range 20 {
			text += para
		}
		fmt.Fprintf(&buf, `{"id":"b%d","outlet":"Bench Daily","date":"2026-01-16","title":"Story %d","text":%q}`+"\n", i, i, text)
	}
	return buf.Bytes()
}

// BenchmarkJSONL measures reading throughput with Next (split and decode);
// b.SetBytes makes go test report MB/s.
func BenchmarkJSONL(b *testing.B) {
	benchRead(b, func(r Reader) error {
		_, err := r.Next()
		return err
	})
}

// BenchmarkJSONLRaw measures NextRaw alone: what is left on the reader
// goroutine of a run once the workers decode.
func BenchmarkJSONLRaw(b *testing.B) {
	benchRead(b, func(r Reader) error {
		_, err := r.(RawReader).NextRaw()
		return err
	})
}

func benchRead(b *testing.B, next func(Reader) error) {
	data := benchCorpus()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := OpenReader(bytes.NewReader(data), "bench.jsonl", JSONL, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			err := next(r)
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 2000 {
			b.Fatalf("read %d records, want 2000", n)
		}
	}
}
