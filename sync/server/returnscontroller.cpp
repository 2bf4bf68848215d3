#include "returnscontroller.h"

#include "returnorders.h"
#include "serverdatabase.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/returns.h"

#include "app/core/clock.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace Toonbank::Sync::Server {

using Protocol::ReturnClaim;
using Protocol::ReturnClaimRequest;

namespace {

ApiReply refuse(ApiErrorKind kind, const QString &code, const QString &message)
{
    return ApiReply::error({ kind, code, message });
}

ApiReply internal(const Core::Error &error)
{
    return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, error));
}

// A lookup error as the tablet shows it: the message (plain words), not the log detail.
ApiReply lookupRefusal(const Core::Error &error)
{
    if (error.code == QLatin1String("return.not_found"))
        return refuse(ApiErrorKind::NotFound, error.code, error.message);
    if (error.code.startsWith(QLatin1String("return.")))
        return refuse(ApiErrorKind::Unprocessable, error.code, error.message);
    return internal(error);
}

ApiReply ofReturn()
{
    return refuse(ApiErrorKind::Unprocessable, QStringLiteral("return.of_return"),
        QStringLiteral("this is a return receipt: a return cannot be returned"));
}

// The claim id from /v1/returns/{claimId}[/release].
QString claimIdFromPath(const ApiRequest &request)
{
    const QStringList parts
        = request.http.url().path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.size() >= 3 ? parts.at(2) : QString();
}

struct ClaimRow
{
    QString claimId;
    QString returnId;
    QString origin;
    QString number;
    QString saleId;
    QString storeCode;
    QString deviceId;
    QString state;
    QList<ReturnClaimRequest::Line> lines;
};

