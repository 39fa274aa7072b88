package output

import (
	"fmt"

	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/schema"
)

// FileColumns reads the schema of a written Parquet file with arrow-go's own
// reader and names each column's logical type in the terms of Columns, so that
// a test can check a file against the row type that wrote it: a column whose
// logical type is not exactly what Columns promises gets the type "unexpected
// <logical>/<physical>".
func FileColumns(path string) ([]Column, error) {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer pf.Close()
	sc := pf.MetaData().Schema
	cols := make([]Column, sc.NumColumns())
	for i := range cols {
		c := sc.Column(i)
		cols[i] = Column{Name: c.Name(), Type: logicalName(c.LogicalType(), c.PhysicalType()),
			Nullable: c.SchemaNode().RepetitionType() != parquet.Repetitions.Required}
	}
	return cols, nil
}

func logicalName(l schema.LogicalType, p parquet.Type) string {
	switch {
	case l.Equals(schema.StringLogicalType{}) && p == parquet.Types.ByteArray:
		return kindNames[kindString]
	case l.Equals(schema.NewIntLogicalType(64, true)) && p == parquet.Types.Int64:
		return kindNames[kindInt64]
	case l.Equals(schema.NoLogicalType{}) && p == parquet.Types.Double:
		return kindNames[kindFloat64]
	case l.Equals(schema.NoLogicalType{}) && p == parquet.Types.Boolean:
		return kindNames[kindBool]
	case l.Equals(schema.DateLogicalType{}) && p == parquet.Types.Int32:
		return kindNames[kindDate]
	case l.Equals(schema.NewTimestampLogicalType(true, schema.TimeUnitMicros)) && p == parquet.Types.Int64:
		return kindNames[kindTime]
	}
	return "unexpected " + l.String() + "/" + p.String()
}
