package report

import (
	"fmt"
	"sort"

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

// scan reads partition p of table t into fn, as rows of T: the report's
// narrow row types, read by column name.
func scan[T, R any, P output.Partition[P]](outDir string, t output.Table[R, P], p P, fn func(T)) error {
	return output.ScanTable(t.Path(outDir, p), func(r T) error { fn(r); return nil })
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
