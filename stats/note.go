package stats

import "strings"

// note joins the notes of a row's statistics (model's and this package's)
// for the note column, "; " between them; nil when there is none.
func note(parts ...string) *string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	s := strings.Join(keep, "; ")
	return &s
}
