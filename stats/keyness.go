package stats

import (
	"context"

	"framing/model"
	"framing/output"
)

// keynessBlock is how many outlets one keyness task covers.
const keynessBlock = 32

// keynessRows compares the use of every lexicon entry by the eligible
// outlets eligible[lo:hi] with all other articles of the window together
// (small outlets included: they are part of the rest).
func (s *tableRows) keynessRows(ctx context.Context, wd *windowData, lo, hi int) error {
	if len(wd.outlets) < 2 {
		return nil
	}
	k, t := &wd.keys, &wd.totals
	for ko := lo; ko < hi; ko++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		o := wd.sel.eligible[ko]
		tokens, rest := t.tokens[o], t.allTokens-t.tokens[o]
		for e, a := range k.counts[ko] {
			if a == 0 {
				continue // an entry an outlet never uses is not its key term
			}
			b := k.total[e] - a
			kr := model.Keyness(float64(a), float64(b), float64(tokens), float64(rest))
			s.keyness = append(s.keyness, output.KeynessRow{
				Outlet: wd.outlets[o], Dimension: k.dims[e], Entry: k.entries[e],
				CountOutlet: a, CountRest: b, TokensOutlet: tokens, TokensRest: rest,
				G2: output.NullFloat(kr.G2), P: output.NullFloat(kr.P), LogRatio: output.NullFloat(kr.LogRatio), Note: note(kr.Note),
				G2Quanteda: output.NullFloat(kr.G2Quanteda), PQuanteda: output.NullFloat(kr.PQuanteda),
			})
		}
	}
	return nil
}
