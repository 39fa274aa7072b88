package lexicon

// MaxWeight bounds the weight of an entry, in every format. A hit adds its
// entry's weight times a position weight (at most 1,000, cmd/framing) to an
// article's weighted score; with entries of at most 1e3, the score of the
// longest record a run can read (4 GiB at --max-record-mb 4096: under a
// billion tokens, each the start of a few hits) stays below 1e16, far from
// overflow. A weight of 1e308 overflowed a score to +Inf, which was written
// as 0. Published dictionaries weigh entries between about 0.1 and 10.
const MaxWeight = 1000
