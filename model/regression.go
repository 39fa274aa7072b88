package model

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// OutletRegression fits per_1k ~ outlet + log(n_tokens) [+ days] by OLS with treatment
// coding of outlet. The reference outlet is the one with the most articles, ties broken
// alphabetically, so the baseline is the best-estimated level and the choice is
// deterministic. Term names are "(Intercept)", "outlet[T.Name]" (other outlets in sorted
// order), "log_n_tokens" and "days". The days term is included only when useDays is true
// and days is not constant (a constant column would duplicate the intercept). days may be
// nil when useDays is false. It is GroupRegression with the outlets as groups.
func OutletRegression(y []float64, outlet []string, logTokens []float64, days []float64, useDays bool) (OLSResult, error) {
	n := len(y)
	if len(outlet) != n || len(logTokens) != n || (useDays && len(days) != n) {
		return OLSResult{}, fmt.Errorf("outlet regression: %d responses, %d outlets, %d log tokens, %d days: %w",
			n, len(outlet), len(logTokens), len(days), ErrShape)
	}
	ref, others := referenceOutlet(outlet)
	names := append([]string{ref}, others...)
	col := make(map[string]int32, len(names))
	for i, o := range names {
		col[o] = int32(i)
	}
	group := make([]int32, n)
	for i, o := range outlet {
		group[i] = col[o]
	}
	if n == 0 {
		names = nil
	}
	return GroupRegression(y, group, names, 0, logTokens, days, useDays)
}

// GroupRegression fits y ~ group + log(n_tokens) [+ days] by OLS with treatment coding of
// group against group ref: group[i] indexes names, every group has at least one
// observation. Terms are "(Intercept)" (the reference group's level), "outlet[T.name]"
// for every other group in index order, "log_n_tokens" and, when useDays and days vary,
// "days". The result is that of OLS on the full design, but computed without a p×p
// matrix, in O(n·q² + groups·q²) for q continuous columns, so that thousands of outlets
// cost no more than a few (the theorem of Frisch, Waugh and Lovell):
//
//   - the slopes β of the continuous columns are the OLS of y on them within groups
//     (every value minus its group's mean), by TSQR (LeastSquares), never XᵀX; W = RᵀR
//     is the within-group cross-product matrix and RSS that fit's residual sum of
//     squares, which is the full model's;
//   - each group's level is α_g = ȳ_g − x̄_gᵀβ; the intercept is α_ref and the term of
//     group g is α_g − α_ref;
//   - with σ̂² = RSS/(n − p), Var(β) = σ̂²W⁻¹, Var(α_ref) = σ̂²(1/n_ref + x̄_refᵀW⁻¹x̄_ref)
//     and Var(α_g − α_ref) = σ̂²(1/n_g + 1/n_ref + dᵀW⁻¹d) with d = x̄_g − x̄_ref, since
//     group means of the errors are uncorrelated with the within-group slopes.
//
// Rank is judged as OLS judges it, on the diagonal of R: a continuous column whose
// within-group residual is below 1e-7 of the largest diagonal entry (at least √n, the
// intercept's) makes the design singular, an error wrapping ErrShape naming the term.
func GroupRegression(y []float64, group []int32, names []string, ref int, logTokens, days []float64, useDays bool) (OLSResult, error) {
	n, G := len(y), len(names)
	if len(group) != n || len(logTokens) != n || (useDays && len(days) != n) || (n > 0 && (ref < 0 || ref >= G)) {
		return OLSResult{}, fmt.Errorf("outlet regression: %d responses, %d groups, %d log tokens, %d days, reference %d of %d: %w",
			n, len(group), len(logTokens), len(days), ref, G, ErrShape)
	}
	note := ""
	if useDays && isConstant(days) {
		useDays = false
		note = "days constant: term dropped"
	}
	terms := []string{"(Intercept)"}
	for g, name := range names {
		if g != ref {
			terms = append(terms, "outlet[T."+name+"]")
		}
	}
	contNames := []string{"log_n_tokens"}
	cont := [][]float64{logTokens}
	if useDays {
		contNames, cont = append(contNames, "days"), append(cont, days)
	}
	terms = append(terms, contNames...)
	if n == 0 {
		return OLSResult{Names: terms, Note: NoteEmpty}, fmt.Errorf("outlet regression: %s: %w", NoteEmpty, ErrShape)
	}
	res, err := groupFit(y, group, G, ref, cont, contNames, terms)
	res.Reference = names[ref]
	res.Note = addNote(res.Note, note)
	if err != nil {
		return res, fmt.Errorf("outlet regression: %w", err)
	}
	return res, nil
}

