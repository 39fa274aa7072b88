package model

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// ErrShape reports arguments of inconsistent or unusable shape (a data problem the caller
// must fix, returned as an error rather than a Note).
var ErrShape = errors.New("model: bad shape")

// singularTol is the threshold on |R_jj| / max|R_kk| below which the design is treated as
// rank-deficient. It is the usual sqrt-epsilon-scale cut used by LINPACK dqrdc2 (R's lm
// uses tol = 1e-7 on the pivoted QR).
const singularTol = 1e-7

// OLSResult is an ordinary least squares fit. Per-term slices follow Names.
type OLSResult struct {
	Names      []string
	Coef       []float64
	SE         []float64
	T          []float64
	P          []float64 // two-sided, Student t with ResidualDF degrees of freedom
	R2, AdjR2  float64   // centred R² when the design has an intercept column of ones
	F, FP      float64   // overall F test against the intercept-only model
	SigmaHat   float64   // residual standard error sqrt(RSS / ResidualDF)
	N          int
	ResidualDF int
	Reference  string // OutletRegression: the outlet every outlet[T.x] term is compared with
	Note       string
}

// OLS fits y = Xβ + ε by the Householder QR of X (gonum mat.QR), never forming XᵀX, so
// the conditioning is that of X rather than its square (Golub & Van Loan, Matrix
// Computations, 4th ed., §5.3). Standard errors use (XᵀX)⁻¹ = R⁻¹R⁻ᵀ: the variance of
// β_j is σ̂² times the squared norm of row j of R⁻¹. Memory is O(n·p) for the copy of X.
//
// A shape error (rows of X ≠ len(y), names ≠ columns, n ≤ p) or a near-singular design
// (|R_jj| < 1e-7·max|R_kk|) is returned as an error wrapping ErrShape; a non-finite value
// or one outside the supported magnitude gives a result with NaN statistics and Note
// NoteNonFinite or NoteMagnitude. Degenerate fits (a constant response, an essentially
// perfect fit) give NaN tests with a Note; see summarize.
func OLS(X *mat.Dense, y []float64, names []string) (OLSResult, error) {
	if X == nil {
		return OLSResult{}, fmt.Errorf("ols: nil design: %w", ErrShape)
	}
	n, p := X.Dims()
	if n != len(y) || (names != nil && len(names) != p) {
		return OLSResult{}, fmt.Errorf("ols: design %d×%d, %d responses, %d names: %w", n, p, len(y), len(names), ErrShape)
	}
	if n <= p {
		return OLSResult{}, fmt.Errorf("ols: %d observations for %d coefficients: %w", n, p, ErrShape)
	}
	res := OLSResult{Names: termNames(names, p), N: n, ResidualDF: n - p}
	if note := columnsNote(append(denseColumns(X), y)); note != "" {
		res.fillNaN(p, false)
		res.Note = note
		return res, nil
	}
	var qr mat.QR
	qr.Factorize(X)
	var rd mat.Dense
	qr.RTo(&rd)
	r := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			r.SetTri(i, j, rd.At(i, j))
		}
	}
	rinv, err := checkRank(r)
	if err != nil {
		return res, fmt.Errorf("ols: %w", err)
	}
	var beta mat.Dense
	if err := qr.SolveTo(&beta, false, mat.NewDense(n, 1, append([]float64(nil), y...))); err != nil {
		// checkRank saw the same R; any failure left is a near-singular design too.
		return res, fmt.Errorf("ols: solving: %s: %v: %w", NoteSingular, err, ErrShape)
	}
	res.Coef = mat.Col(nil, 0, &beta)
	res.fill(X, y, rinv)
	return res, nil
}

// termNames returns names, or x1 … xp when names is nil.
func termNames(names []string, p int) []string {
	if names != nil {
		return names
	}
	names = make([]string, p)
	for j := range names {
		names[j] = fmt.Sprintf("x%d", j+1)
	}
	return names
}

// denseColumns returns the columns of X, for columnsNote.
func denseColumns(X *mat.Dense) [][]float64 {
	_, p := X.Dims()
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = mat.Col(nil, j, X)
	}
	return cols
}

// fillNaN sets every statistic to NaN, the coefficients too unless keepCoef.
func (res *OLSResult) fillNaN(p int, keepCoef bool) {
	if !keepCoef {
		res.Coef = nans(p)
	}
	res.SE, res.T, res.P = nans(p), nans(p), nans(p)
	res.R2, res.AdjR2, res.F, res.FP, res.SigmaHat = nan(), nan(), nan(), nan(), nan()
}

