package corpus

import (
	"io"
	"os"
	"sync/atomic"
)

// InputSize is the total size of the inputs, for a progress estimate
// against Options.BytesRead, and whether it is known: only when every input
// is a regular file (not standard input or a directory).
func InputSize(paths []string) (total int64, known bool) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.Mode().IsRegular() {
			return 0, false
		}
		total += info.Size()
	}
	return total, true
}

// countBytes adds the bytes read from r to n, when n is set.
func countBytes(r io.Reader, n *atomic.Int64) io.Reader {
	if n == nil {
		return r
	}
	return &countingReader{r: r, n: n}
}

// countingReader counts the bytes read from an input file.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
