package integration

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var screenshotTo = flag.String("screenshot", "", "write a PNG of the top of the example report to this `file` (docs/report.png)")

// pageCheck is what the page says about itself: charts, their marks, text
// that leaves its chart, labels that overlap, the page's size.
type pageCheck struct {
	Figures  int      `json:"figures"`
	Charts   int      `json:"charts"`
	Empty    []string `json:"empty"`
	Overflow []string `json:"overflow"`
	Overlaps []string `json:"overlaps"`
	Width    int      `json:"width"`
	Height   int      `json:"height"`
	View     int      `json:"view"`
	Findings string   `json:"findings"`
}

// checkScript measures the page in the browser: every figure holds a chart
// with data marks (or says it has none); every text of a chart lies inside
// its SVG; no two labels of a chart overlap; the page is no wider than the
// window.
const checkScript = `
const out = {figures: 0, charts: 0, empty: [], overflow: [], overlaps: [],
  width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
  view: window.innerWidth, findings: (document.getElementById('findings') || {}).innerText || ''};
const inside = (r, b) => r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
for (const fig of document.querySelectorAll('figure')) {
  out.figures++;
  const name = fig.querySelector('h3') ? fig.querySelector('h3').textContent : '?';
  const svg = fig.querySelector('svg');
  if (!svg) { if (!fig.querySelector('.empty')) out.empty.push(name + ': neither a chart nor a reason'); continue; }
  out.charts++;
  if (svg.querySelectorAll('.mark').length === 0) out.empty.push(name + ': a chart without data');
  const box = svg.getBoundingClientRect();
  const labels = [];
  for (const t of svg.querySelectorAll('text')) {
    const r = t.getBoundingClientRect();
    if (!inside(r, box)) out.overflow.push(name + ': ' + JSON.stringify(t.textContent) + ' leaves its chart');
    if (t.classList.contains('label')) labels.push([t.textContent, r]);
  }
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const a = labels[i][1], b = labels[j][1];
    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
      out.overlaps.push(name + ': ' + JSON.stringify(labels[i][0]) + ' overlaps ' + JSON.stringify(labels[j][0]));
  }
}
return out;`

// TestReportInChromium renders framing report's page in headless Chromium
// for the example output and the 500-outlet output (with the default
// --top and with every outlet shown) and checks it as a reader would see
// it: no console error, every chart holds data, text stays in its chart and
// labels do not overlap, the page is no wider than the window, a screenshot
// is not blank, and the findings are there.
func TestReportInChromium(t *testing.T) {
	cases := []struct {
		name string
		out  func() string
		args []string
		want []string // in the findings
	}{
		{"example", func() string { return outDir }, nil,
			[]string{"Coverage:", "Strongest significant differences", "Rejects: 4 records rejected", "sometime last week", "framing-default", "sha256"}},
		{"500 outlets", func() string { return manyOutlets(t) }, nil, []string{"Coverage:", "early March", "framing-default"}},
		{"500 outlets, all shown", func() string { return manyOutlets(t) }, []string{"--top", "500"}, []string{"Coverage:"}},
	}
	d := startBrowser(t, 1280, 1000)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			html := filepath.Join(t.TempDir(), "report.html")
			if code, msg := framing(t, append([]string{"report", "--out", tc.out(), "-o", html}, tc.args...)...); code != 0 {
				t.Fatalf("framing report: exit %d\n%s", code, msg)
			}
			d.resize(t, 1280, 1000)
			d.open(t, "file://"+html)
			var pc pageCheck
			d.eval(t, checkScript, &pc)
			if errs := d.consoleErrors(t); len(errs) > 0 {
				t.Errorf("console errors: %q", errs)
			}
			if pc.Charts < 10 || len(pc.Empty) > 0 {
				t.Errorf("%d figures, %d charts; without data: %q", pc.Figures, pc.Charts, pc.Empty)
			}
			for _, l := range [][]string{pc.Overflow, pc.Overlaps} {
				if len(l) > 0 {
					t.Errorf("%d problems, first: %q", len(l), l[:min(len(l), 5)])
				}
			}
			if pc.Width > pc.View {
				t.Errorf("the page is %d px wide in a %d px window", pc.Width, pc.View)
			}
			for _, w := range tc.want {
				if !strings.Contains(pc.Findings, w) {
					t.Errorf("findings lack %q:\n%s", w, pc.Findings)
				}
			}
			if frac := inked(t, d.screenshot(t)); frac < 0.02 {
				t.Errorf("screenshot is blank: %.3f of its pixels are not white", frac)
			}
			t.Logf("%d charts, page %d × %d px", pc.Charts, pc.Width, pc.Height)
			if tc.name == "example" && *screenshotTo != "" {
				// The top of the page: findings, heat map, ranked outlets
				// and trends, which a README can show legibly.
				d.resize(t, 1100, min(pc.Height, 2400)+120)
				if err := os.WriteFile(*screenshotTo, d.screenshot(t), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// inked is the share of a PNG's pixels that are not near white.
func inked(t *testing.T, b []byte) float64 {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	bounds := img.Bounds()
	n, ink := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			n++
			if !white(img, x, y) {
				ink++
			}
		}
	}
	return float64(ink) / float64(n)
}

func white(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r > 0xf000 && g > 0xf000 && b > 0xf000
}
