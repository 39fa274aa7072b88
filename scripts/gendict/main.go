// Command gendict writes a large quanteda-style dictionary for benchmarks:
// it counts the words of a JSON Lines corpus, skips the most frequent ones
// (function words), and deals the next ones out to N categories, one word
// from each frequency band to each category in turn, so that every category
// has common and rare words. Categories are grouped two levels deep, as
// published dictionaries are (group_03.cat_041), and the words are the
// corpus's own: nothing is copied from a published dictionary.
//
//	go run ./scripts/gendict -categories 200 -per 10 CORPUS.jsonl[.gz] > dict.yml
//
// The same corpus and flags always give the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
)

func main() {
	categories := flag.Int("categories", 200, "number of categories (dimensions)")
	per := flag.Int("per", 10, "words per category")
	skip := flag.Int("skip", 100, "skip this many of the most frequent words")
	groups := flag.Int("groups", 10, "first-level keys the categories are grouped under")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gendict [flags] CORPUS.jsonl[.gz]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *categories < 1 || *per < 1 || *skip < 0 || *groups < 1 {
		flag.Usage()
		os.Exit(2)
	}
	counts, err := countWords(flag.Arg(0))
	if err == nil {
		err = write(os.Stdout, rank(counts), *categories, *per, *skip, *groups)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

// countWords counts the lower-cased letter words of every record's title
// and text.
func countWords(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	counts := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			continue // a benchmark dictionary does not need every line
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(rec.Title+" "+rec.Text), notLetter) {
			if len(w) > 2 {
				counts[w]++
			}
		}
	}
	return counts, sc.Err()
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// rank orders words by count, most frequent first, ties alphabetically.
func rank(counts map[string]int) []string {
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	return words
}

// write deals words[skip:] out to the categories round robin. A corpus with
// too few words leaves the last categories with fewer words; a category
// never ends up empty unless there are fewer words than categories, which
// is an error.
func write(w io.Writer, words []string, categories, per, skip, groups int) error {
	if skip > len(words) {
		skip = len(words)
	}
	words = words[skip:]
	if len(words) < categories {
		return fmt.Errorf("the corpus has %d usable words after skipping %d, fewer than %d categories", len(words), skip, categories)
	}
	words = words[:min(len(words), categories*per)]
	cats := make([][]string, categories)
	for i, word := range words {
		cats[i%categories] = append(cats[i%categories], word)
	}
	bw := bufio.NewWriter(w)
	perGroup := (categories + groups - 1) / groups
	for c, list := range cats {
		if c%perGroup == 0 {
			fmt.Fprintf(bw, "group_%02d:\n", c/perGroup+1)
		}
		fmt.Fprintf(bw, "  cat_%03d:\n", c+1)
		for _, word := range list {
			fmt.Fprintf(bw, "    - %q\n", word) // quoted: yes, no and null are YAML words
		}
	}
	return bw.Flush()
}
