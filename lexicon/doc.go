// Package lexicon is the measuring instrument of framing: lexicon formats
// (native YAML, LIWC .dic, quanteda YAML), their validation with positioned
// diagnostics, a canonical content hash, the text normalizer and tokenizer,
// and the compiled matcher that finds dimension terms, tone words, actors
// and negation in one sentence.
//
// Researchers read, change and bring their own lexicons, so every part is
// built to be explained: entries keep their text as written and their
// file:line:col, matches name the entry that produced them, every tie is
// broken by a documented rule, and Annotate shows a sentence with each hit
// marked. The matching rules, each with an example, are in docs/lexicon.md.
//
// A run compiles its lexicon once; the Matcher is immutable and safe for
// concurrent use, and its cost per token does not grow with lexicon size.
package lexicon
