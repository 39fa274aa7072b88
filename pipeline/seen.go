package pipeline

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"framing/output"
)

// loadSeen collects the content hashes of every stored articles partition
// except the one this run replaces, so that --skip-seen can drop articles a
// feed delivers again. The set holds 32 bytes an article of history.
func loadSeen(outDir string, runDate output.Date) (map[[32]byte]bool, error) {
	paths, err := partitionFiles(outDir, "articles", "run_date")
	if err != nil {
		return nil, err
	}
	seen := map[[32]byte]bool{}
	own := "run_date=" + runDate.String()
	for _, p := range paths {
		if filepath.Base(filepath.Dir(p)) == own {
			continue
		}
		err := output.ScanTable(p, func(a output.ArticleRow) error {
			var h [32]byte
			if n, err := hex.Decode(h[:], []byte(a.ContentSHA256)); err != nil || n != 32 {
				return fmt.Errorf("article %s: bad content_sha256 %q", a.ArticleID, a.ContentSHA256)
			}
			seen[h] = true
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading earlier articles for --skip-seen: %s: %w", p, err)
		}
	}
	return seen, nil
}

// partitionFiles lists OUT/<table>/<key>=*/part-*.parquet in lexical order,
// ignoring dot directories (staging, trash).
func partitionFiles(outDir, table, key string) ([]string, error) {
	dir := filepath.Join(outDir, table)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), key+"=") {
			continue
		}
		files, err := filepath.Glob(filepath.Join(dir, e.Name(), "part-*.parquet"))
		if err != nil {
			return nil, err
		}
		paths = append(paths, files...)
	}
	sort.Strings(paths)
	return paths, nil
}
