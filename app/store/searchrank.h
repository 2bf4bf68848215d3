#pragma once

struct sqlite3;

namespace Toonbank::Store::Internal {

/// Registers the FTS5 ranking function `toonbank_rank(product_search, w1, w2, …)` on `db`:
/// Okapi BM25 (k1 = 1.2, b = 0.75, one weight per column, lower is better like bm25()) without
/// the IDF factor. Why: FTS5's bm25() computes IDF by walking the whole doclist of every word
/// on the first row, which for a common prefix on a million products ("jea*": 250,000 rows)
/// costs 15–40 ms before the first result; every hit of our AND query contains every word, so
/// IDF only re-weights the words against each other. Returns false when FTS5 is unavailable.
bool registerSearchRank(sqlite3 *db);

} // namespace Toonbank::Store::Internal
