package stats

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"sync"
)

// columnStore keeps one float64 column per dimension, one value per article
// of the window, in an unlinked scratch file instead of memory: a window of
// a million articles scored on 200 dimensions is 1.6 GB of per_1k values,
// which the statistics read one dimension at a time (per-dimension tasks)
// or one block of articles at a time (cross products). The page cache, not
// the process, holds what is read often.
//
// A column is cut into chunks of chunkRows values, each encoded on its own:
// dense (the values' bits) or, when that is smaller, sparse (a bitmap of the
// values whose bits are not those of +0, then those values), since most
// per_1k of a big dictionary are 0. Values are kept bit for bit (NaN, −0).
//
// Columns are filled either value by value in article order (put, for the
// loader) or whole (putColumn, for a task); a column is read whole (column)
// or chunk by chunk (chunk). All methods are safe for concurrent use.
type columnStore struct {
	mu        sync.Mutex
	f         *os.File
	size      int64 // bytes written
	n         int   // values per column
	chunkRows int
	cols      []*storeColumn
	err       error // the first write error; every later call returns it
}

// storeColumn is one column's chunks and, while it is filled value by value,
// the chunk being filled.
type storeColumn struct {
	chunks []storeChunk
	buf    []float64 // the open chunk
	filled int       // values put so far
}

// storeChunk is where one encoded chunk lies in the file.
type storeChunk struct {
	off    int64
	length int32
}

// chunkRows is the number of values of one chunk. While the loader fills
// the columns value by value, each holds one open chunk in memory, 32 KiB:
// 6.4 MB for 200 dimensions.
const chunkRows = 4096

// newColumnStore creates the scratch file in dir (a staging directory of
// OUT, cleaned by the next run if this one is killed) and unlinks it at
// once, so that it disappears with the process whatever happens.
func newColumnStore(dir string, n int) (*columnStore, error) {
	f, err := os.CreateTemp(dir, ".stats-columns-*")
	if err != nil {
		return nil, fmt.Errorf("creating the statistics scratch file: %w", err)
	}
	os.Remove(f.Name()) // on systems that cannot unlink an open file, Close below leaves it for CleanStaging
	return &columnStore{f: f, n: n, chunkRows: chunkRows}, nil
}

// chunks is the number of chunks of every column.
func (s *columnStore) chunks() int { return (s.n + s.chunkRows - 1) / s.chunkRows }

// addColumn adds an empty column and returns its index.
func (s *columnStore) addColumn() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cols = append(s.cols, &storeColumn{})
	return len(s.cols) - 1
}

// put appends the value of the next article to column c.
func (s *columnStore) put(c int, v float64) error {
	col := s.cols[c]
	if col.buf == nil {
		col.buf = make([]float64, 0, s.chunkRows)
	}
	col.buf = append(col.buf, v)
	col.filled++
	if len(col.buf) == s.chunkRows {
		if err := s.flush(col); err != nil {
			return err
		}
	}
	return nil
}

// filled is the number of values put into column c so far.
func (s *columnStore) filled(c int) int { return s.cols[c].filled }

// finish writes the last open chunk of every column.
func (s *columnStore) finish() error {
	for _, col := range s.cols {
		if len(col.buf) > 0 {
			if err := s.flush(col); err != nil {
				return err
			}
		}
		col.buf = nil
	}
	return nil
}

func (s *columnStore) flush(col *storeColumn) error {
	ch, err := s.append(encodeChunk(nil, col.buf))
	if err != nil {
		return err
	}
	col.chunks = append(col.chunks, ch)
	col.buf = col.buf[:0]
	return nil
}

// putColumn writes column c whole, len(values) == n.
func (s *columnStore) putColumn(c int, values []float64) error {
	var enc []byte
	var chunks []storeChunk
	for lo := 0; lo < len(values); lo += s.chunkRows {
		enc = encodeChunk(enc[:0], values[lo:min(lo+s.chunkRows, len(values))])
		ch, err := s.append(enc)
		if err != nil {
			return err
		}
		chunks = append(chunks, ch)
	}
	s.mu.Lock()
	s.cols[c].chunks, s.cols[c].filled = chunks, len(values)
	s.mu.Unlock()
	return nil
}

// append writes b at the end of the file.
func (s *columnStore) append(b []byte) (storeChunk, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return storeChunk{}, s.err
	}
	off := s.size
	if _, err := s.f.WriteAt(b, off); err != nil {
		s.err = fmt.Errorf("writing the statistics scratch file: %w", err)
		return storeChunk{}, s.err
	}
	s.size += int64(len(b))
	return storeChunk{off: off, length: int32(len(b))}, nil
}

