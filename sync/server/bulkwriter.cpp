#include "bulkwriter.h"

#include "serverdatabase.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>

namespace Toonbank::Sync::Server {

using Core::Error;

namespace {

// ---- shared ----------------------------------------------------------------------------------

void sortProducts(std::vector<BulkProduct> &rows)
{
    std::stable_sort(rows.begin(), rows.end(),
        [](const BulkProduct &a, const BulkProduct &b) { return a.id < b.id; });
    // Of two rows with the same id the later one wins (as two upserts in a row would).
    auto out = rows.begin();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        if (std::next(it) != rows.end() && std::next(it)->id == it->id)
            continue;
        if (out != it)
            *out = std::move(*it);
        ++out;
    }
    rows.erase(out, rows.end());
}

void sortStock(std::vector<BulkStock> &rows)
{
    auto key = [](const BulkStock &s) { return std::pair(s.productId, s.locationId); };
    if (!std::is_sorted(rows.begin(), rows.end(),
            [&](const BulkStock &a, const BulkStock &b) { return key(a) < key(b); }))
        std::stable_sort(rows.begin(), rows.end(),
            [&](const BulkStock &a, const BulkStock &b) { return key(a) < key(b); });
    auto out = rows.begin();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        if (std::next(it) != rows.end() && key(*std::next(it)) == key(*it))
            continue;
        if (out != it)
            *out = *it;
        ++out;
    }
    rows.erase(out, rows.end());
}

// Days since 1970-01-01 → civil date (proleptic Gregorian), H. Hinnant's algorithm.
void civilFromDays(qint64 z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 yy = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(yy + (m <= 2));
}

void appendDigits(char *&p, unsigned value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    p += width;
}

// ---- SQLite ----------------------------------------------------------------------------------

class Stmt
{
    Q_DISABLE_COPY_MOVE(Stmt)
public:
    Stmt() = default;
    ~Stmt() { sqlite3_finalize(m_stmt); }
    int prepare(sqlite3 *db, const char *sql)
    {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    }
    sqlite3_stmt *operator()() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Error sqliteError(sqlite3 *db, const char *what)
{
    // "[code]" first, like ServerDatabase::dbError, so a busy database counts as transient.
    return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
        QStringLiteral("[%1] %2: %3")
            .arg(sqlite3_extended_errcode(db) & 0xff)
            .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))));
}

Error unknownProduct(qint64 id)
{
    return Error::make(QStringLiteral("import.sku_unknown"), QStringLiteral("unknown product"),
        id > 0 ? QStringLiteral("product %1 is not in the catalog").arg(id)
               : QStringLiteral("a product of the price update is not in the catalog"));
}

void bindText(sqlite3_stmt *stmt, int index, const QByteArray &text)
{
    // Never NULL: the schema wants '' for "no text". The bytes outlive the step.
    sqlite3_bind_text(
        stmt, index, text.isNull() ? "" : text.constData(), int(text.size()), SQLITE_STATIC);
}

// ---- PostgreSQL ------------------------------------------------------------------------------

PGconn *pgHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // Qt 6 names the type after the struct behind the typedef ("pg_conn*").
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

Error pgError(PGconn *conn, const PGresult *result, const char *what)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
        QStringLiteral("[%1] %2: %3")
            .arg(QLatin1String(state ? state : ""), QLatin1String(what),
                QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn))
                    .trimmed()));
}

// Reads what is left of the last command, so the connection is ready for the next one.
void drain(PGconn *conn)
{
    while (PGresult *rest = PQgetResult(conn))
        PQclear(rest);
}

// The connection's PGconn, with the end of any result a forward-only Qt query left unread
// drained; an error when the connection has none.
Core::Result<PGconn *> pgConnection(const QSqlDatabase &db)
{
    PGconn *conn = pgHandle(db);
    if (!conn)
        return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
            QStringLiteral("no PGconn handle on the connection"));
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE)
        drain(conn);
    return conn;
}

Core::Status pgExec(PGconn *conn, const char *sql)
{
    PGresult *result = PQexec(conn, sql);
    const ExecStatusType status = PQresultStatus(result);
    Core::Status done = Core::success();
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        done = pgError(conn, result, sql);
    PQclear(result);
    return done;
}

