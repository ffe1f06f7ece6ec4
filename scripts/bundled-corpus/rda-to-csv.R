# One-off conversion of a toscaData `textmeta` .rda (Wikinews politics or economy) to a
# UTF-8 CSV that build-originals.ts reads, so that neither the build nor the corpus needs R.
# Base R only. Usage (see corpus/SOURCES.md):
#   Rscript scripts/bundled-corpus/rda-to-csv.R politics.rda politics \
#     scripts/bundled-corpus/data/toscaData-politics.csv
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: rda-to-csv.R FILE.rda OBJECT OUT.csv")
env <- new.env()
load(args[1], envir = env)
obj <- get(args[2], envir = env)
text <- vapply(obj$text, function(x) paste(enc2utf8(x), collapse = " "), character(1))
stopifnot(identical(names(text), obj$meta$id))
out <- data.frame(
  id = obj$meta$id,
  date = ifelse(is.na(obj$meta$date), "", format(obj$meta$date)),
  title = enc2utf8(obj$meta$title),
  text = unname(text),
  stringsAsFactors = FALSE
)
write.csv(out, args[3], row.names = FALSE, fileEncoding = "UTF-8")
cat(sprintf("%s: %d rows -> %s\n", args[2], nrow(out), args[3]))
