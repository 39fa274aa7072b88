package lexicon

// Lexicon is a framing dictionary as a researcher wrote it: named dimensions
// of framing terms, tone word lists, named actors and negators. Entries keep
// their text as written and their source position, so every score can be
// traced back to a line of the file.
type Lexicon struct {
	Name        string
	Version     string
	Language    string
	Description string
	Dimensions  []Dimension // in file order; that order is the order of score columns
	Tone        Tone
	Actors      []ActorSet // in file order
	Negators    []Entry
	Source      string // file name given to Parse or Load; not part of the hash
}

// Dimension is one framing dimension: the terms that signal it and the
// phrases that veto a term where it means something else.
type Dimension struct {
	Name        string
	Description string
	Terms       []Entry
	Exclude     []Entry
	Pos         Position
}

// Tone holds the word lists that give a sentence its polarity and strength.
type Tone struct {
	Positive     []Entry
	Negative     []Entry
	Intensifiers []Entry
}

// ActorSet is a named party (a government, an outlet) and the names by which
// texts refer to it. It is not called Actor because that name is the
// MatchKind of actor matches, which callers use far more often.
type ActorSet struct {
	Name    string
	Aliases []Entry // names, titles and institutions that refer to the actor
	Pos     Position
}

// Entry is one lexicon entry: a word, a phrase, or a prefix glob ending in
// '*'. Text is kept as written so that reports quote the lexicon exactly.
type Entry struct {
	Text   string
	Weight float64 // 1 unless the file says otherwise
	Pos    Position
}

// Position is a place in a lexicon file. Line and Col are 1-based; a zero
// Line means the entry was built in code.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, the form editors jump to.
func (p Position) String() string {
	switch {
	case p.Line == 0 && p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	}
	return p.File + ":" + itoa(p.Line) + ":" + itoa(p.Col)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
