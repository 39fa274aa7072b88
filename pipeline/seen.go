package pipeline

import (
	"encoding/hex"
	"fmt"

	"framing/output"
)

// loadSeen collects the content hashes of every stored articles partition
// except the one this run replaces, so that --skip-seen can drop articles a
// feed delivers again. The set holds 32 bytes an article of history.
func loadSeen(outDir string, runDate output.Date) (map[[32]byte]bool, error) {
	days, err := output.Articles.Partitions(outDir)
	if err != nil {
		return nil, err
	}
	seen := map[[32]byte]bool{}
	for _, day := range days {
		if day == runDate {
			continue
		}
		err := output.Articles.Scan(outDir, day, func(a output.ArticleRow) error {
			var h [32]byte
			if n, err := hex.Decode(h[:], []byte(a.ContentSHA256)); err != nil || n != 32 {
				return fmt.Errorf("article %s: bad content_sha256 %q", a.ArticleID, a.ContentSHA256)
			}
			seen[h] = true
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading earlier articles for --skip-seen: %w", err)
		}
	}
	return seen, nil
}
