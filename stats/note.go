package stats

import (
	"slices"
	"strings"
)

// note joins the notes of a row's statistics (model's and this package's)
// for the note column, "; " between them, each once (a one-article outlet's
// moments and bootstrap both say "fewer than 2 observations"); nil when
// there is none.
func note(parts ...string) *string {
	var keep []string
	for _, p := range parts {
		if p != "" && !slices.Contains(keep, p) {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	s := strings.Join(keep, "; ")
	return &s
}
