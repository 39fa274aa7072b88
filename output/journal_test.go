package output

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var sampleJournal = journal{
	Format: journalFormat, Version: 1,
	Dirs: []string{"stance"},
	Moves: []move{
		{Rel: "articles/2026-01-21", New: 12, Old: 7},
		{Rel: "stance/2026-01-21", New: 13},
		{Rel: "runs/2026-01-21", New: 14, Old: 9},
	},
}

func TestParseJournal(t *testing.T) {
	good := string(sampleJournal.encode())
	got, err := parseJournal([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sampleJournal, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", "EOF"},
		{"truncated", good[:len(good)/2], "unexpected EOF"},
		{"unknown field", strings.Replace(good, `"dirs"`, `"dirz"`, 1), "unknown field"},
		{"other version", strings.Replace(good, `"version": 1`, `"version": 2`, 1), "version 2"},
		{"other format", strings.Replace(good, journalFormat, "x", 1), "format"},
		{"two documents", good + good, "data after"},
		{"parent", strings.Replace(good, "stance/", "../", 1), "not a plain path"},
		{"absolute", strings.Replace(good, "stance/", "/etc/", 1), "not a plain path"},
		{"into staging", strings.Replace(good, "stance/", ".staging-1/", 1), "not a plain path"},
		{"the lock", strings.Replace(good, `"stance"`, `".lock"`, 1), "not a plain path"},
		{"unclean", strings.Replace(good, "stance/", "stance//", 1), "not a plain path"},
		{"backslash", strings.Replace(good, "stance/", `stance\\`, 1), "not a plain path"},
		{"twice", strings.Replace(good, "stance/", "articles/", 1), "listed twice"},
		{"no new inode", strings.Replace(good, `"new_inode": 13`, `"new_inode": 0`, 1), "inodes"},
		{"new is old", strings.Replace(good, `"new_inode": 12`, `"new_inode": 7`, 1), "inodes"},
		{"negative inode", strings.Replace(good, `"new_inode": 12`, `"new_inode": -1`, 1), "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseJournal([]byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseJournal: %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// FuzzParseJournal checks the journal parser on any bytes: no panic, and a
// journal it accepts names only plain paths below OUT, each partition once,
// and encodes back to a journal that parses the same.
func FuzzParseJournal(f *testing.F) {
	f.Add(sampleJournal.encode())
	f.Add([]byte(`{"format":"framing commit journal","version":1,"dirs":null,"moves":[{"rel":"a/b","new_inode":1}]}`))
	f.Add([]byte(`{"format":"framing commit journal","version":1,"moves":[{"rel":"a/../b","new_inode":1}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		j, err := parseJournal(b)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, m := range j.Moves {
			if !validRel(m.Rel) || seen[m.Rel] || m.New == 0 || m.New == m.Old {
				t.Fatalf("accepted move %+v", m)
			}
			seen[m.Rel] = true
		}
		for _, d := range j.Dirs {
			if !validRel(d) {
				t.Fatalf("accepted directory %q", d)
			}
		}
		again, err := parseJournal(j.encode())
		if err != nil {
			t.Fatalf("re-encoded journal does not parse: %v", err)
		}
		if diff := cmp.Diff(j, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