// An UPDATE … FROM a staged TEMP table, sorted by key: walking the key index in that order
// reads a fraction of the table, where the planner's hash or merge join reads all of it (a
// third of the time measured on a million products). Those joins are off for this statement
// only. The rows it updated.
Core::Result<qint64> pgUpdateByKey(PGconn *conn, const char *sql, const char *what)
{
    if (Core::Status s
        = pgExec(conn, "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
        !s)
        return s.error();
    PGresult *result = PQexec(conn, sql);
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
        Error error = pgError(conn, result, what);
        PQclear(result);
        return error;
    }
    const qint64 updated = QByteArray(PQcmdTuples(result)).toLongLong();
    PQclear(result);
    if (Core::Status s
        = pgExec(conn, "SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on");
        !s)
        return s.error();
    return updated;
}

Core::Result<bool> pgExists(PGconn *conn, const QByteArray &sql)
{
    PGresult *result = PQexec(conn, sql.constData());
    if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1) {
        Error error = pgError(conn, result, sql.constData());
        PQclear(result);
        return error;
    }
    const bool exists = PQgetvalue(result, 0, 0)[0] == 't';
    PQclear(result);
    return exists;
}

// COPY … FROM STDIN in text format: the caller appends rows to buffer(); full buffers go out.
class CopyIn
{
public:
    explicit CopyIn(PGconn *conn)
        : m_conn(conn)
    {
        m_buffer.reserve(chunk + 64 * 1024);
    }

    Core::Status start(const char *sql)
    {
        PGresult *result = PQexec(m_conn, sql);
        if (PQresultStatus(result) != PGRES_COPY_IN) {
            Error error = pgError(m_conn, result, sql);
            PQclear(result);
            return error;
        }
        PQclear(result);
        return Core::success();
    }

    void integer(qint64 value)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_buffer.append(digits, end - digits);
        m_buffer.append('\t');
    }
    void null() { m_buffer.append("\\N\t", 3); }
    void text(const QByteArray &value)
    {
        const char *p = value.constData();
        const char *end = p + value.size();
        while (p < end) {
            const char *plain = p;
            while (p < end && *p != '\\' && *p != '\t' && *p != '\n' && *p != '\r')
                ++p;
            m_buffer.append(plain, p - plain);
            if (p == end)
                break;
            m_buffer.append('\\');
            m_buffer.append(*p == '\t' ? 't' : *p == '\n' ? 'n' : *p == '\r' ? 'r' : '\\');
            ++p;
        }
        m_buffer.append('\t');
    }
    void raw(const char *value, qsizetype size)
    {
        m_buffer.append(value, size);
        m_buffer.append('\t');
    }
    /// Ends the row (replaces the last tab); sends the buffer when it is full.
    Core::Status endRow()
    {
        m_buffer[m_buffer.size() - 1] = '\n';
        if (m_buffer.size() >= chunk)
            return send();
        return Core::success();
    }

    Core::Status finish(const char *what)
    {
        if (Core::Status sent = send(); !sent)
            return sent;
        if (PQputCopyEnd(m_conn, nullptr) != 1)
            return pgError(m_conn, nullptr, what);
        PGresult *result = PQgetResult(m_conn);
        Core::Status done = Core::success();
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            done = pgError(m_conn, result, what);
        PQclear(result);
        drain(m_conn);
        return done;
    }

private:
    Core::Status send()
    {
        if (!m_buffer.isEmpty()
            && PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
            return pgError(m_conn, nullptr, "COPY data");
        m_buffer.clear();
        return Core::success();
    }

    static constexpr qsizetype chunk = 1 << 20;
    PGconn *m_conn;
    QByteArray m_buffer;
};

} // namespace

BulkWriter::BulkWriter(ServerDatabase &database)
    : m_db(database)
{ }

