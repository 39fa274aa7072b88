package lexicon

import "fmt"

// checkDuplicates warns about an entry listed twice in one set (it cannot
// count twice, so the second copy is dead weight or a typo), notes an
// entry that sits in two dimensions (legitimate, but it makes the two
// dimensions correlate by construction), and warns about an entry that is
// both positive and negative tone. Each entry is parsed once: a dictionary
// of a million entries is checked in seconds.
func checkDuplicates(l *Lexicon, p *parser) {
	diag := func(pos Position, sev Severity, format string, args ...any) {
		p.diags = append(p.diags, Diagnostic{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...)})
	}
	// keys returns each entry's canonical form, "" for an entry that does
	// not parse or repeats an earlier one of the set (which it reports).
	keys := func(set string, es []Entry) []string {
		out := make([]string, len(es))
		seen := make(map[string]int, len(es))
		for i, e := range es {
			pat, err := parseEntry(e.Text)
			if err != nil {
				continue
			}
			k := pat.String()
			if j, ok := seen[k]; ok {
				diag(e.Pos, SeverityWarning, "%s: duplicate entry %q (same as %q at line %d)", set, e.Text, es[j].Text, es[j].Pos.Line)
				continue
			}
			seen[k], out[i] = i, k
		}
		return out
	}
	type home struct {
		dim string
		pos Position
	}
	homes := map[string]home{}
	for _, d := range l.Dimensions {
		for i, k := range keys("dimension "+d.Name+" terms", d.Terms) {
			if k == "" {
				continue
			}
			if h, ok := homes[k]; ok {
				diag(d.Terms[i].Pos, SeverityNote, "entry %q is also in dimension %q (line %d)", d.Terms[i].Text, h.dim, h.pos.Line)
				continue
			}
			homes[k] = home{d.Name, d.Terms[i].Pos}
		}
		keys("dimension "+d.Name+" exclude", d.Exclude)
	}
	positive := map[string]Entry{}
	for i, k := range keys("tone positive", l.Tone.Positive) {
		if k != "" {
			positive[k] = l.Tone.Positive[i]
		}
	}
	for i, k := range keys("tone negative", l.Tone.Negative) {
		if first, ok := positive[k]; ok && k != "" {
			e := l.Tone.Negative[i]
			diag(e.Pos, SeverityWarning, "tone: entry %q is both positive (line %d) and negative; only the positive one can count", e.Text, first.Pos.Line)
		}
	}
	keys("tone intensifiers", l.Tone.Intensifiers)
	keys("negators", l.Negators)
	for _, a := range l.Actors {
		keys("actor "+a.Name, a.Aliases)
	}
}
