package output

// Row types of the statistics tables. They are partitioned by window
// (registry.go, layout.go) and every row carries the window's first and
// last day, and the partition value itself in `window` (set by the writer
// from the partition), so that a file read alone is complete. A statistic
// that is undefined for the data at hand (too few articles, no variance, a
// single outlet) is null, and `note` says why; no NaN or infinity is ever
// written (NullFloat). The last three columns of every table name the
// lexicon whose scores a row summarizes: a window whose nights used more
// than one lexicon gets one set of rows per lexicon, never a mix.

// OutletStatsRow describes one outlet on one dimension: the per_1k density of
// its articles, with two kinds of 95 % interval.
type OutletStatsRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Outlet         string   `parquet:"outlet"`
	Dimension      string   `parquet:"dimension"`
	NArticles      int64    `parquet:"n_articles"`
	Mean           *float64 `parquet:"mean"`
	SD             *float64 `parquet:"sd"`
	SE             *float64 `parquet:"se"`
	CILow          *float64 `parquet:"ci_low"`
	CIHigh         *float64 `parquet:"ci_high"`
	BootLow        *float64 `parquet:"boot_ci_low"`
	BootHigh       *float64 `parquet:"boot_ci_high"`
	Median         *float64 `parquet:"median"`
	Q25            *float64 `parquet:"q25"`
	Q75            *float64 `parquet:"q75"`
	MeanShare      *float64 `parquet:"mean_share"`
	TotalHits      int64    `parquet:"total_hits"`
	TotalTokens    int64    `parquet:"total_tokens"`
	PooledPer1k    *float64 `parquet:"pooled_per_1k"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// OutletTestRow is one omnibus test across outlets: for a dimension's per_1k
// (measure "per_1k"), an actor's stance (measure "stance"), or the
// outlet × dimension table of hit counts (test "chi_square").
type OutletTestRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Measure        string   `parquet:"measure"`
	Target         string   `parquet:"target"`
	Test           string   `parquet:"test"`
	NGroups        int64    `parquet:"n_groups"`
	N              int64    `parquet:"n"`
	Statistic      *float64 `parquet:"statistic"`
	DF1            *float64 `parquet:"df1"`
	DF2            *float64 `parquet:"df2"`
	P              *float64 `parquet:"p"`
	EffectName     string   `parquet:"effect_name"`
	Effect         *float64 `parquet:"effect"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// OutletResidualRow is one cell of the chi-square test of outlet × dimension
// hit counts: its adjusted standardized residual shows over- or under-use.
type OutletResidualRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Outlet         string   `parquet:"outlet"`
	Dimension      string   `parquet:"dimension"`
	Observed       int64    `parquet:"observed"`
	Expected       *float64 `parquet:"expected"`
	StdResidual    *float64 `parquet:"std_residual"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// OutletPairRow compares two outlets on one dimension.
type OutletPairRow struct {
	Window      string   `parquet:"window"`
	WindowStart Date     `parquet:"window_start"`
	WindowEnd   Date     `parquet:"window_end"`
	Dimension   string   `parquet:"dimension"`
	OutletA     string   `parquet:"outlet_a"`
	OutletB     string   `parquet:"outlet_b"`
	NA          int64    `parquet:"n_a"`
	NB          int64    `parquet:"n_b"`
	MeanDiff    *float64 `parquet:"mean_diff"`
	WelchT      *float64 `parquet:"welch_t"`
	WelchDF     *float64 `parquet:"welch_df"`
	WelchP      *float64 `parquet:"welch_p"`
	PHolm       *float64 `parquet:"p_holm"`
	PBH         *float64 `parquet:"p_bh"`
	HedgesG     *float64 `parquet:"hedges_g"`
	MannWhitney *float64 `parquet:"mann_whitney_u"`
	MannWhitP   *float64 `parquet:"mann_whitney_p"`
	CliffsDelta *float64 `parquet:"cliffs_delta"`
	Note        *string  `parquet:"note"`
	// Added after note, as the change policy in docs/schema.md asks.
	DiffCILow      *float64 `parquet:"diff_ci_low"`
	DiffCIHigh     *float64 `parquet:"diff_ci_high"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// KeynessRow says how much more (or less) one outlet uses a lexicon entry
