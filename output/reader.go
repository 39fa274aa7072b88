package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ScanTable calls fn for each row of the Parquet file at path, read into T
// by column name, so that statistics can be recomputed from stored
// partitions without holding a whole table. A null in a column whose field
// is not a pointer is an error; fn's error stops the scan and is returned.
func ScanTable[T any](path string, fn func(T) error) error {
	return scanTable(path, -1, fn)
}

// scanTable reads every column but that of field index skip (none when -1),
// which the file does not hold: the partition column when the layout keeps
// it in the path only.
func scanTable[T any](path string, skip int, fn func(T) error) error {
	fs, err := fieldsOf(reflect.TypeFor[T]())
	if err != nil {
		return err
	}
	fs = withoutField(fs, skip)
	return withFile(path, func(pf *file.Reader) error {
		fr, err := arrowReader(pf, path)
		if err != nil {
			return err
		}
		cols, err := columnsFor(fr, path, fs)
		if err != nil {
			return err
		}
		return eachRecord(fr, path, cols, func(rec arrow.RecordBatch) error {
			return scanRecord(rec, fs, fn)
		})
	})
}

// withFile opens the Parquet file at path for fn and closes it, reporting
// a failed close when fn succeeded.
func withFile(path string, fn func(*file.Reader) error) (err error) {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer func() {
		if cerr := pf.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("closing %s: %w", path, cerr)
		}
	}()
	return fn(pf)
}

// arrowReader reads pf as Arrow record batches of DefaultBatchRows rows.
func arrowReader(pf *file.Reader, path string) (*pqarrow.FileReader, error) {
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: DefaultBatchRows}, memory.DefaultAllocator)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return fr, nil
}

// columnsFor finds the file column of each field and checks its type.
func columnsFor(fr *pqarrow.FileReader, path string, fs []field) ([]int, error) {
	sc, err := fr.Schema()
	if err != nil {
		return nil, fmt.Errorf("reading schema of %s: %w", path, err)
	}
	cols := make([]int, len(fs))
	for i, f := range fs {
		idx := sc.FieldIndices(f.name)
		if len(idx) != 1 {
			return nil, fmt.Errorf("reading %s: no column %s", path, f.name)
		}
		if err := checkType(sc.Field(idx[0]).Type, f.kind); err != nil {
			return nil, fmt.Errorf("reading %s: column %s: %w", path, f.name, err)
		}
		cols[i] = idx[0]
	}
	return cols, nil
}

// eachRecord calls fn for each batch of rows of the given columns (all
// when cols is nil), in file order.
func eachRecord(fr *pqarrow.FileReader, path string, cols []int, fn func(arrow.RecordBatch) error) error {
	rr, err := fr.GetRecordReader(context.Background(), cols, nil)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	defer rr.Release()
	for {
		rec, err := rr.Read()
		if errors.Is(err, io.EOF) || (err == nil && rec == nil) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		if err := fn(rec); err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
	}
}

// ReadTable reads the whole Parquet file at path into memory; for tests and
// small tables.
func ReadTable[T any](path string) ([]T, error) {
	var rows []T
	err := ScanTable(path, func(r T) error {
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// ReadMetadata returns the footer key-value metadata of the Parquet file at
// path, where a run records its lexicon, version and flags.
func ReadMetadata(path string) (map[string]string, error) {
	kv := map[string]string{}
	err := withFile(path, func(pf *file.Reader) error {
		md := pf.MetaData().KeyValueMetadata()
		for _, k := range md.Keys() {
			if v := md.FindValue(k); v != nil {
				kv[k] = *v
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return kv, nil
}

func checkType(t arrow.DataType, k kind) error {
	want := arrowType(k)
	if k == kindTime {
		if ts, ok := t.(*arrow.TimestampType); ok && ts.Unit == arrow.Microsecond {
			return nil
		}
	} else if arrow.TypeEqual(t, want) {
		return nil
	}
	return fmt.Errorf("type %v, want %v", t, want)
}

func scanRecord[T any](rec arrow.RecordBatch, fs []field, fn func(T) error) error {
	n := int(rec.NumRows())
	for r := range n {
		var row T
		v := reflect.ValueOf(&row).Elem()
		for i, f := range fs {
			if err := setValue(v.Field(f.index), f, rec.Column(i), r); err != nil {
				return err
			}
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

func setValue(v reflect.Value, f field, col arrow.Array, r int) error {
	if col.IsNull(r) {
		if !f.nullable {
			return fmt.Errorf("column %s: null in a non-null field", f.name)
		}
		return nil
	}
	if f.nullable {
		p := reflect.New(v.Type().Elem())
		v.Set(p)
		v = p.Elem()
	}
	switch f.kind {
	case kindString:
		v.SetString(col.(*array.String).Value(r))
	case kindInt64:
		v.SetInt(col.(*array.Int64).Value(r))
	case kindFloat64:
		v.SetFloat(col.(*array.Float64).Value(r))
	case kindBool:
		v.SetBool(col.(*array.Boolean).Value(r))
	case kindDate:
		v.SetInt(int64(col.(*array.Date32).Value(r)))
	case kindTime:
		v.Set(reflect.ValueOf(time.UnixMicro(int64(col.(*array.Timestamp).Value(r))).UTC()))
	}
	return nil
}
