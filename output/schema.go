package output

import (
	"fmt"
	"reflect"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// kind is the Go type of one column, which fixes its Arrow and Parquet type.
type kind int

const (
	kindString kind = iota
	kindInt64
	kindFloat64
	kindBool
	kindDate
	kindTime
)

var (
	dateType = reflect.TypeFor[Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// kindNames are the type names Columns reports, in Parquet terms.
var kindNames = map[kind]string{
	kindString:  "STRING",
	kindInt64:   "INT64",
	kindFloat64: "DOUBLE",
	kindBool:    "BOOLEAN",
	kindDate:    "DATE",
	kindTime:    "TIMESTAMP(MICROS,UTC)",
}

// field is one tagged struct field: its column name, position and type.
type field struct {
	name     string
	index    int
	kind     kind
	nullable bool
}

// Column describes one column of a table, so that tests and docs can list a
// table's schema without opening a file.
type Column struct {
	Name     string
	Type     string
	Nullable bool
}

// Columns lists T's columns in file order; it returns nil when T cannot be
// written (Schema reports why).
func Columns[T any]() []Column {
	fs, err := fieldsOf(reflect.TypeFor[T]())
	if err != nil {
		return nil
	}
	cols := make([]Column, len(fs))
	for i, f := range fs {
		cols[i] = Column{Name: f.name, Type: kindNames[f.kind], Nullable: f.nullable}
	}
	return cols
}

// Schema returns the Arrow schema TableWriter writes for T, so that callers
// can check a row type before a run starts.
func Schema[T any]() (*arrow.Schema, error) {
	fs, err := fieldsOf(reflect.TypeFor[T]())
	if err != nil {
		return nil, err
	}
	return arrowSchema(fs, nil), nil
}

// fieldsOf reads the `parquet:"name"` tags of struct type t. Untagged fields
// are skipped; a tagged field of an unsupported type is an error.
func fieldsOf(t reflect.Type) ([]field, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("reading schema of %v: not a struct", t)
	}
	var fs []field
	seen := map[string]bool{}
	for i := range t.NumField() {
		sf := t.Field(i)
		name, ok := sf.Tag.Lookup("parquet")
		if !ok || name == "-" {
			continue
		}
		if name == "" || seen[name] {
			return nil, fmt.Errorf("reading schema of %v: field %s: empty or repeated column name %q", t, sf.Name, name)
		}
		seen[name] = true
		ft, nullable := sf.Type, false
		if ft.Kind() == reflect.Pointer {
			ft, nullable = ft.Elem(), true
		}
		k, err := kindOf(ft)
		if err != nil {
			return nil, fmt.Errorf("reading schema of %v: field %s: %w", t, sf.Name, err)
		}
		if k == kindTime && nullable {
			return nil, fmt.Errorf("reading schema of %v: field %s: *time.Time is not supported", t, sf.Name)
		}
		fs = append(fs, field{name: name, index: i, kind: k, nullable: nullable})
	}
	if len(fs) == 0 {
		return nil, fmt.Errorf("reading schema of %v: no parquet-tagged fields", t)
	}
	return fs, nil
}

// withoutField drops the field of struct index i; -1 drops nothing.
func withoutField(fs []field, i int) []field {
	if i < 0 {
		return fs
	}
	out := make([]field, 0, len(fs))
	for _, f := range fs {
		if f.index != i {
			out = append(out, f)
		}
	}
	return out
}

func kindOf(t reflect.Type) (kind, error) {
	switch {
	case t == dateType:
		return kindDate, nil
	case t == timeType:
		return kindTime, nil
	}
	switch t.Kind() {
	case reflect.String:
		return kindString, nil
	case reflect.Int64:
		return kindInt64, nil
	case reflect.Float64:
		return kindFloat64, nil
	case reflect.Bool:
		return kindBool, nil
	}
	return 0, fmt.Errorf("unsupported type %v", t)
}

func arrowType(k kind) arrow.DataType {
	switch k {
	case kindString:
		return arrow.BinaryTypes.String
	case kindInt64:
		return arrow.PrimitiveTypes.Int64
	case kindFloat64:
		return arrow.PrimitiveTypes.Float64
	case kindBool:
		return arrow.FixedWidthTypes.Boolean
	case kindDate:
		return arrow.FixedWidthTypes.Date32
	default:
		// TimeZone "UTC" makes pqarrow write isAdjustedToUTC=true, which
		// DuckDB reads as TIMESTAMP WITH TIME ZONE.
		return &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
	}
}

func arrowSchema(fs []field, md *arrow.Metadata) *arrow.Schema {
	af := make([]arrow.Field, len(fs))
	for i, f := range fs {
		af[i] = arrow.Field{Name: f.name, Type: arrowType(f.kind), Nullable: f.nullable}
	}
	return arrow.NewSchema(af, md)
}
