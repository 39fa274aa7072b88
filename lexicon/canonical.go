package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// canonicalVersion names the layout of the canonical form; change it when
// the layout changes, so old and new hashes never collide by accident.
const canonicalVersion = "framing-lexicon-canonical/1"

// SHA256 returns the hex SHA-256 of the lexicon's canonical form. Two files
// that differ only in YAML layout, comments, key order, entry order,
// duplicate entries or spelling variants the matcher treats alike
// (trust-building, "trust building") hash alike; any change that can change
// a score changes the hash. Runs record it so results name their instrument.
func (l *Lexicon) SHA256() string {
	sum := sha256.Sum256([]byte(l.Canonical()))
	return hex.EncodeToString(sum[:])
}

// Canonical returns the canonical text form that SHA256 hashes: metadata,
// then negators, dimensions, tone and actors, each sorted, one entry per
// line in normalized form with its weight. It is exported so a researcher
// can diff two lexicons that hash differently.
func (l *Lexicon) Canonical() string {
	var b strings.Builder
	line := func(parts ...string) {
		b.WriteString(strings.Join(parts, "\t"))
		b.WriteByte('\n')
	}
	line(canonicalVersion)
	line("name", clean(l.Name))
	line("version", clean(l.Version))
	line("language", clean(l.Language))
	line("description", clean(l.Description))
	list := func(section string, es []Entry) {
		for _, e := range canonicalEntries(es) {
			line(section, e)
		}
	}
	list("negator", l.Negators)
	dims := slices.Clone(l.Dimensions)
	slices.SortStableFunc(dims, func(a, b Dimension) int { return strings.Compare(a.Name, b.Name) })
	for _, d := range dims {
		line("dimension", clean(d.Name), clean(d.Description))
		list("term", d.Terms)
		list("exclude", d.Exclude)
	}
	list("positive", l.Tone.Positive)
	list("negative", l.Tone.Negative)
	list("intensifier", l.Tone.Intensifiers)
	actors := slices.Clone(l.Actors)
	slices.SortStableFunc(actors, func(a, b ActorSet) int { return strings.Compare(a.Name, b.Name) })
	for _, a := range actors {
		line("actor", clean(a.Name))
		list("name", a.Aliases)
	}
	return b.String()
}

// clean collapses runs of white space, tabs and newlines included, to one
// space: YAML folding changes them, and each record must stay on one line.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// canonicalEntries renders entries as "pattern<TAB>weight", sorted and
// without duplicates. An entry that does not parse keeps its raw text so a
// broken lexicon still hashes deterministically.
func canonicalEntries(es []Entry) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		text := e.Key()
		w := e.Weight
		if w == 0 {
			w = 1
		}
		out = append(out, text+"\t"+strconv.FormatFloat(w, 'g', -1, 64))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Key returns the entry in the normalized form that the hash and the
// matcher use, so that two spellings the matcher treats alike compare
// equal (trust-building and "trust building" are both "trust building";
// Peace is peace; US stays US). An entry that does not parse keeps its
// text with white space collapsed.
func (e Entry) Key() string {
	if p, err := parseEntry(e.Text); err == nil {
		return p.String()
	}
	return clean(e.Text)
}
