package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"framing/output"
)

// The rows the report reads, narrowed to the columns it uses: output reads
// columns by name, so a table that gains columns (docs/schema.md allows it)
// still loads.

type statRow struct {
	Outlet    string   `parquet:"outlet"`
	Dimension string   `parquet:"dimension"`
	N         int64    `parquet:"n_articles"`
	Mean      *float64 `parquet:"mean"`
	BootLow   *float64 `parquet:"boot_ci_low"`
	BootHigh  *float64 `parquet:"boot_ci_high"`
}

type residualRow struct {
	Outlet      string   `parquet:"outlet"`
	Dimension   string   `parquet:"dimension"`
	Observed    int64    `parquet:"observed"`
	Expected    *float64 `parquet:"expected"`
	StdResidual *float64 `parquet:"std_residual"`
}

type pairRow struct {
	Dimension string   `parquet:"dimension"`
	OutletA   string   `parquet:"outlet_a"`
	OutletB   string   `parquet:"outlet_b"`
	NA        int64    `parquet:"n_a"`
	NB        int64    `parquet:"n_b"`
	MeanDiff  *float64 `parquet:"mean_diff"`
	PHolm     *float64 `parquet:"p_holm"`
	HedgesG   *float64 `parquet:"hedges_g"`
	CILow     *float64 `parquet:"diff_ci_low"`
	CIHigh    *float64 `parquet:"diff_ci_high"`
}

type keynessRow struct {
	Outlet    string   `parquet:"outlet"`
	Dimension string   `parquet:"dimension"`
	Entry     string   `parquet:"entry"`
	Count     int64    `parquet:"count_outlet"`
	G2        *float64 `parquet:"g2"`
	P         *float64 `parquet:"p"`
	LogRatio  *float64 `parquet:"log_ratio"`
}

type pcaRow struct {
	Kind      string   `parquet:"kind"`
	Component int64    `parquet:"component"`
	Dimension *string  `parquet:"dimension"`
	Outlet    *string  `parquet:"outlet"`
	Value     *float64 `parquet:"value"`
	Note      *string  `parquet:"note"`
}

type articleRow struct {
	ArticleID string       `parquet:"article_id"`
	Outlet    string       `parquet:"outlet"`
	Published *output.Date `parquet:"published"`
	DateRaw   *string      `parquet:"date_raw"`
}

type frameRow struct {
	ArticleID string  `parquet:"article_id"`
	Dimension string  `parquet:"dimension"`
	Hits      int64   `parquet:"hits"`
	Per1k     float64 `parquet:"per_1k"`
}

type stanceRow struct {
	Outlet string   `parquet:"outlet"`
	Actor  string   `parquet:"actor"`
	Stance *float64 `parquet:"stance"`
}

type rejectRow struct {
	Reason string `parquet:"reason"`
}

type runRow struct {
	RunDate        output.Date `parquet:"run_date"`
	LexiconName    string      `parquet:"lexicon_name"`
	LexiconVersion string      `parquet:"lexicon_version"`
	LexiconSHA256  string      `parquet:"lexicon_sha256"`
	Articles       int64       `parquet:"articles"`
	Rejects        int64       `parquet:"rejects"`
	DateWarnings   int64       `parquet:"date_warnings"`
}

// Window is a statistics window of an output directory: its partition
// value FROM_TO and its first and last run date.
type Window struct {
	Name     string
	From, To output.Date
}

// Windows lists the statistics windows of outDir, the latest first (the
// one ending last, then the longest), as the report and the notebook pick
// them by default.
func Windows(outDir string) ([]Window, error) {
	dirs, err := partitionValues(outDir, "outlet_stats")
	if err != nil {
		return nil, err
	}
	var ws []Window
	for _, d := range dirs {
		from, to, ok := strings.Cut(d, "_")
		f, err1 := output.ParseDate(from)
		t, err2 := output.ParseDate(to)
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		ws = append(ws, Window{Name: d, From: f, To: t})
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].To != ws[j].To {
			return ws[i].To > ws[j].To
		}
		return ws[i].From < ws[j].From
	})
	if len(ws) == 0 {
		return nil, fmt.Errorf("%s has no statistics windows (no outlet_stats table): is it the --out directory of a framing run?", outDir)
	}
	return ws, nil
}

// partDir is the directory name of one partition of a table.
func partDir(table, value string) string {
	if isStatTable(table) {
		return "window=" + value
	}
	return "run_date=" + value
}

func isStatTable(table string) bool {
	switch table {
	case "articles", "frames", "terms", "stance", "rejects", "runs", "matches":
		return false
	}
	return true
}

// partitionValues lists the partition values of a table, sorted.
func partitionValues(outDir, table string) ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(outDir, table))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", table, err)
	}
	prefix := strings.TrimSuffix(partDir(table, ""), "")
	var vals []string
	for _, e := range ents {
		if v, ok := strings.CutPrefix(e.Name(), prefix); ok && e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			vals = append(vals, v)
		}
	}
	sort.Strings(vals)
	return vals, nil
}

// scan reads every file of one partition of a table into fn. A missing
// partition is an error naming it.
func scan[T any](outDir, table, value string, fn func(T)) error {
	dir := filepath.Join(outDir, table, partDir(table, value))
	files, err := filepath.Glob(filepath.Join(dir, "*.parquet"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no Parquet files in %s", dir)
	}
	for _, f := range files {
		if err := output.ScanTable(f, func(r T) error { fn(r); return nil }); err != nil {
			return err
		}
	}
	return nil
}

// runDates lists the run dates of the article-level tables within w.
func runDates(outDir string, w Window) ([]string, error) {
	vals, err := partitionValues(outDir, "runs")
	if err != nil {
		return nil, err
	}
	var in []string
	for _, v := range vals {
		d, err := output.ParseDate(v)
		if err == nil && d >= w.From && d <= w.To {
			in = append(in, v)
		}
	}
	return in, nil
}
