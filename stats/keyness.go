package stats

import (
	"sort"
	"strings"

	"framing/model"
	"framing/output"
)

// keynessRows compares each outlet's use of every lexicon entry with all
// other outlets together.
func (s *tableRows) keynessRows(wd *windowData, sums *totals) {
	if len(wd.outlets) < 2 {
		return
	}
	tokens, allTokens := sums.tokens, sums.allTokens
	total := map[string]int64{}
	for _, m := range wd.terms {
		for k, v := range m {
			total[k] += v
		}
	}
	keys := make([]string, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for o := range wd.outlets {
		for _, k := range keys {
			a := wd.terms[o][k]
			b := total[k] - a
			if a == 0 {
				continue // an entry an outlet never uses is not its key term
			}
			dim, entry, _ := strings.Cut(k, "\x1f")
			kr := model.Keyness(float64(a), float64(b), float64(tokens[o]), float64(allTokens-tokens[o]))
			s.keyness = append(s.keyness, output.KeynessRow{
				WindowStart: wd.window.From, WindowEnd: wd.window.To, Outlet: wd.outlets[o], Dimension: dim, Entry: entry,
				CountOutlet: a, CountRest: b, TokensOutlet: tokens[o], TokensRest: allTokens - tokens[o],
				G2: output.NullFloat(kr.G2), P: output.NullFloat(kr.P), LogRatio: output.NullFloat(kr.LogRatio), Note: note(kr.Note),
			})
		}
	}
}
