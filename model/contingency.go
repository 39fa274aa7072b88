package model

import (
	"math"
)

// ChiSq is Pearson's chi-square test of independence on an r×c table of counts.
// Expected and StdRes are indexed like the table after all-zero rows and columns are
// dropped; KeptRows and KeptCols give the original indices.
type ChiSq struct {
	Stat, DF, P float64
	CramerV     float64
	N           float64
	Expected    [][]float64
	StdRes      [][]float64 // adjusted standardized residuals, R's chisq.test()$stdres
	KeptRows    []int
	KeptCols    []int
	Note        string
}

// ChiSquare tests independence without continuity correction, as R's
// chisq.test(correct = FALSE): E_ij = r_i c_j / N, χ² = Σ (O−E)²/E on (r−1)(c−1) df.
// The adjusted standardized residual is (O−E) / sqrt(E (1 − r_i/N)(1 − c_j/N))
// (Agresti, Categorical Data Analysis, 3rd ed., §2.4.5), and Cramér's V is
// sqrt(χ² / (N (min(r, c) − 1))) (Cramér 1946). All-zero rows and columns carry no
// information and are dropped with a Note; fewer than 2 rows or columns left, negative or
// non-finite counts give NaN statistics and a Note. Small expected counts are allowed
// (one article per outlet works); the chi-square approximation is then poor, and
// Note says so when some E < 5, as R warns.
func ChiSquare(table [][]float64) ChiSq {
	res := ChiSq{Stat: nan(), DF: nan(), P: nan(), CramerV: nan()}
	rowSum, colSum, note := margins(table)
	if note != "" {
		res.Note = note
		return res
	}
	for i, s := range rowSum {
		if s > 0 {
			res.KeptRows = append(res.KeptRows, i)
		}
	}
	for j, s := range colSum {
		if s > 0 {
			res.KeptCols = append(res.KeptCols, j)
		}
		res.N += s
	}
	if len(res.KeptRows) < len(rowSum) || len(res.KeptCols) < len(colSum) {
		res.Note = "all-zero rows or columns dropped"
	}
	r, c := len(res.KeptRows), len(res.KeptCols)
	if r < 2 || c < 2 {
		res.Note = addNote(res.Note, "fewer than 2 non-empty rows or columns")
		if res.N == 0 {
			res.Note = NoteAllZero
		}
		return res
	}
	res.Expected, res.StdRes = make([][]float64, r), make([][]float64, r)
	var chi2 float64
	small, dominant := false, false
	for a, i := range res.KeptRows {
		res.Expected[a], res.StdRes[a] = make([]float64, c), make([]float64, c)
		for b, j := range res.KeptCols {
			e := rowSum[i] * colSum[j] / res.N
			d := table[i][j] - e
			chi2 += d * d / e
			res.Expected[a][b] = e
			res.StdRes[a][b] = nan()
			// 1 − r_i/N is 0 only by rounding: when one row (or column) holds all but
			// less than 2⁻⁵³ of the counts.
			if v := e * (1 - rowSum[i]/res.N) * (1 - colSum[j]/res.N); v > 0 {
				res.StdRes[a][b] = d / math.Sqrt(v)
			} else {
				dominant = true
			}
			small = small || e < 5
		}
	}
	if dominant {
		res.Note = addNote(res.Note, NoteDominant)
	}
	df := float64((r - 1) * (c - 1))
	p, note := upperChiSq(chi2, df)
	if note != "" {
		res.Note = addNote(res.Note, note)
		return res
	}
	res.Stat, res.DF, res.P = chi2, df, p
	res.CramerV = math.Sqrt(chi2 / (res.N * float64(min(r, c)-1)))
	if small {
		res.Note = addNote(res.Note, "expected count below 5: chi-square approximation may be poor")
	}
	return res
}

// margins returns row and column sums, or a Note for a ragged, negative, non-finite or
// out-of-magnitude table.
func margins(table [][]float64) (rows, cols []float64, note string) {
	if len(table) == 0 || len(table[0]) == 0 {
		return nil, nil, NoteEmpty
	}
	if note := valuesNote(table...); note != "" {
		return nil, nil, note
	}
	rows, cols = make([]float64, len(table)), make([]float64, len(table[0]))
	for i, row := range table {
		if len(row) != len(cols) {
			return nil, nil, "ragged table"
		}
		for j, v := range row {
			if v < 0 {
				return nil, nil, "negative count"
			}
			rows[i] += v
			cols[j] += v
		}
	}
	return rows, cols, ""
}