Core::Result<std::optional<ClaimRow>> loadClaim(ServerDatabase &db, const QString &claimId)
{
    auto q = db.exec(QStringLiteral("SELECT claim_id, return_id, origin, origin_number, "
                                    "origin_sale_id, store_code, device_id, state FROM "
                                    "return_claims WHERE claim_id = ?"),
        { claimId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<ClaimRow>();
    const QSqlQuery &c = q.value();
    ClaimRow row { c.value(0).toString(), c.value(1).toString(), c.value(2).toString(),
        c.value(3).toString(), c.value(4).toString(), c.value(5).toString(), c.value(6).toString(),
        c.value(7).toString(), {} };
    auto lines = db.exec(QStringLiteral("SELECT line_id, quantity FROM return_claim_lines WHERE "
                                        "claim_id = ? ORDER BY line_id"),
        { claimId });
    if (!lines)
        return lines.error();
    while (lines.value().next())
        row.lines.append({ lines.value().value(0).toString(), lines.value().value(1).toInt() });
    return std::optional<ClaimRow>(row);
}

QList<ReturnClaimRequest::Line> sortedLines(QList<ReturnClaimRequest::Line> lines)
{
    std::sort(lines.begin(), lines.end(),
        [](const ReturnClaimRequest::Line &a, const ReturnClaimRequest::Line &b) {
            return a.lineId < b.lineId;
        });
    return lines;
}

bool sameClaim(const ClaimRow &row, const ReturnClaimRequest &request)
{
    if (row.origin != Core::name(request.origin) || row.number != request.number)
        return false;
    const auto mine = sortedLines(row.lines);
    const auto asked = sortedLines(request.lines);
    if (mine.size() != asked.size())
        return false;
    for (qsizetype i = 0; i < mine.size(); ++i) {
        if (mine.at(i).lineId != asked.at(i).lineId || mine.at(i).quantity != asked.at(i).quantity)
            return false;
    }
    return true;
}

ReturnClaim::State stateFromName(const QString &state)
{
    if (state == QLatin1String("used"))
        return ReturnClaim::State::Used;
    if (state == QLatin1String("released"))
        return ReturnClaim::State::Released;
    return ReturnClaim::State::Claimed;
}

Core::ReturnOrigin originFromName(const QString &origin)
{
    return Core::returnOriginFromName(origin).value_or(Core::ReturnOrigin::StoreSale);
}

// The claim as the tablet reads it, with the order as it stands now.
Core::Result<ReturnClaim> describe(ServerDatabase &db, const ClaimRow &row)
{
    auto order = loadReturnableOrder(db, originFromName(row.origin), row.number, row.saleId);
    if (!order)
        return order.error();
    return ReturnClaim { row.claimId, row.returnId, row.number, stateFromName(row.state), row.lines,
        order.value() };
}

ApiReply quantityConflict(const Core::ReturnableOrder &order,
    const QList<ReturnClaimRequest::Line> &asked, const QString &message)
{
    QList<Protocol::ReturnableLeft> left;
    for (const ReturnClaimRequest::Line &line : asked) {
        int returnable = 0;
        for (const Core::ReturnableLine &l : order.lines) {
            if (l.lineId == line.lineId)
                returnable = l.returnable();
        }
        left.append({ line.lineId, returnable });
    }
    return ApiReply::json(
        Protocol::returnConflictToJson(QStringLiteral("return.quantity"), message, left),
        httpStatus(ApiErrorKind::Conflict));
}

// The table and key of the lines an order's claims count on.
struct LineTable
{
    QString table;
    QString key;
    QVariant keyValue;
};

LineTable lineTable(const Core::ReturnOrigin origin, const QString &saleId)
{
    if (origin == Core::ReturnOrigin::WebOrder)
        return { QStringLiteral("web_order_lines"), QStringLiteral("order_id"),
            saleId.toLongLong() };
    return { QStringLiteral("sale_lines"), QStringLiteral("sale_id"), saleId };
}

} // namespace

ApiReply ReturnsController::lookup(const ApiRequest &request)
{
    const QString code
        = QUrlQuery(request.http.url()).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    auto order = loadReturnableOrder(m_db, code);
    if (!order)
        return lookupRefusal(order.error());
    if (order->isReturn)
        return ofReturn();
    auto policy = loadReturnPolicy(m_db, request.device->locationId);
    if (!policy)
        return internal(policy.error());
    return ApiReply::json({ { QStringLiteral("order"), Protocol::toJson(order.value()) },
        { QStringLiteral("policy"), Protocol::toJson(policy.value()) } });
}

ApiReply ReturnsController::claim(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    auto parsed = ReturnClaimRequest::fromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    const ReturnClaimRequest &asked = parsed.value();
    if (asked.claimId.isEmpty() || asked.claimId.size() > 100 || asked.returnId.isEmpty()
        || asked.returnId.size() > 100)
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_id"),
            QStringLiteral("claimId and returnId (1 to 100 characters) are required"));
    if (asked.origin == Core::ReturnOrigin::NoReceipt)
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_value"),
            QStringLiteral("a claim names a store sale or a web order"));
    if (asked.storeCode != request.device->locationCode)
        return refuse(ApiErrorKind::Forbidden, QStringLiteral("scope.location"),
            QStringLiteral("a device of store %1 cannot claim for store %2")
                .arg(request.device->locationCode, asked.storeCode.left(20)));
    QSet<QString> lineIds;
    for (const ReturnClaimRequest::Line &line : asked.lines) {
        if (lineIds.contains(line.lineId))
            return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_value"),
                QStringLiteral("line %1 appears twice").arg(line.lineId.left(40)));
        lineIds.insert(line.lineId);
    }
    if (asked.lines.isEmpty())
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.missing_field"),
            QStringLiteral("a claim names at least one line"));

    // The same claim again (a retry after a lost answer): what it got, never a second count.
    auto answerExisting = [&](const ClaimRow &row) -> ApiReply {
        if (!sameClaim(row, asked))
            return refuse(ApiErrorKind::Conflict, QStringLiteral("claim.mismatch"),
                QStringLiteral("claim %1 was made for other lines or another order")
                    .arg(asked.claimId.left(100)));
        auto described = describe(m_db, row);
        if (!described)
            return internal(described.error());
        return ApiReply::json(described->toJson(), 201);
    };
    // A refusal, unless the claim exists already (a retry of a granted claim finds less left
    // now, or a claim id reused for something else): then that claim answers. Looked up only on
    // this path, so a first claim costs no extra query.
    auto unlessExisting = [&](const ApiReply &refusal) -> ApiReply {
        auto existing = loadClaim(m_db, asked.claimId);
        if (!existing)
            return internal(existing.error());
        return existing.value() ? answerExisting(*existing.value()) : refusal;
    };

    auto found = loadReturnableOrder(m_db, asked.origin, asked.number);
    if (!found)
        return unlessExisting(lookupRefusal(found.error()));
    Core::ReturnableOrder order = found.value();
    if (order.isReturn)
        return ofReturn();
    // Quantity, gift card, unknown line, return of a return. The window is the return
    // event's business (it carries the approvals): here every exception counts as approved.
    const QDate today = Core::SystemClock::instance().nowLocal().date();
    const Core::ReturnPolicy policy = Core::ReturnPolicy::defaults();
    for (const ReturnClaimRequest::Line &line : asked.lines) {
        const Core::Status ok = Core::checkReturnLine(order, { line.lineId, line.quantity }, policy,
            today, QTimeZone::systemTimeZone(), true);
        if (ok)
            continue;
        if (ok.error().code == QLatin1String("return.quantity"))
            return unlessExisting(quantityConflict(order, asked.lines, ok.error().message));
        return unlessExisting(
            refuse(ApiErrorKind::Unprocessable, ok.error().code, ok.error().message));
    }

    const QString raced = QStringLiteral("claim.raced");
    const QString taken = QStringLiteral("return.quantity");
    const LineTable lines = lineTable(order.origin, order.saleId);
    const QVariantList claimRow { asked.claimId, asked.returnId, Core::name(order.origin),
        order.number, order.saleId, asked.storeCode, request.device->deviceId,
        Core::SystemClock::instance().nowUtc().toString(Qt::ISODateWithMs) };
    QHash<QString, int> returnedNow;
    // PostgreSQL: the conditional UPDATE of every line, the claim row (only when every line
    // was updated) and its lines in one statement (data-modifying WITH queries). Under READ
    // COMMITTED a second claim of the same line waits for the first's row lock and re-checks
    // `returned_quantity + q <= quantity` on the row the first committed. The same claim id
    // arriving twice at once (a retry through another instance) fails the second statement
    // on the claim's primary key, which undoes its UPDATEs too. A one-line claim is then a
    // transaction by itself: one round trip. A claim of several lines runs in a transaction so
    // that lines updated before one that is short are rolled back.
    auto claimOnPostgres = [&]() -> Core::Status {
        QStringList values;
        QVariantList params;
        for (const ReturnClaimRequest::Line &line : asked.lines) {
            values.append(QStringLiteral("(CAST(? AS TEXT), CAST(? AS INTEGER))"));
            params += QVariantList { line.lineId, line.quantity };
        }
        params.append(lines.keyValue);
        params += claimRow;
        params.append(int(asked.lines.size()));
        const QString keyType = order.origin == Core::ReturnOrigin::WebOrder
            ? QStringLiteral("BIGINT")
            : QStringLiteral("TEXT");
        auto done = m_db.execKept(QStringLiteral("WITH v(line_id, q) AS (VALUES ")
                + values.join(QStringLiteral(", ")) + QStringLiteral("), u AS (UPDATE ")
                + lines.table
                + QStringLiteral(" t SET returned_quantity = t.returned_quantity + v.q FROM v "
                                 "WHERE t.")
                + lines.key + QStringLiteral(" = CAST(? AS ") + keyType
                + QStringLiteral(
                    ") AND t.line_id = v.line_id AND t.returned_quantity + v.q <= t.quantity "
                    "RETURNING t.line_id, t.returned_quantity, v.q), c AS (INSERT INTO "
                    "return_claims(claim_id, return_id, origin, origin_number, origin_sale_id, "
                    "store_code, device_id, state, created_at) SELECT CAST(? AS TEXT), CAST(? "
                    "AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS "
                    "TEXT), CAST(? AS TEXT), 'claimed', CAST(? AS TEXT) WHERE (SELECT COUNT(*) "
                    "FROM u) = CAST(? AS INTEGER) RETURNING claim_id), cl AS (INSERT INTO "
                    "return_claim_lines(claim_id, line_id, quantity, returned_before) SELECT "
                    "c.claim_id, u.line_id, u.q, u.returned_quantity - u.q FROM c, u) SELECT "
                    "'c', '', 0 FROM c UNION ALL SELECT 'u', line_id, returned_quantity FROM u"),
            params);
        if (!done) {
            if (done.error().detail.startsWith(QLatin1String("[23505]")))
                return Core::Error::make(raced, QString(), asked.claimId);
            return done.error();
        }
        bool inserted = false;
        while (done.value().next()) {
            if (done.value().value(0).toString() == QLatin1String("c"))
                inserted = true;
            else
                returnedNow.insert(done.value().value(1).toString(), done.value().value(2).toInt());
        }
        if (!inserted)
            return Core::Error::make(taken, QString(), asked.claimId);
        return Core::success();
    };
    // SQLite (one writer at a time under BEGIN IMMEDIATE): the same, statement by statement.
    const QString claimSql = QStringLiteral("UPDATE ") + lines.table
        + QStringLiteral(" SET returned_quantity = returned_quantity + ? WHERE ") + lines.key
        + QStringLiteral(" = ? AND line_id = ? AND returned_quantity + ? <= quantity RETURNING "
                         "returned_quantity");
    auto claimOnSqlite = [&]() -> Core::Status {
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO return_claims(claim_id, return_id, origin, origin_number, "
                           "origin_sale_id, store_code, device_id, state, created_at) VALUES (?, "
                           "?, ?, ?, ?, ?, ?, 'claimed', ?) ON CONFLICT(claim_id) DO NOTHING "
                           "RETURNING claim_id"),
            claimRow);
        if (!inserted)
            return inserted.error();
        if (!inserted.value().next())
            return Core::Error::make(raced, QString(), asked.claimId);
        // The statements that decide: a line counts only while enough of it is left.
        QList<QVariantList> claimLines;
        for (const ReturnClaimRequest::Line &line : asked.lines) {
            auto updated = m_db.exec(
                claimSql, { line.quantity, lines.keyValue, line.lineId, line.quantity });
            if (!updated)
                return updated.error();
            if (!updated.value().next())
                return Core::Error::make(taken, QString(), line.lineId);
            const int now = updated.value().value(0).toInt();
            returnedNow.insert(line.lineId, now);
            claimLines.append({ asked.claimId, line.lineId, line.quantity, now - line.quantity });
        }
        // Each line with what was returned just before this claim (the return handler's
        // "returned before" for this claim's return, whatever is claimed after it).
        return m_db.insertRows(QStringLiteral("return_claim_lines"),
            { QStringLiteral("claim_id"), QStringLiteral("line_id"), QStringLiteral("quantity"),
                QStringLiteral("returned_before") },
            claimLines);
    };
    auto claimOnce = [&]() -> Core::Status {
        returnedNow.clear();
        return m_db.dialect() == Dialect::Postgres ? claimOnPostgres() : claimOnSqlite();
    };
    const Core::Status done = m_db.dialect() == Dialect::Postgres && asked.lines.size() == 1
        ? m_db.autocommit(claimOnce)
        : m_db.transaction(claimOnce);
    if (!done) {
        if (done.error().code == raced) {
            auto existing = loadClaim(m_db, asked.claimId);
            if (!existing)
                return internal(existing.error());
            if (!existing.value())
                return internal(Core::Error::make(QStringLiteral("db.error"), QString(),
                    QStringLiteral("claim %1 raced and vanished").arg(asked.claimId)));
            return answerExisting(*existing.value());
        }
        if (done.error().code == taken) {
            auto now = loadReturnableOrder(m_db, asked.origin, order.number, order.saleId);
            if (!now)
                return internal(now.error());
            // A retry of a claim granted before finds less left now: the claim answers.
            return unlessExisting(quantityConflict(now.value(), asked.lines,
                QStringLiteral("returned elsewhere meanwhile: only part of it is still "
                               "returnable")));
        }
        return internal(done.error());
    }
    for (Core::ReturnableLine &line : order.lines) {
        if (auto it = returnedNow.constFind(line.lineId); it != returnedNow.constEnd())
            line.returned = *it;
    }
    const ReturnClaim granted { asked.claimId, asked.returnId, order.number,
        ReturnClaim::State::Claimed, sortedLines(asked.lines), order };
    return ApiReply::json(granted.toJson(), 201);
}

