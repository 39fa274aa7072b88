package features

// intensifierFactor multiplies a tone word that an intensifier stands just
// before ("deeply flawed" weighs 1.5 times "flawed").
const intensifierFactor = 1.5

// intensifierReach is how far before a tone word an intensifier may end: its
// last token may be at most this many tokens before the tone word's first,
// so "very" in "very badly flawed" still counts for "flawed".
const intensifierReach = 2

// stance computes the tone toward each actor mentioned in the sentences of
// d, in the order of actors. The rule (docs/stance.md):
//
//   - Mentions counts the actor's matches in the title and text;
//   - each tone word counts for the nearest actor mention of its sentence,
//     weighted by distance and clause boundaries (see target.go), once;
//   - a negated tone word adds to the opposite side ("not corrupt" is
//     positive); an intensifier ending at most intensifierReach tokens
//     before it multiplies it by intensifierFactor, once;
//   - a tone word inside a quotation is quoted voice, else authorial; the
//     combined Positive and Negative are the sum of both.
func stance(d *doc, actors []string, buf *scratch) []Stance {
	idx := make(map[string]int, len(actors))
	all := make([]Stance, len(actors))
	for i, a := range actors {
		idx[a] = i
		all[i].Actor = a
	}
	shares := buf.shares[:0]
	for si := range d.sentences {
		s := &d.sentences[si]
		shares = buf.target.shares(shares[:0], s, d.quotes)
		for _, sh := range shares {
			i, ok := idx[s.matches[sh.mention].Set]
			if !ok {
				continue
			}
			v := &all[i].Authorial
			if sh.quoted {
				v = &all[i].Quoted
			}
			if sh.positive {
				v.Positive += sh.weight
			} else {
				v.Negative += sh.weight
			}
		}
		for _, m := range buf.target.mentions {
			if i, ok := idx[s.matches[m.match].Set]; ok {
				all[i].Mentions++
				if m.speaker {
					all[i].Attributions++
				}
			}
		}
	}
	buf.shares = shares
	out := make([]Stance, 0, len(all))
	for _, st := range all {
		if st.Mentions == 0 {
			continue
		}
		st.Authorial.finish()
		st.Quoted.finish()
		st.Positive = st.Authorial.Positive + st.Quoted.Positive
		st.Negative = st.Authorial.Negative + st.Quoted.Negative
		st.Stance, st.HasStance = balance(st.Positive, st.Negative)
		out = append(out, st)
	}
	return out
}

// finish sets the voice's stance from its masses.
func (v *Voice) finish() { v.Stance, v.HasStance = balance(v.Positive, v.Negative) }

// balance is (pos − neg) / (pos + neg), undefined (false) when there is no
// tone at all.
func balance(pos, neg float64) (float64, bool) {
	if sum := pos + neg; sum > 0 {
		return (pos - neg) / sum, true
	}
	return 0, false
}
