#include "searchrank.h"

#include <sqlite3.h>

#include <array>
#include <cstdlib>

namespace Toonbank::Store::Internal {

namespace {

constexpr int maxColumns = 8;
constexpr int maxPhrases = 16;
constexpr double k1 = 1.2;
constexpr double b = 0.75;

// Per-query data, computed on the first row and kept with xSetAuxdata.
struct QueryData
{
    double averageRowTokens = 1;
};

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
    int argumentCount, sqlite3_value **arguments)
{
    auto *data = static_cast<QueryData *>(api->xGetAuxdata(fts, 0));
    if (!data) {
        data = static_cast<QueryData *>(sqlite3_malloc(sizeof(QueryData)));
        if (!data) {
            sqlite3_result_error_nomem(context);
            return;
        }
        *data = QueryData {};
        sqlite3_int64 rows = 0;
        sqlite3_int64 tokens = 0;
        // Both read one small record (the FTS5 "averages"), not the index.
        if (api->xRowCount(fts, &rows) == SQLITE_OK
            && api->xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK && rows > 0) {
            data->averageRowTokens = double(tokens) / double(rows);
        }
        if (api->xSetAuxdata(fts, data, sqlite3_free) != SQLITE_OK) {
            sqlite3_result_error_nomem(context);
            return;
        }
    }

    std::array<double, maxColumns> weights;
    weights.fill(1.0);
    const int columns = std::min(api->xColumnCount(fts), maxColumns);
    for (int i = 0; i < columns && i < argumentCount; ++i)
        weights[size_t(i)] = sqlite3_value_double(arguments[i]);

    // Column-weighted term frequency of each phrase in this row.
    std::array<double, maxPhrases> frequency {};
    const int phrases = std::min(api->xPhraseCount(fts), maxPhrases);
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "toonbank_rank: xInstCount failed", -1);
        return;
    }
    for (int i = 0; i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase < phrases
            && column < columns) {
            frequency[size_t(phrase)] += weights[size_t(column)];
        }
    }
    int rowTokens = 0;
    if (api->xColumnSize(fts, -1, &rowTokens) != SQLITE_OK)
        rowTokens = int(data->averageRowTokens);
    const double norm = k1 * (1 - b + b * double(rowTokens) / data->averageRowTokens);
    double score = 0;
    for (int p = 0; p < phrases; ++p) {
        const double f = frequency[size_t(p)];
        score += f * (k1 + 1) / (f + norm);
    }
    sqlite3_result_double(context, -score);
}

} // namespace

bool registerSearchRank(sqlite3 *db)
{
    fts5_api *api = fts5Api(db);
    if (!api || api->iVersion < 2)
        return false;
    return api->xCreateFunction(api, "toonbank_rank", nullptr, &rank, nullptr) == SQLITE_OK;
}

} // namespace Toonbank::Store::Internal
