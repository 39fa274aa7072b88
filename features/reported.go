package features

import "framing/lexicon"

// Reported speech: tone that the outlet reports someone else as saying
// without quotation marks. "Critics say Trump lied", "Democrats accused
// Trump of lying" and "Trump lied, critics said" carry the critics' and the
// Democrats' evaluation, not the outlet's, so their tone words count in the
// quoted voice (docs/stance.md, "Reported speech"), as if the words were in
// quotation marks. Only the voice changes: the target is found as for any
// tone word, and, as for a quotation, the speaker is never it.
//
// The rules, each tested in TestTargetRules:
//
//   - after a reporting verb (said, say, claimed, argued, according to …) the
//     rest of its clause is reported: up to the next clause boundary;
//   - after an accusation verb (accused, blamed, criticized, condemned …) the
//     rest of its clause is reported too, whoever the object is ("was
//     accused of lying");
//   - a reporting verb near the end of a sentence (at most trailingWords
//     words after it) that follows a comma within commaReach tokens makes
//     everything before that comma reported ("Trump lied, critics said.",
//     "…, according to the complaint.").

// trailingWords is how many words may follow a trailing reporting verb
// ("…, said the senator from Ohio" has four).
const trailingWords = 4

// commaReach is how far before a trailing reporting verb its comma may be:
// "…, two senior Democrats said" has three words between.
const commaReach = 5

// reportVerbs introduce indirect speech. They include the attribution verbs
// (attributionVerbs) and the forms that are not counted as attributions
// because they are also common in other senses (say, argue, claim).
var reportVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "saying": true,
	"claim": true, "claims": true, "claimed": true, "claiming": true,
	"argue": true, "argues": true, "argued": true, "arguing": true,
	"contend": true, "contends": true, "contended": true,
	"assert": true, "asserts": true, "asserted": true,
	"allege": true, "alleges": true, "alleged": true, "alleging": true,
	"insist": true, "insists": true, "insisted": true,
	"wrote": true, "writes": true, "tweeted": true, "tweets": true,
	"told": true, "added": true, "noted": true, "stated": true, "explained": true,
	"warned": true, "acknowledged": true, "declared": true, "suggested": true,
	// Spanish, accent-stripped
	"dijo": true, "dice": true, "dicen": true, "afirmo": true, "afirma": true, "senalo": true,
	"declaro": true, "segun": true, "aseguro": true, "asegura": true,
}

// accuseVerbs report an accusation or a condemnation: what follows in the
// clause is the accuser's charge.
var accuseVerbs = map[string]bool{
	"accuse": true, "accuses": true, "accused": true, "accusing": true,
	"blame": true, "blames": true, "blamed": true, "blaming": true,
	"criticize": true, "criticizes": true, "criticized": true, "criticizing": true,
	"criticise": true, "criticises": true, "criticised": true, "criticising": true,
	"condemn": true, "condemns": true, "condemned": true, "condemning": true,
	"denounce": true, "denounces": true, "denounced": true, "denouncing": true,
	"slam": true, "slams": true, "slammed": true, "slamming": true,
	"branded": true, "labeled": true, "labelled": true, "dubbed": true,
	// Spanish, accent-stripped
	"acuso": true, "acusa": true, "acusan": true, "acusaron": true, "critico": true, "criticaron": true,
	"denuncio": true, "denunciaron": true, "condeno": true,
}

// isReportVerb reports whether token i opens indirect speech: a reporting
// verb or the "to" of "according to".
func isReportVerb(toks []lexicon.Token, i int) bool {
	n := toks[i].Norm
	return toks[i].Kind == lexicon.Word && reportShapes.has(n) && reportVerbs[n] ||
		n == "to" && i > 0 && toks[i-1].Norm == "according"
}

// reportShapes and accuseShapes rule out most words before the map lookups
// (markReported asks of every token of a sentence that names an actor).
var reportShapes, accuseShapes = newWordShapes(reportVerbs), newWordShapes(accuseVerbs)

// markReported sets places[i].reported for the tokens of toks that stand
// in reported speech outside quotations, by the rules above. places must
// already hold the quotation segments; tokens inside a quotation are left
// alone, as they are quoted anyway.
func markReported(toks []lexicon.Token, places []place) {
	open := false
	for i := range toks {
		inQuote := places[i].quote >= 0
		if inQuote || i > 0 && places[i-1].quote >= 0 {
			open = false // a quotation closes indirect speech
		}
		if !inQuote {
			places[i].reported = open
		}
		switch {
		case inQuote:
		case isReportVerb(toks, i) || toks[i].Kind == lexicon.Word && accuseShapes.has(toks[i].Norm) && accuseVerbs[toks[i].Norm]:
			open = true
		case isBoundary(toks, i):
			open = false
		}
	}
	markTrailing(toks, places)
}

// markTrailing applies the third rule: a reporting verb with at most
// trailingWords words after it, outside quotations, whose comma stands at
// most commaReach tokens before it, makes the tokens before the comma
// reported.
func markTrailing(toks []lexicon.Token, places []place) {
	words := 0
	for v := len(toks) - 1; v >= 0 && words <= trailingWords; v-- {
		if toks[v].Kind != lexicon.Word {
			continue
		}
		if places[v].quote < 0 && isReportVerb(toks, v) {
			for k := v - 1; k >= 0 && k >= v-commaReach; k-- {
				if toks[k].Kind != lexicon.Word && toks[k].Norm == "," {
					for j := range k {
						places[j].reported = places[j].quote < 0
					}
					return
				}
			}
		}
		words++
	}
}
