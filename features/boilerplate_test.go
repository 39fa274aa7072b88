package features

import (
	"strings"
	"testing"
)

// TestDefaultStarts checks that the mayBeDefault prefilter passes every line
// the default pattern removes: examples of each pattern, in other cases,
// after leading space, and with the non-ASCII letters that (?i) folds to s
// and k. A line the prefilter wrongly rejects would stay in the article.
func TestDefaultStarts(t *testing.T) {
	lines := []string{
		"Leave a comment", "leave a reply.", "Your email address will not be published. Required fields are marked *",
		"Required fields are marked *", "Related: Oil prices fall", "Related articles: x", "RELATED STORIES",
		"Read more: the talks", "read also : x", "Go to top", "Back to top.", "Share this article on Facebook!",
		"share the story", "Share on WhatsApp", "Subscribe to our newsletter today", "Sign up for alerts",
		"Click here to subscribe", "The post Talks resume appeared first on The Ridge Times.",
		"© 2024 Ridge Media", "(c) 2024 Ridge", "(C)2024", "Copyright ©2020 Ridge", "Copyright (c) 2020 x",
		"copyright 2020", "All rights reserved.", "© Ridge Media. All rights reserved", "Copyright Ridge, all rights reserved",
		" \t leave a comment  ", "\fRead more: x", "\u017fhare this article", "Clic\u212a here to read",
		"\u017fubscribe to the newsletter", "all rights re\u017ferved",
	}
	for _, l := range lines {
		if !defaultPattern.MatchString(l) {
			t.Errorf("%q: the default pattern does not match; fix the example", l)
			continue
		}
		if !mayBeDefault(l) {
			t.Errorf("mayBeDefault(%q) = false, but the default pattern matches", l)
		}
	}
	for _, l := range []string{"The talks resumed on Monday.", "Officials said no deal was near.", "", "  ",
		"“Share this,” he said.", "Rel\u00e9ated: x", "x ©"} {
		if mayBeDefault(l) {
			t.Errorf("mayBeDefault(%q) = true; want false for article text", l)
		}
	}
}

// FuzzMayBeDefault checks the prefilter's one property: it never rejects a
// line the default pattern matches.
func FuzzMayBeDefault(f *testing.F) {
	for _, s := range defaultStarts {
		f.Add(s + " 2024 all rights reserved")
		f.Add(strings.ToUpper(s) + ": x")
	}
	f.Add("The post x appeared first on y")
	f.Add("\u017fign up \u212a")
	f.Add("© 2020 x")
	f.Fuzz(func(t *testing.T, line string) {
		if defaultPattern.MatchString(line) && !mayBeDefault(line) {
			t.Errorf("mayBeDefault(%q) = false, but the default pattern matches", line)
		}
	})
}
