package model

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// lsBlock is the number of buffered rows folded into the running R at a time.
const lsBlock = 1024

// LeastSquares accumulates a least-squares fit row by row in O(p²) memory by a
// tall-skinny QR (TSQR; Demmel, Grigori, Hoemmen & Langou, "Communication-optimal
// parallel and sequential QR and LU factorizations", SIAM J. Sci. Comput. 34, 2012):
// it keeps the (p+1)×(p+1) triangular factor R of the augmented matrix [X | y] and folds
// each block of rows in by the Householder QR of [R; block]. RᵀR = [X y]ᵀ[X y] is never
// formed. The top-left p×p block is the R of X, the last column above the corner is Qᵀy,
// and the corner squared is the residual sum of squares. Two accumulators over disjoint
// shards merge by the QR of their stacked R factors, in any order, so this is the
// mergeable per-shard aggregate for the regression. The zero value is not usable; use
// NewLeastSquares.
type LeastSquares struct {
	p        int
	r        []float64 // (p+1)×(p+1) row-major, nil until the first fold
	buf      []float64 // pending rows, row-major, p+1 wide
	n        int
	mean, m2 float64   // Welford moments of y, for the total sum of squares
	badValue string    // NoteNonFinite once a non-finite value was added
	scale    []float64 // largest |value| of each column, y last, for the magnitude check
	badShape bool      // a row or shard of the wrong width was given
}

// NewLeastSquares returns an empty accumulator for p regressors.
func NewLeastSquares(p int) *LeastSquares {
	return &LeastSquares{p: p}
}

// Add appends one observation; x must have length p (a programmer error otherwise,
// reported by Fit).
func (ls *LeastSquares) Add(x []float64, y float64) {
	if len(x) != ls.p {
		ls.badShape = true
		return
	}
	if ls.scale == nil {
		ls.scale = make([]float64, ls.p+1)
	}
	for j := range ls.scale {
		v := y
		if j < ls.p {
			v = x[j]
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			ls.badValue = NoteNonFinite
		}
		ls.scale[j] = math.Max(ls.scale[j], math.Abs(v))
	}
	ls.buf = append(ls.buf, x...)
	ls.buf = append(ls.buf, y)
	ls.n++
	d := y - ls.mean
	ls.mean += d / float64(ls.n)
	ls.m2 += d * (y - ls.mean)
	if len(ls.buf) >= lsBlock*(ls.p+1) {
		ls.fold(nil)
	}
}

// Merge folds another accumulator over disjoint rows into ls (Chan, Golub & LeVeque
// 1979 for the moments of y).
func (ls *LeastSquares) Merge(o *LeastSquares) {
	if o.p != ls.p {
		ls.badShape = true
		return
	}
	o.fold(nil)
	ls.fold(o.r)
	if o.n > 0 {
		na, nb := float64(ls.n), float64(o.n)
		d := o.mean - ls.mean
		ls.mean += d * nb / (na + nb)
		ls.m2 += o.m2 + d*d*na*nb/(na+nb)
		ls.n += o.n
	}
	if o.badValue != "" {
		ls.badValue = o.badValue
	}
	if ls.scale == nil {
		ls.scale = slices.Clone(o.scale)
	} else {
		for j, v := range o.scale {
			ls.scale[j] = math.Max(ls.scale[j], v)
		}
	}
	ls.badShape = ls.badShape || o.badShape
}

// fold replaces R by the R of [R; extra; buffered rows] and empties the buffer.
func (ls *LeastSquares) fold(extra []float64) {
	w := ls.p + 1
	data := make([]float64, 0, len(ls.r)+len(extra)+len(ls.buf)+w*w)
	data = append(append(append(data, ls.r...), extra...), ls.buf...)
	ls.buf = ls.buf[:0]
	if len(data) == len(ls.r) || ls.badValue != "" {
		return
	}
	for len(data) < w*w { // zero rows leave RᵀR unchanged; mat.QR needs rows ≥ columns
		data = append(data, 0)
	}
	var qr mat.QR
	qr.Factorize(mat.NewDense(len(data)/w, w, data))
	var rd mat.Dense
	qr.RTo(&rd)
	ls.r = make([]float64, w*w)
	for i := 0; i < w; i++ {
		for j := i; j < w; j++ {
			ls.r[i*w+j] = rd.At(i, j)
		}
	}
}

// N returns the number of observations added.
func (ls *LeastSquares) N() int { return ls.n }

// Fit returns the OLS result of everything added, with the same statistics and checks
// as OLS. intercept says whether the first regressor is the constant 1 (for centred R²
// and F, and for the exact coefficients of a constant response).
func (ls *LeastSquares) Fit(names []string, intercept bool) (OLSResult, error) {
	p := ls.p
	if ls.badShape {
		return OLSResult{}, fmt.Errorf("least squares: a row or shard of the wrong width: %w", ErrShape)
	}
	if names != nil && len(names) != p {
		return OLSResult{}, fmt.Errorf("least squares: %d names for %d regressors: %w", len(names), p, ErrShape)
	}
	if ls.n <= p {
		return OLSResult{}, fmt.Errorf("least squares: %d observations for %d coefficients: %w", ls.n, p, ErrShape)
	}
	res := OLSResult{Names: termNames(names, p), N: ls.n, ResidualDF: ls.n - p}
	if ls.badValue == "" {
		for _, m := range ls.scale {
			ls.badValue = addNote(ls.badValue, valuesNote([]float64{m}))
		}
	}
	if ls.badValue != "" {
		res.fillNaN(p, false)
		res.Note = ls.badValue
		return res, nil
	}
	ls.fold(nil)
	w := p + 1
	r := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			r.SetTri(i, j, ls.r[i*w+j])
		}
	}
	rinv, err := checkRank(r)
	if err != nil {
		return res, fmt.Errorf("least squares: %w", err)
	}
	res.Coef = make([]float64, p) // back substitution R β = Qᵀy
	for i := p - 1; i >= 0; i-- {
		s := ls.r[i*w+p]
		for j := i + 1; j < p; j++ {
			s -= ls.r[i*w+j] * res.Coef[j]
		}
		res.Coef[i] = s / ls.r[i*w+i]
	}
	rss := ls.r[p*w+p] * ls.r[p*w+p]
	col := -1
	if intercept {
		col = 0
	}
	res.summarize(unscaledVariances(rinv), rss, Moments{N: float64(ls.n), Mean: ls.mean, M2: ls.m2}, col)
	return res, nil
}
