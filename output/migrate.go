package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// versionOneKeys are the partition keys of schema version 1, whose
// directories were named key=value.
var versionOneKeys = []string{"run_date", "window"}

// MigrateLayout renames the partition directories of schema version 1
// (OUT/<table>/run_date=2026-01-20) to the names of version 2
// (OUT/<table>/2026-01-20), one atomic rename each, and returns what it
// renamed, as "table/old -> new". The files are not touched: version 1
// files already hold their partition column. A directory whose new name is
// taken is an error naming both, and nothing after it is renamed. The
// pipeline calls it while it holds OUT's lock, after CleanStaging (which
// may put back a version-1 partition from a trash directory).
func MigrateLayout(outDir string) ([]string, error) {
	tables, err := os.ReadDir(outDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("migrating %s to partition layout 2: %w", outDir, err)
	}
	var done []string
	for _, tb := range tables {
		if !tb.IsDir() || strings.HasPrefix(tb.Name(), ".") {
			continue
		}
		dir := filepath.Join(outDir, tb.Name())
		parts, err := os.ReadDir(dir)
		if err != nil {
			return done, fmt.Errorf("migrating %s to partition layout 2: %w", dir, err)
		}
		names := make([]string, 0, len(parts))
		for _, p := range parts {
			names = append(names, p.Name())
		}
		sort.Strings(names)
		for _, old := range names {
			value, ok := versionOneValue(old)
			if !ok {
				continue
			}
			src, dst := filepath.Join(dir, old), filepath.Join(dir, value)
			if _, err := os.Lstat(dst); err == nil {
				return done, fmt.Errorf("migrating %s to partition layout 2: both %s and %s exist; keep one", outDir, src, dst)
			}
			if err := os.Rename(src, dst); err != nil {
				return done, fmt.Errorf("migrating %s to partition layout 2: %w", outDir, err)
			}
			done = append(done, tb.Name()+"/"+old+" -> "+value)
		}
		if len(done) > 0 {
			if err := syncPath(dir); err != nil {
				return done, err
			}
		}
	}
	return done, nil
}

// versionOneValue returns the value of a version-1 partition directory name.
func versionOneValue(name string) (string, bool) {
	key, value, ok := strings.Cut(name, "=")
	if !ok || value == "" || strings.HasPrefix(value, ".") {
		return "", false
	}
	for _, k := range versionOneKeys {
		if key == k {
			return value, true
		}
	}
	return "", false
}