func nans(k int) []float64 {
	s := make([]float64, k)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// checkRank rejects an R whose diagonal has an entry tiny relative to the largest, or
// whose condition number exceeds gonum's mat.ConditionTolerance (1e16: an inverse without
// a correct digit; the diagonal test misses columns that are collinear through the
// off-diagonal entries), and returns R⁻¹, from which summarize takes the standard errors.
func checkRank(r *mat.TriDense) (*mat.TriDense, error) {
	p, _ := r.Dims()
	maxd := 0.0
	for j := 0; j < p; j++ {
		maxd = math.Max(maxd, math.Abs(r.At(j, j)))
	}
	for j := 0; j < p; j++ {
		if d := math.Abs(r.At(j, j)); maxd == 0 || d <= singularTol*maxd {
			return nil, fmt.Errorf("column %d: %s: %w", j+1, NoteSingular, ErrShape)
		}
	}
	var rinv mat.TriDense
	if err := rinv.InverseTri(r); err != nil {
		return nil, fmt.Errorf("%s: %v: %w", NoteSingular, err, ErrShape)
	}
	return &rinv, nil
}

// fill computes the residual sum of squares of a dense fit and the moments of y, then
// summarize.
func (res *OLSResult) fill(X *mat.Dense, y []float64, rinv *mat.TriDense) {
	n, p := X.Dims()
	fitted := mat.NewVecDense(n, nil)
	fitted.MulVec(X, mat.NewVecDense(p, res.Coef))
	var rss float64
	for i, v := range y {
		e := v - fitted.AtVec(i)
		rss += e * e
	}
	res.summarize(unscaledVariances(rinv), rss, MomentsOf(y), interceptColumn(X))
}

// summarize fills SE, t, p, σ̂, R², adjusted R² and F from the diagonal of (XᵀX)⁻¹
// (unscaled: Var(β_j) = σ̂²·unscaled[j]), RSS and the moments of y (the total sum of
// squares is centred when the model has an intercept, column intercept ≥ 0).
//
// Degenerate fits are detected here, before any distribution function sees them:
//   - RSS above TSS can only be rounding (the intercept-only model, or β = 0 without an
//     intercept, is nested in the fit), so RSS is clamped to TSS: F = 0, R² = 0.
//   - A response with no variance (TSS within rounding of zero, negligible): coefficients
//     are set exactly (the mean for the intercept, 0 for the rest); SE, t, p, R², F are NaN
//     with NoteZeroVariance.
//   - An essentially perfect fit (RSS within rounding of zero for n·p rounded terms): SE,
//     t, p, F are NaN with NotePerfectFit, since a t of rounding noise over rounding noise
//     means nothing. R gives the same verdict in summary.lm ("essentially perfect fit:
//     summary may be unreliable") but still prints the numbers.
func (res *OLSResult) summarize(unscaled []float64, rss float64, ym Moments, intercept int) {
	p := len(unscaled)
	n := float64(res.N)
	df := float64(res.N - p)
	sumSq := ym.M2 + n*ym.Mean*ym.Mean
	tss := sumSq
	if intercept >= 0 {
		tss = ym.M2
	}
	rss = math.Min(rss, tss)
	res.fillNaN(p, true)
	res.SigmaHat = math.Sqrt(rss / df)
	if negligible(tss, n, sumSq) {
		for j := range res.Coef {
			res.Coef[j] = 0
		}
		if intercept >= 0 {
			res.Coef[intercept] = ym.Mean
		}
		res.SigmaHat = 0
		res.Note = addNote(res.Note, NoteZeroVariance)
		return
	}
	k := float64(p) - boolF(intercept >= 0)
	res.R2 = 1 - rss/tss
	res.AdjR2 = 1 - (1-res.R2)*(n-boolF(intercept >= 0))/df
	if negligible(rss, n*float64(p), sumSq) {
		res.Note = addNote(res.Note, NotePerfectFit)
		return
	}
	s2 := rss / df
	for j := 0; j < p; j++ {
		res.SE[j] = math.Sqrt(s2 * unscaled[j])
		res.T[j] = res.Coef[j] / res.SE[j]
		var note string
		res.P[j], note = twoSidedT(res.T[j], df)
		if note != "" {
			res.T[j] = nan()
			res.Note = addNote(res.Note, note)
		}
	}
	if k == 0 {
		res.Note = addNote(res.Note, NoteNoRegressors)
		return
	}
	res.F = ((tss - rss) / k) / s2
	var note string
	if res.FP, note = upperF(res.F, k, df); note != "" {
		res.F = nan()
		res.Note = addNote(res.Note, note)
	}
}

// unscaledVariances is the diagonal of (XᵀX)⁻¹ = R⁻¹R⁻ᵀ: Σ_k (R⁻¹)_jk² for each j.
func unscaledVariances(rinv *mat.TriDense) []float64 {
	p, _ := rinv.Dims()
	v := make([]float64, p)
	for j := range p {
		for k := j; k < p; k++ {
			v[j] += rinv.At(j, k) * rinv.At(j, k)
		}
	}
	return v
}

func boolF(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// interceptColumn returns the first column of X that is all ones, or −1.
func interceptColumn(X *mat.Dense) int {
	n, p := X.Dims()
	for j := 0; j < p; j++ {
		ok := true
		for i := 0; i < n && ok; i++ {
			ok = X.At(i, j) == 1
		}
		if ok {
			return j
		}
	}
	return -1
}
