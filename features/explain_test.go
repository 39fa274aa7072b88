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
			"Tariff [economic: tariff]\n\nThe city [actor: City] was not very [intensifier: very] fair [+fair, negated] on jobs [economic: jobs].\n"},
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
