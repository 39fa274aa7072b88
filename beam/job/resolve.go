package job

import (
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"framing/corpus"
	"framing/pipeline"
)

func init() {
	register.DoFn3x0[string, func(*record) bool, func(int, scored)](&resolveFn{})
	register.Iter1[record]()
}

// resolveFn applies `framing run`'s duplicate-id rule to all the articles
// with one id and scores the one kept. The run checks ids in input order,
// and a check only ever involves articles with the same id, so ordering one
// id's articles by position and checking them with a fresh corpus.Dedup
// gives the run's answer: the first is kept (scored, and still a reject if
// no words are left), every later one is a reject that names the first.
type resolveFn struct {
	Shards  int
	Scoring scoring

	scorer *pipeline.Scorer
}

func (f *resolveFn) Setup() error {
	s, err := f.Scoring.scorer()
	f.scorer = s
	return err
}

func (f *resolveFn) ProcessElement(_ string, recs func(*record) bool, emit func(int, scored)) {
	var all []record
	var r record
	for recs(&r) {
		all = append(all, r)
	}
	slices.SortFunc(all, func(a, b record) int { return a.Pos.compare(b.Pos) })
	dedup := corpus.NewDedup()
	for _, r := range all {
		var rows pipeline.Rows
		if rec := dedup.Check(r.Art); rec != nil {
			rows = f.scorer.Reject(rec)
		} else {
			rows = f.scorer.Score(r.Art)
		}
		emit(r.Pos.shard(f.Shards), scored{Pos: r.Pos, Rows: rows})
	}
}
