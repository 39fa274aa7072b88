package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestJSONFieldGivenTwice(t *testing.T) {
	tests := []struct {
		name, line, field string // field "" means an article
	}{
		{"id twice", `{"id":"a1","id":"a9","text":"Officials met."}`, "id"},
		{"text in two cases", `{"id":"a1","text":"Officials met.","Text":"Other words."}`, "text"},
		{"date twice, null first", `{"date":null,"text":"Officials met.","date":"2026-01-10"}`, "date"},
		{"escaped key", `{"text":"Officials met.","t\u0065xt":"Other."}`, "text"},
		{"label twice", `{"text":"Officials met.","topic":"a","TOPIC":"b"}`, "topic"},
		{"unread key twice", `{"text":"Officials met.","notes":1,"notes":2}`, ""},
		{"nested id is not a field", `{"text":"Officials met.","meta":{"id":"x","id":"y"}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OpenReader(strings.NewReader(tt.line+"\n"), "in.jsonl", JSONL, Options{MaxRecordBytes: 1 << 20, LabelField: "topic"})
			if err != nil {
				t.Fatal(err)
			}
			a, err := r.Next()
			var re *RecordError
			switch {
			case tt.field == "" && err != nil:
				t.Errorf("reject %v, want an article", err)
			case tt.field != "" && (!errors.As(err, &re) || re.Field != tt.field || re.Line != 1 || !strings.Contains(re.Reason, "given twice")):
				t.Errorf("got %+v, %v; want a reject of field %s at line 1, given twice", a, err, tt.field)
			}
		})
	}
}

// FuzzJSONFields builds an object from recognized and other keys in any
// case, each holding its own value: the line must be a reject when a
// recognized key (or the label) appears twice in any case, a reject that
// says "given twice" only then, and otherwise each field is read from its
// one key.
func FuzzJSONFields(f *testing.F) {
	f.Add([]byte{5, 0, 1}, uint8(0))
	f.Add([]byte{5, 5}, uint8(1))
	f.Add([]byte{0, 5, 7, 0}, uint8(2))
	f.Fuzz(func(t *testing.T, picks []byte, style uint8) {
		names := append(append([]string{}, jsonNames[:]...), "topic", "notes")
		if len(picks) > 12 {
			picks = picks[:12]
		}
		var b strings.Builder
		b.WriteString("{")
		count := map[string]int{}
		value := map[string]string{}
		for i, p := range picks {
			n := names[int(p)%len(names)]
			count[n]++
			k := n
			if (int(style)+i)%2 == 1 {
				k = strings.ToUpper(n)
			}
			v := fmt.Sprintf("Officials met v%d.", i)
			if n == "date" {
				v = fmt.Sprintf("2026-01-%02d", 1+i)
			}
			value[n] = v
			kb, _ := json.Marshal(k)
			vb, _ := json.Marshal(v)
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "%s:%s", kb, vb)
		}
		b.WriteString("}\n")
		r, err := OpenReader(strings.NewReader(b.String()), "f.jsonl", JSONL, Options{MaxRecordBytes: 1 << 20, LabelField: "topic"})
		if err != nil {
			t.Fatal(err)
		}
		a, err := r.Next()
		twice := ""
		for _, n := range names[:len(names)-1] { // notes may repeat
			if count[n] > 1 && twice == "" {
				twice = n
			}
		}
		var re *RecordError
		if twice != "" {
			// A reject, for this or another reason (no text): never an
			// article holding one of the two values.
			if !errors.As(err, &re) || (strings.Contains(re.Reason, "given twice") && count[re.Field] < 2) {
				t.Fatalf("%s: got %+v, %v; want a reject (%s is given twice)", b.String(), a, err, twice)
			}
			return
		}
		if errors.As(err, &re) && strings.Contains(re.Reason, "given twice") {
			t.Fatalf("%s: reject %v, but no field is given twice", b.String(), err)
		}
		if err != nil {
			return // another reject (no text): not this property's business
		}
		for n, got := range map[string]string{"id": a.ID, "outlet": a.Outlet, "title": a.Title, "url": a.URL, "text": a.Text, "topic": a.Label} {
			if count[n] == 1 && got != value[n] {
				t.Errorf("%s: %s is %q, want %q", b.String(), n, got, value[n])
			}
		}
	})
}
