package features

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/tools/txtar"
)

// cleanCases are texts on which clean must agree with refClean, beyond the
// fuzz seeds and the golden articles.
var cleanCases = []string{
	"A.\n\nA.\n\nB.\n\nA.",                         // repeats dropped, first kept
	"A.\nA.\nB.",                                   // line mode repeats
	"x\n\n\n\ny  z\t \n w\n\n",                     // runs of blank lines, collapsing
	"Lead para\nSubscribe to our newsletter\nrest", // boilerplate inside a paragraph
	"a\u00a0b\u2003c\u3000d\u0085e  f",             // non-ASCII spaces
	"one\r\ntwo\r\rthree\rfour",                    // CR line ends
	"  lead space\n\ntrail space  \n\n\tTab",
	"“Quote,” he said.\n\n— Dash line\n\n…",
	"\n\n\nonly\n\n\n",
	"The post Hello appeared first on Example News.\n\nBody.",
	"Same\n\nSame \n\n Same\n\nSame\tagain\n\nSame again",
	"\xff\xfe bad \xc2 bytes\n\n\xe2\x80 x",
	"<p>One</p><p>One</p><p>Two &amp; three</p>",
}

func TestCleanMatchesReference(t *testing.T) {
	inputs := append(append([]string{}, cleanCases...), fuzzSeeds...)
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range txtar.Parse(data).Files {
			inputs = append(inputs, string(file.Data))
		}
	}
	user := userPatterns(t)
	for _, in := range inputs {
		checkCleanRef(t, in, nil)
		checkCleanRef(t, in, user)
	}
	// One scratch for all, as the pool hands it from article to article.
	sc := new(scratch)
	for _, in := range inputs {
		want := refClean(in, nil)
		if diff := cmp.Diff(want, clean(in, nil, sc), cleanedCmp); diff != "" {
			t.Fatalf("clean(%q) with reused scratch (-ref +new):\n%s", in, diff)
		}
		d := doc{body: cleaned{paras: sc.paraSpans}}
		sc.keep(&d)
	}
}

var cleanedCmp = cmp.Options{cmp.AllowUnexported(cleaned{}, span{}), cmpopts.EquateEmpty()}

func userPatterns(t testing.TB) []*regexp.Regexp {
	pats, err := CompileBoilerplate(strings.NewReader("advertisement\nsame( again)?\n"), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	return pats
}

func checkCleanRef(t *testing.T, in string, user []*regexp.Regexp) {
	t.Helper()
	want := refClean(in, user)
	if diff := cmp.Diff(want, clean(in, user, new(scratch)), cleanedCmp); diff != "" {
		t.Fatalf("clean(%q) (-ref +new):\n%s", in, diff)
	}
}

// FuzzCleanReference compares clean with the cleaner it replaced.
func FuzzCleanReference(f *testing.F) {
	for _, s := range append(append([]string{}, cleanCases...), fuzzSeeds...) {
		f.Add(s)
	}
	user := userPatterns(f)
	f.Fuzz(func(t *testing.T, raw string) {
		checkCleanRef(t, raw, nil)
		checkCleanRef(t, raw, user)
	})
}
