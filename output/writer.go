package output

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"time"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Defaults of WriterOptions.
const (
	DefaultRowGroupRows  = 1 << 20
	DefaultRowGroupBytes = 2 << 20
	DefaultBatchRows     = 1 << 14
)

// DataPageBytes is the target size of an uncompressed data page. Each
// column keeps buffers of about a page while it writes, so with some 40
// columns in the articles table the page size, more than the row count,
// sets a writer's memory; arrow-go's default of 1 MiB cost ~65 MB of live
// heap across the tables at 450 MB of input.
const DataPageBytes = 256 << 10

// createdBy is the fixed created_by footer entry: no version with a build
// stamp or time, so that the same rows give the same bytes.
const createdBy = "framing"

// WriterOptions bound a TableWriter's memory and file layout; zero values
// take the defaults.
type WriterOptions struct {
	// RowGroupRows is the most rows in one Parquet row group
	// (default DefaultRowGroupRows).
	RowGroupRows int
	// RowGroupBytes ends a row group once its encoded, compressed pages
	// reach this size (default DefaultRowGroupBytes). A row group is held
	// in memory until it ends, so this bound, not the row count, keeps a
	// writer's memory flat however many rows a table gets. The check runs
	// before each batch is written and counts only finished pages, so a row
	// group may pass it by one batch and the columns' open pages.
	RowGroupBytes int64
	// BatchRows is how many rows are buffered before they are encoded
	// (default DefaultBatchRows); it bounds the unencoded rows in memory.
	BatchRows int
	// PageBytes is the target size of an uncompressed data page (default
	// DataPageBytes). Each column holds about a page while it writes, so a
	// set of wide tables open at once (the statistics) wants smaller pages.
	PageBytes int64
}

// TableWriter writes rows of T to one Parquet file, with a schema taken from
// T's `parquet:"col"` tags, so that adding a table is adding one struct.
// It never closes the io.Writer it was given; the caller does.
type TableWriter[T any] struct {
	fields []field
	cols   []column // fields with their offsets and builders, for Write
	fw     *pqarrow.FileWriter
	rb     *array.RecordBuilder
	batch  int
	rgMax  int64
	n      int
	err    error
	closed bool
}

// writeOnly hides a Close method so that the Parquet writer cannot close
// the caller's file.
type writeOnly struct{ w io.Writer }

func (w writeOnly) Write(p []byte) (int, error) { return w.w.Write(p) }

// NewTableWriter starts a Parquet file on w. meta, and the pandas metadata
// of T's columns (PandasMetadataKey), go into the footer's key-value
// metadata with sorted keys; compression is zstd, pages are plain
// (no dictionaries) and every column has statistics.
func NewTableWriter[T any](w io.Writer, meta map[string]string, opt WriterOptions) (*TableWriter[T], error) {
	return newTableWriter[T](w, meta, opt, -1)
}

// newTableWriter leaves out the column of field index omit (none when -1):
// the partition column when the layout keeps it in the path only.
func newTableWriter[T any](w io.Writer, meta map[string]string, opt WriterOptions, omit int) (*TableWriter[T], error) {
	fs, err := fieldsOf(reflect.TypeFor[T]())
	if err != nil {
		return nil, err
	}
	fs = withoutField(fs, omit)
	if opt.RowGroupRows <= 0 {
		opt.RowGroupRows = DefaultRowGroupRows
	}
	if opt.BatchRows <= 0 {
		opt.BatchRows = DefaultBatchRows
	}
	if opt.PageBytes <= 0 {
		opt.PageBytes = DataPageBytes
	}
	if opt.RowGroupBytes <= 0 {
		opt.RowGroupBytes = DefaultRowGroupBytes
	}
	opt.BatchRows = min(opt.BatchRows, opt.RowGroupRows)
	meta = withPandas(meta, fs)
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range meta {
			if !yield(k) {
				return
			}
		}
	})
	vals := make([]string, len(keys))
	for i, k := range keys {
		vals[i] = meta[k]
	}
	md := arrow.NewMetadata(keys, vals)
	sc := arrowSchema(fs, &md)
	props := parquet.NewWriterProperties(propOpts(opt)...)
	fw, err := pqarrow.NewFileWriter(sc, writeOnly{w}, props, pqarrow.DefaultWriterProps())
	if err != nil {
		return nil, fmt.Errorf("starting parquet file: %w", err)
	}
	t := &TableWriter[T]{
		fields: fs,
		fw:     fw,
		rb:     array.NewRecordBuilder(memory.DefaultAllocator, sc),
		batch:  opt.BatchRows,
		rgMax:  opt.RowGroupBytes,
	}
	t.cols = columnsOf(reflect.TypeFor[T](), fs, t.rb)
	return t, nil
}

// reserve makes room for a batch in every builder at once, as a batch
// starts: growing them row by row reallocated and copied each buffer a
// dozen times per batch.
func (t *TableWriter[T]) reserve() {
	for i := range t.cols {
		t.cols[i].b.Reserve(t.batch)
	}
}

// withPandas returns a copy of meta with the table's pandas metadata added,
// so that pandas reads every column with its documented dtype.
func withPandas(meta map[string]string, fs []field) map[string]string {
	m := make(map[string]string, len(meta)+1)
	for k, v := range meta {
		m[k] = v
	}
	m[PandasMetadataKey] = pandasJSON(fs)
	return m
}

