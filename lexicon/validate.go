package lexicon

import "fmt"

// checkDuplicates warns about an entry listed twice in one set (it cannot
// count twice, so the second copy is dead weight or a typo) and notes an
// entry that sits in two dimensions (legitimate, but it makes the two
// dimensions correlate by construction).
func checkDuplicates(l *Lexicon, p *parser) {
	diag := func(pos Position, sev Severity, format string, args ...any) {
		p.diags = append(p.diags, Diagnostic{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...)})
	}
	dup := func(set string, es []Entry) {
		seen := map[string]Entry{}
		for _, e := range es {
			pat, err := parseEntry(e.Text)
			if err != nil {
				continue
			}
			key := pat.String()
			if first, ok := seen[key]; ok {
				diag(e.Pos, SeverityWarning, "%s: duplicate entry %q (same as %q at line %d)", set, e.Text, first.Text, first.Pos.Line)
				continue
			}
			seen[key] = e
		}
	}
	type home struct {
		dim string
		pos Position
	}
	homes := map[string]home{}
	for _, d := range l.Dimensions {
		dup("dimension "+d.Name+" terms", d.Terms)
		dup("dimension "+d.Name+" exclude", d.Exclude)
		inDim := map[string]bool{}
		for _, e := range d.Terms {
			pat, err := parseEntry(e.Text)
			if err != nil || inDim[pat.String()] {
				continue
			}
			key := pat.String()
			inDim[key] = true
			if h, ok := homes[key]; ok {
				diag(e.Pos, SeverityNote, "entry %q is also in dimension %q (line %d)", e.Text, h.dim, h.pos.Line)
				continue
			}
			homes[key] = home{d.Name, e.Pos}
		}
	}
	both := map[string]Entry{}
	for _, e := range l.Tone.Positive {
		if pat, err := parseEntry(e.Text); err == nil {
			both[pat.String()] = e
		}
	}
	for _, e := range l.Tone.Negative {
		pat, err := parseEntry(e.Text)
		if first, ok := both[pat.String()]; err == nil && ok {
			diag(e.Pos, SeverityWarning, "tone: entry %q is both positive (line %d) and negative; only the positive one can count", e.Text, first.Pos.Line)
			delete(both, pat.String())
		}
	}
	dup("tone positive", l.Tone.Positive)
	dup("tone negative", l.Tone.Negative)
	dup("tone intensifiers", l.Tone.Intensifiers)
	dup("negators", l.Negators)
	for _, a := range l.Actors {
		dup("actor "+a.Name, a.Aliases)
	}
}
