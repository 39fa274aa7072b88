package features

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExplain(t *testing.T) {
	m := testMatcher(t, testLexicon)
	tests := []struct {
		name string
		in   Input
		m    bool
		want string
	}{
		{"empty", Input{}, true, "\n"},
		{"nil matcher gives cleaned text", Input{Title: "T", Text: "<p>A&amp;B</p>"}, false, "T\n\nA&B\n"},
		{"all mark kinds", Input{Title: "Tariff", Text: "The city was not very fair on jobs."}, true,
			"Tariff [economic: tariff]\n\nThe city [actor: City; -fair 1.5 authorial] was not very [intensifier: very] fair [+fair, negated] on jobs [economic: jobs].\n"},
		{"voices and speakers", Input{Text: `"The union is bad," said the city. The city said the union was fair.`}, true,
			`"The union [actor: Union; -bad 1 quoted] is bad [-bad]," said the city [actor: City, speaker]. ` +
				"The city [actor: City, speaker] said the union [actor: Union; +fair 1 quoted] was fair [+fair].\n"},
		{"negated frame", Input{Text: "It was never a border issue."}, true,
			"It was never a border [security: border, negated] issue.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := m
			if !tt.m {
				mm = nil
			}
			if diff := cmp.Diff(tt.want, Explain(tt.in, mm, nil)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
