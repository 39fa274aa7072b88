package features

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sentencesOf(text string) []string {
	var out []string
	for _, s := range appendSentences(nil, text, span{0, len(text)}) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"plain", "One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"titles", "Mr. Li met Mrs. Cho and Sgt. Ray. They left.", []string{"Mr. Li met Mrs. Cho and Sgt. Ray.", "They left."}},
		{"initials", "J. K. Osei wrote it. Then she left.", []string{"J. K. Osei wrote it.", "Then she left."}},
		{"decimal", "Growth was 3.5 percent. Prices fell.", []string{"Growth was 3.5 percent.", "Prices fell."}},
		{"acronym mid-sentence", "The U.S. Senate and the U.N. Council met.", []string{"The U.S. Senate and the U.N. Council met."}},
		{"acronym at end", "Aid went to the U.S. But not all of it.", []string{"Aid went to the U.S.", "But not all of it."}},
		{"month", "On Jan. 5 the vote came. It failed.", []string{"On Jan. 5 the vote came.", "It failed."}},
		{"number abbreviation", "It ranked No. 3 in the poll. Fine.", []string{"It ranked No. 3 in the poll.", "Fine."}},
		{"latin", "Some fruit, e.g. Apples, vs. Pears.", []string{"Some fruit, e.g. Apples, vs. Pears."}},
		{"quote end", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"typographic quote end", "She said “enough.” The room fell silent.", []string{"She said “enough.”", "The room fell silent."}},
		{"quote then lower case", `"Stop!" she shouted.`, []string{`"Stop!" she shouted.`}},
		{"ellipsis", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"lower case after dot", "At 5 p.m. sharp they met.", []string{"At 5 p.m. sharp they met."}},
		{"bracket", "(It rained.) The match went on.", []string{"(It rained.)", "The match went on."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentencesOf(tt.in)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
