package features

import "framing/lexicon"

// intensifierFactor multiplies a tone word that an intensifier stands just
// before ("deeply flawed" weighs 1.5 times "flawed").
const intensifierFactor = 1.5

// intensifierReach is how far before a tone word an intensifier may end: its
// last token may be at most this many tokens before the tone word's first,
// so "very" in "very badly flawed" still counts for "flawed".
const intensifierReach = 2

// stance computes the tone toward each actor mentioned in sentences, in the
// order of actors. The rule (docs/stance.md):
//
//   - Mentions counts the actor's matches in the title and text;
//   - each sentence that mentions an actor adds its tone to that actor once,
//     however often the actor is named in it;
//   - a tone word adds its weight to Positive or Negative; a negated tone
//     word adds to the opposite side ("not corrupt" is positive);
//   - an intensifier ending at most intensifierReach tokens before a tone
//     word multiplies it by intensifierFactor, once, however many there are.
func stance(sentences []sentence, actors []string) []Stance {
	idx := make(map[string]int, len(actors))
	all := make([]Stance, len(actors))
	for i, a := range actors {
		idx[a] = i
		all[i].Actor = a
	}
	for _, s := range sentences {
		pos, neg := sentenceTone(s.matches)
		seen := map[int]bool{}
		for _, mt := range s.matches {
			i, ok := idx[mt.Set]
			if mt.Kind != lexicon.Actor || !ok {
				continue
			}
			all[i].Mentions++
			if !seen[i] {
				seen[i] = true
				all[i].Positive += pos
				all[i].Negative += neg
			}
		}
	}
	out := make([]Stance, 0, len(all))
	for _, st := range all {
		if st.Mentions == 0 {
			continue
		}
		if sum := st.Positive + st.Negative; sum > 0 {
			st.Stance, st.HasStance = (st.Positive-st.Negative)/sum, true
		}
		out = append(out, st)
	}
	return out
}

// sentenceTone sums the positive and negative tone of one sentence's matches.
func sentenceTone(ms []lexicon.Match) (pos, neg float64) {
	for _, mt := range ms {
		if mt.Kind != lexicon.Positive && mt.Kind != lexicon.Negative {
			continue
		}
		w := mt.Weight
		if intensified(ms, mt.Start) {
			w *= intensifierFactor
		}
		positive := (mt.Kind == lexicon.Positive) != mt.Negated
		if positive {
			pos += w
		} else {
			neg += w
		}
	}
	return pos, neg
}

// intensified reports whether an intensifier ends within intensifierReach
// tokens before token start.
func intensified(ms []lexicon.Match, start int) bool {
	for _, mt := range ms {
		if mt.Kind == lexicon.Intensifier && mt.End <= start && start-mt.End < intensifierReach {
			return true
		}
	}
	return false
}
