package corpus

import (
	"bytes"
	"io"
)

// window is a read buffer addressed by input offset that keeps every byte from a mark
// on, so that a parser can step back to any offset at or after the mark. The csvScanner
// marks the start of the record it is trying; a record is bounded, so the window holds at
// most the bound plus one read beyond the mark.
type window struct {
	r    io.Reader
	buf  []byte
	base int64 // offset of buf[0]
	mark int64 // bytes before mark may be dropped
	eof  bool
	err  error
}

// windowRead is the size of one read from the input.
const windowRead = 64 << 10

// keep allows the bytes before off to be dropped; off must not be before an earlier mark.
func (w *window) keep(off int64) { w.mark = max(w.mark, off) }

// end is the offset after the last byte read so far.
func (w *window) end() int64 { return w.base + int64(len(w.buf)) }

// fill reads more input, first dropping the bytes before the mark when they are at least
// half of the buffer. It reports whether any byte was added; false means the end of the
// input or a read error (w.err).
func (w *window) fill() bool {
	if drop := int(w.mark - w.base); drop > 0 && drop >= len(w.buf)/2 {
		n := copy(w.buf, w.buf[drop:])
		w.buf, w.base = w.buf[:n], w.mark
	}
	for !w.eof && w.err == nil {
		if cap(w.buf)-len(w.buf) < windowRead {
			grown := make([]byte, len(w.buf), 2*cap(w.buf)+windowRead)
			copy(grown, w.buf)
			w.buf = grown
		}
		n, err := w.r.Read(w.buf[len(w.buf):cap(w.buf)])
		w.buf = w.buf[:len(w.buf)+n]
		switch {
		case err == io.EOF:
			w.eof = true
		case err != nil:
			w.err = err
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// line returns the line that starts at off: its content without the line end ("\n" or
// "\r\n", or a "\r" that ends the input, as encoding/csv reads lines), the offset after
// it, and whether it ended with a newline. It returns errTooLong, without reading the
// line to its end, when the line would end past limit (the offset after it greater than
// limit), and io.EOF when off is the end of the input. The content is valid until the
// next call.
func (w *window) line(off, limit int64) ([]byte, int64, bool, error) {
	scanned := off
	for {
		end := w.end()
		if stop := min(end, limit); stop > scanned {
			if i := bytes.IndexByte(w.buf[scanned-w.base:stop-w.base], '\n'); i >= 0 {
				nl := scanned + int64(i)
				return trimCR(w.buf[off-w.base : nl-w.base]), nl + 1, true, nil
			}
			scanned = stop
		}
		if end > limit {
			return nil, 0, false, errTooLong
		}
		if !w.fill() {
			switch {
			case w.err != nil:
				return nil, 0, false, w.err
			case off == w.end():
				return nil, 0, false, io.EOF
			}
			return trimCR(w.buf[off-w.base:]), w.end(), false, nil
		}
	}
}

// skipLine reads past the line that starts at off without keeping it, and returns the
// offset after it; io.EOF when the input ends first.
func (w *window) skipLine(off int64) (int64, error) {
	for {
		w.keep(off)
		if off < w.end() {
			if i := bytes.IndexByte(w.buf[off-w.base:], '\n'); i >= 0 {
				return off + int64(i) + 1, nil
			}
			off = w.end()
			continue
		}
		if !w.fill() {
			if w.err != nil {
				return off, w.err
			}
			return off, io.EOF
		}
	}
}

// trimCR drops one trailing "\r".
func trimCR(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1]
	}
	return b
}
