#include "controllers.h"
#include "journalstore.h"
#include "mailer.h"

#include "serverdatabase.h"

#include "sync/protocol/changefeed.h"
#include "sync/protocol/enrolment.h"
#include "sync/protocol/jsonreader.h"
#include "sync/protocol/pushbatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrlQuery>

namespace Toonbank::Sync::Server {

ApiReply StatusController::status(const ApiRequest &)
{
    return ApiReply::json({ { QStringLiteral("status"), QStringLiteral("ok") },
        { QStringLiteral("protocol"), Protocol::protocolVersion },
        { QStringLiteral("schema"), m_db.schemaVersion() },
        { QStringLiteral("database"),
            m_db.dialect() == Dialect::Sqlite ? QStringLiteral("sqlite")
                                              : QStringLiteral("postgresql") } });
}

ApiReply EnrolmentController::enrol(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Core::Result<Protocol::EnrolRequest> parsed
        = Protocol::EnrolRequest::fromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    auto enrolled = m_devices.enrol(parsed.value(), m_caPem);
    if (auto *error = std::get_if<ApiError>(&enrolled))
        return ApiReply::error(*error);
    return ApiReply::json(std::get<Protocol::EnrolResponse>(enrolled).toJson());
}

ApiReply EventsController::push(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Core::Result<Protocol::PushRequest> parsed
        = Protocol::PushRequest::fromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    if (parsed->deviceId != request.device->deviceId)
        return ApiReply::error({ ApiErrorKind::Forbidden, QStringLiteral("scope.device"),
            QStringLiteral("a device can only push its own events") });
    // The journal first, in its own transaction: its entries are stored (and verified)
    // whether or not the events apply, so a rejected event never leaves a gap in it.
    Core::Result<qint64> journalSeq
        = JournalStore(m_db).receive(request.device->deviceId, parsed->journal);
    if (!journalSeq)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, journalSeq.error()));
    if (parsed->events.isEmpty()) {
        Protocol::PushResponse response;
        response.journalSeq = journalSeq.value();
        return ApiReply::json(response.toJson());
    }
    auto applied = m_applier.apply(*request.device, parsed.value());
    if (auto *error = std::get_if<ApiError>(&applied))
        return ApiReply::error(*error);
    auto &outcome = std::get<EventApplier::Outcome>(applied);
    outcome.response.journalSeq = journalSeq.value();
    QJsonObject json = outcome.response.toJson();
    if (!outcome.anyRejected)
        return ApiReply::json(json);
    // 422: the batch was refused as a whole; results say which events were invalid.
    json.insert(QStringLiteral("error"),
        QJsonObject { { QStringLiteral("code"), QStringLiteral("events.rejected") },
            { QStringLiteral("message"),
                QStringLiteral("the batch holds invalid events; nothing was applied") } });
    return ApiReply::json(json, httpStatus(ApiErrorKind::Unprocessable));
}

ApiReply EventsController::rejected(const ApiRequest &request)
{
    auto query = m_db.exec(
        QStringLiteral(
            "SELECT event_id, device_seq, type, reason_code, reason, received_at FROM events "
            "WHERE device_id = ? AND status = 'rejected' ORDER BY device_seq LIMIT 1000"),
        { request.device->deviceId });
    if (!query)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, query.error()));
    QJsonArray items;
    while (query.value().next()) {
        QSqlQuery &q = query.value();
        items.append(QJsonObject { { QStringLiteral("eventId"), q.value(0).toString() },
            { QStringLiteral("deviceSeq"), q.value(1).toLongLong() },
            { QStringLiteral("type"), q.value(2).toString() },
            { QStringLiteral("code"), q.value(3).toString() },
            { QStringLiteral("reason"), q.value(4).toString() },
            { QStringLiteral("receivedAt"), q.value(5).toString() } });
    }
    return ApiReply::json({ { QStringLiteral("rejected"), items } });
}

