#include "customercache.h"

#include "datacipher.h"
#include "localdatabase.h"
#include "storeerrors.h"

#include "app/core/tr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace Toonbank::Store {

namespace {

const char *const phoneDomain = "phone";
const char *const emailDomain = "email";
const char *const nameDomain = "name";

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString(QLatin1String(""));
}

QVariant isoOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(iso(time)) : QVariant(QMetaType(QMetaType::QString));
}

QDateTime fromIso(const QVariant &value)
{
    if (value.isNull() || value.toString().isEmpty())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QString notNull(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

Core::Error failed(const QSqlQuery &query)
{
    return Internal::queryFailed(query.lastError().text());
}

Core::Error notFound(const QString &cardNumber)
{
    return Core::Error::make(QStringLiteral("customer.not_found"),
        Core::Tr::tr("No customer with this card is known on this tablet."),
        QStringLiteral("card %1").arg(cardNumber));
}

const QString columns = QStringLiteral(
    "card_number, server_id, local_id, name_sealed, email_sealed, phone_sealed, tier, "
    "points_balance, lifetime_points, home_store_code, consent_email, consent_sms, "
    "consent_personalised, consent_changed_at, last_seen_at");

} // namespace

CustomerCache::CustomerCache(LocalDatabase &database)
    : m_db(database)
{ }

CustomerCache::~CustomerCache() = default;

QSqlQuery &CustomerCache::prepared(const QString &sql, const QVariantList &values, bool *ok) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db.connection());
        query.setForwardOnly(true);
        *ok = query.prepare(sql);
        it = m_statements.insert(sql, query);
        if (!*ok)
            return it.value();
    }
    QSqlQuery &query = it.value();
    query.finish();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    *ok = query.exec();
    return query;
}

QStringList CustomerCache::nameTokens(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_D).toLower();
    QString cleaned;
    cleaned.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber())
            cleaned.append(c);
        else if (c.category() != QChar::Mark_NonSpacing)
            cleaned.append(QLatin1Char(' '));
    }
    QStringList tokens = cleaned.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    tokens.removeDuplicates();
    return tokens;
}

Core::Status CustomerCache::ensureCipher() const
{
    if (m_cipher)
        return Core::success();
    auto cipher = Internal::DataCipher::forDatabase(m_db);
    if (!cipher)
        return cipher.error();
    m_cipher = cipher.value();
    return Core::success();
}

Core::Status CustomerCache::writeNameTokens(const QString &cardNumber, const QString &name)
{
    bool ok = false;
    QSqlQuery &remove
        = prepared(QStringLiteral("DELETE FROM customer_name_tokens WHERE card_number = ?"),
            { cardNumber }, &ok);
    if (!ok)
        return failed(remove);
    for (const QString &token : nameTokens(name)) {
        QSqlQuery &insert = prepared(QStringLiteral("INSERT OR IGNORE INTO customer_name_tokens("
                                                    "token_index, card_number) VALUES(?, ?)"),
            { m_cipher->blindIndex(nameDomain, token), cardNumber }, &ok);
        if (!ok)
            return failed(insert);
    }
    return Core::success();
}

Core::Status CustomerCache::addConsentEntry(const QString &cardNumber, bool email, bool sms,
    bool personalised, const QDateTime &at, qint64 staffId, const QString &source)
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral(
                "INSERT INTO consent_history(card_number, consent_email, consent_sms, "
                "consent_personalised, changed_at, staff_id, source) VALUES(?, ?, ?, ?, ?, ?, ?)"),
            { cardNumber, email ? 1 : 0, sms ? 1 : 0, personalised ? 1 : 0, iso(at), staffId,
                source }))
        return failed(q);
    return Core::success();
}