namespace {

// Writes the 24 characters of isoUtc() into `p`; false for a year outside 0000-9999.
bool formatIsoUtc(qint64 msecs, char *p)
{
    qint64 days = msecs / 86'400'000;
    qint64 rest = msecs % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        --days;
    }
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civilFromDays(days, year, month, day);
    if (year < 0 || year > 9999)
        return false;
    appendDigits(p, unsigned(year), 4);
    *p++ = '-';
    appendDigits(p, month, 2);
    *p++ = '-';
    appendDigits(p, day, 2);
    *p++ = 'T';
    appendDigits(p, unsigned(rest / 3'600'000), 2);
    *p++ = ':';
    appendDigits(p, unsigned(rest / 60'000 % 60), 2);
    *p++ = ':';
    appendDigits(p, unsigned(rest / 1000 % 60), 2);
    *p++ = '.';
    appendDigits(p, unsigned(rest % 1000), 3);
    *p++ = 'Z';
    return true;
}

// A stock figure's as_of text, formatted once per distinct value.
class AsOfText
{
public:
    const char *operator()(qint64 msecs)
    {
        if (msecs != m_last) {
            m_last = msecs;
            if (!formatIsoUtc(msecs, m_text)) {
                const QByteArray slow = BulkWriter::isoUtc(msecs).left(sizeof m_text);
                std::fill(std::begin(m_text), std::end(m_text), ' ');
                std::copy(slow.cbegin(), slow.cend(), m_text);
            }
        }
        return m_text;
    }
    static constexpr int size = 24;

private:
    qint64 m_last = std::numeric_limits<qint64>::min();
    char m_text[size] {};
};

} // namespace

QByteArray BulkWriter::isoUtc(qint64 msecs)
{
    QByteArray out(24, Qt::Uninitialized);
    if (!formatIsoUtc(msecs, out.data()))
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
    return out;
}

Core::Status BulkWriter::write(std::vector<BulkProduct> &products, std::vector<BulkStock> &stock)
{
    sortProducts(products);
    sortStock(stock);
    if (products.empty() && stock.empty())
        return Core::success();
    auto seq = m_db.reserveSequence(qint64(products.size() + stock.size()));
    if (!seq)
        return seq.error();
    return m_db.dialect() == Dialect::Sqlite ? writeSqlite(products, stock, seq.value(), false)
                                             : writePostgres(products, stock, seq.value(), false);
}

Core::Status BulkWriter::findProducts(
    const std::vector<QByteArray> &skus, bool withData, const FoundProduct &found)
{
    if (skus.empty())
        return Core::success();
    if (m_db.dialect() == Dialect::Sqlite) {
        sqlite3 *db = sqliteHandle(m_db.connection());
        if (!db)
            return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
                QStringLiteral("no sqlite3 handle on the connection"));
        Stmt select;
        if (select.prepare(db,
                withData ? "SELECT id, data FROM products WHERE sku = ?1"
                         : "SELECT id FROM products WHERE sku = ?1")
            != SQLITE_OK)
            return sqliteError(db, "prepare products by sku");
        // One read transaction for all the look-ups (not one per statement).
        const bool own = sqlite3_get_autocommit(db) != 0;
        if (own && sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqliteError(db, "BEGIN");
        Core::Status done = Core::success();
        sqlite3_stmt *s = select();
        for (const QByteArray &sku : skus) {
            bindText(s, 1, sku);
            const int step = sqlite3_step(s);
            if (step == SQLITE_ROW) {
                QByteArray data;
                if (withData)
                    data = QByteArray(static_cast<const char *>(sqlite3_column_blob(s, 1)),
                        sqlite3_column_bytes(s, 1));
                found(sku, sqlite3_column_int64(s, 0), std::move(data));
            } else if (step != SQLITE_DONE) {
                done = sqliteError(db, "products by sku");
                sqlite3_reset(s);
                break;
            }
            sqlite3_reset(s);
        }
        if (own)
            sqlite3_exec(db, done ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
        return done;
    }

    const Core::Result<PGconn *> handle = pgConnection(m_db.connection());
    if (!handle)
        return handle.error();
    PGconn *conn = handle.value();
    // One text[] parameter: {"sku","sku",…} with " and \ escaped.
    QByteArray array;
    array.reserve(qsizetype(skus.size()) * 16);
    array.append('{');
    for (const QByteArray &sku : skus) {
        if (array.size() > 1)
            array.append(',');
        array.append('"');
        for (const char c : sku) {
            if (c == '"' || c == '\\')
                array.append('\\');
            array.append(c);
        }
        array.append('"');
    }
    array.append('}');
    const char *values[] = { array.constData() };
    const char *sql = withData ? "SELECT sku, id, data FROM products WHERE sku = ANY($1::text[])"
                               : "SELECT sku, id FROM products WHERE sku = ANY($1::text[])";
    PGresult *result = PQexecParams(conn, sql, 1, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        Error error = pgError(conn, result, "products by sku");
        PQclear(result);
        return error;
    }
    const int rows = PQntuples(result);
    for (int row = 0; row < rows; ++row) {
        const QByteArray sku(PQgetvalue(result, row, 0), PQgetlength(result, row, 0));
        qint64 id = 0;
        const char *idText = PQgetvalue(result, row, 1);
        std::from_chars(idText, idText + PQgetlength(result, row, 1), id);
        QByteArray data;
        if (withData)
            data = QByteArray(PQgetvalue(result, row, 2), PQgetlength(result, row, 2));
        found(sku, id, std::move(data));
    }
    PQclear(result);
    return Core::success();
}

Core::Status BulkWriter::updatePrices(std::vector<BulkProduct> &products)
{
    sortProducts(products);
    if (products.empty())
        return Core::success();
    auto seq = m_db.reserveSequence(qint64(products.size()));
    if (!seq)
        return seq.error();
    const std::vector<BulkStock> none;
    return m_db.dialect() == Dialect::Sqlite ? writeSqlite(products, none, seq.value(), true)
                                             : writePostgres(products, none, seq.value(), true);
}

Core::Status BulkWriter::writeSqlite(const std::vector<BulkProduct> &products,
    const std::vector<BulkStock> &stock, qint64 firstSeq, bool pricesOnly)
{
    sqlite3 *db = sqliteHandle(m_db.connection());
    if (!db)
        return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
            QStringLiteral("no sqlite3 handle on the connection"));
    // A bigger page cache for the call: the sku index takes its rows in no particular order.
    // Restored afterwards (the server's other work wants the default).
    sqlite3_exec(db, "PRAGMA cache_size=-262144", nullptr, nullptr, nullptr);
    struct RestoreCache
    {
        sqlite3 *db;
        ~RestoreCache() { sqlite3_exec(db, "PRAGMA cache_size=-2000", nullptr, nullptr, nullptr); }
    } restore { db };

    qint64 seq = firstSeq;
    if (!products.empty()) {
        Stmt product;
        Stmt price;
        // A price update names known products and keeps their sku (its index untouched).
        if (product.prepare(db,
                pricesOnly ? "UPDATE products SET data = ?3, change_seq = ?4 WHERE id = ?1"
                           : "INSERT INTO products(id, sku, data, change_seq) VALUES (?1, ?2, "
                             "?3, ?4) ON CONFLICT(id) DO UPDATE SET sku = excluded.sku, data = "
                             "excluded.data, change_seq = excluded.change_seq")
            != SQLITE_OK)
            return sqliteError(db, "prepare products");
        if (price.prepare(db,
                "INSERT INTO product_prices(product_id, valid_from_seq, price_cents, "
                "promo_price_cents, promo_from, promo_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            != SQLITE_OK)
            return sqliteError(db, "prepare product_prices");
        for (const BulkProduct &p : products) {
            sqlite3_stmt *s = product();
            sqlite3_bind_int64(s, 1, p.id);
            if (!pricesOnly)
                bindText(s, 2, p.sku);
            bindText(s, 3, p.data);
            sqlite3_bind_int64(s, 4, seq);
            if (sqlite3_step(s) != SQLITE_DONE) {
                Error error = sqliteError(db, "products");
                sqlite3_reset(s);
                return error;
            }
            sqlite3_reset(s);
            if (pricesOnly && sqlite3_changes(db) != 1)
                return unknownProduct(p.id);
            // Every catalog version keeps its price: a sale priced offline from an older
            // version is still explained (see SaleHandler).
            s = price();
            sqlite3_bind_int64(s, 1, p.id);
            sqlite3_bind_int64(s, 2, seq);
            sqlite3_bind_int64(s, 3, p.priceCents);
            if (p.promoPriceCents)
                sqlite3_bind_int64(s, 4, *p.promoPriceCents);
            else
                sqlite3_bind_null(s, 4);
            bindText(s, 5, p.promoFrom);
            bindText(s, 6, p.promoUntil);
            if (sqlite3_step(s) != SQLITE_DONE) {
                Error error = sqliteError(db, "product_prices");
                sqlite3_reset(s);
                return error;
            }
            sqlite3_reset(s);
            ++seq;
        }
    }
    if (!stock.empty()) {
        Stmt figure;
        if (figure.prepare(db,
                "INSERT INTO stock(product_id, location_id, quantity, as_of, change_seq) "
                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(product_id, location_id) DO UPDATE SET "
                "quantity = excluded.quantity, as_of = excluded.as_of, "
                "change_seq = excluded.change_seq")
            != SQLITE_OK)
            return sqliteError(db, "prepare stock");
        sqlite3_stmt *s = figure();
        AsOfText asOf;
        for (const BulkStock &f : stock) {
            sqlite3_bind_int64(s, 1, f.productId);
            sqlite3_bind_int64(s, 2, f.locationId);
            sqlite3_bind_int64(s, 3, f.quantity);
            sqlite3_bind_text(s, 4, asOf(f.asOfMsecs), AsOfText::size, SQLITE_STATIC);
            sqlite3_bind_int64(s, 5, seq++);
            if (sqlite3_step(s) != SQLITE_DONE) {
                Error error = sqliteError(db, "stock");
                sqlite3_reset(s);
                return error;
            }
            sqlite3_reset(s);
        }
    }
    return Core::success();
}

Core::Status BulkWriter::writePostgres(const std::vector<BulkProduct> &products,
    const std::vector<BulkStock> &stock, qint64 firstSeq, bool pricesOnly)
{
    const Core::Result<PGconn *> handle = pgConnection(m_db.connection());
    if (!handle)
        return handle.error();
    PGconn *conn = handle.value();
    if (PQtransactionStatus(conn) != PQTRANS_INTRANS)
        return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
            QStringLiteral("the bulk writer runs inside a transaction"));
    // Safe for an import (see the header): only this transaction's commit is not waited for.
    if (Core::Status s = pgExec(conn, "SET LOCAL synchronous_commit = off"); !s)
        return s;

    qint64 seq = firstSeq;
    if (!products.empty()) {
        // A first load (no row of this id range yet) goes straight into products.
        auto exists = pgExists(conn,
            QByteArray("SELECT EXISTS(SELECT 1 FROM products WHERE id BETWEEN ")
                + QByteArray::number(products.front().id) + " AND "
                + QByteArray::number(products.back().id) + ")");
        if (!exists)
            return exists.error();
        const bool staged = exists.value() || pricesOnly;
        if (staged) {
            if (Core::Status s = pgExec(conn,
                    "CREATE TEMP TABLE IF NOT EXISTS bulk_products(id BIGINT, sku TEXT, "
                    "data TEXT, change_seq BIGINT) ON COMMIT DROP");
                !s)
                return s;
            if (Core::Status s = pgExec(conn, "TRUNCATE bulk_products"); !s)
                return s;
        }
        CopyIn copy(conn);
        if (Core::Status s
            = copy.start(staged ? "COPY bulk_products(id, sku, data, change_seq) FROM STDIN"
                                : "COPY products(id, sku, data, change_seq) FROM STDIN");
            !s)
            return s;
        qint64 next = seq;
        for (const BulkProduct &p : products) {
            copy.integer(p.id);
            copy.text(p.sku);
            copy.text(p.data);
            copy.integer(next++);
            if (Core::Status s = copy.endRow(); !s)
                return s;
        }
        if (Core::Status s = copy.finish("COPY products"); !s)
            return s;
        if (pricesOnly) {
            // Known products keep their sku: one UPDATE joined on id; every row must match.
            const auto updated = pgUpdateByKey(conn,
                "UPDATE products p SET data = b.data, change_seq = b.change_seq FROM "
                "bulk_products b WHERE p.id = b.id",
                "UPDATE products");
            if (!updated)
                return updated.error();
            if (updated.value() != qint64(products.size()))
                return unknownProduct(0);
        } else if (staged) {
            if (Core::Status s = pgExec(conn,
                    "INSERT INTO products(id, sku, data, change_seq) SELECT id, sku, data, "
                    "change_seq FROM bulk_products ON CONFLICT(id) DO UPDATE SET sku = "
                    "excluded.sku, data = excluded.data, change_seq = excluded.change_seq");
                !s)
                return s;
        }
        // Price versions are new keys (a fresh sequence number each): always a plain COPY.
        CopyIn prices(conn);
        if (Core::Status s = prices.start("COPY product_prices(product_id, valid_from_seq, "
                                          "price_cents, promo_price_cents, promo_from, "
                                          "promo_until) FROM STDIN");
            !s)
            return s;
        next = seq;
        for (const BulkProduct &p : products) {
            prices.integer(p.id);
            prices.integer(next++);
            prices.integer(p.priceCents);
            if (p.promoPriceCents)
                prices.integer(*p.promoPriceCents);
            else
                prices.null();
            prices.text(p.promoFrom);
            prices.text(p.promoUntil);
            if (Core::Status s = prices.endRow(); !s)
                return s;
        }
        if (Core::Status s = prices.finish("COPY product_prices"); !s)
            return s;
        seq = next;
    }
    if (!stock.empty()) {
        auto exists = pgExists(conn,
            QByteArray("SELECT EXISTS(SELECT 1 FROM stock WHERE product_id BETWEEN ")
                + QByteArray::number(stock.front().productId) + " AND "
                + QByteArray::number(stock.back().productId) + ")");
        if (!exists)
            return exists.error();
        const bool staged = exists.value();
        if (staged) {
            if (Core::Status s = pgExec(conn,
                    "CREATE TEMP TABLE IF NOT EXISTS bulk_stock(product_id BIGINT, location_id "
                    "BIGINT, quantity BIGINT, as_of TEXT, change_seq BIGINT) ON COMMIT DROP");
                !s)
                return s;
            if (Core::Status s = pgExec(conn, "TRUNCATE bulk_stock"); !s)
                return s;
        }
        CopyIn copy(conn);
        if (Core::Status s = copy.start(staged
                    ? "COPY bulk_stock(product_id, location_id, quantity, as_of, change_seq) "
                      "FROM STDIN"
                    : "COPY stock(product_id, location_id, quantity, as_of, change_seq) FROM "
                      "STDIN");
            !s)
            return s;
        AsOfText asOf;
        for (const BulkStock &f : stock) {
            copy.integer(f.productId);
            copy.integer(f.locationId);
            copy.integer(f.quantity);
            copy.raw(asOf(f.asOfMsecs), AsOfText::size);
            copy.integer(seq++);
            if (Core::Status s = copy.endRow(); !s)
                return s;
        }
        if (Core::Status s = copy.finish("COPY stock"); !s)
            return s;
        if (staged) {
            // held is not named: an update keeps the holds on the row. In key order: the
            // rows were written product by product, so the update walks the table's pages
            // forward instead of at random (an update file comes in any order). A plain
            // UPDATE first: an upsert tries an insert into the key index for every row before
            // it finds the conflict (a sixth of the time on 100k of 13M rows). Only when some
            // figure is new does the insert run, and then it skips the rows just updated.
            const auto updated = pgUpdateByKey(conn,
                "UPDATE stock s SET quantity = b.quantity, as_of = b.as_of, change_seq = "
                "b.change_seq FROM (SELECT * FROM bulk_stock ORDER BY product_id, location_id) b "
                "WHERE s.product_id = b.product_id AND s.location_id = b.location_id",
                "UPDATE stock");
            if (!updated)
                return updated.error();
            if (updated.value() < qint64(stock.size())) {
                if (Core::Status s = pgExec(conn,
                        "INSERT INTO stock(product_id, location_id, quantity, as_of, change_seq) "
                        "SELECT product_id, location_id, quantity, as_of, change_seq FROM "
                        "bulk_stock ORDER BY product_id, location_id ON CONFLICT(product_id, "
                        "location_id) DO NOTHING");
                    !s)
                    return s;
            }
        }
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