ApiReply ChangesController::changes(const ApiRequest &request)
{
    const QUrlQuery query = request.http.query();
    for (const auto &[key, value] : query.queryItems()) {
        if (key != QLatin1String("since") && key != QLatin1String("limit")
            && key != QLatin1String("kind") && key != QLatin1String("until")
            && key != QLatin1String("only"))
            return ApiReply::error(
                { ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_field"),
                    QStringLiteral("unknown query parameter %1").arg(key.left(40)) });
    }
    bool sinceOk = true;
    bool limitOk = true;
    const qint64 since = query.hasQueryItem(QStringLiteral("since"))
        ? query.queryItemValue(QStringLiteral("since")).toLongLong(&sinceOk)
        : 0;
    const qint64 limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toLongLong(&limitOk)
        : Protocol::defaultChangePageSize;
    if (!sinceOk || since < 0)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("since must be a whole number >= 0") });
    if (!limitOk || limit < 1 || limit > Protocol::maxChangePageSize)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("limit must be 1 to %1").arg(Protocol::maxChangePageSize) });
    const QString kindName = query.hasQueryItem(QStringLiteral("kind"))
        ? query.queryItemValue(QStringLiteral("kind"))
        : Protocol::name(Protocol::FeedKind::Catalog);
    const std::optional<Protocol::FeedKind> kind = Protocol::feedKindFromName(kindName);
    if (!kind)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_kind"),
            QStringLiteral("unknown feed kind %1").arg(kindName.left(40)) });
    FeedWindow window;
    if (query.hasQueryItem(QStringLiteral("until"))) {
        bool untilOk = false;
        window.until = query.queryItemValue(QStringLiteral("until")).toLongLong(&untilOk);
        if (!untilOk || window.until < since)
            return ApiReply::error(
                { ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
                    QStringLiteral("until must be a whole number >= since") });
    }
    if (query.hasQueryItem(QStringLiteral("only"))) {
        window.only = query.queryItemValue(QStringLiteral("only"))
                          .split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (window.only.isEmpty())
            return ApiReply::error(
                { ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_section"),
                    QStringLiteral("only names no section") });
    }
    auto page = m_reader.page(*request.device, *kind, since, int(limit), window);
    if (auto *error = std::get_if<ApiError>(&page))
        return ApiReply::error(*error);
    ApiReply reply;
    reply.body = std::move(std::get<QByteArray>(page));
    return reply;
}

namespace {

const QString customerColumns = QStringLiteral(
    "c.id, c.card_number, c.name, COALESCE(c.email, ''), COALESCE(c.phone, ''), "
    "c.points_balance, c.tier, c.lifetime_points, COALESCE(l.code, ''), c.consent_email, "
    "c.consent_sms, c.consent_personalised, c.consent_changed_at, c.last_seen_at");
const QString customerFrom
    = QStringLiteral(" FROM customers c LEFT JOIN locations l ON l.id = c.home_location_id ");

Protocol::CustomerData customerFromQuery(const QSqlQuery &q)
{
    Protocol::CustomerData c;
    c.id = q.value(0).toLongLong();
    c.code = q.value(1).toString();
    c.name = q.value(2).toString();
    c.email = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.loyaltyPoints = q.value(5).toLongLong();
    c.tier = q.value(6).toString();
    c.lifetimePoints = q.value(7).toLongLong();
    c.homeStoreCode = q.value(8).toString();
    c.consentEmail = q.value(9).toInt() != 0;
    c.consentSms = q.value(10).toInt() != 0;
    c.consentPersonalised = q.value(11).toInt() != 0;
    c.consentChangedAt = QDateTime::fromString(q.value(12).toString(), Qt::ISODateWithMs);
    c.lastSeenAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    return c;
}

ApiReply internal(const Core::Error &error)
{
    return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, error));
}

} // namespace

ApiReply CustomersController::search(const ApiRequest &request)
{
    const QUrlQuery query = request.http.query();
    const QString text = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed();
    if (text.size() < 2 || text.size() > 100)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("q must be 2 to 100 characters") });
    // Exact card, e-mail or phone (a phone typed "06…" is matched on its last nine digits),
    // else the name contains the text.
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    const QString phoneTail = digits.size() >= 9 ? digits.right(9) : QStringLiteral("-");
    QString pattern = text.toLower();
    pattern.replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString());
    auto found = m_db.exec(QStringLiteral("SELECT ") + customerColumns + customerFrom
            + QStringLiteral("WHERE c.card_number = ? OR c.email = ? OR c.phone LIKE ? OR "
                             "LOWER(c.name) LIKE ? ORDER BY c.name, c.id LIMIT 20"),
        { text, text.toLower(), QStringLiteral("%") + phoneTail,
            QStringLiteral("%") + pattern + QStringLiteral("%") });
    if (!found)
        return internal(found.error());
    QJsonArray items;
    while (found.value().next())
        items.append(Protocol::toJson(customerFromQuery(found.value())));
    return ApiReply::json({ { QStringLiteral("customers"), items } });
}

