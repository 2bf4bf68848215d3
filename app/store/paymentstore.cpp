#include "paymentstore.h"

#include "localdatabase.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Store {

using Core::Error;
using Core::Money;
using Core::Tr;

namespace {

Error storeFailed(const QSqlQuery &query)
{
    return Error::make(QStringLiteral("pay.store_failed"),
        Tr::tr("The payment could not be saved on this tablet. Nothing was charged; please try "
               "again."),
        query.lastError().text());
}

QString notNull(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QVariant isoOrNull(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QDateTime parseIso(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

const QString sessionColumns = QStringLiteral(
    "id, sale_uuid, basket_json, sale_json, total_cents, customer_code, coupon_codes, staff_id, "
    "started_at, finished_at, state");

PaymentSessionRecord readSession(const QSqlQuery &q)
{
    PaymentSessionRecord s;
    s.id = q.value(0).toLongLong();
    s.saleId = q.value(1).toString();
    s.basketJson = q.value(2).toString().toUtf8();
    s.saleJson = q.value(3).toString().toUtf8();
    s.total = Money::fromCents(q.value(4).toLongLong());
    s.customerCode = q.value(5).toString();
    for (const QJsonValue &code : QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array())
        s.couponCodes.append(code.toString());
    s.staffId = q.value(7).toLongLong();
    s.startedAt = parseIso(q.value(8));
    s.finishedAt = parseIso(q.value(9));
    s.state = q.value(10).toString();
    return s;
}

const QString tenderColumns = QStringLiteral(
    "claim_id, session_id, sale_uuid, position, method, amount_cents, tendered_cents, "
    "change_cents, state, reference, masked_pan, card_brand, auth_code, poi_timestamp, points, "
    "balance_left_cents, detail, created_at, updated_at");

PaymentTenderRecord readTender(const QSqlQuery &q)
{
    PaymentTenderRecord t;
    t.claimId = q.value(0).toString();
    t.sessionId = q.value(1).toLongLong();
    t.saleId = q.value(2).toString();
    t.position = q.value(3).toInt();
    t.method = q.value(4).toString();
    t.amount = Money::fromCents(q.value(5).toLongLong());
    t.tendered = Money::fromCents(q.value(6).toLongLong());
    t.change = Money::fromCents(q.value(7).toLongLong());
    t.state = q.value(8).toString();
    t.reference = q.value(9).toString();
    t.maskedPan = q.value(10).toString();
    t.cardBrand = q.value(11).toString();
    t.authCode = q.value(12).toString();
    t.poiTimestamp = parseIso(q.value(13));
    t.points = q.value(14).toLongLong();
    if (!q.value(15).isNull())
        t.balanceLeft = Money::fromCents(q.value(15).toLongLong());
    t.detail = q.value(16).toString();
    t.createdAt = parseIso(q.value(17));
    t.updatedAt = parseIso(q.value(18));
    return t;
}

Core::Status writeTenderState(QSqlQuery &q, const PaymentTenderRecord &t)
{
    if (!run(q,
            QStringLiteral(
                "UPDATE payment_tenders SET state = ?, amount_cents = ?, tendered_cents = ?, "
                "change_cents = ?, reference = ?, masked_pan = ?, card_brand = ?, auth_code = ?, "
                "poi_timestamp = ?, points = ?, balance_left_cents = ?, detail = ?, "
                "updated_at = ? WHERE claim_id = ?"),
            { t.state, t.amount.cents(), t.tendered.cents(), t.change.cents(), notNull(t.reference),
                notNull(t.maskedPan), notNull(t.cardBrand), notNull(t.authCode),
                isoOrNull(t.poiTimestamp), t.points,
                t.balanceLeft ? QVariant(t.balanceLeft->cents()) : QVariant(), notNull(t.detail),
                isoOrNull(t.updatedAt), t.claimId }))
        return storeFailed(q);
    if (q.numRowsAffected() != 1)
        return Error::make(QStringLiteral("pay.store_failed"),
            Tr::tr("The payment could not be saved on this tablet."),
            QStringLiteral("no tender %1").arg(t.claimId));
    return Core::success();
}

} // namespace

PaymentStore::PaymentStore(LocalDatabase &database)
    : m_db(database)
{ }

Core::Status PaymentStore::durable(const std::function<Core::Status()> &work)
{
    // A tender must be on disk before the terminal or the server is asked: FULL syncs the WAL
    // at the commit (the connection's default, NORMAL, may lose the last commits on power
    // loss).
    QSqlQuery pragma(m_db.connection());
    pragma.exec(QStringLiteral("PRAGMA synchronous"));
    const QVariant previous = pragma.next() ? pragma.value(0) : QVariant(1);
    pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    const Core::Status status = m_db.transaction(work);
    pragma.exec(QStringLiteral("PRAGMA synchronous=%1").arg(previous.toInt()));
    return status;
}

Core::Result<qint64> PaymentStore::openSession(const PaymentSessionRecord &session)
{
    qint64 id = 0;
    const Core::Status status = durable([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(
                q, QStringLiteral("SELECT count(*) FROM payment_sessions WHERE state = 'open'"), {})
            || !q.next())
            return storeFailed(q);
        if (q.value(0).toInt() > 0)
            return Error::make(QStringLiteral("pay.already_open"),
                Tr::tr("Another payment is still open on this tablet. Finish or cancel it "
                       "first."));
        if (!run(q,
                QStringLiteral(
                    "INSERT INTO payment_sessions(sale_uuid, basket_json, sale_json, "
                    "total_cents, customer_code, coupon_codes, staff_id, started_at, state) "
                    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, 'open')"),
                { session.saleId, QString::fromUtf8(session.basketJson),
                    QString::fromUtf8(session.saleJson), session.total.cents(),
                    notNull(session.customerCode),
                    QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(session.couponCodes))
                                          .toJson(QJsonDocument::Compact)),
                    session.staffId, isoOrNull(session.startedAt) }))
            return storeFailed(q);
        id = q.lastInsertId().toLongLong();
        return Core::success();
    });
    if (!status)
        return status.error();
    return id;
}

