package features

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

func paragraphs(c cleaned) []string {
	var out []string
	for _, p := range c.paras {
		out = append(out, c.text[p.Start:p.End])
	}
	return out
}

func TestClean(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		want         []string
		html         bool
		boilerplate  int
		duplicates   int
		footerOutlet string
	}{
		{name: "empty", in: ""},
		{name: "blank lines separate, single newline joins",
			in:   "First line\nwrapped here.\n\nSecond paragraph.\n",
			want: []string{"First line wrapped here.", "Second paragraph."}},
		{name: "no blank line: each line a paragraph",
			in:   "One.\nTwo.\r\nThree.",
			want: []string{"One.", "Two.", "Three."}},
		{name: "whitespace-only lines count as blank",
			in:   "A b\n   \t\nC  d",
			want: []string{"A b", "C d"}},
		{name: "html paragraphs, entities, script", html: true,
			in:   "<p>Caf&eacute; owners &amp; cooks</p><script>x = 1</script><p>Second<br>Third</p>",
			want: []string{"Café owners & cooks", "Second", "Third"}},
		{name: "inline tag is a space", html: true,
			in:   "<p>a <em>bold</em>claim</p>",
			want: []string{"a bold claim"}},
		{name: "less-than sign is not html",
			in:   "Rates rose as 3 < 4 and AT&T fell.",
			want: []string{"Rates rose as 3 < 4 and AT&T fell."}},
		{name: "boilerplate whole lines only", boilerplate: 2,
			in:   "Share this article\n\nReaders who subscribe to our newsletter get it first.\n\nSubscribe to our newsletter",
			want: []string{"Readers who subscribe to our newsletter get it first."}},
		{name: "footer outlet", boilerplate: 1, footerOutlet: "The Ridge Times",
			in:   "Body.\n\nThe post Water rates rise appeared first on The Ridge Times.",
			want: []string{"Body."}},
		{name: "copyright footers", boilerplate: 2,
			in:   "Body.\n\n© 2026 Example Media Group\n\nCopyright 2026 Example. All rights reserved.",
			want: []string{"Body."}},
		{name: "duplicate after whitespace normalization", duplicates: 2,
			in:   "Same  words here.\n\nOther.\n\nSame words\nhere.\n\nSame words here.",
			want: []string{"Same words here.", "Other."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := clean(tt.in, nil, new(scratch))
			if diff := cmp.Diff(tt.want, paragraphs(c)); diff != "" {
				t.Errorf("paragraphs (-want +got):\n%s", diff)
			}
			got := []any{c.htmlStripped, c.boilerplate, c.duplicates, c.footerOutlet}
			want := []any{tt.html, tt.boilerplate, tt.duplicates, tt.footerOutlet}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("html, boilerplate, duplicates, footer (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompileBoilerplate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		keep    []string // lines that must survive
		drop    []string // lines that must be removed
		wantErr []string // substrings of the error
	}{
		{name: "comments and blanks skipped", in: "# site footer\n\nread the full story.*\n",
			drop: []string{"Read the full story at example.org"},
			keep: []string{"We read the full story twice."}},
		{name: "bad lines all reported", in: "ok\n(unclosed\n\n[z-a]\n",
			wantErr: []string{"patterns.txt:2:", "patterns.txt:4:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := CompileBoilerplate(strings.NewReader(tt.in), "patterns.txt")
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatal("no error")
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range tt.drop {
				if !isBoilerplate(l, res) {
					t.Errorf("%q kept, want removed", l)
				}
			}
			for _, l := range tt.keep {
				if isBoilerplate(l, res) {
					t.Errorf("%q removed, want kept", l)
				}
			}
		})
	}
}

func TestCompileBoilerplateReadError(t *testing.T) {
	boom := errors.New("disk gone")
	_, err := CompileBoilerplate(iotest.ErrReader(boom), "p.txt")
	if !errors.Is(err, boom) {
		t.Errorf("error = %v, want wrapping %v", err, boom)
	}
}
