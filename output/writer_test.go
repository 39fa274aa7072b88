package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/schema"
	"github.com/google/go-cmp/cmp"
)

// allTypes has one field of every supported Go type.
type allTypes struct {
	S   string    `parquet:"s"`
	SP  *string   `parquet:"s_p"`
	I   int64     `parquet:"i"`
	IP  *int64    `parquet:"i_p"`
	F   float64   `parquet:"f"`
	FP  *float64  `parquet:"f_p"`
	B   bool      `parquet:"b"`
	BP  *bool     `parquet:"b_p"`
	D   Date      `parquet:"d"`
	DP  *Date     `parquet:"d_p"`
	T   time.Time `parquet:"t"`
	Ign int64
}

func ptr[T any](v T) *T { return &v }

func writeFile[T any](t *testing.T, rows []T, meta map[string]string, opt WriterOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewTableWriter[T](&buf, meta, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func save(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "t.parquet")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sampleRows() []allTypes {
	ts := time.Date(2026, 11, 22, 21, 30, 0, 123456000, time.UTC)
	return []allTypes{
		{S: "a", SP: ptr("x"), I: -5, IP: ptr(int64(7)), F: 1.5, FP: ptr(-0.25), B: true, BP: ptr(false),
			D: DateOf(ts), DP: ptr(Date(-1)), T: ts},
		{S: "", I: math.MaxInt64, F: math.SmallestNonzeroFloat64, D: 0, T: time.Unix(0, 0).UTC()},
	}
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		rows []allTypes
		opt  WriterOptions
	}{
		{"values and nulls", sampleRows(), WriterOptions{}},
		{"small batches", append(sampleRows(), sampleRows()...), WriterOptions{BatchRows: 1, RowGroupRows: 3}},
		{"empty", nil, WriterOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadTable[allTypes](save(t, writeFile(t, tt.rows, nil, tt.opt)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.rows, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLogicalTypes(t *testing.T) {
	r, err := file.NewParquetReader(bytes.NewReader(writeFile(t, sampleRows(), nil, WriterOptions{})))
	if err != nil {
		t.Fatal(err)
	}
	sc := r.MetaData().Schema
	type col struct {
		Logical  string
		Physical string
		Required bool
	}
	got := map[string]col{}
	for i := range sc.NumColumns() {
		c := sc.Column(i)
		got[c.Name()] = col{c.LogicalType().String(), c.PhysicalType().String(),
			c.SchemaNode().RepetitionType() == 0}
	}
	// isAdjustedToUTC=true is what DuckDB reads as TIMESTAMP WITH TIME ZONE.
	ts := schema.NewTimestampLogicalType(true, schema.TimeUnitMicros).String()
	want := map[string]col{
		"s":   {"String", "BYTE_ARRAY", true},
		"s_p": {"String", "BYTE_ARRAY", false},
		"i":   {"Int(bitWidth=64, isSigned=true)", "INT64", true},
		"i_p": {"Int(bitWidth=64, isSigned=true)", "INT64", false},
		"f":   {"None", "DOUBLE", true},
		"f_p": {"None", "DOUBLE", false},
		"b":   {"None", "BOOLEAN", true},
		"b_p": {"None", "BOOLEAN", false},
		"d":   {"Date", "INT32", true},
		"d_p": {"Date", "INT32", false},
		"t":   {ts, "INT64", true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("column types (-want +got):\n%s", diff)
	}
}

func TestNullCountAndLayout(t *testing.T) {
	type row struct {
		ID   int64   `parquet:"id"`
		Note *string `parquet:"note"`
		Name string  `parquet:"name"`
	}
	rows := make([]row, 20000)
	for i := range rows {
		rows[i] = row{ID: int64(i), Note: ptr("n"), Name: "x"}
	}
	rows[12345].Note = nil
	tests := []struct {
		name       string
		opt        WriterOptions
		wantGroups int
	}{
		{"one row group", WriterOptions{}, 1},
		{"row groups of 6000", WriterOptions{RowGroupRows: 6000, BatchRows: 1000}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := file.NewParquetReader(bytes.NewReader(writeFile(t, rows, nil, tt.opt)))
			if err != nil {
				t.Fatal(err)
			}
			md := r.MetaData()
			if md.NumRowGroups() != tt.wantGroups {
				t.Errorf("row groups = %d, want %d", md.NumRowGroups(), tt.wantGroups)
			}
			var nulls [3]int64
			for g := range md.NumRowGroups() {
				rg := md.RowGroup(g)
				if rg.NumRows() > int64(max(tt.opt.RowGroupRows, 0)) && tt.opt.RowGroupRows > 0 {
					t.Errorf("row group %d has %d rows, more than %d", g, rg.NumRows(), tt.opt.RowGroupRows)
				}
				for c := range 3 {
					cc, err := rg.ColumnChunk(c)
					if err != nil {
						t.Fatal(err)
					}
					st, err := cc.Statistics()
					if err != nil || st == nil || !st.HasNullCount() {
						t.Fatalf("row group %d column %d: no null count statistics (%v)", g, c, err)
					}
					nulls[c] += st.NullCount()
				}
			}
			if diff := cmp.Diff([3]int64{0, 1, 0}, nulls); diff != "" {
				t.Errorf("null counts (-want +got):\n%s", diff)
			}
			got, err := ReadTable[row](save(t, writeFile(t, rows, nil, tt.opt)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(rows, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDeterministicAndMetadata(t *testing.T) {
	meta := map[string]string{"framing.run_id": "r1", "framing.version": "v0", "a": "b"}
	a := writeFile(t, sampleRows(), meta, WriterOptions{})
	b := writeFile(t, sampleRows(), meta, WriterOptions{})
	if !bytes.Equal(a, b) {
		t.Error("the same rows gave different bytes")
	}
	got, err := ReadMetadata(save(t, a))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := fieldsOf(reflect.TypeFor[allTypes]())
	if err != nil {
		t.Fatal(err)
	}
	want := withPandas(meta, fs)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("footer metadata (-want +got):\n%s", diff)
	}
	r, err := file.NewParquetReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if cb := r.MetaData().GetCreatedBy(); cb != createdBy {
		t.Errorf("created_by = %q, want %q", cb, createdBy)
	}
}

func TestNonFiniteFloat(t *testing.T) {
	tests := []struct {
		name string
		row  allTypes
	}{
		{"NaN", allTypes{F: math.NaN()}},
		{"+Inf pointer", allTypes{FP: ptr(math.Inf(1))}},
		{"-Inf", allTypes{F: math.Inf(-1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewTableWriter[allTypes](&buf, nil, WriterOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(tt.row); err == nil {
				t.Error("Write accepted a non-finite float")
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := ReadTable[allTypes](save(t, buf.Bytes()))
			if err != nil || len(got) != 0 {
				t.Errorf("file after a rejected row: %d rows, %v; want 0 rows", len(got), err)
			}
		})
	}
}

var errDisk = errors.New("disk full")

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errDisk
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriteFailure(t *testing.T) {
	tests := []struct {
		name  string
		after int
	}{
		{"at the magic number", 0},
		{"in the data", 4},
		{"in the footer", 600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := NewTableWriter[allTypes](&failWriter{n: tt.after}, nil, WriterOptions{BatchRows: 1})
			if err != nil {
				return // the failure surfaced when the file was started
			}
			for _, r := range sampleRows() {
				if err = w.Write(r); err != nil {
					break
				}
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if !errors.Is(err, errDisk) {
				t.Errorf("error = %v, want %v", err, errDisk)
			}
		})
	}
}

func TestSchemaErrors(t *testing.T) {
	type badType struct {
		X int32 `parquet:"x"`
	}
	type dup struct {
		A string `parquet:"a"`
		B string `parquet:"a"`
	}
	type none struct{ A string }
	if _, err := Schema[badType](); err == nil {
		t.Error("int32 field accepted")
	}
	if _, err := Schema[dup](); err == nil {
		t.Error("repeated column accepted")
	}
	if _, err := NewTableWriter[none](&bytes.Buffer{}, nil, WriterOptions{}); err == nil {
		t.Error("struct without tags accepted")
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"1970-01-01", 0},
		{"1969-12-31", -1},
		{"2026-11-22", 20779},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil || d != tt.want || d.String() != tt.in {
			t.Errorf("ParseDate(%q) = %d (%s), %v; want %d", tt.in, d, d, err, tt.want)
		}
		if DateOf(d.Time().Add(23*time.Hour)) != d {
			t.Errorf("DateOf(%s 23:00) != %d", tt.in, d)
		}
	}
	if _, err := ParseDate("22/11/2026"); err == nil {
		t.Error("ParseDate accepted 22/11/2026")
	}
}

func TestTables(t *testing.T) {
	seen := map[string]bool{}
	for _, ti := range AllTables() {
		if len(ti.Columns) == 0 || seen[ti.Name] {
			t.Errorf("table %q: no columns or registered twice", ti.Name)
		}
		seen[ti.Name] = true
	}
	var names []string
	for _, c := range Columns[StanceRow]() {
		names = append(names, c.Name)
	}
	want := []string{"run_date", "article_id", "outlet", "actor", "mentions", "positive", "negative", "stance",
		"authorial_positive", "authorial_negative", "authorial_stance", "quoted_positive", "quoted_negative",
		"quoted_stance", "attributions"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("stance columns (-want +got):\n%s", diff)
	}
}

func BenchmarkWriteFrames(b *testing.B) {
	row := FrameRow{RunDate: 20779, ArticleID: "a-000123", Outlet: "outlet-3", Dimension: "economic",
		Hits: 4, Per1k: 3.25, Share: ptr(0.4), WeightedScore: 5.5, FirstPosition: ptr(0.1)}
	const n = 100000
	for b.Loop() {
		w, err := NewTableWriter[FrameRow](discard{}, nil, WriterOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			row.Hits = int64(i % 17)
			if err := w.Write(row); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestRowGroupBytes checks that a table ends its row groups by size, which
// is what keeps a writer's memory flat on a long run, and that the rows come
// back whole and in order.
func TestRowGroupBytes(t *testing.T) {
	type row struct {
		ID  int64  `parquet:"id"`
		Hex string `parquet:"hex"`
	}
	rows := make([]row, 100000)
	x := uint64(1)
	for i := range rows {
		// xorshift: distinct, poorly compressible strings, the same every run
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		rows[i] = row{ID: int64(i), Hex: fmt.Sprintf("%016x%016x", x, x*0x9e3779b97f4a7c15)}
	}
	const limit = 1 << 20
	b := writeFile(t, rows, nil, WriterOptions{RowGroupBytes: limit, BatchRows: 2000})
	r, err := file.NewParquetReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	md := r.MetaData()
	if md.NumRowGroups() < 2 {
		t.Fatalf("row groups = %d, want several for %d bytes of pages with a %d-byte bound", md.NumRowGroups(), len(b), limit)
	}
	for g := range md.NumRowGroups() - 1 {
		if sz := md.RowGroup(g).TotalCompressedSize(); sz < limit {
			t.Errorf("row group %d ended at %d bytes, before the %d-byte bound", g, sz, limit)
		}
	}
	got, err := ReadTable[row](save(t, b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rows, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if !bytes.Equal(b, writeFile(t, rows, nil, WriterOptions{RowGroupBytes: limit, BatchRows: 2000})) {
		t.Error("the same rows gave different bytes")
	}
}

// TestSameBytesManyDistinctStrings writes a column with more distinct
// values than a dictionary page holds (1 MiB by default) several times.
// With dictionary encoding on, arrow-go's fallback to plain pages wrote the
// page-encoding statistics in map order and the footers differed.
func TestSameBytesManyDistinctStrings(t *testing.T) {
	type row struct {
		URL string `parquet:"url"`
	}
	rows := make([]row, 40000)
	for i := range rows {
		rows[i] = row{URL: fmt.Sprintf("https://example.org/news/2026/01/%08d-story", i)}
	}
	first := writeFile(t, rows, nil, WriterOptions{})
	for k := range 8 {
		if b := writeFile(t, rows, nil, WriterOptions{}); !bytes.Equal(first, b) {
			t.Fatalf("write %d differs from the first", k+1)
		}
	}
}

// TestPandasMetadata checks the dtypes the pandas metadata asks for, column
// by column; the Python suite (notebooks/tests) checks what pandas makes of it.
func TestPandasMetadata(t *testing.T) {
	fs, err := fieldsOf(reflect.TypeFor[allTypes]())
	if err != nil {
		t.Fatal(err)
	}
	var md pandasMetadata
	if err := json.Unmarshal([]byte(pandasJSON(fs)), &md); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range md.Columns {
		if c.Name != c.FieldName {
			t.Errorf("column %s: field_name %s", c.Name, c.FieldName)
		}
		got[c.Name] = c.PandasType + "/" + c.NumpyType
	}
	want := map[string]string{
		"s": "unicode/object", "s_p": "unicode/object",
		"i": "int64/int64", "i_p": "int64/Int64",
		"f": "float64/float64", "f_p": "float64/float64",
		"b": "bool/bool", "b_p": "bool/boolean",
		"d": "date/date32[day][pyarrow]", "d_p": "date/date32[day][pyarrow]",
		"t": "datetimetz/datetime64[us]",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pandas types (-want +got):\n%s", diff)
	}
	if len(md.IndexColumns) != 0 {
		t.Errorf("index_columns %v, want none", md.IndexColumns)
	}
}

// TestDump renders a file of every column type as text: metadata, schema,
// then rows with nulls, quoted strings, dates, timestamps, 12-digit floats
// and a masked column.
func TestDump(t *testing.T) {
	p := save(t, writeFile(t, sampleRows(), map[string]string{"framing.k": "v"}, WriterOptions{}))
	var b strings.Builder
	if err := Dump(&b, p, DumpOptions{Mask: map[string]bool{"t": true}}); err != nil {
		t.Fatal(err)
	}
	want := `metadata:
  framing.k = v
schema:
  s STRING
  s_p STRING null
  i INT64
  i_p INT64 null
  f DOUBLE
  f_p DOUBLE null
  b BOOLEAN
  b_p BOOLEAN null
  d DATE
  d_p DATE null
  t TIMESTAMP(MICROS,UTC)
rows: 2
  s | s_p | i | i_p | f | f_p | b | b_p | d | d_p | t
  "a" | "x" | -5 | 7 | 1.5 | -0.25 | true | false | 2026-11-22 | 1969-12-31 | <masked>
  "" | null | 9223372036854775807 | null | 4.94065645841e-324 | null | false | null | 1970-01-01 | null | <masked>
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("dump (-want +got):\n%s", diff)
	}
	b.Reset()
	if err := Dump(&b, p, DumpOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "2026-11-22T21:30:00.123456Z") {
		t.Errorf("timestamp not in RFC 3339:\n%s", b.String())
	}
}