Core::Result<std::optional<PaymentSessionRecord>> PaymentStore::openedSession() const
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("SELECT %1 FROM payment_sessions WHERE state = 'open' LIMIT 1")
                .arg(sessionColumns),
            {}))
        return storeFailed(q);
    if (!q.next())
        return std::optional<PaymentSessionRecord>();
    return std::optional<PaymentSessionRecord>(readSession(q));
}

Core::Result<PaymentSessionRecord> PaymentStore::session(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    if (!run(q, QStringLiteral("SELECT %1 FROM payment_sessions WHERE id = ?").arg(sessionColumns),
            { id }))
        return storeFailed(q);
    if (!q.next())
        return Error::make(QStringLiteral("pay.not_open"),
            Tr::tr("This payment is no longer open."), QStringLiteral("session %1").arg(id));
    return readSession(q);
}

Core::Status PaymentStore::finishSession(qint64 id, const QString &state, const QDateTime &at)
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("UPDATE payment_sessions SET state = ?, finished_at = ? "
                           "WHERE id = ? AND state = 'open'"),
            { state, isoOrNull(at), id }))
        return storeFailed(q);
    if (q.numRowsAffected() != 1)
        return Error::make(QStringLiteral("pay.not_open"),
            Tr::tr("This payment is no longer open."), QStringLiteral("session %1").arg(id));
    return Core::success();
}

Core::Status PaymentStore::cancelSession(
    qint64 id, const QList<PaymentTenderRecord> &tenders, const QDateTime &at)
{
    return durable([&]() -> Core::Status {
        if (const Core::Status finished = finishSession(id, QStringLiteral("cancelled"), at);
            !finished)
            return finished;
        QSqlQuery q(m_db.connection());
        for (const PaymentTenderRecord &tender : tenders) {
            if (const Core::Status written = writeTenderState(q, tender); !written)
                return written;
        }
        return Core::success();
    });
}

Core::Result<int> PaymentStore::addTender(const PaymentTenderRecord &t)
{
    int position = 0;
    const Core::Status status = durable([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral("SELECT coalesce(max(position), 0) + 1 FROM payment_tenders "
                               "WHERE session_id = ?"),
                { t.sessionId })
            || !q.next())
            return storeFailed(q);
        position = q.value(0).toInt();
        if (!run(q,
                QStringLiteral("INSERT INTO payment_tenders(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .arg(tenderColumns),
                { t.claimId, t.sessionId, t.saleId, position, t.method, t.amount.cents(),
                    t.tendered.cents(), t.change.cents(), t.state, notNull(t.reference),
                    notNull(t.maskedPan), notNull(t.cardBrand), notNull(t.authCode),
                    isoOrNull(t.poiTimestamp), t.points,
                    t.balanceLeft ? QVariant(t.balanceLeft->cents()) : QVariant(),
                    notNull(t.detail), isoOrNull(t.createdAt), isoOrNull(t.updatedAt) }))
            return storeFailed(q);
        return Core::success();
    });
    if (!status)
        return status.error();
    return position;
}

Core::Status PaymentStore::updateTender(const PaymentTenderRecord &tender)
{
    return durable([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        return writeTenderState(q, tender);
    });
}

Core::Result<QList<PaymentTenderRecord>> PaymentStore::tenders(qint64 sessionId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT %1 FROM payment_tenders WHERE session_id = ? ORDER BY position")
                .arg(tenderColumns),
            { sessionId }))
        return storeFailed(q);
    QList<PaymentTenderRecord> all;
    while (q.next())
        all.append(readTender(q));
    return all;
}

Core::Result<QList<PaymentTenderRecord>> PaymentStore::unfinishedTenders() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT %1 FROM payment_tenders WHERE state IN ('pending', "
                           "'reversing') ORDER BY created_at, session_id, position")
                .arg(tenderColumns),
            {}))
        return storeFailed(q);
    QList<PaymentTenderRecord> all;
    while (q.next())
        all.append(readTender(q));
    return all;
}

Core::Result<qint64> PaymentStore::pendingRedemptions(const QString &cardNumber) const
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("SELECT (SELECT coalesce(sum(t.points), 0) FROM payment_tenders t "
                           "JOIN payment_sessions s ON s.id = t.session_id "
                           "WHERE t.method = 'loyalty_points' AND t.reference = ? "
                           "AND t.state IN ('pending', 'settled') AND s.state = 'open') + "
                           "(SELECT coalesce(sum(s.points_redeemed), 0) FROM loyalty_pending p "
                           "JOIN sales s ON s.sale_uuid = p.sale_uuid WHERE p.card_number = ?)"),
            { cardNumber, cardNumber })
        || !q.next())
        return storeFailed(q);
    return q.value(0).toLongLong();
}

} // namespace Toonbank::Store