Core::Status CustomerCache::upsertFromServer(const CustomerRecord &r)
{
    if (auto ready = ensureCipher(); !ready)
        return ready;
    return m_db.transaction([&]() -> Core::Status {
        bool ok = false;
        // Consent as cached before, to keep the history when the server reports a change.
        QSqlQuery &before = prepared(
            QStringLiteral("SELECT consent_email, consent_sms, consent_personalised FROM "
                           "customers WHERE card_number = ?"),
            { r.cardNumber }, &ok);
        if (!ok)
            return failed(before);
        const bool existed = before.next();
        const bool consentChanged = existed
            && (before.value(0).toBool() != r.consentEmail
                || before.value(1).toBool() != r.consentSms
                || before.value(2).toBool() != r.consentPersonalised);
        before.finish();
        const qint64 seen = r.lastSeenAt.isValid() ? r.lastSeenAt.toSecsSinceEpoch() : 0;
        QSqlQuery &q = prepared(
            QStringLiteral(
                "INSERT INTO customers(card_number, server_id, local_id, name_sealed, "
                "email_sealed, phone_sealed, email_index, phone_index, tier, "
                "points_balance, lifetime_points, home_store_code, consent_email, "
                "consent_sms, consent_personalised, consent_changed_at, last_seen_at, "
                "seen_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(card_number) DO UPDATE SET server_id = excluded.server_id, "
                "name_sealed = excluded.name_sealed, email_sealed = excluded.email_sealed, "
                "phone_sealed = excluded.phone_sealed, email_index = excluded.email_index, "
                "phone_index = excluded.phone_index, tier = excluded.tier, "
                "points_balance = excluded.points_balance, "
                "lifetime_points = excluded.lifetime_points, "
                "home_store_code = excluded.home_store_code, "
                "consent_email = excluded.consent_email, consent_sms = excluded.consent_sms, "
                "consent_personalised = excluded.consent_personalised, "
                "consent_changed_at = excluded.consent_changed_at, "
                "last_seen_at = excluded.last_seen_at, "
                "seen_at = max(customers.seen_at, excluded.seen_at)"),
            { r.cardNumber, r.id, notNull(r.localId), m_cipher->sealText(r.name),
                r.email.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                  : QVariant(m_cipher->sealText(r.email)),
                r.phone.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                  : QVariant(m_cipher->sealText(r.phone)),
                r.email.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                  : QVariant(m_cipher->blindIndex(emailDomain, r.email)),
                r.phone.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                  : QVariant(m_cipher->blindIndex(phoneDomain, r.phone)),
                r.tier.isEmpty() ? QStringLiteral("basic") : r.tier, r.pointsBalance,
                r.lifetimePoints, notNull(r.homeStoreCode), r.consentEmail ? 1 : 0,
                r.consentSms ? 1 : 0, r.consentPersonalised ? 1 : 0, isoOrNull(r.consentChangedAt),
                isoOrNull(r.lastSeenAt), seen },
            &ok);
        if (!ok)
            return failed(q);
        if (auto tokens = writeNameTokens(r.cardNumber, r.name); !tokens)
            return tokens;
        if (consentChanged) {
            return addConsentEntry(r.cardNumber, r.consentEmail, r.consentSms,
                r.consentPersonalised,
                r.consentChangedAt.isValid() ? r.consentChangedAt : r.lastSeenAt, 0,
                QStringLiteral("server"));
        }
        return Core::success();
    });
}

Core::Status CustomerCache::removeFromServer(const QString &cardNumber)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        for (const char *table : { "customer_name_tokens", "wishlist", "consent_history",
                 "loyalty_pending", "customers" }) {
            if (!run(q,
                    QStringLiteral("DELETE FROM %1 WHERE card_number = ?")
                        .arg(QLatin1String(table)),
                    { cardNumber }))
                return failed(q);
        }
        return Core::success();
    });
}

Core::Status CustomerCache::insertEnrolled(const CustomerRecord &record, qint64 staffId)
{
    if (auto ready = ensureCipher(); !ready)
        return ready;
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q, QStringLiteral("SELECT 1 FROM customers WHERE card_number = ?"),
                { record.cardNumber }))
            return failed(q);
        if (q.next())
            return Core::Error::make(QStringLiteral("customer.duplicate"),
                Core::Tr::tr("A customer with this card number already exists."),
                QStringLiteral("card %1").arg(record.cardNumber));
        q.finish();
        CustomerRecord r = record;
        r.id = 0;
        if (auto done = upsertFromServer(r); !done)
            return done;
        // The enrolment's own consent choices start the history.
        return addConsentEntry(r.cardNumber, r.consentEmail, r.consentSms, r.consentPersonalised,
            r.consentChangedAt, staffId, QStringLiteral("enrolment"));
    });
}

