package output

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
)

// The registry: every table framing writes, one line each, with its name,
// its row type and its partition type. Every other package creates, lists,
// reads and commits partitions through these values, so that a table's name
// and its partition key are spelled here only; a new table is one line here,
// one row type and the code that fills it.
var (
	Articles = register[ArticleRow, Date]("articles")
	Frames   = register[FrameRow, Date]("frames")
	Terms    = register[TermRow, Date]("terms")
	Matches  = register[MatchRow, Date]("matches")
	Stance   = register[StanceRow, Date]("stance")
	Rejects  = register[RejectRow, Date]("rejects")
	Runs     = register[RunRow, Date]("runs") // committed last: a run's row appears after its data

	OutletStats     = register[OutletStatsRow, Window]("outlet_stats")
	OutletTests     = register[OutletTestRow, Window]("outlet_tests")
	OutletResiduals = register[OutletResidualRow, Window]("outlet_residuals")
	OutletPairs     = register[OutletPairRow, Window]("outlet_pairs")
	Keyness         = register[KeynessRow, Window]("keyness")
	OutletProfiles  = register[OutletProfileRow, Window]("outlet_profiles")
	PCA             = register[PCARow, Window]("pca")
	Correlations    = register[CorrelationRow, Window]("correlations")
	Regression      = register[RegressionRow, Window]("regression")
	Trends          = register[TrendRow, Window]("trends")
)

// registry lists the tables in the order of the var block above.
var registry []TableInfo

// TableInfo describes one registered table without its Go types, for docs,
// tests and tools that handle every table alike.
type TableInfo struct {
	Name    string
	PartKey string
	Columns []Column
}

// AllTables returns every registered table, in registry order.
func AllTables() []TableInfo { return append([]TableInfo(nil), registry...) }

// Files lists the data files of the table's committed partitions below
// root, in partition order.
func (ti TableInfo) Files(root string) ([]string, error) {
	values, err := listPartitions(root, ti.Name, ti.PartKey)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, v := range values {
		parts, err := partFiles(root, ti.Name, ti.PartKey, v)
		if err != nil {
			return nil, err
		}
		files = append(files, parts...)
	}
	return files, nil
}

// Table is one registered table: rows of type R in partitions keyed by P.
type Table[R any, P Partition[P]] struct {
	name string
	col  int // index of R's field that holds the partition column
}

// register adds a table to the registry. A row type without a partition
// column of the right type is a programming error, caught when the package
// loads.
func register[R any, P Partition[P]](name string) Table[R, P] {
	var p P
	rt := reflect.TypeFor[R]()
	fs, err := fieldsOf(rt)
	if err != nil {
		panic(fmt.Sprintf("output: registering table %s: %v", name, err))
	}
	col := -1
	for _, f := range fs {
		if f.name == p.partKey() && !f.nullable && rt.Field(f.index).Type == p.columnType() {
			col = f.index
		}
	}
	if col < 0 {
		panic(fmt.Sprintf("output: registering table %s: %v has no non-null %s column of type %v", name, rt, p.partKey(), p.columnType()))
	}
	registry = append(registry, TableInfo{Name: name, PartKey: p.partKey(), Columns: Columns[R]()})
	return Table[R, P]{name: name, col: col}
}

// Name is the table's name, the first directory below OUT.
func (t Table[R, P]) Name() string { return t.name }

// Key is the partition key, the name of the partition column.
func (t Table[R, P]) Key() string {
	var p P
	return p.partKey()
}

// Path is the data file of partition p below root (OUT, or a commit's
// staging directory).
func (t Table[R, P]) Path(root string, p P) string {
	return partitionFile(root, t.name, p.partKey(), p.String())
}

// Dir is the directory of partition p below root (OUT, or a commit's
// staging directory): the directory that holds its part files.
func (t Table[R, P]) Dir(root string, p P) string {
	return filepath.Join(root, partitionRel(t.name, p.partKey(), p.String()))
}

// PartitionName is the directory name of partition p, such as 2026-01-20,
// for messages.
func (t Table[R, P]) PartitionName(p P) string { return partitionDir(p.partKey(), p.String()) }

// Glob matches every partition file of the table below root, for DuckDB's
// read_parquet and pyarrow.
func (t Table[R, P]) Glob(root string) string { return tableGlob(root, t.name) }

// Partitions lists the committed partitions of the table below root, in
// order. Directories whose names do not parse are not partitions.
func (t Table[R, P]) Partitions(root string) ([]P, error) {
	var p P
	values, err := listPartitions(root, t.name, p.partKey())
	if err != nil {
		return nil, err
	}
	parts := make([]P, 0, len(values))
	for _, v := range values {
		if q, err := p.parsePart(v); err == nil {
			parts = append(parts, q)
		}
	}
	return parts, nil
}