// column reads column c whole into dst (grown as needed).
func (s *columnStore) column(c int, dst []float64) ([]float64, error) {
	dst = dst[:0]
	var buf []byte
	for k := range s.cols[c].chunks {
		var err error
		if dst, buf, err = s.readChunk(c, k, dst, buf); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// readRange reads values lo to hi (exclusive) of column c into dst (grown as
// needed), decoding the chunks that hold them.
func (s *columnStore) readRange(c, lo, hi int, dst []float64, buf []byte) ([]float64, []byte, error) {
	dst = dst[:0]
	if hi <= lo {
		return dst, buf, nil
	}
	first := lo / s.chunkRows
	var err error
	for k := first; k <= (hi-1)/s.chunkRows; k++ {
		if dst, buf, err = s.readChunk(c, k, dst, buf); err != nil {
			return nil, buf, err
		}
	}
	skip := lo - first*s.chunkRows
	return dst[skip : skip+hi-lo], buf, nil
}

// chunk reads chunk k of column c into dst (grown as needed).
func (s *columnStore) chunk(c, k int, dst []float64, buf []byte) ([]float64, []byte, error) {
	return s.readChunk(c, k, dst[:0], buf)
}

// readChunk appends chunk k of column c to dst; buf is scratch for the
// encoded bytes.
func (s *columnStore) readChunk(c, k int, dst []float64, buf []byte) ([]float64, []byte, error) {
	ch := s.cols[c].chunks[k]
	if cap(buf) < int(ch.length) {
		buf = make([]byte, ch.length)
	}
	buf = buf[:ch.length]
	if _, err := s.f.ReadAt(buf, ch.off); err != nil {
		return dst, buf, fmt.Errorf("reading the statistics scratch file: %w", err)
	}
	dst, err := decodeChunk(dst, buf)
	return dst, buf, err
}

// close releases the scratch file.
func (s *columnStore) close() error {
	if s == nil || s.f == nil {
		return nil
	}
	err := s.f.Close()
	os.Remove(s.f.Name()) // already gone where unlinking an open file works
	s.f = nil
	return err
}

// Chunk encodings: a kind byte, the number of values (uint32), then either
// every value's bits (dense) or a bitmap of the values that are not +0
// followed by their bits (sparse).
const (
	chunkDense  = 0
	chunkSparse = 1
)

// encodeChunk appends the smaller encoding of values to dst.
func encodeChunk(dst []byte, values []float64) []byte {
	nz := 0
	for _, v := range values {
		if math.Float64bits(v) != 0 {
			nz++
		}
	}
	n := len(values)
	bitmap := (n + 7) / 8
	if bitmap+8*nz < 8*n {
		dst = append(dst, chunkSparse)
		dst = binary.LittleEndian.AppendUint32(dst, uint32(n))
		start := len(dst)
		dst = append(dst, make([]byte, bitmap)...)
		for i, v := range values {
			if b := math.Float64bits(v); b != 0 {
				dst[start+i/8] |= 1 << (i % 8)
				dst = binary.LittleEndian.AppendUint64(dst, b)
			}
		}
		return dst
	}
	dst = append(dst, chunkDense)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(n))
	for _, v := range values {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(v))
	}
	return dst
}

// decodeChunk appends the values of one encoded chunk to dst.
func decodeChunk(dst []float64, b []byte) ([]float64, error) {
	if len(b) < 5 {
		return dst, fmt.Errorf("statistics scratch file: chunk of %d bytes", len(b))
	}
	kind, n := b[0], int(binary.LittleEndian.Uint32(b[1:5]))
	b = b[5:]
	switch kind {
	case chunkDense:
		if len(b) != 8*n {
			return dst, fmt.Errorf("statistics scratch file: dense chunk of %d values in %d bytes", n, len(b))
		}
		for i := range n {
			dst = append(dst, math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:])))
		}
	case chunkSparse:
		bitmap := (n + 7) / 8
		if len(b) < bitmap {
			return dst, fmt.Errorf("statistics scratch file: sparse chunk of %d values in %d bytes", n, len(b))
		}
		vals := b[bitmap:]
		for i := range n {
			if b[i/8]&(1<<(i%8)) == 0 {
				dst = append(dst, 0)
				continue
			}
			if len(vals) < 8 {
				return dst, fmt.Errorf("statistics scratch file: sparse chunk short of values")
			}
			dst = append(dst, math.Float64frombits(binary.LittleEndian.Uint64(vals)))
			vals = vals[8:]
		}
	default:
		return dst, fmt.Errorf("statistics scratch file: chunk kind %d", kind)
	}
	return dst, nil
}
