package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// count reads r to the end, checking that every reject has a plausible
// line, and returns articles + rejects.
func count(t *testing.T, r Reader, maxLine int) int {
	t.Helper()
	n := 0
	for {
		a, err := r.Next()
		if err == io.EOF {
			return n
		}
		var re *RecordError
		switch {
		case errors.As(err, &re):
			if re.Line < 1 || re.Line > maxLine {
				t.Fatalf("reject %v has line outside 1..%d", re, maxLine)
			}
		case err != nil:
			t.Fatalf("fatal error on in-memory input: %v", err)
		default:
			if a.Line < 1 || a.Line > maxLine || strings.TrimSpace(a.Text) == "" || a.ID == "" {
				t.Fatalf("bad article %+v", a)
			}
		}
		n++
		if n > maxLine+1 {
			t.Fatalf("more records than lines: Next does not terminate")
		}
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"hello"}`,
		"\xef\xbb\xbf{\"text\":\"bom\"}\r\n\r\n{\"title\":5,\"text\":\"x\"}",
		"not json\n\n{}\n[1]\n\"s\"\nnull",
		`{"text":"a\u0000b"}` + "\n{\"text\":\"\xff\xfe\"}",
		`{"text":"t","x":[[[[{"y":[[[]]]}]]]]}`,
		`{"id":"a","text":"one"}` + "\n" + `{"id":"b","text":"two","date":"16 de Enero de 2026"}` + "\n" + `{"title":"t","text":"no id"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := OpenReader(bytes.NewReader(data), "f", JSONL, Options{MaxRecordBytes: 256})
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		if got, want := count(t, r, lines), nonBlankLines(data, 256); got != want {
			t.Errorf("articles+rejects = %d, want %d non-blank lines", got, want)
		}
		rawAgrees(t, data, Options{MaxRecordBytes: 256})
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"id,text\na,hello\n",
		"id,outlet,text\na,b\nc,d,\"multi\nline\"\n",
		"\xef\xbb\xbftext\r\n\"unterminated\n",
		"text,id\nbare \" quote,x\n\"\"\"\",y\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := OpenReader(bytes.NewReader(data), "f", CSV, Options{MaxRecordBytes: 256})
		if err != nil {
			return // a bad header is a fatal error by design
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		count(t, r, lines)
		// Every line is in a record, a reject or a reject's skipped lines (scanAll
		// checks the tiling); on input encoding/csv reads without error, the records
		// are encoding/csv's.
		_, out := scanAll(t, data, 256)
		if want, ok := csvRecords(data); ok && len(data) < 256 {
			var got [][]string
			for _, o := range out {
				got = append(got, o.fields)
			}
			if !slices.EqualFunc(want, got, slices.Equal) {
				t.Errorf("records %q, encoding/csv reads %q", got, want)
			}
		}
	})
}

// csvRecords returns the records after the header that encoding/csv reads, with the
// header's field count, and whether it read them all without error.
func csvRecords(data []byte) ([][]string, bool) {
	cr := csv.NewReader(skipBOM(bytes.NewReader(data)))
	if _, err := cr.Read(); err != nil {
		return nil, false
	}
	var recs [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return recs, true
		}
		if err != nil {
			return nil, false
		}
		recs = append(recs, rec)
	}
}
