package stats

import (
	"errors"
	"sync"

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

	// One entry per article, in the window's canonical order: night by
	// night, each night's articles by a hash of their ids, so that no
	// statistic depends on how a night is split into part files or ordered
	// in them (framing-beam writes shards).
	outlet    []int32   // index into outlets
	day       []float64 // published date in days since window.From; NaN when unknown
	logTokens []float64 // natural log of max(1, n_tokens)

	// canon[j] is the canonical index of the article that is j-th in file
	// order, in which the frames and so the scratch columns come.
	canon []int32
	// values holds per_1k, one column per dimension, in file order until
	// dimension d's task puts column d in canonical order (canonical[d]).
	values    *columnStore
	canonical []bool
	shares    *columnStore // frames.share (0 when null), in file order
	ranks     *columnStore // filled by the dimension tasks: mid-ranks of per_1k minus those of 0
	// grouped is filled by the dimension tasks: per dimension, the values of
	// the outlets described outlet by outlet (medium), grouped by outlet.
	grouped *columnStore
	medium  mediumOutlets

	totals totals
	keys   keyTerms
	// stance[actor] holds the stance values of the articles with tone,
	// authorial[actor] those in the outlet's own voice (docs/stance.md).
	stance, authorial map[string]*groupedValues

	sel selection // which outlets take part in which statistics
	lay layout    // where each article goes in a column grouped by outlet

	trendOnce sync.Once
	trend     *trendCells // the cells of the trends, built on first use
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
	shareSum   [][]float64 // [dim][outlet], added in canonical order by dimension d's task
	shareCount []int32     // [outlet]: articles with any frame hit, whose shares are not null
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

// column reads dimension d's per_1k of every article, in canonical order.
func (wd *windowData) column(d int) ([]float64, error) {
	return wd.canonicalColumn(wd.values, d)
}

// canonicalColumn reads column d of s, which is in file order unless the
// dimension's task rewrote it, in canonical order.
func (wd *windowData) canonicalColumn(s *columnStore, d int) ([]float64, error) {
	col, err := s.column(wd.colOf[d], nil)
	if err != nil || (s == wd.values && wd.canonical[d]) {
		return col, err
	}
	out := make([]float64, len(col))
	for j, v := range col {
		out[wd.canon[j]] = v
	}
	return out, nil
}

// close releases the scratch files.
func (wd *windowData) close() error {
	return errors.Join(wd.values.close(), wd.shares.close(), wd.ranks.close(), wd.grouped.close())
}
