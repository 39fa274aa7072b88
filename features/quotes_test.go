package features

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

type quoteText struct {
	ID   int
	Text string
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name   string
		paras  []string
		want   []quoteText
		nQuote int
	}{
		{name: "none", paras: []string{"No quotes here."}},
		{name: "straight", paras: []string{`He said "yes" and "no".`},
			want: []quoteText{{0, "yes"}, {1, "no"}}, nQuote: 2},
		{name: "typographic with nested single", paras: []string{"“It was ‘fine’ then,” she said."},
			want: []quoteText{{0, "It was ‘fine’ then,"}}, nQuote: 1},
		{name: "stray closing mark ignored", paras: []string{"He wrote ” oddly, “then this.”"},
			want: []quoteText{{0, "then this."}}, nQuote: 1},
		{name: "multi-paragraph", paras: []string{"“First part.", "“Second part,” he said.", "After."},
			want: []quoteText{{0, "First part."}, {0, "Second part,"}}, nQuote: 1},
		{name: "unbalanced closed at paragraph end", paras: []string{`She said "it will pass.`, "Then the vote came.", `"Later," he said.`},
			want: []quoteText{{0, "it will pass."}, {1, "Later,"}}, nQuote: 2},
		{name: "empty quotes not counted", paras: []string{`A "" mark and "x".`},
			want: []quoteText{{0, ""}, {1, "x"}}, nQuote: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, paras, _ := refJoinUnique(tt.paras)
			segs, n := findQuotes(nil, text, paras)
			var got []quoteText
			for _, s := range segs {
				got = append(got, quoteText{s.id, text[s.Start:s.End]})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("segments (-want +got):\n%s", diff)
			}
			if n != tt.nQuote {
				t.Errorf("quotes = %d, want %d", n, tt.nQuote)
			}
		})
	}
}
