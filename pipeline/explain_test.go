package pipeline

import (
	"strings"
	"testing"
)

// TestExplainArticleGolden explains articles of the example corpora by id:
// a JSON Lines record and a file of a directory with a manifest.
func TestExplainArticleGolden(t *testing.T) {
	tests := []struct{ name, input, id string }{
		{"jsonl-pwd-0001", examplesJSONL, "pwd-0001"},
		{"dir-cb-0002", "../examples/venezuela-dir", "capitol-briefing/cb-0002.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ExplainArticle([]string{tt.input}, "", tt.id, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "explain/"+tt.name+".golden", got)
		})
	}
}

func TestExplainArticleMissing(t *testing.T) {
	_, err := ExplainArticle([]string{examplesJSONL}, "", "no-such-id", nil, "")
	if err == nil || !strings.Contains(err.Error(), `no article with id "no-such-id" in ../examples/venezuela.jsonl`) {
		t.Errorf("err %v", err)
	}
	// The second record with a repeated id is a reject in a run; explain
	// finds the first, as the run scored it.
	got, err := ExplainArticle([]string{examplesJSONL}, "", "agn-0001", nil, "")
	if err != nil || !strings.Contains(got, "venezuela.jsonl:1\n") {
		t.Errorf("agn-0001: %v\n%s", err, got)
	}
}
