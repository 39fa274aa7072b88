package integration

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

type query struct{ name, comment, sql string }

// parseQueries splits notebooks/queries.sql at its "-- name:" comments, the
// same way notebooks/make_notebook.py does.
func parseQueries(t *testing.T) []query {
	t.Helper()
	text := readText(t, "notebooks/queries.sql")
	parts := regexp.MustCompile(`(?m)^-- name: `).Split(text, -1)[1:]
	var qs []query
	for _, p := range parts {
		name, rest, _ := strings.Cut(p, "\n")
		var comment []string
		var sqlLines []string
		for _, l := range strings.Split(strings.Trim(rest, "\n"), "\n") {
			if strings.HasPrefix(l, "--") {
				comment = append(comment, strings.TrimPrefix(l, "-- "))
				continue
			}
			sqlLines = append(sqlLines, l)
		}
		qs = append(qs, query{strings.TrimSpace(name), strings.Join(comment, " "), strings.TrimSpace(strings.Join(sqlLines, "\n"))})
	}
	return qs
}

type notebook struct {
	Cells []struct {
		CellType       string          `json:"cell_type"`
		Source         []string        `json:"source"`
		Metadata       map[string]any  `json:"metadata"`
		Outputs        []any           `json:"outputs"`
		ExecutionCount *int            `json:"execution_count"`
		ID             string          `json:"id"`
		Extra          json.RawMessage `json:"-"`
	} `json:"cells"`
	Metadata      map[string]any `json:"metadata"`
	NBFormat      int            `json:"nbformat"`
	NBFormatMinor int            `json:"nbformat_minor"`
}

// TestNotebookIsNBFormat4 checks the structure nbformat 4 requires, and that
// outputs are cleared.
func TestNotebookIsNBFormat4(t *testing.T) {
	var nb notebook
	dec := json.NewDecoder(strings.NewReader(readText(t, "notebooks/framing.ipynb")))
	if err := dec.Decode(&nb); err != nil {
		t.Fatalf("framing.ipynb is not valid JSON: %v", err)
	}
	if nb.NBFormat != 4 || nb.NBFormatMinor < 4 {
		t.Errorf("nbformat %d.%d, want 4.4 or later", nb.NBFormat, nb.NBFormatMinor)
	}
	if nb.Metadata == nil || nb.Metadata["kernelspec"] == nil {
		t.Errorf("notebook metadata lacks a kernelspec: %v", nb.Metadata)
	}
	ids := map[string]bool{}
	for i, c := range nb.Cells {
		if c.CellType != "code" && c.CellType != "markdown" {
			t.Errorf("cell %d: type %q", i, c.CellType)
		}
		if c.Metadata == nil || c.Source == nil {
			t.Errorf("cell %d: missing metadata or source", i)
		}
		if c.ID == "" || ids[c.ID] {
			t.Errorf("cell %d: id %q missing or repeated", i, c.ID)
		}
		ids[c.ID] = true
		if c.CellType == "code" && (len(c.Outputs) != 0 || c.ExecutionCount != nil) {
			t.Errorf("cell %d: outputs are not cleared", i)
		}
	}
}
