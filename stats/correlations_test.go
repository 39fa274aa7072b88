package stats

import (
	"context"
	"testing"
)

// TestCorrelationsStreamed checks that the correlations table, d(d−1)/2
// rows, reaches emit in pieces of about corrFlushRows rows instead of all at
// once (two million rows at 2,000 dimensions took some 500 MB), and that
// the pieces together are every pair once, in order.
func TestCorrelationsStreamed(t *testing.T) {
	const dims = 200 // 19,900 pairs: more than corrFlushRows
	wd := syntheticWindow(t, linearSizes(300, 6), dims, 7, testOptions(2))
	pos := map[string]int{}
	for i, d := range wd.dims {
		pos[d] = i
	}
	var pieces, rows, largest int
	var last [2]string
	err := compute(context.Background(), wd, testOptions(2), nil, func(r *tableRows) error {
		if len(r.corr) == 0 {
			return nil
		}
		pieces++
		largest = max(largest, len(r.corr))
		for _, c := range r.corr {
			if rows > 0 && !pairAfter(pos, last, [2]string{c.DimensionA, c.DimensionB}) {
				t.Fatalf("row %d: pair %s, %s after %s, %s", rows, c.DimensionA, c.DimensionB, last[0], last[1])
			}
			last = [2]string{c.DimensionA, c.DimensionB}
			rows++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := dims * (dims - 1) / 2; rows != want {
		t.Errorf("%d correlation rows, want %d", rows, want)
	}
	if pieces < 2 || largest > corrFlushRows+dims {
		t.Errorf("%d pieces, the largest %d rows: want at least 2, none above %d", pieces, largest, corrFlushRows+dims)
	}
}

// pairAfter reports whether pair q comes after pair p in the table's
// order: by the first dimension's position (pos), then the second's.
func pairAfter(pos map[string]int, p, q [2]string) bool {
	if pos[q[0]] != pos[p[0]] {
		return pos[q[0]] > pos[p[0]]
	}
	return pos[q[1]] > pos[p[1]]
}