Core::Result<QList<CustomerRecord>> CustomerCache::select(
    const QString &where, const QVariantList &values, int limit) const
{
    if (auto ready = ensureCipher(); !ready)
        return ready.error();
    QString sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM customers ") + where;
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    bool ok = false;
    QSqlQuery &q = prepared(sql, values, &ok);
    // Never leave the statement mid-step: it would hold a read transaction open.
    const auto done = qScopeGuard([&q] { q.finish(); });
    if (!ok)
        return failed(q);
    QList<CustomerRecord> records;
    while (q.next()) {
        CustomerRecord r;
        r.cardNumber = q.value(0).toString();
        r.id = q.value(1).toLongLong();
        r.localId = q.value(2).toString();
        Core::Result<QString> name = m_cipher->openText(q.value(3).toByteArray());
        if (!name)
            return name.error();
        r.name = name.value();
        if (!q.value(4).isNull()) {
            Core::Result<QString> email = m_cipher->openText(q.value(4).toByteArray());
            if (!email)
                return email.error();
            r.email = email.value();
        }
        if (!q.value(5).isNull()) {
            Core::Result<QString> phone = m_cipher->openText(q.value(5).toByteArray());
            if (!phone)
                return phone.error();
            r.phone = phone.value();
        }
        r.tier = q.value(6).toString();
        r.pointsBalance = q.value(7).toLongLong();
        r.lifetimePoints = q.value(8).toLongLong();
        r.homeStoreCode = q.value(9).toString();
        r.consentEmail = q.value(10).toInt() != 0;
        r.consentSms = q.value(11).toInt() != 0;
        r.consentPersonalised = q.value(12).toInt() != 0;
        r.consentChangedAt = fromIso(q.value(13));
        r.lastSeenAt = fromIso(q.value(14));
        records.append(r);
    }
    return records;
}

Core::Result<CustomerRecord> CustomerCache::byCard(const QString &cardNumber) const
{
    auto found = select(QStringLiteral("WHERE card_number = ?"), { cardNumber });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFound(cardNumber);
    return found->first();
}

Core::Result<QList<CustomerRecord>> CustomerCache::byPhone(const QString &e164) const
{
    if (auto ready = ensureCipher(); !ready)
        return ready.error();
    return select(
        QStringLiteral("WHERE phone_index = ?"), { m_cipher->blindIndex(phoneDomain, e164) });
}

Core::Result<QList<CustomerRecord>> CustomerCache::byEmail(const QString &normalisedEmail) const
{
    if (auto ready = ensureCipher(); !ready)
        return ready.error();
    return select(QStringLiteral("WHERE email_index = ?"),
        { m_cipher->blindIndex(emailDomain, normalisedEmail) });
}

