package output

import (
	"encoding/json"
	"fmt"
)

// PandasMetadataKey is the footer key under which pyarrow looks for the
// pandas metadata of a file: the column descriptions of the "Storing pandas
// DataFrame objects in Apache Parquet format" section of the pandas
// developer guide.
const PandasMetadataKey = "pandas"

// pandasColumn is one entry of the pandas metadata's "columns" list.
type pandasColumn struct {
	Name       string            `json:"name"`
	FieldName  string            `json:"field_name"`
	PandasType string            `json:"pandas_type"`
	NumpyType  string            `json:"numpy_type"`
	Metadata   map[string]string `json:"metadata"`
}

// pandasMetadata is the JSON document stored under PandasMetadataKey.
type pandasMetadata struct {
	IndexColumns  []string          `json:"index_columns"`
	ColumnIndexes []any             `json:"column_indexes"`
	Columns       []pandasColumn    `json:"columns"`
	Creator       map[string]string `json:"creator"`
}

// pandasTypes maps a column kind to its pandas_type and the dtype pandas
// should give it. pyarrow's to_pandas reads numpy_type and, when it names a
// pandas extension dtype, converts the column to it: so a nullable BIGINT
// becomes "Int64" instead of float64 (its nulls would otherwise turn it into
// floats), and a DATE becomes "date32[day][pyarrow]" instead of an object
// column of datetime.date. The other kinds name the dtype pandas picks anyway,
// so `pd.read_parquet` gives every column its documented type with no
// arguments (measured with pandas 3.1.1 and pyarrow 26.0.1; docs/decisions.md).
func pandasTypes(f field) (pandasType, numpyType string, meta map[string]string) {
	switch f.kind {
	case kindString:
		return "unicode", "object", nil
	case kindInt64:
		if f.nullable {
			return "int64", "Int64", nil
		}
		return "int64", "int64", nil
	case kindFloat64:
		return "float64", "float64", nil
	case kindBool:
		if f.nullable {
			return "bool", "boolean", nil
		}
		return "bool", "bool", nil
	case kindDate:
		return "date", "date32[day][pyarrow]", nil
	case kindTime:
		return "datetimetz", "datetime64[us]", map[string]string{"timezone": "UTC"}
	}
	panic(fmt.Sprintf("output: no pandas type for kind %d", f.kind))
}

// pandasJSON is the pandas metadata of a table with the given fields: no
// index, one entry a column, in file order. It depends only on the fields,
// so it never changes a file's bytes from one run to the next.
func pandasJSON(fs []field) string {
	md := pandasMetadata{
		IndexColumns:  []string{},
		ColumnIndexes: []any{},
		Creator:       map[string]string{"library": "framing"},
	}
	for _, f := range fs {
		pt, nt, meta := pandasTypes(f)
		md.Columns = append(md.Columns, pandasColumn{Name: f.name, FieldName: f.name, PandasType: pt, NumpyType: nt, Metadata: meta})
	}
	b, err := json.Marshal(md)
	if err != nil {
		panic(fmt.Sprintf("output: encoding pandas metadata: %v", err)) // plain structs and strings always encode
	}
	return string(b)
}
