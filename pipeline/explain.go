package pipeline

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"framing/corpus"

	"framing/features"
	"framing/lexicon"
)

// Explain scores one text with the given lexicons (the default when there are
// none) and the user's boilerplate patterns file (none when ""), and returns
// it with every match marked, for `framing lexicon explain`.
func Explain(title, text string, lexicons []string, boilerplate string) (string, error) {
	opt, _, err := featureOptions(Config{Boilerplate: boilerplate})
	if err != nil {
		return "", err
	}
	lex, err := LoadLexicons(lexicons)
	if err != nil {
		return "", err
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		return "", fmt.Errorf("compiling lexicon %s: %w", lex.Name, err)
	}
	return features.Explain(features.Input{Title: title, Text: text}, m, opt.Boilerplate), nil
}

// ExplainArticle finds the article with the given id in the inputs (any
// corpus format a run reads) and explains it as Explain does, after a line
// that says which article it is and where it came from, so that a
// researcher can audit one article of a corpus by its id.
func ExplainArticle(inputs []string, manifest, id string, lexicons []string, boilerplate string) (string, error) {
	var found *corpus.Article
	errFound := errors.New("found")
	err := eachArticle(inputs, manifest, func(a corpus.Article) error {
		if a.ID != id {
			return nil
		}
		found = &a
		return errFound
	})
	if err != nil && !errors.Is(err, errFound) {
		return "", err
	}
	if found == nil {
		return "", fmt.Errorf("no article with id %q in %s", id, strings.Join(inputs, ", "))
	}
	body, err := Explain(found.Title, found.Text, lexicons, boilerplate)
	if err != nil {
		return "", err
	}
	date := found.RawDate
	if found.HasDate {
		date = found.Published.Format(time.DateOnly)
	}
	return fmt.Sprintf("article %s, %s, %s, %s\n\n%s", found.ID, cmp.Or(found.Outlet, "no outlet"),
		cmp.Or(date, "no date"), found.Source(), body), nil
}
