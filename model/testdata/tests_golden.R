# Reference values for model's tests (describe, anova, kruskal, ttest, mannwhitney,
# effect, padjust). Base R only. Run from the repository root:
#   Rscript model/testdata/tests_golden.R
# Writes model/testdata/tests_golden.csv as name,value with %.17g.
g1 <- c(2.1, 3.4, 3.4, 5.0, 1.8, 2.9, 4.4)
g2 <- c(3.9, 4.4, 5.1, 6.0, 4.4, 3.3, 5.8, 6.7, 4.9, 5.1, 3.4, 7.2)
g3 <- c(1.1, 2.0, 2.9, 1.1, 3.4)
pv <- c(0.01, 0.04, 0.03, NA, 0.005, 0.04, 0.2, 0.5, 0.0001)
out <- list()
put <- function(name, v) out[[name]] <<- v
put("r_version", as.numeric(paste0(R.version$major, sub("\\.", "", R.version$minor))))
for (nm in c("g1", "g2", "g3")) {
  x <- get(nm)
  tt <- t.test(x)
  put(paste0(nm, ".mean"), mean(x)); put(paste0(nm, ".sd"), sd(x))
  put(paste0(nm, ".se"), sd(x) / sqrt(length(x)))
  put(paste0(nm, ".cilow"), tt$conf.int[1]); put(paste0(nm, ".cihigh"), tt$conf.int[2])
  q <- quantile(x, c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1), type = 7)
  for (i in seq_along(q)) put(sprintf("%s.q%d", nm, i), q[[i]])
}
y <- c(g1, g2, g3); g <- factor(rep(1:3, c(length(g1), length(g2), length(g3))))
ow <- oneway.test(y ~ g, var.equal = TRUE)
put("anova.f", ow$statistic); put("anova.df1", ow$parameter[1]); put("anova.df2", ow$parameter[2]); put("anova.p", ow$p.value)
ss <- summary(aov(y ~ g))[[1]][["Sum Sq"]]
put("anova.eta2", ss[1] / sum(ss))  # eta^2 from aov sums of squares
wa <- oneway.test(y ~ g, var.equal = FALSE)
put("welch.f", wa$statistic); put("welch.df1", wa$parameter[1]); put("welch.df2", wa$parameter[2]); put("welch.p", wa$p.value)
kw <- kruskal.test(y ~ g)
put("kw.h", kw$statistic); put("kw.df", kw$parameter); put("kw.p", kw$p.value)
n <- length(y); put("kw.eps2", kw$statistic / ((n^2 - 1) / (n + 1)))
pairs <- list(c("g1", "g2"), c("g2", "g3"), c("g1", "g3"))
for (pr in pairs) {
  a <- get(pr[1]); b <- get(pr[2]); k <- paste0(pr[1], pr[2])
  tt <- t.test(a, b, var.equal = FALSE)
  put(paste0(k, ".t"), tt$statistic); put(paste0(k, ".df"), tt$parameter); put(paste0(k, ".p"), tt$p.value)
  put(paste0(k, ".cilow"), tt$conf.int[1]); put(paste0(k, ".cihigh"), tt$conf.int[2])
  na <- length(a); nb <- length(b)
  sp <- sqrt(((na - 1) * var(a) + (nb - 1) * var(b)) / (na + nb - 2))
  put(paste0(k, ".g"), (1 - 3 / (4 * (na + nb) - 9)) * (mean(a) - mean(b)) / sp)  # formula in R
  w <- suppressWarnings(wilcox.test(a, b, exact = FALSE, correct = TRUE))
  put(paste0(k, ".w"), w$statistic); put(paste0(k, ".wp"), w$p.value)
  put(paste0(k, ".delta"), mean(sign(outer(a, b, "-"))))  # Cliff's delta by direct count
}
ph <- p.adjust(pv, "holm"); pb <- p.adjust(pv, "BH")
for (i in seq_along(pv)) if (!is.na(pv[i])) { put(sprintf("holm%d", i), ph[i]); put(sprintf("bh%d", i), pb[i]) }
f <- file("model/testdata/tests_golden.csv", "w")
writeLines(sprintf("# %s", R.version.string), f)
writeLines("name,value", f)
for (nm in names(out)) writeLines(sprintf("%s,%.17g", nm, out[[nm]]), f)
close(f)
