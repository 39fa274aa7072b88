package model

import (
	"fmt"
	"slices"
)

// OutletRegression fits per_1k ~ outlet + log(n_tokens) [+ days] by OLS with treatment
// coding of outlet. The reference outlet is the one with the most articles, ties broken
// alphabetically, so the baseline is the best-estimated level and the choice is
// deterministic. The fit streams the rows through LeastSquares (TSQR), so memory is
// O(p²) beyond the inputs, whatever n. Term names are "(Intercept)", "outlet[T.Name]" (other outlets in sorted
// order), "log_n_tokens" and "days". The days term is included only when useDays is true
// and days is not constant (a constant column would duplicate the intercept). days may be
// nil when useDays is false.
func OutletRegression(y []float64, outlet []string, logTokens []float64, days []float64, useDays bool) (OLSResult, error) {
	n := len(y)
	if len(outlet) != n || len(logTokens) != n || (useDays && len(days) != n) {
		return OLSResult{}, fmt.Errorf("outlet regression: %d responses, %d outlets, %d log tokens, %d days: %w",
			n, len(outlet), len(logTokens), len(days), ErrShape)
	}
	ref, others := referenceOutlet(outlet)
	note := ""
	if useDays && isConstant(days) {
		useDays = false
		note = "days constant: term dropped"
	}
	names := []string{"(Intercept)"}
	col := make(map[string]int, len(others))
	for i, o := range others {
		names = append(names, "outlet[T."+o+"]")
		col[o] = i + 1
	}
	names = append(names, "log_n_tokens")
	if useDays {
		names = append(names, "days")
	}
	if n == 0 {
		return OLSResult{Names: names, Note: NoteEmpty}, fmt.Errorf("outlet regression: %s: %w", NoteEmpty, ErrShape)
	}
	p := len(names)
	ls := NewLeastSquares(p)
	row := make([]float64, p)
	for i := 0; i < n; i++ {
		clear(row)
		row[0] = 1
		if o := outlet[i]; o != ref {
			row[col[o]] = 1
		}
		row[len(others)+1] = logTokens[i]
		if useDays {
			row[p-1] = days[i]
		}
		ls.Add(row, y[i])
	}
	res, err := ls.Fit(names, true)
	res.Reference = ref
	res.Note = addNote(res.Note, note)
	if err != nil {
		return res, fmt.Errorf("outlet regression: %w", err)
	}
	return res, nil
}

// referenceOutlet returns the most frequent outlet (ties: alphabetically first) and the
// other outlets sorted.
func referenceOutlet(outlet []string) (string, []string) {
	count := map[string]int{}
	for _, o := range outlet {
		count[o]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ref := ""
	for _, k := range keys {
		if ref == "" || count[k] > count[ref] {
			ref = k
		}
	}
	others := make([]string, 0, len(keys))
	for _, k := range keys {
		if k != ref {
			others = append(others, k)
		}
	}
	return ref, others
}

func isConstant(x []float64) bool {
	for _, v := range x {
		if v != x[0] {
			return false
		}
	}
	return true
}
