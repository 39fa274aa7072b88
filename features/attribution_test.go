package features

import (
	"testing"

	"framing/lexicon"
)

func TestAttributions(t *testing.T) {
	tests := []struct {
		sentence string
		quoted   bool
		n, anon  int
	}{
		{"The mayor said the plan was final.", false, 1, 0},
		{"Officials said the road would close.", false, 1, 1},
		{"A U.S. official said the talks stalled.", false, 1, 1},
		{"Diplomats said little progress was made.", false, 1, 1},
		{"People familiar with the plan said it would change.", false, 1, 1},
		{"A source told reporters the deal was off.", false, 1, 1},
		{"A senior Kenyan official said the border was open.", false, 1, 1},
		{"Maria Lopez said the officials were wrong.", false, 1, 0},
		{"The aide, who spoke on condition of anonymity, said the plan was dead.", false, 1, 1},
		{"According to officials, the count is done.", false, 1, 1},
		{"According to Nora Diaz, the count is done.", false, 1, 0},
		{"Sources said officials warned the vote was near.", false, 2, 2},
		{"Los funcionarios dijo que no.", false, 1, 1},
		{"Según fuentes, el plan cambió.", false, 1, 1},
		{"It rained, as was said before.", false, 0, 0},
		{`"Enough," said Ravi Mehta.`, true, 1, 0},
		{"The weather was calm.", false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			none := func(a, b int) bool { return false }
			n, anon, _ := attributions(lexicon.Tokenize(tt.sentence), tt.quoted, none, nil)
			if n != tt.n || anon != tt.anon {
				t.Errorf("attributions = %d, anonymous %d; want %d, %d", n, anon, tt.n, tt.anon)
			}
		})
	}
}
