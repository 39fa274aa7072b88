package corpus

import (
	"bytes"
	"sync"
)

// Raw is one JSON Lines record as read but not yet decoded: the bytes of
// its line and its position. Decoding (JSON, validation, UTF-8 repair, date
// parsing, id hashing) costs far more than finding the line, and Decode is a
// pure function of the Raw, so a caller can split lines on one goroutine and
// decode on many.
type Raw struct {
	Data []byte // the line, without terminator or byte-order mark; the reader's only after Release
	File string // input path as given
	Line int    // 1-based line number
}

// Release gives Data back to the reader's pool of line buffers, for a later
// NextRaw to reuse, and empties r. Call it once the line is decoded and
// nothing refers to Data: Decode's Article shares no memory with it. A
// night reads as many lines as it has articles, each a few kilobytes, and
// recycling them spares the collector a quarter of what a run allocates.
func (r *Raw) Release() {
	if cap(r.Data) > 0 && cap(r.Data) <= maxPooledLine {
		b := r.Data[:0]
		linePool.Put(&b)
	}
	r.Data = nil
}

// maxPooledLine is the largest line buffer kept for reuse: a rare long
// record must not pin its memory for the rest of the run.
const maxPooledLine = 1 << 20

// linePool holds line buffers (*[]byte) for NextRaw.
var linePool sync.Pool

// cloneLine returns a copy of line in a buffer from linePool when one is
// large enough, else in a new one.
func cloneLine(line []byte) []byte {
	if p, ok := linePool.Get().(*[]byte); ok && cap(*p) >= len(line) {
		return append((*p)[:0], line...)
	}
	return bytes.Clone(line)
}

// Decode turns the record into an Article or a *RecordError, exactly as the
// reader's Next would have. The Article shares no memory with Data. It is
// safe to call from any goroutine.
func (r Raw) Decode() (Article, error) {
	return decodeJSONL(r.Data, r.File, r.Line)
}

// RawReader is a Reader that can hand out records undecoded. NextRaw
// returns what Next would, except that a record comes back as a Raw whose
// Decode gives the Article or the *RecordError; rejects found without
// decoding (a line longer than MaxRecordBytes) still come back as a
// *RecordError. Next and NextRaw may be mixed: each advances the stream by
// one record. Only the JSON Lines reader implements it; CSV and directory
// records are decoded by Next.
type RawReader interface {
	Reader
	NextRaw() (Raw, error)
}
