package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestCSVHeaderNamesAColumnTwice(t *testing.T) {
	tests := []struct {
		name, header, want string
	}{
		{"text twice", "id,text,outlet,text", `header names column "text" twice (columns 2 and 4)`},
		{"case and space", "id,Text, TEXT ", `column "text" twice (columns 2 and 3)`},
		{"date twice", "date,text,Date", `column "date" twice`},
		{"unread column twice is fine", "notes,text,notes", ""},
		{"empty names are fine", "text,,", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields := strings.Count(tt.header, ",") + 1
			row := strings.TrimSuffix(strings.Repeat("x,", fields), ",")
			_, err := OpenReader(strings.NewReader(tt.header+"\n"+row+"\n"), "in.csv", CSV, Options{MaxRecordBytes: 1 << 20})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "in.csv")):
				t.Errorf("error %v, want one naming in.csv with %q", err, tt.want)
			}
		})
	}
}

// FuzzCSVColumns builds a header from names framing reads and others, in
// any case and spacing, and a row holding each column's own number: a
// reader that opens must give every field the value of the one column so
// named, and one that refuses must have been given a read name twice.
func FuzzCSVColumns(f *testing.F) {
	f.Add([]byte{5, 0, 1, 2}, uint8(0))
	f.Add([]byte{5, 5, 0}, uint8(1))
	f.Add([]byte{7, 5, 7, 1}, uint8(2))
	f.Fuzz(func(t *testing.T, picks []byte, style uint8) {
		names := append(append([]string{}, corpusColumns...), "notes", "")
		if len(picks) > 12 {
			picks = picks[:12]
		}
		var header, row []string
		count := map[string]int{}
		for i, p := range picks {
			n := names[int(p)%len(names)]
			count[n]++
			h := n
			switch (int(style) + i) % 3 {
			case 1:
				h = strings.ToUpper(n)
			case 2:
				h = " " + n + " "
			}
			header = append(header, h)
			row = append(row, fmt.Sprint("v", i))
		}
		in := strings.Join(header, ",") + "\n" + strings.Join(row, ",") + "\n"
		r, err := OpenReader(bytes.NewReader([]byte(in)), "f.csv", CSV, Options{MaxRecordBytes: 1 << 20})
		dup := false
		for _, n := range corpusColumns {
			dup = dup || count[n] > 1
		}
		if err != nil {
			if !dup && count["text"] == 1 {
				t.Fatalf("header %q refused: %v", header, err)
			}
			return
		}
		if dup {
			t.Fatalf("header %q names a read column twice and was accepted", header)
		}
		a, err := r.Next()
		if err != nil {
			return // a reject (an empty text, a bad date): the header is not at fault
		}
		got := map[string]string{"id": a.ID, "outlet": a.Outlet, "title": a.Title, "url": a.URL, "text": a.Text}
		for i, h := range header {
			n := strings.ToLower(strings.TrimSpace(h))
			if want, ok := got[n]; ok && want != fmt.Sprint("v", i) && !(n == "id" && want == "") {
				t.Errorf("header %q: %s is %q, want column %d's v%d", header, n, want, i+1, i)
			}
		}
	})
}