// groupFit is GroupRegression's fit once the terms are named.
func groupFit(y []float64, group []int32, G, ref int, cont [][]float64, contNames, terms []string) (OLSResult, error) {
	n, q, p := len(y), len(cont), len(terms)
	for _, g := range group {
		if g < 0 || int(g) >= G {
			return OLSResult{}, fmt.Errorf("least squares: group %d of %d: %w", g, G, ErrShape)
		}
	}
	if n <= p {
		return OLSResult{}, fmt.Errorf("least squares: %d observations for %d coefficients: %w", n, p, ErrShape)
	}
	res := OLSResult{Names: terms, N: n, ResidualDF: n - p}
	cols := append(append([][]float64{}, cont...), y)
	if note := columnsNote(cols); note != "" {
		res.fillNaN(p, false)
		res.Note = note
		return res, nil
	}
	count, means := groupMeans(group, G, cols)
	for g, c := range count {
		if c == 0 {
			return res, fmt.Errorf("least squares: group %d has no observations: %w", g, ErrShape)
		}
	}
	within := NewLeastSquares(q)
	row := make([]float64, q)
	for i, g := range group {
		for j := range q {
			row[j] = cols[j][i] - means[g][j]
		}
		within.Add(row, y[i]-means[g][q])
	}
	within.fold(nil)
	w := q + 1
	r := func(i, j int) float64 {
		if within.r == nil {
			return 0
		}
		return within.r[i*w+j]
	}
	maxd := math.Sqrt(float64(n))
	for j := range q {
		maxd = math.Max(maxd, math.Abs(r(j, j)))
	}
	rw := mat.NewTriDense(max(q, 1), mat.Upper, nil)
	for j := range q {
		if math.Abs(r(j, j)) <= singularTol*maxd {
			return res, fmt.Errorf("%s: %s: %w", contNames[j], NoteSingular, ErrShape)
		}
		for k := j; k < q; k++ {
			rw.SetTri(j, k, r(j, k))
		}
	}
	var rinv mat.TriDense
	if q > 0 {
		if err := rinv.InverseTri(rw); err != nil {
			return res, fmt.Errorf("%s: %v: %w", NoteSingular, err, ErrShape)
		}
	}
	beta := make([]float64, q) // back substitution R β = Qᵀy
	for j := q - 1; j >= 0; j-- {
		s := r(j, q)
		for k := j + 1; k < q; k++ {
			s -= r(j, k) * beta[k]
		}
		beta[j] = s / r(j, j)
	}
	// quad is xᵀW⁻¹x = |R⁻ᵀx|².
	quad := func(x []float64) float64 {
		var s float64
		for k := range q {
			var v float64
			for j := 0; j <= k; j++ {
				v += rinv.At(j, k) * x[j]
			}
			s += v * v
		}
		return s
	}
	level := func(g int) float64 {
		a := means[g][q]
		for j := range q {
			a -= means[g][j] * beta[j]
		}
		return a
	}
	res.Coef = make([]float64, 0, p)
	unscaled := make([]float64, 0, p)
	aRef, nRef := level(ref), float64(count[ref])
	res.Coef = append(res.Coef, aRef)
	unscaled = append(unscaled, 1/nRef+quad(means[ref][:q]))
	d := make([]float64, q)
	for g := range G {
		if g == ref {
			continue
		}
		for j := range q {
			d[j] = means[g][j] - means[ref][j]
		}
		res.Coef = append(res.Coef, level(g)-aRef)
		unscaled = append(unscaled, 1/float64(count[g])+1/nRef+quad(d))
	}
	for j := range q {
		res.Coef = append(res.Coef, beta[j])
		var s float64
		for k := j; k < q; k++ {
			s += rinv.At(j, k) * rinv.At(j, k)
		}
		unscaled = append(unscaled, s)
	}
	rss := r(q, q) * r(q, q)
	res.summarize(unscaled, rss, MomentsOf(y), 0)
	return res, nil
}

// groupMeans returns each group's size and the means of every column in it
// (means[g][j]), summed in observation order.
func groupMeans(group []int32, G int, cols [][]float64) ([]int, [][]float64) {
	count := make([]int, G)
	means := make([][]float64, G)
	for g := range means {
		means[g] = make([]float64, len(cols))
	}
	for i, g := range group {
		count[g]++
		for j, c := range cols {
			means[g][j] += c[i]
		}
	}
	for g, m := range means {
		for j := range m {
			if count[g] > 0 {
				m[j] /= float64(count[g])
			}
		}
	}
	return count, means
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