Core::Result<QList<CustomerRecord>> CustomerCache::byName(const QString &text, int limit) const
{
    if (auto ready = ensureCipher(); !ready)
        return ready.error();
    const QStringList tokens = nameTokens(text);
    if (tokens.isEmpty())
        return QList<CustomerRecord>();
    // Every word must match. The rarest word drives (counted up to a cap, one index range
    // each); the others are probed by primary key for each of its rows, so a common surname
    // next to a rare first name stays cheap.
    QList<QByteArray> indexes;
    for (const QString &token : tokens)
        indexes.append(m_cipher->blindIndex(nameDomain, token));
    if (indexes.size() > 1) {
        QList<QPair<qint64, int>> counts;
        QSqlQuery q(m_db.connection());
        for (int i = 0; i < indexes.size(); ++i) {
            if (!run(q,
                    QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM customer_name_tokens "
                                   "WHERE token_index = ? LIMIT 5000)"),
                    { indexes.at(i) })
                || !q.next())
                return failed(q);
            counts.append({ q.value(0).toLongLong(), i });
        }
        std::sort(counts.begin(), counts.end());
        QList<QByteArray> ordered;
        for (const auto &count : counts)
            ordered.append(indexes.at(count.second));
        indexes = ordered;
    }
    QString where = QStringLiteral(
        "WHERE card_number IN (SELECT t0.card_number FROM customer_name_tokens t0");
    QVariantList values;
    for (int i = 1; i < indexes.size(); ++i) {
        where += QStringLiteral(" CROSS JOIN customer_name_tokens t%1 ON t%1.token_index = ? AND "
                                "t%1.card_number = t0.card_number")
                     .arg(i);
        values.append(indexes.at(i));
    }
    where += QStringLiteral(" WHERE t0.token_index = ?)");
    values.append(indexes.first());
    // The names are sealed, so the order is by name after decrypting the (few) matches.
    auto found = select(where, values, 500);
    if (!found)
        return found;
    QList<CustomerRecord> records = found.value();
    std::sort(records.begin(), records.end(), [](const CustomerRecord &a, const CustomerRecord &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.cardNumber < b.cardNumber;
    });
    if (limit > 0 && records.size() > limit)
        records.resize(limit);
    return records;
}

Core::Status CustomerCache::setConsent(const QString &cardNumber, bool email, bool sms,
    bool personalised, const QDateTime &changedAt, qint64 staffId)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral("UPDATE customers SET consent_email = ?, consent_sms = ?, "
                               "consent_personalised = ?, consent_changed_at = ? "
                               "WHERE card_number = ?"),
                { email ? 1 : 0, sms ? 1 : 0, personalised ? 1 : 0, iso(changedAt), cardNumber }))
            return failed(q);
        if (q.numRowsAffected() == 0)
            return notFound(cardNumber);
        return addConsentEntry(
            cardNumber, email, sms, personalised, changedAt, staffId, QStringLiteral("edit"));
    });
}

Core::Result<QList<ConsentChange>> CustomerCache::consentHistory(const QString &cardNumber) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT consent_email, consent_sms, consent_personalised, changed_at, "
                           "staff_id, source FROM consent_history WHERE card_number = ? "
                           "ORDER BY id DESC"),
            { cardNumber }))
        return failed(q);
    QList<ConsentChange> changes;
    while (q.next()) {
        changes.append({ q.value(0).toInt() != 0, q.value(1).toInt() != 0, q.value(2).toInt() != 0,
            fromIso(q.value(3)), q.value(4).toLongLong(), q.value(5).toString() });
    }
    return changes;
}

Core::Status CustomerCache::markSeen(const QString &cardNumber, const QDateTime &now)
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("UPDATE customers SET seen_at = max(seen_at, ?) WHERE card_number = ?"),
            { now.toSecsSinceEpoch(), cardNumber }))
        return failed(q);
    return Core::success();
}

int CustomerCache::purgeDays() const
{
    bool ok = false;
    const int days = m_db.setting(QStringLiteral("customer.purge_days")).toInt(&ok);
    return ok && days > 0 ? days : defaultPurgeDays;
}

Core::Result<int> CustomerCache::purgeUnseen(const QDateTime &now, int days)
{
    int purged = 0;
    const qint64 cutoff = now.addDays(-days).toSecsSinceEpoch();
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        // A customer the server has never seen anywhere (imported, enrolled elsewhere) arrives
        // with no last visit: its days start now, not in 1970 (which purged this store's
        // customers at the next start, for good: the feed does not send them again).
        if (!run(q,
                QStringLiteral("UPDATE customers SET seen_at = ? WHERE seen_at = 0 AND "
                               "server_id <> 0"),
                { now.toSecsSinceEpoch() })
            || !run(q,
                QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS purge_cards(card_number TEXT "
                               "PRIMARY KEY)"),
                {})
            || !run(q, QStringLiteral("DELETE FROM temp.purge_cards"), {})
            || !run(q,
                QStringLiteral("INSERT INTO temp.purge_cards SELECT card_number FROM customers c "
                               "WHERE seen_at < ? AND server_id <> 0 AND NOT EXISTS (SELECT 1 FROM "
                               "loyalty_pending p WHERE p.card_number = c.card_number)"),
                { cutoff }))
            return failed(q);
        for (const char *table :
            { "customer_name_tokens", "wishlist", "consent_history", "customers" }) {
            if (!run(q,
                    QStringLiteral("DELETE FROM %1 WHERE card_number IN (SELECT card_number "
                                   "FROM temp.purge_cards)")
                        .arg(QLatin1String(table)),
                    {}))
                return failed(q);
            if (qstrcmp(table, "customers") == 0)
                purged = q.numRowsAffected();
        }
        return Core::success();
    });
    if (!done)
        return done.error();
    return purged;
}

