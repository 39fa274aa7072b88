package stats

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"framing/model"
	"framing/output"
)

// degenerateWindow builds a window from per-article outlets and per_1k values
// ([dim][article]) with 1000 tokens an article, a stance toward "actor" of
// per_1k/10 and one lexicon entry per dimension. days may be nil (every
// date unknown).
func degenerateWindow(t *testing.T, outlets []string, outletOf []int, per1k [][]float64, days []float64) *windowData {
	s := windowSpec{outlets: outlets, outletOf: outletOf, per1k: per1k, days: days, stance: map[string]stanceSpec{}}
	st := stanceSpec{outletOf: outletOf}
	for i, o := range outletOf {
		st.value = append(st.value, per1k[0][i]/10)
		for d := range per1k {
			if h := int64(per1k[d][i]); h > 0 {
				s.terms = append(s.terms, termSpec{outlets[o], dimName(d), "entry", h})
			}
		}
	}
	s.stance["actor"] = st
	return s.build(t, testOptions(2))
}

func repeat(v float64, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = v
	}
	return x
}

func TestComputeStatsDegenerate(t *testing.T) {
	ramp := func(n int) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(i%7) + float64(i%3)
		}
		return x
	}
	tests := []struct {
		name string
		wd   *windowData
		want map[string]string // table field of tableRows → a note some row carries
	}{
		{"no articles", degenerateWindow(t, nil, nil, [][]float64{{}, {}}, nil),
			map[string]string{"pca": model.NoteEmpty, "tests": model.NoteEmpty}},
		{"single outlet", degenerateWindow(t, []string{"a"}, make([]int, 20),
			[][]float64{ramp(20), repeat(3, 20)}, ramp(20)),
			map[string]string{"tests": model.NoteOneGroup, "pca": "dropped"}},
		{"one article per outlet", degenerateWindow(t, []string{"a", "b", "c", "d"}, []int{0, 1, 2, 3},
			[][]float64{{1, 4, 0, 2}, {0, 1, 3, 5}}, []float64{0, 1, 2, 3}),
			map[string]string{"stats": model.NoteTooFew, "pairs": model.NoteGroupTooFew,
				"tests": model.NoteNoResidualDF, "trends": "fewer than 3 distinct dates"}},
		{"all zeros", degenerateWindow(t, []string{"a", "b", "c"}, []int{0, 0, 0, 1, 1, 1, 2, 2, 2},
			[][]float64{repeat(0, 9), repeat(0, 9)}, ramp(9)),
			map[string]string{"stats": noteNoFrameHits, "tests": model.NoteAllTied,
				"pairs": model.NoteZeroVariance, "profiles": "no frame hits", "corr": model.NoteZeroVariance}},
		{"fewer than 2 groups with articles", degenerateWindow(t, []string{"a", "b", "c"}, []int{1, 1, 1, 1},
			[][]float64{{1, 2, 3, 5}, {2, 2, 0, 1}}, []float64{0, 1, 2, 3}),
			map[string]string{"tests": model.NoteOneGroup}},
		{"no dates", degenerateWindow(t, []string{"a", "b"}, []int{0, 0, 0, 1, 1, 1},
			[][]float64{{1, 2, 4, 0, 5, 7}, {3, 1, 0, 0, 2, 2}}, nil),
			map[string]string{"trends": "fewer than 3 distinct dates"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := computeAll(t, tc.wd, testOptions(2))
			checkRows(t, s)
			for table, want := range tc.want {
				if !someNote(s, table, want) {
					t.Errorf("%s: no row with a note containing %q", table, want)
				}
			}
		})
	}
}

// someNote reports whether a row of the named table has a note containing want.
func someNote(s *tableRows, table, want string) bool {
	rows := reflect.ValueOf(s).Elem().FieldByName(table)
	for i := range rows.Len() {
		if n := rows.Index(i).FieldByName("Note"); !n.IsNil() && strings.Contains(n.Elem().String(), want) {
			return true
		}
	}
	return false
}

// checkRows asserts, for every row of every table, that each float is finite
// or null and that a row with a null statistic carries a note.
func checkRows(t *testing.T, s *tableRows) {
	t.Helper()
	tables := reflect.ValueOf(s).Elem()
	for ti := range tables.NumField() {
		table := tables.Type().Field(ti).Name
		rows := tables.Field(ti)
		for ri := range rows.Len() {
			row := rows.Index(ri)
			var nulls []string
			hasNote := false
			for fi := range row.NumField() {
				f, name := row.Field(fi), row.Type().Field(fi).Name
				switch {
				case name == "Note":
					hasNote = !f.IsNil() && f.Elem().String() != ""
				case f.Kind() == reflect.Float64:
					if v := f.Float(); math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s[%d].%s = %g", table, ri, name, v)
					}
				case f.Type() == reflect.TypeFor[*float64]():
					if f.IsNil() {
						if !notApplicable(row, name) {
							nulls = append(nulls, name)
						}
					} else if v := f.Elem().Float(); math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s[%d].%s = %g", table, ri, name, v)
					}
				}
			}
			if len(nulls) > 0 && !hasNote && row.FieldByName("Note").IsValid() {
				t.Errorf("%s[%d]: %v null without a note: %+v", table, ri, nulls, row)
			}
		}
	}
}

// notApplicable reports the columns that a kind of row never fills: a rank
// test and chi-square have one df, Welch's ANOVA has no effect size.
func notApplicable(row reflect.Value, field string) bool {
	if row.Type() != reflect.TypeFor[output.OutletTestRow]() {
		return false
	}
	switch field {
	case "DF2":
		test := row.FieldByName("Test").String()
		return test == "kruskal_wallis" || test == "chi_square"
	case "Effect":
		return row.FieldByName("EffectName").String() == ""
	}
	return false
}

// TestTrendSparseDays checks that a window whose dates lie far apart (one
// article some 130 years after the others) gives outlet a the slope it has
// without that article, and outlet b its fourth day.
func TestTrendSparseDays(t *testing.T) {
	outletOf := []int{0, 0, 0, 0, 0, 1, 1, 1}
	per1k := [][]float64{{1, 3, 2, 5, 4, 2, 2, 7}}
	days := []float64{0, 1, 1, 2, 3, 0, 1, 2}
	dense := degenerateWindow(t, []string{"a", "b"}, outletOf, per1k, days)
	far := degenerateWindow(t, []string{"a", "b"}, append(outletOf, 1), [][]float64{append(per1k[0], 9)},
		append(days, 3<<14))
	var sd, sf tableRows
	sd.trend(dense, 0, per1k[0])
	sf.trend(far, 0, append(per1k[0], 9))
	if got, want := sf.trends[0], sd.trends[0]; *got.Slope != *want.Slope || *got.SE != *want.SE || got.NDays != want.NDays {
		t.Errorf("outlet a: sparse %v ± %v (%d days), dense %v ± %v (%d days)",
			*got.Slope, *got.SE, got.NDays, *want.Slope, *want.SE, want.NDays)
	}
	if sf.trends[1].NDays != 4 || sf.trends[1].Slope == nil {
		t.Errorf("outlet b: %+v", sf.trends[1])
	}
}
