package lexicon_test

import (
	"fmt"
	"strings"

	"framing/lexicon"
)

const exampleLexicon = `
name: example
version: 1.0.0
negators: [not, "n't", never]
dimensions:
  cooperation:
    description: working together
    terms: [cooperat*, trust-building, US]
tone:
  positive: [good]
actors:
  us_government: [Washington, White House]
`

// Matching one sentence: the U.S. is one token, don't is do + n't, and
// the negated hit is marked.
func ExampleMatcher_Match() {
	l, err := lexicon.Parse(strings.NewReader(exampleLexicon), "example.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := lexicon.Compile(l)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range m.Match(lexicon.Tokenize("The U.S. and the White House don't cooperate.")) {
		fmt.Printf("%s %q %q tokens [%d,%d) negated=%v\n", x.Kind, x.Set, x.Entry, x.Start, x.End, x.Negated)
	}
	// Output:
	// frame "cooperation" "US" tokens [1,2) negated=false
	// actor "us_government" "White House" tokens [4,6) negated=false
	// frame "cooperation" "cooperat*" tokens [8,9) negated=true
}

// Annotate shows a researcher why a sentence scored what it did.
func ExampleMatcher_Annotate() {
	l, _ := lexicon.Parse(strings.NewReader(exampleLexicon), "example.yaml")
	m, _ := lexicon.Compile(l)
	text := "Washington’s trust-building was never good."
	toks := lexicon.Tokenize(text)
	fmt.Println(m.Annotate(text, toks, m.Match(toks)))
	// Output:
	// Washington[actor us_government: Washington]’s trust-building[cooperation: trust-building] was never good[NOT positive: good].
}

// Tokenize shows the normalized form of each token.
func ExampleTokenize() {
	for _, t := range lexicon.Tokenize("Rodríguez’s U.S.-led talks can't fail") {
		fmt.Printf("%s ", t.Norm)
	}
	fmt.Println()
	// Output:
	// rodriguez us led talks can n't fail
}

// Validate reports every problem with its position.
func ExampleValidate() {
	src := "name: bad\nversion: 1\ndimensions:\n  a:\n    terms: [co*op, peace, peace]\n  b: {}\n"
	for _, d := range lexicon.Validate(strings.NewReader(src), "bad.yaml") {
		fmt.Println(d)
	}
	// Output:
	// bad.yaml:5:13: error: dimension a terms: entry "co*op": `*` is allowed only at the end of a word
	// bad.yaml:5:27: warning: dimension a terms: duplicate entry "peace" (same as "peace" at line 5)
	// bad.yaml:6:3: error: dimension "b" is empty: it has no terms
}

// SHA256 does not change when only the layout of the file changes.
func ExampleLexicon_SHA256() {
	a, _ := lexicon.Parse(strings.NewReader("name: x\ndimensions:\n  d: {terms: [trust-building, peace]}\n"), "a.yaml")
	b, _ := lexicon.Parse(strings.NewReader("# same, reformatted\ndimensions:\n  d:\n    terms:\n      - peace\n      - trust building\nname: x\n"), "b.yaml")
	fmt.Println(a.SHA256() == b.SHA256())
	// Output:
	// true
}
