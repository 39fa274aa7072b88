package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The on-disk layout of every table is decided in this file and nowhere
// else (schema version 2, docs/schema.md):
//
//	OUT/<table>/<value>/part-00000.parquet     e.g. OUT/frames/2026-01-20/…, OUT/pca/2026-01-14_2026-01-20/…
//
// A partition's directory is named by its value alone, and its column
// (run_date, window) is stored inside every file, once: pandas and pyarrow
// refuse a column that is both in a hive path (key=value) and in the file,
// and read a path-only column as strings; with the value alone in the
// name, every reader takes the column from the file, as a DATE
// (docs/decisions.md, "Partition directories named by value"). Version 1
// named directories key=value; MigrateLayout renames them.
// partitionColumnInFile=false would write the column to the path only (the
// writer leaves it out, the reader fills it in from the path); with plain
// value names no reader would find it, so it stays true.

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

// partitionDir is the directory name of one partition: its value. The key
// names the column inside the files, not the directory.
func partitionDir(_, value string) string { return value }

// partitionRel is a partition's directory relative to OUT or to a staging
// directory.
func partitionRel(table, key, value string) string {
	return filepath.Join(table, partitionDir(key, value))
}

// partitionFile is the data file of one partition below root.
func partitionFile(root, table, key, value string) string {
	return filepath.Join(root, partitionRel(table, key, value), PartFile)
}

// partFileName reports whether name is that of a partition's data file:
// part-NNNNN.parquet, five digits.
func partFileName(name string) bool {
	n, ok := strings.CutPrefix(name, "part-")
	n, ok2 := strings.CutSuffix(n, ".parquet")
	if !ok || !ok2 || len(n) != 5 {
		return false
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// partFiles lists the data files of one partition below root in name
// order: part-00000.parquet, and part-00001.parquet and on where a
// partition was written as shards (framing-beam).
func partFiles(root, table, key, value string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(root, partitionRel(table, key, value), "part-*.parquet"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 { // as reading the one file would have said
		return []string{partitionFile(root, table, key, value)}, nil
	}
	sort.Strings(files)
	return files, nil
}

// tableGlob matches every partition file of a table below root, in the
// shape DuckDB's read_parquet and pyarrow take.
func tableGlob(root, table string) string {
	return filepath.Join(root, table, "*", "*.parquet")
}

// partitionDirsGlob matches every partition directory of every table below
// root (and, in a trash directory left by version 1, its key=value ones).
func partitionDirsGlob(root string) string {
	return filepath.Join(root, "*", "*")
}

// listPartitions returns the values of the committed partitions of a table
// below root, sorted: the directories that hold a data file. Dot
// directories (staging, trash) are not partitions, nor are version-1
// key=value names (MigrateLayout renames them). A table that does not exist
// yet has none.
func listPartitions(root, table, _ string) ([]string, error) {
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
		v := e.Name()
		if !e.IsDir() || strings.HasPrefix(v, ".") || strings.Contains(v, "=") {
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
