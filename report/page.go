package report

import (
	"fmt"
	"html/template"
	"io"
	"math"
)

// page is what the template shows.
type page struct {
	R         *Report
	Version   string
	Outlets   int
	Coverage  string
	Pairs     []string
	OverUsed  []overUse
	Charts    []section
	TrendKeys []legendKey
	MinPair   int
}

type section struct {
	Title, Intro string
	Charts       []svgChart
}

// svgChart is a chart whose SVG the template takes as it is: charts.go
// escapes every text it writes.
type svgChart struct {
	chart
	HTML template.HTML
}

type legendKey struct{ Name, Colour string }

// Write renders the report as one self-contained HTML page: inline CSS and
// SVG, no script, nothing fetched.
func Write(w io.Writer, r *Report, version string) error {
	p := page{R: r, Version: version, Outlets: len(r.Outlets), OverUsed: r.OverUsed, MinPair: MinPairArticles}
	if r.Articles > 0 {
		p.Coverage = fmt.Sprintf("%d of %d articles (%.0f %%)", r.WithHits, r.Articles, 100*float64(r.WithHits)/float64(r.Articles))
	}
	for i, pr := range r.Pairs {
		if i == 5 {
			break
		}
		more, less := pr.OutletA, pr.OutletB
		if *pr.MeanDiff < 0 {
			more, less = less, more
		}
		p.Pairs = append(p.Pairs, fmt.Sprintf("%s uses %s more than %s: %.2f more hits per 1,000 tokens (95 %% interval %.2f to %.2f), Hedges' g %.2f, Holm p %.2g, %d and %d articles.",
			more, pr.Dimension, less, math.Abs(*pr.MeanDiff), math.Min(math.Abs(*pr.DiffCILow), math.Abs(*pr.DiffCIHigh)),
			math.Max(math.Abs(*pr.DiffCILow), math.Abs(*pr.DiffCIHigh)), math.Abs(*pr.HedgesG), *pr.PHolm, pr.NA, pr.NB))
	}
	for i, l := range r.Trends.Lines {
		col := palette(i)
		if l == othersLine {
			col = "#888"
		}
		p.TrendKeys = append(p.TrendKeys, legendKey{l, col})
	}
	p.Charts = sections(r)
	return pageTemplate.Execute(w, p)
}

func wrap(cs ...chart) []svgChart {
	out := make([]svgChart, len(cs))
	for i, c := range cs {
		out[i] = svgChart{chart: c, HTML: template.HTML(c.SVG)}
	}
	return out
}

func sections(r *Report) []section {
	var ranked, trend []chart
	for _, d := range r.Dimensions {
		ranked = append(ranked, intervals(r, d))
		trend = append(trend, trendChart(r, d))
	}
	var key []chart
	for _, o := range r.Top {
		if ks := r.Keyness[o]; len(ks) > 0 {
			key = append(key, keynessChart(o, ks))
		}
	}
	keyIntro := fmt.Sprintf("The lexicon entries each of the largest outlets uses most over all other outlets (binary log of the ratio of relative frequencies; G² p < %g), up to %d an outlet.", Alpha, keynessPerOutlet)
	if len(key) == 0 {
		key = append(key, chart{Title: "Keyness", Empty: "No entry is significantly over-used by any of the largest outlets."})
	}
	trendIntro := "Mean hits per 1,000 tokens by the day the articles were published (not the night they were collected)"
	if b := r.Trends.Bucket; b != "" && b != "day" {
		trendIntro += ", by " + b
	}
	trendIntro += fmt.Sprintf("; %d of %d articles have a publication date", r.Trends.Dated, r.Articles)
	if r.Trends.Trimmed > 0 {
		trendIntro += fmt.Sprintf(", of which the %d earliest and latest (%g %% at each end) are left out so that a few odd dates do not stretch the axis", r.Trends.Trimmed, 100*trendTrim)
	}
	trendIntro += "."
	return []section{
		{Title: "Frames by outlet", Charts: wrap(heatMap(r))},
		{Title: "Outlets ranked, per dimension", Intro: "Each dimension's outlets from the highest mean to the lowest.", Charts: wrap(ranked...)},
		{Title: "Trends by publication date", Intro: trendIntro, Charts: wrap(trend...)},
		{Title: "Outlets that differ", Charts: wrap(pairsChart(r))},
		{Title: "Over-used entries (keyness)", Intro: keyIntro, Charts: wrap(key...)},
		{Title: "PCA map", Charts: wrap(pcaChart(r), loadingsChart(r))},
		{Title: "Stance", Charts: wrap(stanceChart(r))},
	}
}

var pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct": func(a, b int64) string { return fmt.Sprintf("%.1f", 100*safeDiv(float64(a), float64(b))) },
	"f2":  func(v float64) string { return fmt.Sprintf("%.2f", v) },
	"f1":  func(v float64) string { return fmt.Sprintf("%.1f", v) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>framing report, window {{.R.Window}}</title>
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 14px; color: #222; margin: 0 auto; padding: 16px 24px; max-width: 1200px; }
h1 { font-size: 22px; margin: 8px 0; }
h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
.meta { color: #555; }
code { font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; margin: 6px 0; }
td, th { border-bottom: 1px solid #e4e4e4; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
td.n { text-align: right; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; }
figure { margin: 0; max-width: 100%; overflow-x: auto; }
figcaption { font-size: 12px; color: #555; max-width: 560px; margin-top: 4px; }
figure h3 { margin: 4px 0; }
svg { display: block; }
svg text { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 12px; fill: #222; }
svg text.tick { font-size: 11px; fill: #555; }
svg text.cell { font-size: 11px; }
svg text.light { fill: #fff; }
.empty { color: #777; font-style: italic; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
</style>
</head>
<body>
<h1>How outlets framed the story</h1>
<p class="meta">Window {{.R.Window.From}} to {{.R.Window.To}} ({{len .R.RunDates}} run date{{if ne (len .R.RunDates) 1}}s{{end}}) · {{.R.Articles}} articles from {{.Outlets}} outlets · charts show the {{len .R.Top}} largest outlets</p>

<section id="findings">
<h2>Findings</h2>
<ul>
<li><b>Coverage:</b> {{if .Coverage}}{{.Coverage}} have at least one frame hit.{{else}}no articles.{{end}}</li>
{{if .Pairs}}<li><b>Strongest significant differences</b> (Welch's t, Holm-adjusted p &lt; 0.05, outlets with {{.MinPair}} or more articles each, by |Hedges' g|):
<ul>{{range .Pairs}}<li>{{.}}</li>{{end}}</ul></li>
{{else}}<li><b>No pair of outlets with {{.MinPair}} or more articles each differs significantly</b> in this window (Holm-adjusted p &lt; 0.05).</li>{{end}}
<li><b>Rejects:</b> {{.R.Rejects}} record{{if ne .R.Rejects 1}}s{{end}} rejected{{if .R.Reasons}}: {{range $i, $r := .R.Reasons}}{{if $i}}; {{end}}{{$r.Label}} ({{$r.N}}){{end}}{{end}}.</li>
<li><b>Date warnings:</b> {{.R.DateWarns}} article{{if ne .R.DateWarns 1}}s{{end}} with a date that did not parse{{if .R.DateSample}}, e.g. {{range $i, $d := .R.DateSample}}{{if $i}}, {{end}}“{{$d}}”{{end}}{{end}}.</li>
<li><b>Lexicon:</b> {{range $i, $l := .R.Lexicons}}{{if $i}}; {{end}}<code>{{$l}}</code>{{end}}</li>
</ul>
<h3>Each outlet's most over-used frame</h3>
<p class="meta">The dimension with the largest adjusted standardized residual of the outlet × dimension chi-square test; the effect size is the ratio of the outlet's hits to the hits expected if every outlet used frames alike. Residuals above 2 are notable.</p>
<table>
<tr><th>outlet</th><th>frame</th><th>hits ÷ expected</th><th>residual</th></tr>
{{range .OverUsed}}<tr><td>{{.Outlet}}</td><td>{{if .Found}}{{.Dimension}}{{else}}<span class="empty">none notably ({{.Dimension}} highest)</span>{{end}}</td><td class="n">{{f2 .Ratio}}×</td><td class="n">{{f1 .Residual}}</td></tr>
{{end}}</table>
</section>

{{range .Charts}}
<section>
<h2>{{.Title}}</h2>
{{if .Intro}}<p class="meta">{{.Intro}}</p>{{end}}
{{if eq .Title "Trends by publication date"}}<p class="legend">{{range $.TrendKeys}}<span><i style="background: {{.Colour}}"></i>{{.Name}}</span>{{end}}</p>{{end}}
<div class="charts">
{{range .Charts}}<figure>
<h3>{{.Title}}</h3>
{{if .Empty}}<p class="empty">{{.Empty}}</p>{{else}}{{.HTML}}{{end}}
{{if .Caption}}<figcaption>{{.Caption}}</figcaption>{{end}}
</figure>
{{end}}</div>
</section>
{{end}}
<p class="meta">Made by framing {{.Version}} from the Parquet tables of one statistics window. A self-contained page: nothing is fetched, nothing runs.</p>
</body>
</html>
`))