Core::Status CustomerCache::addPendingPoints(
    const QString &cardNumber, const QString &saleId, qint64 points, const QDateTime &now)
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("INSERT INTO loyalty_pending(card_number, sale_uuid, points, "
                           "created_at) VALUES(?, ?, ?, ?) ON CONFLICT(sale_uuid, card_number) "
                           "DO UPDATE SET points = points + excluded.points"),
            { cardNumber, saleId, points, iso(now) }))
        return failed(q);
    return Core::success();
}

Core::Result<qint64> CustomerCache::pendingPoints(const QString &cardNumber) const
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral(
                "SELECT coalesce(sum(points), 0) FROM loyalty_pending WHERE card_number = ?"),
            { cardNumber })
        || !q.next())
        return failed(q);
    return q.value(0).toLongLong();
}

Core::Result<QList<PendingPoints>> CustomerCache::pendingEntries(const QString &cardNumber) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT sale_uuid, points, created_at FROM loyalty_pending "
                           "WHERE card_number = ? ORDER BY id DESC"),
            { cardNumber }))
        return failed(q);
    QList<PendingPoints> entries;
    while (q.next())
        entries.append({ q.value(0).toString(), q.value(1).toLongLong(), fromIso(q.value(2)) });
    return entries;
}

Core::Status CustomerCache::confirmPoints(const QStringList &saleIds)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        for (const QString &id : saleIds) {
            if (!run(q, QStringLiteral("DELETE FROM loyalty_pending WHERE sale_uuid = ?"), { id }))
                return failed(q);
        }
        return Core::success();
    });
}

Core::Status CustomerCache::settlePoints(const QStringList &saleIds)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        for (const QString &id : saleIds) {
            if (!run(q,
                    QStringLiteral("UPDATE customers SET points_balance = points_balance + "
                                   "p.points, lifetime_points = lifetime_points + max(p.points, 0) "
                                   "FROM (SELECT card_number, sum(points) AS points FROM "
                                   "loyalty_pending WHERE sale_uuid = ? GROUP BY card_number) p "
                                   "WHERE customers.card_number = p.card_number"),
                    { id })
                || !run(
                    q, QStringLiteral("DELETE FROM loyalty_pending WHERE sale_uuid = ?"), { id }))
                return failed(q);
        }
        return Core::success();
    });
}

namespace {
QString mergeNoticeKey(const QString &cardNumber)
{
    return QStringLiteral("customer.merged:") + cardNumber;
}
} // namespace

