package corpus

// Dedup detects repeated article ids across all inputs of a run, so that a
// duplicate becomes a reject that points at the first occurrence instead of
// two rows with one key downstream. It is not safe for concurrent use: call
// it from one goroutine, in input order, so that the first occurrence is the
// one kept.
type Dedup struct {
	first map[string]string // id -> Source of the first article with it
}

// NewDedup returns an empty Dedup.
func NewDedup() *Dedup { return &Dedup{first: map[string]string{}} }

// Check returns nil the first time an id is seen and, later, a reject with
// reason "duplicate id, first seen at FILE:LINE".
func (d *Dedup) Check(a Article) *RecordError {
	if src, ok := d.first[a.ID]; ok {
		return &RecordError{File: a.File, Line: a.Line, Field: "id", ArticleID: a.ID,
			Reason: "duplicate id, first seen at " + src}
	}
	d.first[a.ID] = a.Source()
	return nil
}