ApiReply ReturnsController::release(const ApiRequest &request)
{
    const QString claimId = claimIdFromPath(request);
    enum class Answer { Released, Used, Unknown } answer = Answer::Unknown;
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        // The event applier holds this lock while it checks and applies a batch: a release
        // and the return that uses the claim never both win.
        if (Core::Status locked = m_db.lockFeed(); !locked)
            return locked;
        auto released = m_db.exec(
            QStringLiteral("UPDATE return_claims SET state = 'released' WHERE claim_id = ? AND "
                           "store_code = ? AND state = 'claimed' RETURNING origin, "
                           "origin_sale_id"),
            { claimId, request.device->locationCode });
        if (!released)
            return released.error();
        if (released.value().next()) {
            const LineTable lines = lineTable(originFromName(released.value().value(0).toString()),
                released.value().value(1).toString());
            auto claimed = m_db.exec(
                QStringLiteral(
                    "SELECT line_id, quantity FROM return_claim_lines WHERE claim_id = ?"),
                { claimId });
            if (!claimed)
                return claimed.error();
            QList<QPair<QString, int>> giveBack;
            while (claimed.value().next())
                giveBack.append(
                    { claimed.value().value(0).toString(), claimed.value().value(1).toInt() });
            for (const auto &[lineId, quantity] : giveBack) {
                auto back = m_db.exec(QStringLiteral("UPDATE ") + lines.table
                        + QStringLiteral(" SET returned_quantity = returned_quantity - ? WHERE ")
                        + lines.key
                        + QStringLiteral(" = ? AND line_id = ? AND returned_quantity >= ?"),
                    { quantity, lines.keyValue, lineId, quantity });
                if (!back)
                    return back.error();
            }
            answer = Answer::Released;
            return Core::success();
        }
        auto state = m_db.exec(
            QStringLiteral("SELECT state FROM return_claims WHERE claim_id = ? AND store_code = ?"),
            { claimId, request.device->locationCode });
        if (!state)
            return state.error();
        if (!state.value().next())
            answer = Answer::Unknown;
        else
            answer = state.value().value(0).toString() == QLatin1String("used") ? Answer::Used
                                                                                : Answer::Released;
        return Core::success();
    });
    if (!done)
        return internal(done.error());
    if (answer == Answer::Used)
        return refuse(ApiErrorKind::Conflict, QStringLiteral("claim.used"),
            QStringLiteral("a return used this claim"));
    if (answer == Answer::Unknown)
        return refuse(ApiErrorKind::NotFound, QStringLiteral("claim.unknown"),
            QStringLiteral("this store holds no claim with this id"));
    return ApiReply::json({ { QStringLiteral("claimId"), claimId },
        { QStringLiteral("state"), QStringLiteral("released") } });
}

ApiReply ReturnsController::status(const ApiRequest &request)
{
    const QString claimId = claimIdFromPath(request);
    auto existing = loadClaim(m_db, claimId);
    if (!existing)
        return internal(existing.error());
    if (!existing.value())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("claim.unknown"),
            QStringLiteral("no claim with this id: nothing was taken"));
    auto described = describe(m_db, *existing.value());
    if (!described)
        return internal(described.error());
    return ApiReply::json(described->toJson());
}

} // namespace Toonbank::Sync::Server
