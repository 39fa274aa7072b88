package model

import (
	"fmt"
	"math"
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
	group := make([]int, n) // 0 for the reference, col[o] otherwise
	for i, o := range outlet {
		if o != ref {
			group[i] = col[o]
		}
	}
	cont := [][]float64{logTokens}
	if useDays {
		cont = append(cont, days)
	}
	ls := groupedLeastSquares(p, group, len(others)+1, cont, y)
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

// groupedLeastSquares returns the LeastSquares accumulator of the design
// [1, dummies of group, cont…] and response y without adding n rows of width p.
// Rows of one group share the intercept and dummy columns, so a Householder
// reflection within the group turns them into one row, √n_g·[1, e_g, mean_g(cont), mean_g(y)],
// plus the group's rows of centred continuous columns with zeros elsewhere. The
// centred rows of all groups are folded by their own narrow TSQR and stacked under
// the group rows: [X y]ᵀ[X y] is unchanged, no Gram matrix is formed, and the
// cost is O(n·q²) for q continuous columns instead of O(n·p²).
func groupedLeastSquares(p int, group []int, groups int, cont [][]float64, y []float64) *LeastSquares {
	n, q := len(y), len(cont)
	ls := NewLeastSquares(p)
	ls.n = n
	cols := append(append([][]float64{}, cont...), y)
	if note := columnsNote(cols); note != "" {
		ls.badValue = note
		return ls
	}
	count := make([]float64, groups)
	means := make([][]float64, q+1) // [column][group]
	for j, c := range cols {
		means[j] = make([]float64, groups)
		for i, v := range c {
			means[j][group[i]] += v
		}
	}
	for _, g := range group {
		count[g]++
	}
	for j := range means {
		for g := range means[j] {
			if count[g] > 0 {
				means[j][g] /= count[g]
			}
		}
	}
	within := NewLeastSquares(q)
	row := make([]float64, q)
	var yAll Moments
	ym := make([]Moments, groups)
	for i, g := range group {
		for j := range q {
			row[j] = cols[j][i] - means[j][g]
		}
		d := y[i] - means[q][g]
		within.Add(row, d)
		ym[g].M2 += d * d
	}
	within.fold(nil)
	for g := range groups {
		if count[g] == 0 {
			continue
		}
		s := math.Sqrt(count[g])
		r := make([]float64, p+1)
		r[0] = s
		if g > 0 {
			r[g] = s
		}
		for j := range q + 1 {
			r[p-q+j] = s * means[j][g]
		}
		ls.buf = append(ls.buf, r...)
		ym[g].N, ym[g].Mean = count[g], means[q][g]
		yAll.Merge(ym[g])
	}
	w := q + 1
	extra := make([]float64, 0, w*(p+1))
	for i := 0; i < w && within.r != nil; i++ {
		r := make([]float64, p+1)
		copy(r[p-q:], within.r[i*w:(i+1)*w])
		extra = append(extra, r...)
	}
	ls.fold(extra)
	ls.mean, ls.m2 = yAll.Mean, yAll.M2
	return ls
}
