package report

import (
	"fmt"
	"sort"

	"framing/output"
)

// Windows lists the statistics windows of outDir, the latest first (the
// one ending last, then the longest), as the report and the notebook pick
// them by default.
func Windows(outDir string) ([]output.Window, error) {
	ws, err := output.OutletStats.Partitions(outDir)
	if err != nil {
		return nil, err
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].To != ws[j].To {
			return ws[i].To > ws[j].To
		}
		return ws[i].From < ws[j].From
	})
	if len(ws) == 0 {
		return nil, fmt.Errorf("%s has no statistics windows (no %s table): is it the --out directory of a framing run?",
			outDir, output.OutletStats.Name())
	}
	return ws, nil
}

// scan reads partition p of table t into fn, through the registry, which
// knows the partition's files.
func scan[R any, P output.Partition[P]](outDir string, t output.Table[R, P], p P, fn func(R)) error {
	return t.Scan(outDir, p, func(r R) error { fn(r); return nil })
}

// runDates lists the run dates of the article-level tables within w.
func runDates(outDir string, w output.Window) ([]output.Date, error) {
	days, err := output.Runs.Partitions(outDir)
	if err != nil {
		return nil, err
	}
	var in []output.Date
	for _, d := range days {
		if w.Contains(d) {
			in = append(in, d)
		}
	}
	return in, nil
}
