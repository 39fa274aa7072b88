package output

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/parquet/file"
)

// DumpOptions shape a text dump of a table.
type DumpOptions struct {
	// Mask names columns whose values are printed as <masked>: wall-clock
	// values such as runs.started_at that differ from run to run.
	Mask map[string]bool
}

// Dump writes the Parquet file at path as text, for golden tests and for
// reading a table without other tools: the footer's key-value metadata
// (sorted; the pandas key, which the schema determines, left out), the schema (one column a line, in the terms of Columns), then
// every row on one line with its values in column order, separated by " | ".
// Strings are quoted, null is null, dates are YYYY-MM-DD, timestamps RFC 3339
// and floats have 12 significant digits, so that the text is stable and a
// last-bit difference between machines does not show; byte-identical files
// are checked separately.
func Dump(w io.Writer, path string, opt DumpOptions) error {
	cols, err := FileColumns(path)
	if err != nil {
		return err
	}
	return withFile(path, func(pf *file.Reader) error {
		kv := pf.MetaData().KeyValueMetadata()
		keys := append([]string(nil), kv.Keys()...)
		sort.Strings(keys)
		fmt.Fprintln(w, "metadata:")
		for _, k := range keys {
			if k == PandasMetadataKey {
				continue // derived from the schema below; TestPandasMetadata checks it
			}
			if v := kv.FindValue(k); v != nil {
				fmt.Fprintf(w, "  %s = %s\n", k, *v)
			}
		}
		fmt.Fprintln(w, "schema:")
		names := make([]string, len(cols))
		for i, c := range cols {
			null := ""
			if c.Nullable {
				null = " null"
			}
			fmt.Fprintf(w, "  %s %s%s\n", c.Name, c.Type, null)
			names[i] = c.Name
		}
		fmt.Fprintf(w, "rows: %d\n", pf.NumRows())
		fmt.Fprintf(w, "  %s\n", strings.Join(names, " | "))
		fr, err := arrowReader(pf, path)
		if err != nil {
			return err
		}
		vals := make([]string, len(names))
		return eachRecord(fr, path, nil, func(rec arrow.RecordBatch) error {
			for r := range int(rec.NumRows()) {
				for c := range vals {
					vals[c] = "<masked>"
					if !opt.Mask[names[c]] {
						vals[c] = dumpValue(rec.Column(c), r)
					}
				}
				fmt.Fprintf(w, "  %s\n", strings.Join(vals, " | "))
			}
			return nil
		})
	})
}

// dumpValue formats one value of the column types TableWriter writes.
func dumpValue(col arrow.Array, r int) string {
	if col.IsNull(r) {
		return "null"
	}
	switch a := col.(type) {
	case *array.String:
		return strconv.Quote(a.Value(r))
	case *array.Int64:
		return strconv.FormatInt(a.Value(r), 10)
	case *array.Float64:
		return strconv.FormatFloat(a.Value(r), 'g', 12, 64)
	case *array.Boolean:
		return strconv.FormatBool(a.Value(r))
	case *array.Date32:
		return Date(a.Value(r)).String()
	case *array.Timestamp:
		return time.UnixMicro(int64(a.Value(r))).UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("<%s>", col.DataType())
}
