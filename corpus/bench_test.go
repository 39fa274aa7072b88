package corpus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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

// BenchmarkCSV measures the CSV reader (csvScanner and build) on the same 2,000 articles
// as CSV, quoted text with commas.
func BenchmarkCSV(b *testing.B) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"id", "outlet", "date", "title", "text"})
	for _, line := range bytes.Split(bytes.TrimSpace(benchCorpus()), []byte("\n")) {
		var r jsonRecord
		if err := json.Unmarshal(line, &r); err != nil {
			b.Fatal(err)
		}
		w.Write([]string{r.ID, r.Outlet, r.Date, r.Title, r.Text})
	}
	w.Flush()
	benchFormat(b, buf.Bytes(), "bench.csv", CSV, func(r Reader) error {
		_, err := r.Next()
		return err
	})
}

func benchRead(b *testing.B, next func(Reader) error) {
	benchFormat(b, benchCorpus(), "bench.jsonl", JSONL, next)
}

func benchFormat(b *testing.B, data []byte, name string, format Format, next func(Reader) error) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := OpenReader(bytes.NewReader(data), name, format, Options{})
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
