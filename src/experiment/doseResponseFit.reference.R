# Independent reference for src/experiment/doseResponseFit.ts: R's nls (stats, Debian r-base-core).
# Usage: Rscript doseResponseFit.reference.R IN_DIR OUT.csv
# Every IN_DIR/*.csv (columns x = concentration, y = response) is fitted with the four-parameter logistic
#   y = bottom + (top - bottom) / (1 + 10^((logEC50 - log10(x)) * hill)),
# its limit at x = 0 being the plateau there. Starting values come from R's own self-starting SSfpl model on the
# positive concentrations (input log(x)); the EC50's 95 % CI is 10^(logEC50 +/- qt(0.975, n - 4) * SE), the
# asymptotic interval of summary.nls. A fit that fails is written with converged = FALSE.
args <- commandArgs(trailingOnly = TRUE)
files <- sort(list.files(args[1], pattern = "\\.csv$", full.names = TRUE))

curve <- y ~ ifelse(x == 0, ifelse(hill > 0, bottom, top), bottom + (top - bottom) / (1 + 10^((logEC50 - log10(x)) * hill)))

starts <- function(data) {
  positive <- data[data$x > 0, ]
  positive$lx <- log(positive$x)
  s <- tryCatch(getInitial(y ~ SSfpl(lx, A, B, xmid, scal), data = positive), error = function(e) NULL)
  if (!is.null(s)) {
    return(list(bottom = unname(s["A"]), top = unname(s["B"]), logEC50 = unname(s["xmid"]) / log(10), hill = 1 / unname(s["scal"])))
  }
  rising <- cor(positive$lx, positive$y) > 0
  list(bottom = if (rising) min(data$y) else max(data$y), top = if (rising) max(data$y) else min(data$y),
       logEC50 = median(log10(positive$x)), hill = if (rising) 1 else -1)
}

rows <- lapply(files, function(file) {
  data <- read.csv(file)
  name <- sub("\\.csv$", "", basename(file))
  # nls differentiates numerically, so its convergence test cannot go much below 1e-7: the tightest that works.
  fit <- NULL
  for (tol in c(1e-7, 1e-6, 1e-5)) {
    fit <- tryCatch(
      nls(curve, data = data, start = starts(data),
          control = nls.control(maxiter = 200, tol = tol, minFactor = 1e-10, scaleOffset = 1)),
      error = function(e) NULL)
    if (!is.null(fit)) break
  }
  if (is.null(fit)) {
    return(data.frame(name = name, converged = FALSE, bottom = NA, top = NA, logEC50 = NA, hill = NA,
                      seLogEC50 = NA, df = NA, ec50 = NA, ec50Low = NA, ec50High = NA))
  }
  p <- coef(fit)
  se <- summary(fit)$coefficients[, "Std. Error"]
  df <- df.residual(fit)
  half <- qt(0.975, df) * se[["logEC50"]]
  data.frame(name = name, converged = TRUE, bottom = p[["bottom"]], top = p[["top"]], logEC50 = p[["logEC50"]],
             hill = p[["hill"]], seLogEC50 = se[["logEC50"]], df = df, ec50 = 10^p[["logEC50"]],
             ec50Low = 10^(p[["logEC50"]] - half), ec50High = 10^(p[["logEC50"]] + half))
})
write.csv(do.call(rbind, rows), args[2], row.names = FALSE)
