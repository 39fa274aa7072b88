package job

import (
	"cmp"
	"hash/fnv"
	"reflect"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"framing/beam/codec"
	"framing/corpus"
	"framing/pipeline"
)

// position is where a record starts: the input pattern that matched its
// file, the file and the line. Records sort by position; that order is
// `framing run`'s input order for the same files given in pattern order,
// each pattern's matches in byte order of their paths. It decides which of
// two articles with one id is kept, and the row order inside a shard.
type position struct {
	Pattern int
	File    string
	Line    int
}

func (p position) compare(q position) int {
	return cmp.Or(cmp.Compare(p.Pattern, q.Pattern), cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line))
}

// shard spreads records over n shards by a hash of their position, so that
// the same input always lands in the same shard files.
func (p position) shard(n int) int {
	h := fnv.New64a()
	h.Write([]byte(strconv.Itoa(p.Pattern) + "\x1f" + p.File + "\x1f" + strconv.Itoa(p.Line)))
	return int(h.Sum64() % uint64(n))
}

// fileRef is one input file and the index of the pattern that matched it.
type fileRef struct {
	Pattern int
	Path    string
}

// record is one decoded article on its way to duplicate detection.
type record struct {
	Pos position
	Art corpus.Article
}

// scored is one input record's rows, an article's or a reject's.
type scored struct {
	Pos  position
	Rows pipeline.Rows
}

func encRecord(r record) ([]byte, error) { return codec.Marshal(r) }
func decRecord(b []byte) (record, error) { return codec.Unmarshal[record](b) }
func encScored(s scored) ([]byte, error) { return codec.Marshal(s) }
func decScored(b []byte) (scored, error) { return codec.Unmarshal[scored](b) }

func init() {
	beam.RegisterCoder(reflect.TypeFor[record](), encRecord, decRecord)
	beam.RegisterCoder(reflect.TypeFor[scored](), encScored, decScored)
	beam.RegisterType(reflect.TypeFor[fileRef]())
}
