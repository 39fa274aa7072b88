package stats

import (
	"fmt"
	"slices"
)

// otherOutlet names the group that pools the outlets with fewer than
// MinArticles articles where a statistic needs every article: the
// chi-square table and the regression. A real outlet of that name would be
// confused with it; docs/schema.md says so.
const otherOutlet = "(other)"

// selection says which outlets take part in which statistics of a window.
// Every outlet has outlet_stats rows. Only outlets with at least
// MinArticles articles (eligible) take part in the omnibus tests, keyness,
// PCA centroids, regression terms, trends and, of those, the
// MaxPairOutlets largest in the pairwise tables (outlet_pairs,
// outlet_profiles), which grow with the square of the outlets.
type selection struct {
	minArticles, maxPair int
	eligible             []int  // outlets with at least minArticles articles, in outlet order
	isEligible           []bool // [outlet]
	keyOf                []int  // [outlet]: index into keyTerms.counts, −1 when not eligible
	small                int    // outlets with fewer articles
	paired               []int  // the eligible outlets of the pairwise tables, in outlet order
}

// selectOutlets decides the selection from the outlets' article counts.
// The pairwise tables take the maxPair outlets with the most articles, ties
// broken by name, so that the choice never depends on input order.
func selectOutlets(articles []int, minArticles, maxPair int) selection {
	s := selection{minArticles: minArticles, maxPair: maxPair,
		isEligible: make([]bool, len(articles)), keyOf: make([]int, len(articles))}
	for o, n := range articles {
		s.keyOf[o] = -1
		if n >= minArticles {
			s.keyOf[o] = len(s.eligible)
			s.eligible = append(s.eligible, o)
			s.isEligible[o] = true
		} else {
			s.small++
		}
	}
	s.paired = s.eligible
	if len(s.eligible) > maxPair {
		bySize := slices.Clone(s.eligible)
		slices.SortStableFunc(bySize, func(a, b int) int { return articles[b] - articles[a] }) // outlet order breaks ties: by name
		s.paired = bySize[:maxPair]
		slices.Sort(s.paired)
	}
	return s
}

// smallNote counts the outlets a statistic left out, or says nothing.
func (s selection) smallNote() string {
	if s.small == 0 {
		return ""
	}
	return fmt.Sprintf("%d outlet(s) with fewer than %d articles left out", s.small, s.minArticles)
}

// bootNote says why an outlet has no bootstrap interval.
func (s selection) bootNote() string {
	return fmt.Sprintf("bootstrap interval only for outlets with at least %d articles", s.minArticles)
}

// pooledNote says what the (other) group holds.
func (s selection) pooledNote() string {
	if s.small == 0 {
		return ""
	}
	return fmt.Sprintf("%s pools %d outlet(s) with fewer than %d articles", otherOutlet, s.small, s.minArticles)
}

// pairNote says which outlets a pairwise table compares when the cap or
// the minimum left some out.
func (s selection) pairNote() string {
	switch {
	case len(s.paired) < len(s.eligible):
		return fmt.Sprintf("pairs of the %d largest of %d outlets with at least %d articles (max pair outlets %d)",
			len(s.paired), len(s.eligible), s.minArticles, s.maxPair)
	case s.small > 0:
		return fmt.Sprintf("pairs of the %d outlets with at least %d articles", len(s.eligible), s.minArticles)
	}
	return ""
}
