package stats

import (
	"errors"

	"framing/output"
)

// windowData is everything the statistics need from the article-level
// tables of one window and one lexicon. Per article it holds a few numbers
// in memory (outlet, day, log tokens: 20 bytes); per dimension and article
// only the per_1k column, in a columnStore on disk; per outlet the sums
// that add up (tokens, hits per dimension, shares). Nothing is held per
// article and dimension in memory, so a 200-dimension dictionary costs no
// more memory than four dimensions, apart from the outlet × dimension
// tables.
type windowData struct {
	window output.Window
	lex    lexiconInfo
	dims   []string // sorted
	// colOf maps a dimension (index into dims) to its column in values.
	colOf   []int
	outlets []string // sorted

	// One entry per article, in the order the nights were read.
	outlet    []int32   // index into outlets
	day       []float64 // published date in days since window.From; NaN when unknown
	logTokens []float64 // natural log of max(1, n_tokens)

	values *columnStore // per_1k, one column per dimension
	ranks  *columnStore // filled by the dimension tasks: mid-ranks of per_1k minus those of 0
	// grouped is filled by the dimension tasks: per dimension, the values of
	// the outlets described outlet by outlet (medium), grouped by outlet.
	grouped *columnStore
	medium  mediumOutlets

	totals totals
	keys   keyTerms
	// stance[actor] holds the stance values of the articles with tone.
	stance map[string]*groupedValues

	sel selection // which outlets take part in which statistics
	lay layout    // where each article goes in a column grouped by outlet
}

// lexiconInfo names the lexicon whose scores a window summarizes; every
// statistics row carries it.
type lexiconInfo struct {
	SHA256, Name, Version string
}

// totals are per-outlet sums of the columns that add up, accumulated while
// the window is read.
type totals struct {
	articles   []int   // [outlet]
	tokens     []int64 // [outlet]
	allTokens  int64
	hits       [][]int64   // [outlet][dim], in dims order
	shareSum   [][]float64 // [dim][outlet], added in article order
	shareCount [][]int32   // [dim][outlet]
}

// keyTerms are the hit counts of lexicon entries that keyness compares:
// every entry's total over the window, and each keyness outlet's own
// counts (dense over entries: outlets × entries numbers, not a map per
// outlet).
type keyTerms struct {
	dims, entries []string  // entry e is entries[e] of dimension dims[e], sorted
	total         []int64   // [entry]
	counts        [][]int64 // [keyness outlet][entry]
}

// groupedValues are values with the outlet each belongs to.
type groupedValues struct {
	outlet []int32
	value  []float64
}

// n is the number of articles.
func (wd *windowData) n() int { return len(wd.outlet) }

// column reads dimension d's per_1k of every article into dst.
func (wd *windowData) column(d int, dst []float64) ([]float64, error) {
	return wd.values.column(wd.colOf[d], dst)
}

// close releases the scratch files.
func (wd *windowData) close() error {
	return errors.Join(wd.values.close(), wd.ranks.close(), wd.grouped.close())
}
