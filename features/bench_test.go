package features

import (
	"strconv"
	"strings"
	"testing"
)

// generatedArticle builds an article of about n words from a fixed sentence
// list, with quotes, attributions and lexicon hits, in paragraphs of four
// sentences. It is deterministic.
func generatedArticle(n int) string {
	sents := []string{
		`The city council met on Tuesday to debate a new tariff on imported steel.`,
		`"We cannot keep losing jobs to the border towns," the mayor said.`,
		`Officials said the union was not fair in the last round of talks.`,
		`Mr. Okafor, a trader at the U.S. port, called the plan very bad for small firms.`,
		`Prices rose 2.5 percent in the first quarter, according to the town hall.`,
		`A person familiar with the talks said a deal was good but far off.`,
	}
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		s := sents[i%len(sents)]
		b.WriteString(s)
		words += len(strings.Fields(s))
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	m := testMatcher(b, testLexicon)
	in := Input{Title: "Council weighs tariff as border jobs fade", Text: generatedArticle(800), Outlet: "Bench"}
	opt := DefaultOptions()
	b.SetBytes(int64(len(in.Title) + len(in.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(in, m, opt)
	}
}

// BenchmarkStanceLongSentence scores one sentence of n words in which every
// other word is an actor or a tone word, the worst case of targeting: the
// time per word must stay flat as n grows (linear in the sentence length,
// no pairs of mentions and tone words).
func BenchmarkStanceLongSentence(b *testing.B) {
	m := testMatcher(b, testLexicon)
	for _, n := range []int{1_000, 10_000, 100_000} {
		var sb strings.Builder
		for i := range n / 4 {
			sb.WriteString([]string{"union very good city ", "city not bad union ", "the union said unfair "}[i%3])
		}
		in := Input{Text: sb.String()}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Extract(in, m, DefaultOptions())
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/word")
		})
	}
}
