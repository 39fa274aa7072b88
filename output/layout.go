package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The on-disk layout of every table is decided in this file and nowhere
// else:
//
//	OUT/<table>/<key>=<value>/part-00000.parquet
//
// Hive-style directory names, which DuckDB (hive_partitioning) and pyarrow
// read as a partition column. Whether that column is also stored inside each
// file is partitionColumnInFile: today it is, so that a file read alone is
// complete. Setting it to false writes the column to the path only (the
// writer leaves it out, the reader fills it in from the path) and changes no
// other file.

// PartFile is the name of the one data file in each partition directory.
const PartFile = "part-00000.parquet"

// currentLayout is the layout every table is written and read with.
var currentLayout = layout{columnInFile: partitionColumnInFile}

// partitionColumnInFile says whether the partition column (run_date,
// window) is stored in the Parquet file as well as in the directory name.
const partitionColumnInFile = true

// layout is what can change about the layout; a value rather than constants
// so that tests can exercise both choices.
type layout struct {
	columnInFile bool
}

// partitionDir is the directory name of one partition, key=value.
func partitionDir(key, value string) string { return key + "=" + value }

// partitionRel is a partition's directory relative to OUT or to a staging
// directory.
func partitionRel(table, key, value string) string {
	return filepath.Join(table, partitionDir(key, value))
}

// partitionFile is the data file of one partition below root.
func partitionFile(root, table, key, value string) string {
	return filepath.Join(root, partitionRel(table, key, value), PartFile)
}

// tableGlob matches every partition file of a table below root, in the
// shape DuckDB's read_parquet and pyarrow take.
func tableGlob(root, table string) string {
	return filepath.Join(root, table, "*", "*.parquet")
}

// partitionDirsGlob matches every partition directory of every table below
// root.
func partitionDirsGlob(root string) string {
	return filepath.Join(root, "*", partitionDir("*", "*"))
}

// listPartitions returns the values of the committed partitions of a table
// below root, sorted: directories named key=value that hold a data file.
// Dot directories (staging, trash) are not partitions. A table that does not
// exist yet has none.
func listPartitions(root, table, key string) ([]string, error) {
	dir := filepath.Join(root, table)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	var values []string
	for _, e := range entries {
		v, ok := strings.CutPrefix(e.Name(), key+"=")
		if !ok || !e.IsDir() || v == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, e.Name(), PartFile)); err != nil {
			continue
		}
		values = append(values, v)
	}
	sort.Strings(values)
	return values, nil
}
