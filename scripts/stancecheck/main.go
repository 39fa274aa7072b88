// Command stancecheck validates stance on known groups: it scores a labeled
// corpus (JSON Lines with `bias` = left, center or right, the outlet's lean)
// with a tone lexicon and a separate actor list, and reports per actor the
// article-level AUC and the outlet-level Spearman correlation between lean and
// mean stance, each signed so that the expected direction is positive. The
// method is in docs/stance.md ("Validation"). It reads the corpus from a path
// given on the command line; no test needs it.
//
//	go run ./scripts/stancecheck -corpus ../shared/corpus/labeled.jsonl.gz \
//	    -actors docs/validation/us-actors.yaml [-lexicon lex.yaml] [-tone list.txt] [-voice authorial] \
//	    [-outlets stance|mention] [-agg mean|pooled]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	var usage usageError
	switch {
	case errors.As(err, &usage):
		fmt.Fprintln(os.Stderr, "stancecheck:", err)
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "stancecheck:", err)
		os.Exit(1)
	}
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// config is what the flags say.
type config struct {
	corpus, actors, lexicon, dump string
	tone                          string
	voice                         string
	base, agg                     string         // outlet definition and aggregation (measure.go)
	expect                        map[string]int // actor → +1 when right-leaning outlets should be more positive, −1 for left
	minArticles                   int
	workers                       int
}

// defaultExpect is the expected side of the four actors of
// docs/validation/us-actors.yaml.
const defaultExpect = "trump=right,republicans=right,obama=left,democrats=left"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stancecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.corpus, "corpus", "", "labeled JSON Lines `file` (.gz allowed) with id, outlet, bias, title, text")
	fs.StringVar(&c.actors, "actors", "", "actor `file`: a quanteda-layout YAML mapping of actor to aliases")
	fs.StringVar(&c.lexicon, "lexicon", "", "lexicon `file` whose tone lists are used (default: the embedded lexicon)")
	fs.StringVar(&c.tone, "tone", "", "`file` whose positive and negative lists replace the lexicon's (e.g. a .txt valence list)")
	fs.StringVar(&c.voice, "voice", "combined", "which stance: "+strings.Join(voiceNames, ", "))
	fs.StringVar(&c.dump, "dump", "", "write per-article and per-outlet values to `prefix`-articles.tsv and -outlets.tsv")
	expect := fs.String("expect", defaultExpect, "actor=right|left: the side expected to be more positive")
	fs.IntVar(&c.minArticles, "min", 30, "outlets need this many articles (see -outlets)")
	fs.StringVar(&c.base, "outlets", baseStance, "what -min counts: "+baseStance+" (articles with a stance toward the actor) or "+baseMention+" (articles that mention it)")
	fs.StringVar(&c.agg, "agg", aggMean, "outlet figure: "+aggMean+" (mean of article stances) or "+aggPooled+" (pooled tone mass)")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "scoring goroutines")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if c.corpus == "" || c.actors == "" {
		return usageError{"-corpus and -actors are required"}
	}
	if _, ok := voices[c.voice]; !ok {
		return usageError{fmt.Sprintf("-voice %q: want one of %s", c.voice, strings.Join(voiceNames, ", "))}
	}
	if c.base != baseStance && c.base != baseMention {
		return usageError{fmt.Sprintf("-outlets %q: want %s or %s", c.base, baseStance, baseMention)}
	}
	if c.agg != aggMean && c.agg != aggPooled {
		return usageError{fmt.Sprintf("-agg %q: want %s or %s", c.agg, aggMean, aggPooled)}
	}
	var err error
	if c.expect, err = parseExpect(*expect); err != nil {
		return usageError{err.Error()}
	}
	m, err := matcher(c.lexicon, c.tone, c.actors)
	if err != nil {
		return err
	}
	scored, err := score(ctx, c.corpus, m, c.workers)
	if err != nil {
		return err
	}
	res := measure(scored, m.Actors(), c)
	if c.dump != "" {
		if err := dump(c.dump, scored, res, c); err != nil {
			return err
		}
	}
	report(stdout, res, c)
	return nil
}

func parseExpect(s string) (map[string]int, error) {
	out := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		name, side, ok := strings.Cut(strings.TrimSpace(part), "=")
		switch {
		case !ok:
			return nil, fmt.Errorf("-expect %q: want actor=right or actor=left", part)
		case side == "right":
			out[name] = 1
		case side == "left":
			out[name] = -1
		default:
			return nil, fmt.Errorf("-expect %q: side must be right or left", part)
		}
	}
	return out, nil
}