// Create stages partition p of the table in c, with meta in the file's
// footer. Each partition can be created once per commit.
func (t Table[R, P]) Create(c *Commit, p P, meta map[string]string) (*PartWriter[R], error) {
	return t.CreateWith(c, p, meta, WriterOptions{})
}

// CreateWith is Create with writer options other than the defaults, for a
// caller that keeps many tables open at once and so wants smaller buffers.
func (t Table[R, P]) CreateWith(c *Commit, p P, meta map[string]string, opt WriterOptions) (*PartWriter[R], error) {
	return t.create(c, p, meta, currentLayout, opt)
}

func (t Table[R, P]) create(c *Commit, p P, meta map[string]string, lay layout, opt WriterOptions) (*PartWriter[R], error) {
	f, err := c.create(t.name, p.partKey(), p.String())
	if err != nil {
		return nil, fmt.Errorf("creating table %s: %w", t.name, err)
	}
	omit := -1
	if !lay.columnInFile {
		omit = t.col
	}
	w, err := newTableWriter[R](f, meta, opt, omit)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("starting table %s: %w", t.name, err)
	}
	return &PartWriter[R]{table: t.name, f: f, w: w, col: t.col, value: p.column()}, nil
}

// Adopt makes partition p, written below c.Dir() by other writers, part of
// commit c, which then moves it into OUT with the partitions it created,
// all or none. framing-beam's workers write a partition as several files,
// part-00000.parquet, part-00001.parquet, …, straight into Dir(c.Dir(), p)
// and the launcher adopts it once they have all finished. The directory must
// hold part-00000.parquet and nothing but part-NNNNN.parquet files; each
// partition can be staged once per commit, by Create or by Adopt.
func (t Table[R, P]) Adopt(c *Commit, p P) error {
	if err := c.adopt(t.name, p.partKey(), p.String()); err != nil {
		return fmt.Errorf("adopting table %s: %w", t.name, err)
	}
	return nil
}

// Scan calls fn for each row of partition p below root, in file order: of
// part-00000.parquet, then of any further part files (framing-beam writes a
// partition as several) in name order.
func (t Table[R, P]) Scan(root string, p P, fn func(R) error) error {
	return t.scan(root, p, fn, currentLayout)
}

func (t Table[R, P]) scan(root string, p P, fn func(R) error, lay layout) error {
	paths, err := partFiles(root, t.name, p.partKey(), p.String())
	if err != nil {
		return err
	}
	for _, path := range paths {
		if lay.columnInFile {
			err = scanTable(path, -1, fn)
		} else {
			value := p.column()
			err = scanTable(path, t.col, func(r R) error {
				reflect.ValueOf(&r).Elem().Field(t.col).Set(value)
				return fn(r)
			})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Read reads partition p below root into memory; for tests and small tables.
func (t Table[R, P]) Read(root string, p P) ([]R, error) {
	var rows []R
	err := t.Scan(root, p, func(r R) error {
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// Metadata returns the footer key-value metadata of partition p below root.
func (t Table[R, P]) Metadata(root string, p P) (map[string]string, error) {
	return ReadMetadata(t.Path(root, p))
}

// PartWriter writes the rows of one staged partition. It sets every row's
// partition column to the partition's value, so that callers need not and a
// row can never contradict the directory it lies in.
type PartWriter[R any] struct {
	table string
	f     io.WriteCloser
	w     *TableWriter[R]
	col   int
	value reflect.Value
}

// Write adds one row.
func (w *PartWriter[R]) Write(row R) error {
	reflect.ValueOf(&row).Elem().Field(w.col).Set(w.value)
	if err := w.w.Write(row); err != nil {
		return fmt.Errorf("writing table %s: %w", w.table, err)
	}
	return nil
}

// Close finishes the file; the partition is complete only when Close
// returns nil. Closing a nil writer does nothing, so that a set of writers
// can be closed whatever was opened.
func (w *PartWriter[R]) Close() error {
	if w == nil {
		return nil
	}
	err := w.w.Close()
	if cerr := w.f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("closing table %s: %w", w.table, err)
	}
	return nil
}

// WriteAll stages partition p of the table with rows, the whole table at
// once, as the statistics tables are written.
func (t Table[R, P]) WriteAll(c *Commit, p P, meta map[string]string, rows []R) error {
	w, err := t.Create(c, p, meta)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return errors.Join(err, w.Close())
		}
	}
	return w.Close()
}
