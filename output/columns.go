package output

import (
	"fmt"
	"reflect"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/parquet/file"
)

// Batch is a run of rows of some columns of one partition, as ScanColumns
// hands them out: column i is the i-th name asked for. Its slices and
// strings point into the reader's buffers and are valid only until the
// callback returns; copy what must outlive it.
//
// Reading a few columns batch by batch costs a few nanoseconds a value,
// against some hundreds a row for Scan, which fills a whole row struct by
// reflection: the statistics read hundreds of millions of frame rows of a
// big dictionary this way.
type Batch struct {
	rec arrow.RecordBatch
	pos []int // the record's column of each name asked for
}

// Len is the number of rows in the batch.
func (b Batch) Len() int { return int(b.rec.NumRows()) }

// Float64s returns column i's values, for a DOUBLE column. A null reads as
// whatever the file holds under it; ask Null.
func (b Batch) Float64s(i int) []float64 {
	return b.rec.Column(b.pos[i]).(*array.Float64).Float64Values()
}

// Int64s returns column i's values, for a BIGINT column.
func (b Batch) Int64s(i int) []int64 { return b.rec.Column(b.pos[i]).(*array.Int64).Int64Values() }

// Date returns row r of column i, a DATE column.
func (b Batch) Date(i, r int) Date { return Date(b.rec.Column(b.pos[i]).(*array.Date32).Value(r)) }

// String returns row r of column i, a STRING column, without a copy.
func (b Batch) String(i, r int) string { return b.rec.Column(b.pos[i]).(*array.String).Value(r) }

// Null reports whether row r of column i is null.
func (b Batch) Null(i, r int) bool { return b.rec.Column(b.pos[i]).IsNull(r) }

// ScanColumns calls fn for each batch of the named columns of partition p
// below root, in file order: part-00000.parquet, then any further part files
// (framing-beam writes a night as shards), as Scan reads them. Every name must be a column of the table's row
// type; the partition column can be asked for only when the layout stores
// it in the file.
func (t Table[R, P]) ScanColumns(root string, p P, names []string, fn func(Batch) error) error {
	fs, err := fieldsOf(reflect.TypeFor[R]())
	if err != nil {
		return err
	}
	want := make([]field, len(names))
	for i, name := range names {
		f, ok := fieldNamed(fs, name)
		if !ok || (f.index == t.col && !currentLayout.columnInFile) {
			return fmt.Errorf("reading table %s: no column %s", t.name, name)
		}
		want[i] = f
	}
	paths, err := partFiles(root, t.name, p.partKey(), p.String())
	if err != nil {
		return err
	}
	for _, path := range paths {
		if err := scanColumns(path, names, want, fn); err != nil {
			return err
		}
	}
	return nil
}

// scanColumns is ScanColumns on one part file.
func scanColumns(path string, names []string, want []field, fn func(Batch) error) error {
	return withFile(path, func(pf *file.Reader) error {
		fr, err := arrowReader(pf, path)
		if err != nil {
			return err
		}
		cols, err := columnsFor(fr, path, want)
		if err != nil {
			return err
		}
		var pos []int
		return eachRecord(fr, path, cols, func(rec arrow.RecordBatch) error {
			if pos == nil {
				// The reader returns columns in file order, not in the
				// order asked for.
				pos = make([]int, len(names))
				for i, name := range names {
					idx := rec.Schema().FieldIndices(name)
					if len(idx) != 1 {
						return fmt.Errorf("no column %s in a batch", name)
					}
					pos[i] = idx[0]
				}
			}
			return fn(Batch{rec: rec, pos: pos})
		})
	})
}

// fieldNamed returns the field of column name.
func fieldNamed(fs []field, name string) (field, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}
