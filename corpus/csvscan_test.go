package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every line of a CSV input must end up in a record, in a reject, or counted in a
// reject's skipped lines (csvScanner), whatever the bytes. The oracle test builds a
// well-formed prefix and suffix with encoding/csv's Writer, counts their records with
// encoding/csv's Reader on each part alone, puts one corrupted region between them (the
// classes of issue 16: a stray quote in an unquoted field, a quote that never closes, a
// stray character after a closing quote, an overlong line or quoted field, a wrong field
// count, arbitrary bytes, and runs of them), and wants every prefix and suffix record back
// unchanged at its line.

// scanned is one output of the scanner: a record or a reject, and the lines it accounts
// for, [line, covered).
type scanned struct {
	fields  []string
	reject  *RecordError
	line    int
	covered int
}

// scanAll reads data with csvScanner (bound max) and checks that the outputs tile the
// input: each starts at or after the previous one's covered line, the lines in between
// are blank, and the lines after the last are blank.
func scanAll(t *testing.T, data []byte, max int) (header []string, out []scanned) {
	t.Helper()
	s := newCSVScanner(bytes.NewReader(data), "f", "csv", Options{MaxRecordBytes: max})
	header, err := s.header()
	if err != nil {
		return nil, nil
	}
	lines := strings.Split(string(data), "\n")
	blank := func(from, to int) bool { // lines [from, to), 1-based
		for l := from; l < to && l <= len(lines); l++ {
			if strings.TrimSuffix(lines[l-1], "\r") != "" && !(l == len(lines) && lines[l-1] == "\r") {
				return false
			}
		}
		return true
	}
	prev := s.line
	for range len(lines) + 2 {
		rec, line, err := s.next()
		if err == io.EOF {
			if !blank(prev, len(lines)+1) {
				t.Fatalf("lines %d to %d are in no record or reject", prev, len(lines))
			}
			return header, out
		}
		var re *RecordError
		switch {
		case errors.As(err, &re):
			line = re.Line
		case err != nil:
			t.Fatalf("fatal error on in-memory input: %v", err)
		}
		if line < prev || !blank(prev, line) || s.covered <= line {
			t.Fatalf("output at line %d covering to %d after line %d: lines lost or counted twice (%v)", line, s.covered, prev, err)
		}
		out = append(out, scanned{fields: rec, reject: re, line: line, covered: s.covered})
		prev = s.covered
	}
	t.Fatalf("more outputs than lines: the scanner does not terminate")
	return nil, nil
}

// referenceRecords returns the records encoding/csv reads from a well-formed part (header
// first), with their lines.
func referenceRecords(t *testing.T, part []byte) ([][]string, []int) {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(part))
	var recs [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return recs, lines
		}
		if err != nil {
			t.Fatalf("reference reading %q: %v", part, err)
		}
		l, _ := cr.FieldPos(0)
		recs, lines = append(recs, rec), append(lines, l)
	}
}

// csvGen builds CSV parts from fuzz bytes; past the end every choice is 0.
type csvGen struct {
	data []byte
	pos  int
}

func (g *csvGen) intn(n int) int {
	if g.pos >= len(g.data) {
		return 0
	}
	g.pos++
	return int(g.data[g.pos-1]) % n
}

// text returns a field value. safe leaves out values that, after their leading quotes,
// begin with a comma or a line break: the only values whose quoting can close a quote
// that an earlier corrupted line left open (see TestCSVOpenQuoteCapture).
func (g *csvGen) text(safe bool) string {
	const alphabet = "ab ,\"\n\r\t;é"
	var b strings.Builder
	for range g.intn(9) {
		b.WriteString(string([]rune(alphabet)[g.intn(len([]rune(alphabet)))]))
	}
	s := b.String()
	if safe && strings.ContainsAny(strings.TrimLeft(s, `"`)[:min(1, len(strings.TrimLeft(s, `"`)))], ",\r\n") {
		s = "x" + s
	}
	return s
}

