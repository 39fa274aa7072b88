package stats

import (
	"framing/model"
	"framing/output"
)

// chiSquare tests the outlet × dimension table of hit counts. Its rows are
// the eligible outlets and, when some outlets have fewer than MinArticles
// articles, one (other) row that pools them: the test keeps every hit
// without a row of tiny expected counts per small outlet. n_groups counts
// the rows the test kept (an outlet without hits is dropped).
func (s *tableRows) chiSquare(wd *windowData) {
	names, table := wd.hitRows()
	cs := model.ChiSquare(table)
	extra := wd.sel.pooledNote()
	s.tests = append(s.tests, output.OutletTestRow{
		Measure: "hits", Target: "all_dimensions",
		Test: "chi_square", NGroups: int64(len(cs.KeptRows)), N: int64(sumTable(table)),
		Statistic: output.NullFloat(cs.Stat), DF1: output.NullFloat(cs.DF), P: output.NullFloat(cs.P),
		EffectName: "cramers_v", Effect: output.NullFloat(cs.CramerV), Note: note(cs.Note, extra),
	})
	// The test drops all-zero rows and columns; kept maps back to them.
	keptRow, keptCol := positions(cs.KeptRows), positions(cs.KeptCols)
	for o, name := range names {
		for d := range wd.dims {
			row := output.OutletResidualRow{Outlet: name, Dimension: wd.dims[d], Observed: int64(table[o][d]), Note: note(cs.Note)}
			ko, okO := keptRow[o]
			kd, okD := keptCol[d]
			if okO && okD && ko < len(cs.Expected) && kd < len(cs.Expected[ko]) {
				row.Expected = output.NullFloat(cs.Expected[ko][kd])
				row.StdResidual = output.NullFloat(cs.StdRes[ko][kd])
			} else if cs.Note == "" {
				row.Note = note("outlet or dimension without hits: left out of the test")
			}
			s.residuals = append(s.residuals, row)
		}
	}
}

// hitRows is the table of the chi-square test: one row per eligible
// outlet, then the pooled (other) row when there are small outlets.
func (wd *windowData) hitRows() ([]string, [][]float64) {
	var names []string
	var table [][]float64
	row := func(hits []int64) []float64 {
		r := make([]float64, len(hits))
		for d, h := range hits {
			r[d] = float64(h)
		}
		return r
	}
	for _, o := range wd.sel.eligible {
		names, table = append(names, wd.outlets[o]), append(table, row(wd.totals.hits[o]))
	}
	if wd.sel.small > 0 {
		other := make([]float64, len(wd.dims))
		for o, ok := range wd.sel.isEligible {
			if !ok {
				for d, h := range wd.totals.hits[o] {
					other[d] += float64(h)
				}
			}
		}
		names, table = append(names, otherOutlet), append(table, other)
	}
	return names, table
}

// positions maps each kept original index to its place in the kept list.
func positions(kept []int) map[int]int {
	m := make(map[int]int, len(kept))
	for i, k := range kept {
		m[k] = i
	}
	return m
}

func sumTable(t [][]float64) float64 {
	n := 0.0
	for _, r := range t {
		for _, v := range r {
			n += v
		}
	}
	return n
}
