package stats

import (
	"context"
)

// crossSums are the sums of products of every pair of dimensions over the
// articles, for per_1k (values) and for its ranks (ranks, as stored: the
// mid-ranks minus the mid-rank of 0), packed upper triangles (a ≤ b at
// a·k − a(a−1)/2 + b − a). Correlations and PCA need only these and each
// dimension's moments, so the window is read once, block by block, instead
// of holding every pair of columns.
type crossSums struct {
	k             int
	values, ranks []float64
}

func newCrossSums(k int) *crossSums {
	m := k * (k + 1) / 2
	return &crossSums{k: k, values: make([]float64, m), ranks: make([]float64, m)}
}

// at is the packed index of the pair (a, b), a ≤ b.
func (c *crossSums) at(a, b int) int { return a*c.k - a*(a-1)/2 + b - a }

// add adds o to c.
func (c *crossSums) add(o *crossSums) {
	for i, v := range o.values {
		c.values[i] += v
	}
	for i, v := range o.ranks {
		c.ranks[i] += v
	}
}

// crossChunk sums the products of chunk k of the values and ranks of the
// dimensions keep lists (indices into wd.dims, in order; sums index them
// by position in keep). Each article adds the products of its non-zero
// entries only: most per_1k of a big dictionary are 0, and so are the
// stored ranks of 0.
func (wd *windowData) crossChunk(ctx context.Context, chunk int, keep []int) (*crossSums, error) {
	k := len(keep)
	sums := newCrossSums(k)
	vals, ranks := make([][]float64, k), make([][]float64, k)
	var buf []byte
	for i, d := range keep {
		var err error
		if vals[i], buf, err = wd.values.chunk(wd.colOf[d], chunk, nil, buf); err != nil {
			return nil, err
		}
		if ranks[i], buf, err = wd.ranks.chunk(wd.colOf[d], chunk, nil, buf); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rows := 0
	if k > 0 {
		rows = len(vals[0])
	}
	idx := make([]int, 0, k)
	for r := range rows {
		sums.addRow(sums.values, vals, r, idx[:0])
		sums.addRow(sums.ranks, ranks, r, idx[:0])
	}
	return sums, nil
}

// addRow adds the products of row r's non-zero entries of cols to packed.
func (c *crossSums) addRow(packed []float64, cols [][]float64, r int, idx []int) {
	for d, col := range cols {
		if col[r] != 0 {
			idx = append(idx, d)
		}
	}
	for i, a := range idx {
		va := cols[a][r]
		base := c.at(a, a)
		for _, b := range idx[i:] {
			packed[base+b-a] += va * cols[b][r]
		}
	}
}

// centred turns a sum of products into a centred one,
// Σ(x_a − m_a)(x_b − m_b) = Σ x_a·x_b − n·m_a·m_b, given each column's mean.
func centred(sum float64, n int, ma, mb float64) float64 {
	return sum - float64(n)*ma*mb
}