// records writes n well-formed records of k fields.
func (g *csvGen) records(n, k int, safe bool) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = g.intn(4) == 0
	for range n {
		rec := make([]string, k)
		for i := range rec {
			rec[i] = g.text(safe)
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// corruption returns 1 to 4 bad pieces, each ending in a newline.
func (g *csvGen) corruption(k, max int) []byte {
	var b bytes.Buffer
	for range 1 + g.intn(4) {
		fields := slices.Repeat([]string{"c"}, k)
		at := g.intn(k)
		switch g.intn(9) {
		case 0: // a stray quote in an unquoted field
			fields[at] = `He said "hi there`
		case 1: // a quote that never closes, maybe followed by text lines
			fields[at] = `"never closed`
			fields = fields[:at+1]
			for range g.intn(3) {
				fields[at] += "\n" + g.text(false)
			}
		case 2: // a stray character after a closing quote
			fields[at] = `"quoted"x`
		case 3: // an unquoted line longer than the bound
			fields[at] = strings.Repeat("y", max+g.intn(50))
		case 4: // a quoted field longer than the bound, closed or not
			fields[at] = `"` + strings.Repeat("z\n", max/2+g.intn(50))
			if g.intn(2) == 0 {
				fields[at] += `"`
			}
		case 5: // the wrong number of fields
			fields = append(fields, "extra")
		case 6: // a well-formed record
			fields[at] = g.text(false)
			var rec bytes.Buffer
			w := csv.NewWriter(&rec)
			w.Write(fields)
			w.Flush()
			b.Write(rec.Bytes())
			continue
		default: // arbitrary bytes
			n := g.intn(40)
			for range n {
				b.WriteByte(byte(g.intn(256)))
			}
			b.WriteByte('\n')
			continue
		}
		b.WriteString(strings.Join(fields, ",") + "\n")
	}
	return b.Bytes()
}

func FuzzCSVResync(f *testing.F) {
	for _, s := range [][]byte{
		{}, {1, 2, 0, 0}, {2, 3, 3, 0, 4, 1, 3}, {3, 1, 2, 1, 1, 2, 3, 4}, {0, 2, 5, 2, 8, 8, 7, 7, 9, 4, 3},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 256 // generated good records stay below it
		g := &csvGen{data: data}
		k := 1 + g.intn(4)
		header := slices.Repeat([]string{"h"}, k)
		for i := range header {
			header[i] = fmt.Sprintf("h%d", i)
		}
		head := []byte(strings.Join(header, ",") + "\n")
		prefix := g.records(g.intn(5), k, false)
		corrupt := g.corruption(k, max)
		suffix := g.records(1+g.intn(5), k, true)

		wantPre, preLines := referenceRecords(t, append(slices.Clone(head), prefix...))
		wantSuf, sufLines := referenceRecords(t, append(slices.Clone(head), suffix...))
		shift := bytes.Count(prefix, []byte("\n")) + bytes.Count(corrupt, []byte("\n"))
		input := slices.Concat(head, prefix, corrupt, suffix)
		_, out := scanAll(t, input, max)

		if len(out) < len(wantPre)-1+len(wantSuf)-1 {
			t.Fatalf("%d outputs, fewer than the %d prefix and %d suffix records", len(out), len(wantPre)-1, len(wantSuf)-1)
		}
		for i, rec := range wantPre[1:] {
			if o := out[i]; o.reject != nil || o.line != preLines[i+1] || !slices.Equal(o.fields, rec) {
				t.Errorf("prefix record %d at line %d = %q: got %+v", i, preLines[i+1], rec, o)
			}
		}
		tail := out[len(out)-(len(wantSuf)-1):]
		for i, rec := range wantSuf[1:] {
			if o := tail[i]; o.reject != nil || o.line != sufLines[i+1]+shift || !slices.Equal(o.fields, rec) {
				t.Errorf("suffix record %d at line %d = %q: got %+v", i, sufLines[i+1]+shift, rec, o)
			}
		}
		if t.Failed() {
			t.Logf("input %q", input)
		}
	})
}

// TestCSVIssue16 is the case of issue 16: row 3 has a stray quote in an unquoted field,
// row 4 is longer than --max-record-mb 1, and 10 good rows follow. All 10 used to vanish.
func TestCSVIssue16(t *testing.T) {
	var in strings.Builder
	in.WriteString("id,outlet,date,text\n1,Daily,2026-01-20,Officials met.\n")
	in.WriteString(`2,Daily,2026-01-20,He said "hi there and left` + "\n")
	in.WriteString(`3,Daily,2026-01-20,"` + strings.Repeat("long text ", 110<<10) + "\"\n")
	for i := range 10 {
		fmt.Fprintf(&in, "%d,Daily,2026-01-20,\"Talks went on, day %d.\"\n", 4+i, i)
	}
	data := in.String()
	r, err := OpenReader(strings.NewReader(data), "f.csv", CSV, Options{MaxRecordBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	got := drain(t, r)
	want := []string{
		`f.csv:2 id=1 gen=false outlet="Daily" title="" date=2026-01-20 raw="2026-01-20" warn=false lang="" text="Officials met."`,
		`reject f.csv:3: csv: bare " in non-quoted-field`,
		`reject f.csv:4: csv: record longer than 1048576 bytes`,
	}
	for i := range 10 {
		want = append(want, fmt.Sprintf(`f.csv:%d id=%d gen=false outlet="Daily" title="" date=2026-01-20 raw="2026-01-20" warn=false lang="" text="Talks went on, day %d."`, 5+i, 4+i, i))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

// TestCSVOpenQuoteCapture documents what no CSV reader can tell apart: a quote left open
// by a bad line, closed by a later field that begins with a line break, makes the lines in
// between one quoted field (RFC 4180). They come out inside that record, not lost; the
// oracle's suffixes avoid such fields.
func TestCSVOpenQuoteCapture(t *testing.T) {
	data := "id,text\n1,\"open\n2,two\n3,\"\nthree\"\n4,four\n"
	_, out := scanAll(t, []byte(data), 1<<10)
	var got []string
	for _, o := range out {
		if o.reject != nil {
			got = append(got, fmt.Sprintf("%d-%d reject %s", o.line, o.covered, o.reject.Reason))
			continue
		}
		got = append(got, fmt.Sprintf("%d-%d %q", o.line, o.covered, o.fields))
	}
	want := []string{
		`2-5 ["1" "open\n2,two\n3,"]`,
		`5-6 reject bare " in non-quoted-field`,
		`6-7 ["4" "four"]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}
}