Core::Status CustomerCache::applyEnrolmentAck(
    const QString &offlineCard, const EnrolmentAck &ack, const QDateTime &now)
{
    if (offlineCard.isEmpty() || ack.serverId == 0)
        return Core::success();
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        const QString kept = ack.keptCardNumber;
        if (!ack.merged || kept.isEmpty() || kept == offlineCard) {
            if (!run(q, QStringLiteral("UPDATE customers SET server_id = ? WHERE card_number = ?"),
                    { ack.serverId, offlineCard }))
                return failed(q);
            return Core::success();
        }
        Core::Result<CustomerRecord> offline = byCard(offlineCard);
        if (!offline) {
            if (offline.error().code != QLatin1String("customer.not_found"))
                return offline.error();
        } else {
            // The kept customer may not be cached here yet: it is, from now on, with what the
            // tablet knows (the customers feed brings the server's own data later).
            if (!run(q, QStringLiteral("SELECT 1 FROM customers WHERE card_number = ?"), { kept }))
                return failed(q);
            const bool cached = q.next();
            q.finish();
            if (!cached) {
                CustomerRecord record = offline.value();
                record.cardNumber = kept;
                record.id = ack.serverId;
                record.localId.clear();
                record.pointsBalance = 0;
                record.lifetimePoints = 0;
                if (Core::Status s = upsertFromServer(record); !s)
                    return s;
            } else if (!run(q,
                           QStringLiteral("UPDATE customers SET server_id = ? WHERE card_number = "
                                          "? AND server_id = 0"),
                           { ack.serverId, kept })) {
                return failed(q);
            }
            if (!run(q,
                    QStringLiteral("UPDATE OR IGNORE loyalty_pending SET card_number = ? WHERE "
                                   "card_number = ?"),
                    { kept, offlineCard })
                || !run(q,
                    QStringLiteral("INSERT OR IGNORE INTO wishlist(card_number, product_id, sku, "
                                   "added_at) SELECT ?, product_id, sku, added_at FROM wishlist "
                                   "WHERE card_number = ?"),
                    { kept, offlineCard }))
                return failed(q);
            for (const char *table : { "customer_name_tokens", "wishlist", "consent_history",
                     "loyalty_pending", "customers" }) {
                if (!run(q,
                        QStringLiteral("DELETE FROM %1 WHERE card_number = ?")
                            .arg(QLatin1String(table)),
                        { offlineCard }))
                    return failed(q);
            }
        }
        const QString notice = QString::fromUtf8(QJsonDocument(
            QJsonObject { { QStringLiteral("offlineCard"), offlineCard },
                { QStringLiteral("mergedOn"), ack.mergedOn },
                { QStringLiteral("at"), iso(now) } }).toJson(QJsonDocument::Compact));
        if (!run(q,
                QStringLiteral("INSERT INTO sync_state(key, value) VALUES(?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                { mergeNoticeKey(kept), notice }))
            return failed(q);
        return Core::success();
    });
}

MergeNotice CustomerCache::mergeNotice(const QString &cardNumber) const
{
    QSqlQuery q(m_db.connection());
    MergeNotice notice;
    if (!run(q, QStringLiteral("SELECT value FROM sync_state WHERE key = ?"),
            { mergeNoticeKey(cardNumber) })
        || !q.next())
        return notice;
    const QJsonObject json = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    notice.offlineCardNumber = json.value(QStringLiteral("offlineCard")).toString();
    notice.mergedOn = json.value(QStringLiteral("mergedOn")).toString();
    notice.at
        = QDateTime::fromString(json.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs)
              .toUTC();
    return notice;
}

Core::Status CustomerCache::addWish(
    const QString &cardNumber, qint64 productId, const QString &sku, const QDateTime &now)
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("INSERT INTO wishlist(card_number, product_id, sku, added_at) "
                           "VALUES(?, ?, ?, ?) ON CONFLICT(card_number, product_id) DO NOTHING"),
            { cardNumber, productId, notNull(sku), iso(now) }))
        return failed(q);
    return Core::success();
}

Core::Status CustomerCache::removeWish(const QString &cardNumber, qint64 productId)
{
    QSqlQuery q(m_db.connection());
    if (!run(q, QStringLiteral("DELETE FROM wishlist WHERE card_number = ? AND product_id = ?"),
            { cardNumber, productId }))
        return failed(q);
    return Core::success();
}

Core::Result<QList<WishItem>> CustomerCache::wishlist(const QString &cardNumber) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT product_id, sku, added_at FROM wishlist WHERE card_number = ? "
                           "ORDER BY added_at DESC, product_id"),
            { cardNumber }))
        return failed(q);
    QList<WishItem> items;
    while (q.next())
        items.append({ q.value(0).toLongLong(), q.value(1).toString(), fromIso(q.value(2)) });
    return items;
}

Core::Result<int> CustomerCache::count() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM customers")) || !q.next())
        return failed(q);
    return q.value(0).toInt();
}

} // namespace Toonbank::Store
