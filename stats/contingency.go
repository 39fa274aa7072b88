package stats

import (
	"framing/model"
	"framing/output"
)

// chiSquare tests the outlet × dimension table of hit counts.
func (s *tableRows) chiSquare(wd *windowData, sums *totals) {
	table := sums.hitTable
	cs := model.ChiSquare(table)
	s.tests = append(s.tests, output.OutletTestRow{
		WindowStart: wd.window.From, WindowEnd: wd.window.To, Measure: "hits", Target: "all_dimensions",
		Test: "chi_square", NGroups: int64(len(wd.outlets)), N: int64(sumTable(table)),
		Statistic: output.NullFloat(cs.Stat), DF1: output.NullFloat(cs.DF), P: output.NullFloat(cs.P),
		EffectName: "cramers_v", Effect: output.NullFloat(cs.CramerV), Note: note(cs.Note),
	})
	// The test drops all-zero rows and columns; kept maps back to them.
	keptRow, keptCol := positions(cs.KeptRows), positions(cs.KeptCols)
	for o := range wd.outlets {
		for d := range wd.dims {
			row := output.OutletResidualRow{WindowStart: wd.window.From, WindowEnd: wd.window.To,
				Outlet: wd.outlets[o], Dimension: wd.dims[d], Observed: sums.hits[o][d], Note: note(cs.Note)}
			ko, okO := keptRow[o]
			kd, okD := keptCol[d]
			if okO && okD && ko < len(cs.Expected) && kd < len(cs.Expected[ko]) {
				row.Expected = output.NullFloat(cs.Expected[ko][kd])
				row.StdResidual = output.NullFloat(cs.StdRes[ko][kd])
			}
			s.residuals = append(s.residuals, row)
		}
	}
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