// than all other outlets together.
type KeynessRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Outlet         string   `parquet:"outlet"`
	Dimension      string   `parquet:"dimension"`
	Entry          string   `parquet:"entry"`
	CountOutlet    int64    `parquet:"count_outlet"`
	CountRest      int64    `parquet:"count_rest"`
	TokensOutlet   int64    `parquet:"tokens_outlet"`
	TokensRest     int64    `parquet:"tokens_rest"`
	G2             *float64 `parquet:"g2"`
	P              *float64 `parquet:"p"`
	LogRatio       *float64 `parquet:"log_ratio"`
	Note           *string  `parquet:"note"`
	G2Quanteda     *float64 `parquet:"g2_quanteda"`
	PQuanteda      *float64 `parquet:"p_quanteda"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// OutletProfileRow compares two outlets' dimension-share profiles.
type OutletProfileRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	OutletA        string   `parquet:"outlet_a"`
	OutletB        string   `parquet:"outlet_b"`
	JSD            *float64 `parquet:"jensen_shannon"`
	Cosine         *float64 `parquet:"cosine"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// PCARow is one number of the principal component analysis, in long form:
// kind "variance" (explained variance ratio of a component), "loading"
// (a dimension's loading), or "centroid" (an outlet's mean score).
type PCARow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Kind           string   `parquet:"kind"`
	Component      int64    `parquet:"component"`
	Dimension      *string  `parquet:"dimension"`
	Outlet         *string  `parquet:"outlet"`
	Value          *float64 `parquet:"value"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// CorrelationRow relates two dimensions' densities across articles.
type CorrelationRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	DimensionA     string   `parquet:"dimension_a"`
	DimensionB     string   `parquet:"dimension_b"`
	N              int64    `parquet:"n"`
	PearsonR       *float64 `parquet:"pearson_r"`
	PearsonP       *float64 `parquet:"pearson_p"`
	SpearmanRho    *float64 `parquet:"spearman_rho"`
	SpearmanP      *float64 `parquet:"spearman_p"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// RegressionRow is one term of the per-dimension OLS model
// per_1k ~ outlet + log(n_tokens) [+ days]; the model's fit statistics are
// repeated on each of its rows so that one table answers both questions.
type RegressionRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Dimension      string   `parquet:"dimension"`
	Term           string   `parquet:"term"`
	Estimate       *float64 `parquet:"estimate"`
	StdError       *float64 `parquet:"std_error"`
	T              *float64 `parquet:"t"`
	P              *float64 `parquet:"p"`
	N              int64    `parquet:"n"`
	R2             *float64 `parquet:"r2"`
	AdjR2          *float64 `parquet:"adj_r2"`
	F              *float64 `parquet:"f"`
	FP             *float64 `parquet:"f_p"`
	Reference      string   `parquet:"reference_outlet"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}

// TrendRow is the daily trend of one outlet on one dimension: the OLS slope
// of its daily mean per_1k against the day.
type TrendRow struct {
	Window         string   `parquet:"window"`
	WindowStart    Date     `parquet:"window_start"`
	WindowEnd      Date     `parquet:"window_end"`
	Outlet         string   `parquet:"outlet"`
	Dimension      string   `parquet:"dimension"`
	NDays          int64    `parquet:"n_days"`
	Slope          *float64 `parquet:"slope_per_day"`
	SE             *float64 `parquet:"std_error"`
	P              *float64 `parquet:"p"`
	Note           *string  `parquet:"note"`
	LexiconSHA256  string   `parquet:"lexicon_sha256"`
	LexiconName    string   `parquet:"lexicon_name"`
	LexiconVersion string   `parquet:"lexicon_version"`
}
