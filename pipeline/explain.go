package pipeline

import (
	"fmt"

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
