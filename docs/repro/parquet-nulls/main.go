// Command repro writes the same rows with xitongsys/parquet-go and arrow-go
// and prints what each footer says about nulls, how fast each writes and
// how each lays out row groups and pages. See docs/decisions.md.
package main

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	xparquet "github.com/xitongsys/parquet-go/parquet"
	xwriter "github.com/xitongsys/parquet-go/writer"
)

// row has ten columns; Note is the nullable one.
type row struct {
	ID   int64   `parquet:"name=id, type=INT64"`
	A    int64   `parquet:"name=a, type=INT64"`
	B    int64   `parquet:"name=b, type=INT64"`
	X    float64 `parquet:"name=x, type=DOUBLE"`
	Y    float64 `parquet:"name=y, type=DOUBLE"`
	Z    float64 `parquet:"name=z, type=DOUBLE"`
	S1   string  `parquet:"name=s1, type=BYTE_ARRAY, convertedtype=UTF8"`
	S2   string  `parquet:"name=s2, type=BYTE_ARRAY, convertedtype=UTF8"`
	Note *string `parquet:"name=note, type=BYTE_ARRAY, convertedtype=UTF8, repetitiontype=OPTIONAL"`
	Flag bool    `parquet:"name=flag, type=BOOLEAN"`
}

func makeRow(i int, null bool) row {
	n := fmt.Sprintf("note-%d", i%50)
	r := row{ID: int64(i), A: int64(i % 7), B: int64(i * 3), X: float64(i) / 3, Y: 1.5, Z: float64(i % 100),
		S1: fmt.Sprintf("outlet-%d", i%12), S2: "economic", Note: &n, Flag: i%2 == 0}
	if null {
		r.Note = nil
	}
	return r
}

func writeX(n, nullAt int) ([]byte, error) {
	var buf bytes.Buffer
	pw, err := xwriter.NewParquetWriterFromWriter(&buf, new(row), 1)
	if err != nil {
		return nil, err
	}
	pw.CompressionType = xparquet.CompressionCodec_ZSTD
	for i := range n {
		if err := pw.Write(makeRow(i, i == nullAt)); err != nil {
			return nil, err
		}
	}
	if err := pw.WriteStop(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeArrow(n, nullAt int) ([]byte, error) {
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64}, {Name: "a", Type: arrow.PrimitiveTypes.Int64},
		{Name: "b", Type: arrow.PrimitiveTypes.Int64}, {Name: "x", Type: arrow.PrimitiveTypes.Float64},
		{Name: "y", Type: arrow.PrimitiveTypes.Float64}, {Name: "z", Type: arrow.PrimitiveTypes.Float64},
		{Name: "s1", Type: arrow.BinaryTypes.String}, {Name: "s2", Type: arrow.BinaryTypes.String},
		{Name: "note", Type: arrow.BinaryTypes.String, Nullable: true}, {Name: "flag", Type: arrow.FixedWidthTypes.Boolean},
	}, nil)
	var buf bytes.Buffer
	props := parquet.NewWriterProperties(parquet.WithCompression(compress.Codecs.Zstd), parquet.WithStats(true),
		parquet.WithMaxRowGroupLength(1<<20), parquet.WithCreatedBy("repro"))
	fw, err := pqarrow.NewFileWriter(sc, &buf, props, pqarrow.DefaultWriterProps())
	if err != nil {
		return nil, err
	}
	rb := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer rb.Release()
	flush := func() error {
		rec := rb.NewRecordBatch()
		defer rec.Release()
		return fw.WriteBuffered(rec)
	}
	for i := range n {
		r := makeRow(i, i == nullAt)
		rb.Field(0).(*array.Int64Builder).Append(r.ID)
		rb.Field(1).(*array.Int64Builder).Append(r.A)
		rb.Field(2).(*array.Int64Builder).Append(r.B)
		rb.Field(3).(*array.Float64Builder).Append(r.X)
		rb.Field(4).(*array.Float64Builder).Append(r.Y)
		rb.Field(5).(*array.Float64Builder).Append(r.Z)
		rb.Field(6).(*array.StringBuilder).Append(r.S1)
		rb.Field(7).(*array.StringBuilder).Append(r.S2)
		if r.Note == nil {
			rb.Field(8).AppendNull()
		} else {
			rb.Field(8).(*array.StringBuilder).Append(*r.Note)
		}
		rb.Field(9).(*array.BooleanBuilder).Append(r.Flag)
		if (i+1)%65536 == 0 {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// describe prints the note column's null_count per row group and the layout.
func describe(name string, b []byte) error {
	r, err := file.NewParquetReader(bytes.NewReader(b))
	if err != nil {
		return err
	}
	md := r.MetaData()
	col := md.Schema.ColumnIndexByName("note")
	var nulls int64
	stats := "yes"
	for g := range md.NumRowGroups() {
		cc, err := md.RowGroup(g).ColumnChunk(col)
		if err != nil {
			return err
		}
		st, err := cc.Statistics()
		if err != nil {
			return err
		}
		if st == nil || !st.HasNullCount() {
			stats = "absent"
			continue
		}
		nulls += st.NullCount()
	}
	pages := 0
	for g := range md.NumRowGroups() {
		pr, err := r.RowGroup(g).GetColumnPageReader(col)
		if err != nil {
			return err
		}
		for pr.Next() {
			pages++
		}
		if err := pr.Err(); err != nil {
			return err
		}
	}
	fmt.Printf("%-9s rows=%d row_groups=%d note_pages=%d bytes=%d note.null_count=%d (stats %s) created_by=%q\n",
		name, md.NumRows, md.NumRowGroups(), pages, len(b), nulls, stats, md.GetCreatedBy())
	return nil
}

func timeIt(name string, f func(int, int) ([]byte, error), n int) error {
	start := time.Now()
	b, err := f(n, -1)
	if err != nil {
		return err
	}
	s := time.Since(start).Seconds()
	fmt.Printf("%-9s %d rows x 10 cols: %.2f s, %.0f rows/s, %d bytes\n", name, n, s, float64(n)/s, len(b))
	return describe(name, b)
}

func run() error {
	const n = 20000
	for _, nullAt := range []int{0, 12345, 19999} {
		fmt.Printf("one null at row %d of %d:\n", nullAt, n)
		for _, w := range []struct {
			name string
			f    func(int, int) ([]byte, error)
		}{{"xitongsys", writeX}, {"arrow-go", writeArrow}} {
			b, err := w.f(n, nullAt)
			if err != nil {
				return fmt.Errorf("%s: %w", w.name, err)
			}
			if err := describe(w.name, b); err != nil {
				return fmt.Errorf("%s: %w", w.name, err)
			}
			if err := duckCheck(w.name, b); err != nil {
				return fmt.Errorf("%s: duckdb: %w", w.name, err)
			}
		}
	}
	for _, w := range []struct {
		name string
		f    func(int, int) ([]byte, error)
	}{{"xitongsys", writeX}, {"arrow-go", writeArrow}} {
		if err := timeIt(w.name, w.f, 1_000_000); err != nil {
			return fmt.Errorf("%s: %w", w.name, err)
		}
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "repro:", err)
		os.Exit(1)
	}
}