func propOpts(opt WriterOptions) []parquet.WriterProperty {
	return []parquet.WriterProperty{
		parquet.WithCreatedBy(createdBy),
		parquet.WithCompression(compress.Codecs.Zstd),
		// No dictionary encoding: when a dictionary outgrows its page limit
		// the column falls back to plain pages, and arrow-go then lists the
		// chunk's page encoding statistics in Go map order, so the same rows
		// gave different footers (TestSameBytesManyDistinctStrings). Plain
		// pages under zstd came out about as small on the dev corpus: all
		// article-level tables 1.33 MB plain, 1.31 MB with dictionaries.
		parquet.WithDictionaryDefault(false),
		parquet.WithStats(true),
		parquet.WithDataPageSize(opt.PageBytes),
		parquet.WithMaxRowGroupLength(int64(opt.RowGroupRows)),
	}
}

// Write buffers one row and encodes a batch every BatchRows rows. A
// non-finite float is an error naming the column, and the row is not
// written: NaN and infinities must become nulls before they get here.
func (t *TableWriter[T]) Write(row T) error {
	if t.closed {
		return fmt.Errorf("writing row: table writer is closed")
	}
	if t.err != nil {
		return t.err
	}
	p := unsafe.Pointer(&row)
	for i := range t.cols {
		c := &t.cols[i]
		if c.kind != kindFloat64 {
			continue
		}
		if fp := c.value(p); fp != nil {
			if x := *(*float64)(fp); math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("writing column %s: non-finite value %v", c.name, x)
			}
		}
	}
	if t.n == 0 {
		t.reserve()
	}
	for i := range t.cols {
		t.cols[i].append(p)
	}
	t.n++
	if t.n >= t.batch {
		return t.flush()
	}
	return nil
}

// column is one field of a row type as Write appends it: where it lies in
// the row and its builder, typed once. Write reads each field at its offset
// instead of through reflect, which cost an allocation per row and most of
// the writer's time outside Parquet encoding.
type column struct {
	field
	off uintptr
	b   array.Builder
	str *array.StringBuilder
	i64 *array.Int64Builder
	f64 *array.Float64Builder
	bl  *array.BooleanBuilder
	d32 *array.Date32Builder
	ts  *array.TimestampBuilder
}

// columnsOf pairs the fields fs of struct type rt with the builders of rb,
// which follow fs in order.
func columnsOf(rt reflect.Type, fs []field, rb *array.RecordBuilder) []column {
	cols := make([]column, len(fs))
	for i, f := range fs {
		c := column{field: f, off: rt.Field(f.index).Offset, b: rb.Field(i)}
		switch f.kind {
		case kindString:
			c.str = c.b.(*array.StringBuilder)
		case kindInt64:
			c.i64 = c.b.(*array.Int64Builder)
		case kindFloat64:
			c.f64 = c.b.(*array.Float64Builder)
		case kindBool:
			c.bl = c.b.(*array.BooleanBuilder)
		case kindDate:
			c.d32 = c.b.(*array.Date32Builder)
		case kindTime:
			c.ts = c.b.(*array.TimestampBuilder)
		}
		cols[i] = c
	}
	return cols
}

// value returns a pointer to the column's value in the row at p, or nil
// for a nil pointer field (null). The field types are those fieldsOf
// accepts: string, int64, float64, bool, Date, time.Time, or a pointer to
// one of them.
func (c *column) value(p unsafe.Pointer) unsafe.Pointer {
	fp := unsafe.Add(p, c.off)
	if c.nullable {
		return *(*unsafe.Pointer)(fp)
	}
	return fp
}

// append appends the column's value in the row at p to its builder.
func (c *column) append(p unsafe.Pointer) {
	fp := c.value(p)
	if fp == nil {
		c.b.AppendNull()
		return
	}
	switch c.kind {
	case kindString:
		c.str.Append(*(*string)(fp))
	case kindInt64:
		c.i64.Append(*(*int64)(fp))
	case kindFloat64:
		c.f64.Append(*(*float64)(fp))
	case kindBool:
		c.bl.Append(*(*bool)(fp))
	case kindDate:
		c.d32.Append(arrow.Date32(*(*Date)(fp)))
	case kindTime:
		c.ts.Append(arrow.Timestamp((*time.Time)(fp).UnixMicro()))
	}
}

// flush encodes the buffered rows into the current row group.
func (t *TableWriter[T]) flush() error {
	if t.n == 0 {
		return nil
	}
	rec := t.rb.NewRecordBatch()
	defer rec.Release()
	t.n = 0
	// The size counts pages already encoded, which depend only on the rows
	// written, so the same rows still give the same file. Checking before
	// a write rather than after one never leaves an empty row group at the
	// end of the file.
	if t.fw.RowGroupTotalCompressedBytes() >= t.rgMax {
		if err := t.fw.NewBufferedRowGroupChecked(); err != nil {
			t.err = fmt.Errorf("writing parquet row group: %w", err)
			return t.err
		}
	}
	if err := t.fw.WriteBuffered(rec); err != nil {
		t.err = fmt.Errorf("writing parquet rows: %w", err)
		return t.err
	}
	return nil
}

// Close encodes the buffered rows and writes the footer. The file is
// complete only when Close returns nil.
func (t *TableWriter[T]) Close() error {
	if t.closed {
		return t.err
	}
	t.closed = true
	defer t.rb.Release()
	ferr := t.flush()
	if err := t.fw.Close(); err != nil && ferr == nil {
		ferr = fmt.Errorf("writing parquet footer: %w", err)
	}
	if ferr != nil {
		t.err = ferr
	}
	return t.err
}