ApiReply CustomersController::profile(const ApiRequest &request)
{
    bool ok = false;
    const qint64 id = request.http.query().queryItemValue(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("id must be a customer id") });
    auto customer = m_db.exec(QStringLiteral("SELECT ") + customerColumns + customerFrom
            + QStringLiteral("WHERE c.id = ?"),
        { id });
    if (!customer)
        return internal(customer.error());
    if (!customer.value().next())
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("customer.unknown"),
            QStringLiteral("no such customer") });
    QJsonObject body { { QStringLiteral("customer"),
        Protocol::toJson(customerFromQuery(customer.value())) } };

    auto ledger = m_db.exec(
        QStringLiteral("SELECT event_id, points, reason, sale_id, created_at FROM loyalty_ledger "
                       "WHERE customer_id = ? ORDER BY created_at DESC LIMIT 200"),
        { id });
    if (!ledger)
        return internal(ledger.error());
    QJsonArray entries;
    while (ledger.value().next()) {
        const QSqlQuery &q = ledger.value();
        entries.append(QJsonObject { { QStringLiteral("eventId"), q.value(0).toString() },
            { QStringLiteral("points"), q.value(1).toLongLong() },
            { QStringLiteral("reason"), q.value(2).toString() },
            { QStringLiteral("saleId"), q.value(3).toString() },
            { QStringLiteral("at"), q.value(4).toString() } });
    }
    body.insert(QStringLiteral("ledger"), entries);

    auto sales = m_db.exec(
        QStringLiteral("SELECT sale_id, receipt_number, store_code, sold_at, total_cents, "
                       "points_earned FROM sales WHERE customer_id = ? AND training = 0 "
                       "ORDER BY sold_at DESC LIMIT 100"),
        { id });
    if (!sales)
        return internal(sales.error());
    QJsonArray purchases;
    while (sales.value().next()) {
        const QSqlQuery &q = sales.value();
        purchases.append(QJsonObject { { QStringLiteral("channel"), QStringLiteral("store") },
            { QStringLiteral("id"), q.value(0).toString() },
            { QStringLiteral("reference"), q.value(1).toString() },
            { QStringLiteral("storeCode"), q.value(2).toString() },
            { QStringLiteral("at"), q.value(3).toString() },
            { QStringLiteral("totalCents"), q.value(4).toLongLong() },
            { QStringLiteral("pointsEarned"), q.value(5).toLongLong() } });
    }
    // Web orders keep their customer inside the imported document.
    const QString webCustomer = m_db.dialect() == Dialect::Postgres
        ? QStringLiteral("((w.data::jsonb)->>'customerId')::BIGINT")
        : QStringLiteral("json_extract(w.data, '$.customerId')");
    auto orders = m_db.exec(QStringLiteral("SELECT w.order_number, COALESCE(l.code, ''), w.data "
                                           "FROM web_orders w LEFT JOIN locations l ON l.id = "
                                           "w.location_id WHERE ")
            + webCustomer + QStringLiteral(" = ? ORDER BY w.id DESC LIMIT 100"),
        { id });
    if (!orders)
        return internal(orders.error());
    while (orders.value().next()) {
        const QSqlQuery &q = orders.value();
        const QJsonObject data = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        purchases.append(QJsonObject { { QStringLiteral("channel"), QStringLiteral("web") },
            { QStringLiteral("id"), q.value(0).toString() },
            { QStringLiteral("reference"), q.value(0).toString() },
            { QStringLiteral("storeCode"), q.value(1).toString() },
            { QStringLiteral("status"), data.value(QStringLiteral("status")).toString() },
            { QStringLiteral("totalCents"),
                data.value(QStringLiteral("totalCents")).toInteger() } });
    }
    body.insert(QStringLiteral("purchases"), purchases);
    return ApiReply::json(body);
}

