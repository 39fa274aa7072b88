# models_golden.R: reference values for model/*_test.go (ols, regression, pca,
# correlation, trend, contingency, keyness, profile). Base R only.
# Regenerate: cd model/testdata && Rscript models_golden.R > models_golden.csv
# The data below are repeated literally in model/regression_test.go.
outlet <- c("Alpha", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Beta", "Gamma", "Alpha", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Gamma", "Delta", "Alpha", "Beta", "Beta", "Gamma")
tokens <- c(200, 533, 866, 290, 623, 956, 380, 713, 1046, 470, 803, 227, 560, 893, 317, 650, 983, 407, 740, 1073, 497, 830, 254, 587, 920, 344, 677, 1010, 434, 767)
days <- c(0.0, 11.0, 9.0, 7.0, 5.0, 3.0, 1.0, 12.0, 10.0, 8.0, 6.0, 4.0, 2.0, 0.0, 11.0, 9.0, 7.0, 5.0, 3.0, 1.0, 12.0, 10.0, 8.0, 6.0, 4.0, 2.0, 0.0, 11.0, 9.0, 7.0)
y <- c(3.3, 4.5, 5.6, 3.8, 6.1, 5.1, 5.6, 5.2, 7.4, 4.2, 5.3, 4.9, 3.9, 4.8, 5.2, 6.3, 5.2, 5.2, 4.2, 5.2, 4.3, 6.5, 4.8, 6.1, 4.9, 6.5, 3.9, 5.6, 5.4, 4.3)
z <- c(0.0, 2.0, 4.0, 6.0, 0.33, 2.33, 4.33, 6.33, 0.67, 2.67, 4.67, 6.67, 1.0, 3.0, 5.0, 7.0, 1.33, 3.33, 5.33, 7.33, 1.67, 3.67, 5.67, 0.0, 2.0, 4.0, 6.0, 0.33, 2.33, 4.33)
out <- character(0)
put <- function(name, v) {
  v <- as.numeric(v)
  if (length(v) == 1) out <<- c(out, sprintf("%s,%.17g", name, v))
  else out <<- c(out, sprintf("%s[%d],%.17g", name, seq_along(v), v))
}
# Outlet regression: per_1k ~ outlet + log(n_tokens) + days, reference Alpha (largest, tie
# with Beta broken alphabetically = R's first factor level).
f <- lm(y ~ factor(outlet) + log(tokens) + days)
s <- summary(f)
put("lm.coef", s$coefficients[, 1]); put("lm.se", s$coefficients[, 2])
put("lm.t", s$coefficients[, 3]); put("lm.p", s$coefficients[, 4])
put("lm.r2", s$r.squared); put("lm.adjr2", s$adj.r.squared)
put("lm.f", s$fstatistic[1]); put("lm.fp", pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE))
put("lm.sigma", s$sigma)
# PCA of standardized columns.
pc <- prcomp(cbind(y, log(tokens), days, z), scale. = TRUE)
put("pca.var", pc$sdev^2)
put("pca.rot", abs(pc$rotation))  # column-major, compared up to sign
# Correlations.
ct <- cor.test(y, log(tokens)); put("pearson.r", ct$estimate); put("pearson.t", ct$statistic); put("pearson.p", ct$p.value)
st <- suppressWarnings(cor.test(y, days, method = "spearman", exact = FALSE))
put("spearman.r", st$estimate); put("spearman.p", st$p.value)
# Trend of daily means.
dm <- tapply(y, days, mean); dd <- as.numeric(names(dm))
tc <- summary(lm(as.numeric(dm) ~ dd))$coefficients
put("trend.slope", tc[2, 1]); put("trend.se", tc[2, 2]); put("trend.p", tc[2, 4])
# Chi-square of independence (outlet × tercile of y), no continuity correction.
tab <- table(factor(outlet), cut(y, c(-Inf, 4.5, 5.3, Inf)))
put("chisq.table", tab)  # column-major
ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
put("chisq.stat", ch$statistic); put("chisq.df", ch$parameter); put("chisq.p", ch$p.value)
put("chisq.stdres", ch$stdres)  # column-major
put("chisq.v", sqrt(ch$statistic / (sum(tab) * (min(dim(tab)) - 1))))
# Keyness, by the formula (Rayson & Garside 2000; Hardie 2014 log ratio).
a <- 30; b <- 5; ta <- 10000; tb <- 8000
ea <- ta * (a + b) / (ta + tb); eb <- tb * (a + b) / (ta + tb)
g2 <- 2 * (a * log(a / ea) + b * log(b / eb))
put("key.g2", g2); put("key.p", pchisq(g2, 1, lower.tail = FALSE))
put("key.lr", log2(((a + 0.5) / ta) / ((b + 0.5) / tb)))
# Jensen-Shannon (base 2) and cosine of two count profiles.
p <- c(10, 0, 5, 3); q <- c(2, 7, 5, 0)
P <- p / sum(p); Q <- q / sum(q); M <- (P + Q) / 2
kl <- function(a, m) sum(ifelse(a > 0, a * log2(a / m), 0))
put("jsd", (kl(P, M) + kl(Q, M)) / 2)
put("cosine", sum(p * q) / sqrt(sum(p^2) * sum(q^2)))
cat("name,value\n"); cat(out, sep = "\n"); cat("\n")
cat(sprintf("# %s\n", R.version.string))
