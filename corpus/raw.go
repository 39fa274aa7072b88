package corpus

// Raw is one JSON Lines record as read but not yet decoded: the bytes of
// its line and its position. Decoding (JSON, validation, UTF-8 repair, date
// parsing, id hashing) costs far more than finding the line, and Decode is a
// pure function of the Raw, so a caller can split lines on one goroutine and
// decode on many.
type Raw struct {
	Data []byte // the line, without terminator or byte-order mark; never reused by the reader
	File string // input path as given
	Line int    // 1-based line number
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