ApiReply CouponsController::claim(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Protocol::JsonReader r(std::get<QJsonObject>(body), QStringLiteral("claim"));
    const QString code = r.string(QStringLiteral("code")).trimmed().toUpper();
    const QString saleId = r.string(QStringLiteral("saleId"));
    r.rejectUnknownFields();
    if (!r.ok())
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, r.error()));
    if (code.isEmpty() || saleId.isEmpty())
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.missing_field"),
            QStringLiteral("code and saleId are required") });
    auto coupon = m_db.exec(QStringLiteral("SELECT 1 FROM promotions WHERE UPPER(coupon_code) = ? "
                                           "AND single_use = 1"),
        { code });
    if (!coupon)
        return internal(coupon.error());
    if (!coupon.value().next())
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("coupon.unknown"),
            QStringLiteral("no single-use coupon with this code") });
    // One statement decides: the primary key on the code lets exactly one claim in.
    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO coupon_claims(code, claimed_by_sale, device_id, claimed_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT(code) DO NOTHING RETURNING code"),
        { code, saleId, request.device->deviceId,
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) });
    if (!inserted)
        return internal(inserted.error());
    if (!inserted.value().next()) {
        auto holder = m_db.exec(
            QStringLiteral("SELECT claimed_by_sale FROM coupon_claims WHERE code = ?"), { code });
        if (!holder)
            return internal(holder.error());
        if (!holder.value().next() || holder.value().value(0).toString() != saleId)
            return ApiReply::error({ ApiErrorKind::Conflict, QStringLiteral("coupon.claimed"),
                QStringLiteral("this coupon was already used") });
    }
    return ApiReply::json({ { QStringLiteral("code"), code }, { QStringLiteral("saleId"), saleId },
        { QStringLiteral("claimed"), true } });
}

ApiReply CouponsController::release(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Protocol::JsonReader r(std::get<QJsonObject>(body), QStringLiteral("release"));
    const QString code = r.string(QStringLiteral("code")).trimmed().toUpper();
    const QString saleId = r.string(QStringLiteral("saleId"));
    r.rejectUnknownFields();
    if (!r.ok())
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, r.error()));
    if (code.isEmpty() || saleId.isEmpty())
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.missing_field"),
            QStringLiteral("code and saleId are required") });
    enum class Answer { Released, Consumed, NotClaimed } answer = Answer::NotClaimed;
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        // The event applier holds this lock while it checks and applies a batch.
        if (Core::Status locked = m_db.lockFeed(); !locked)
            return locked;
        auto deleted = m_db.exec(
            QStringLiteral("DELETE FROM coupon_claims WHERE code = ? AND claimed_by_sale = ? AND "
                           "device_id = ? AND NOT EXISTS(SELECT 1 FROM sales WHERE sale_id = ?) "
                           "RETURNING code"),
            { code, saleId, request.device->deviceId, saleId });
        if (!deleted)
            return deleted.error();
        if (deleted.value().next()) {
            answer = Answer::Released;
            return Core::success();
        }
        auto applied = m_db.exec(
            QStringLiteral("SELECT 1 FROM coupon_claims c JOIN sales s ON s.sale_id = "
                           "c.claimed_by_sale WHERE c.code = ? AND c.claimed_by_sale = ? AND "
                           "c.device_id = ?"),
            { code, saleId, request.device->deviceId });
        if (!applied)
            return applied.error();
        answer = applied.value().next() ? Answer::Consumed : Answer::NotClaimed;
        return Core::success();
    });
    if (!done)
        return internal(done.error());
    if (answer == Answer::Consumed)
        return ApiReply::error({ ApiErrorKind::Conflict, QStringLiteral("coupon.consumed"),
            QStringLiteral("the sale that used this coupon was completed") });
    if (answer == Answer::NotClaimed)
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("coupon.not_claimed"),
            QStringLiteral("this device holds no claim of this coupon for that sale") });
    return ApiReply::json({ { QStringLiteral("code"), code }, { QStringLiteral("saleId"), saleId },
        { QStringLiteral("released"), true } });
}

ApiReply MailController::failed(const ApiRequest &request)
{
    const QUrlQuery query = request.http.query();
    const QString store = query.hasQueryItem(QStringLiteral("store"))
        ? query.queryItemValue(QStringLiteral("store"))
        : request.device->locationCode;
    if (store != request.device->locationCode)
        return ApiReply::error({ ApiErrorKind::Forbidden, QStringLiteral("scope.location"),
            QStringLiteral("a device sees the mail of its own store only") });
    auto mails = listMail(m_db, true, store, 1000);
    if (!mails)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, mails.error()));
    QJsonArray items;
    for (const QueuedMail &m : mails.value()) {
        items.append(QJsonObject { { QStringLiteral("id"), m.id },
            { QStringLiteral("saleId"), m.saleId },
            { QStringLiteral("receiptNumber"), m.receiptNumber },
            { QStringLiteral("address"), m.address }, { QStringLiteral("attempts"), m.attempts },
            { QStringLiteral("lastError"), m.lastError },
            { QStringLiteral("createdAt"), m.createdAt } });
    }
    return ApiReply::json({ { QStringLiteral("messages"), items } });
}

} // namespace Toonbank::Sync::Server
