#include "walletcontroller.h"

#include "serverdatabase.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/jsonreader.h"

#include "app/core/clock.h"
#include "app/core/payment.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QUrlQuery>

#include <optional>

namespace Toonbank::Sync::Server {

namespace {

const QString giftCardKind = QStringLiteral("gift_card");
const QString storeCreditKind = QStringLiteral("store_credit");

ApiReply refuse(ApiErrorKind kind, const QString &code, const QString &message)
{
    return ApiReply::error({ kind, code, message });
}

ApiReply internal(const Core::Error &error)
{
    return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, error));
}

// Expiry is judged on the stores' local date (the server runs in the chain's time zone).
QString today()
{
    return Core::SystemClock::instance().nowLocal().date().toString(Qt::ISODate);
}

struct ClaimRow
{
    QString claimId;
    QString kind;
    QString number;
    qint64 customerId = 0;
    qint64 amountCents = 0;
    qint64 balanceLeftCents = 0;
    QString state;
    QString saleId;
};

const QString claimColumns
    = QStringLiteral("claim_id, kind, number, customer_id, amount_cents, balance_left_cents, "
                     "state, sale_id");

ClaimRow claimFromQuery(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
        q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(),
        q.value(6).toString(), q.value(7).toString() };
}

Core::Result<std::optional<ClaimRow>> loadClaim(ServerDatabase &db, const QString &claimId)
{
    auto q = db.exec(QStringLiteral("SELECT ") + claimColumns
            + QStringLiteral(" FROM wallet_claims WHERE claim_id = ?"),
        { claimId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<ClaimRow>();
    return std::optional<ClaimRow>(claimFromQuery(q.value()));
}

QJsonObject toJson(const ClaimRow &c)
{
    QJsonObject json { { QStringLiteral("claimId"), c.claimId }, { QStringLiteral("kind"), c.kind },
        { QStringLiteral("number"), c.number }, { QStringLiteral("amountCents"), c.amountCents },
        { QStringLiteral("balanceLeftCents"), c.balanceLeftCents },
        { QStringLiteral("state"), c.state }, { QStringLiteral("saleId"), c.saleId } };
    if (c.kind == storeCreditKind)
        json.insert(QStringLiteral("customerId"), c.customerId);
    return json;
}

// "409 giftcard.insufficient {balanceCents}": the error body plus what is left.
ApiReply insufficient(const QString &code, const QString &message, qint64 balanceCents)
{
    QJsonObject body = Protocol::ApiErrorBody { code, message }.toJson();
    body.insert(QStringLiteral("balanceCents"), balanceCents);
    return ApiReply::json(body, httpStatus(ApiErrorKind::Conflict));
}

// Why a gift card cannot pay `amountCents` now (the conditional UPDATE matched nothing).
Core::Result<ApiReply> giftCardRefusal(
    ServerDatabase &db, const QString &number, qint64 amountCents)
{
    auto q = db.exec(
        QStringLiteral("SELECT balance_cents, state, COALESCE(expires_on, '') FROM gift_cards "
                       "WHERE number = ?"),
        { number });
    if (!q)
        return q.error();
    if (!q.value().next())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("giftcard.unknown"),
            QStringLiteral("no gift card with this number"));
    const qint64 balance = q.value().value(0).toLongLong();
    const QString expiresOn = q.value().value(2).toString();
    if (q.value().value(1).toString() != QLatin1String("active"))
        return refuse(ApiErrorKind::Gone, QStringLiteral("giftcard.inactive"),
            QStringLiteral("this gift card is blocked"));
    if (!expiresOn.isEmpty() && expiresOn < today())
        return refuse(ApiErrorKind::Gone, QStringLiteral("giftcard.expired"),
            QStringLiteral("this gift card expired on %1").arg(expiresOn));
    if (balance == 0)
        return refuse(ApiErrorKind::Unprocessable, QStringLiteral("giftcard.empty"),
            QStringLiteral("this gift card is empty"));
    return insufficient(QStringLiteral("giftcard.insufficient"),
        QStringLiteral("only %1 cents left on this gift card, %2 asked")
            .arg(balance)
            .arg(amountCents),
        balance);
}

} // namespace

ApiReply WalletController::giftCardBalance(const ApiRequest &request)
{
    const QString typed = request.http.query().queryItemValue(QStringLiteral("number"));
    Core::Result<QString> number = Core::normaliseGiftCardNumber(typed);
    if (!number)
        return refuse(ApiErrorKind::NotFound, QStringLiteral("giftcard.unknown"),
            QStringLiteral("no gift card with this number"));
    auto q = m_db.exec(
        QStringLiteral("SELECT balance_cents, state, expires_on FROM gift_cards WHERE number = ?"),
        { number.value() });
    if (!q)
        return internal(q.error());
    if (!q.value().next())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("giftcard.unknown"),
            QStringLiteral("no gift card with this number"));
    const QVariant expires = q.value().value(2);
    const QString expiresOn = expires.isNull() ? QString() : expires.toString();
    QString state = q.value().value(1).toString();
    if (state == QLatin1String("active") && !expiresOn.isEmpty() && expiresOn < today())
        state = QStringLiteral("expired");
    return ApiReply::json({ { QStringLiteral("number"), number.value() },
        { QStringLiteral("balanceCents"), q.value().value(0).toLongLong() },
        { QStringLiteral("expiresOn"),
            expiresOn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(expiresOn) },
        { QStringLiteral("state"), state } });
}

ApiReply WalletController::storeCreditBalance(const ApiRequest &request)
{
    bool ok = false;
    const qint64 customerId
        = request.http.query().queryItemValue(QStringLiteral("customerId")).toLongLong(&ok);
    if (!ok || customerId <= 0)
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("customerId must be a customer id"));
    auto q = m_db.exec(
        QStringLiteral("SELECT s.balance_cents, COALESCE(c.card_number, '') FROM store_credit s "
                       "LEFT JOIN customers c ON c.id = s.customer_id WHERE s.customer_id = ?"),
        { customerId });
    if (!q)
        return internal(q.error());
    if (!q.value().next())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("storecredit.none"),
            QStringLiteral("this customer has no store credit"));
    return ApiReply::json({ { QStringLiteral("customerId"), customerId },
        { QStringLiteral("cardNumber"), q.value().value(1).toString() },
        { QStringLiteral("balanceCents"), q.value().value(0).toLongLong() } });
}

ApiReply WalletController::claim(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    constexpr qint64 limit = 100'000'000'00;
    Protocol::JsonReader r(std::get<QJsonObject>(body), QStringLiteral("claim"));
    const QString claimId = r.string(QStringLiteral("claimId"));
    const QString kind = r.string(QStringLiteral("kind"));
    const QString typedNumber = r.string(QStringLiteral("number"), false);
    const qint64 customerId = r.integer(QStringLiteral("customerId"), false, 0);
    const qint64 amountCents = r.integer(QStringLiteral("amountCents"), true, -limit, limit);
    const QString saleId = r.string(QStringLiteral("saleId"));
    const QString storeCode = r.string(QStringLiteral("storeCode"));
    r.rejectUnknownFields();
    if (!r.ok())
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, r.error()));
    if (claimId.isEmpty() || claimId.size() > 100 || saleId.isEmpty())
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_id"),
            QStringLiteral("claimId (1 to 100 characters) and saleId are required"));
    const bool giftCard = kind == giftCardKind;
    if (!giftCard && kind != storeCreditKind)
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_value"),
            QStringLiteral("kind must be gift_card or store_credit"));
    if (storeCode != request.device->locationCode)
        return refuse(ApiErrorKind::Forbidden, QStringLiteral("scope.location"),
            QStringLiteral("a device of store %1 cannot claim for store %2")
                .arg(request.device->locationCode, storeCode.left(20)));
    if (amountCents <= 0)
        return refuse(ApiErrorKind::Unprocessable, QStringLiteral("wallet.amount"),
            QStringLiteral("the amount must be more than zero"));
    QString number;
    if (giftCard) {
        Core::Result<QString> normalised = Core::normaliseGiftCardNumber(typedNumber);
        if (!normalised)
            return refuse(ApiErrorKind::NotFound, QStringLiteral("giftcard.unknown"),
                QStringLiteral("no gift card with this number"));
        number = normalised.value();
    } else if (customerId <= 0) {
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.missing_field"),
            QStringLiteral("a store credit claim names the customerId"));
    }

    enum class Outcome { Granted, Existing, Refused } outcome = Outcome::Refused;
    ClaimRow row;
    std::optional<ApiReply> refusal;
    const QString raced = QStringLiteral("claim.raced");
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        refusal.reset();
        if (!giftCard) {
            auto card = m_db.exec(
                QStringLiteral("SELECT card_number FROM customers WHERE id = ?"), { customerId });
            if (!card)
                return card.error();
            number = card.value().next() ? card.value().value(0).toString() : QString();
        }
        // The statement that decides: only a balance that covers the amount is lowered, and the
        // claim row records what it left. A claim id that exists already (a retry, or the same
        // claim committed meanwhile through another instance) inserts nothing: then this
        // transaction is rolled back, so its deduction never counts, and the existing claim is
        // the answer.
        const QString deduct = giftCard
            ? QStringLiteral("UPDATE gift_cards SET balance_cents = balance_cents - ? WHERE number "
                             "= ? AND state = 'active' AND (expires_on IS NULL OR expires_on >= ?) "
                             "AND balance_cents >= ? RETURNING balance_cents")
            : QStringLiteral("UPDATE store_credit SET balance_cents = balance_cents - ? WHERE "
                             "customer_id = ? AND balance_cents >= ? RETURNING balance_cents");
        QVariantList deductParams = giftCard
            ? QVariantList { amountCents, number, today(), amountCents }
            : QVariantList { amountCents, customerId, amountCents };
        const QVariantList claimParams { claimId, kind, number, giftCard ? 0 : customerId,
            amountCents, saleId, storeCode, request.device->deviceId,
            Core::SystemClock::instance().nowUtc().toString(Qt::ISODateWithMs) };
        std::optional<qint64> left;
        if (m_db.dialect() == Dialect::Postgres) {
            // One round trip: the UPDATE and the INSERT in one statement (PostgreSQL runs
            // data-modifying WITH queries; the claim row exists only when the UPDATE matched).
            auto granted = m_db.exec(QStringLiteral("WITH upd AS (") + deduct
                    + QStringLiteral(
                        ") INSERT INTO wallet_claims(claim_id, kind, number, customer_id, "
                        "amount_cents, sale_id, store, device, created_at, balance_left_cents, "
                        "state) SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), "
                        "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), "
                        "CAST(? AS TEXT), CAST(? AS TEXT), upd.balance_cents, 'claimed' FROM upd "
                        "ON CONFLICT(claim_id) DO NOTHING RETURNING balance_left_cents"),
                deductParams + claimParams);
            if (!granted)
                return granted.error();
            if (granted.value().next())
                left = granted.value().value(0).toLongLong();
        } else {
            auto updated = m_db.exec(deduct, deductParams);
            if (!updated)
                return updated.error();
            if (updated.value().next()) {
                const qint64 balanceLeft = updated.value().value(0).toLongLong();
                auto inserted = m_db.exec(
                    QStringLiteral("INSERT INTO wallet_claims(claim_id, kind, number, customer_id, "
                                   "amount_cents, sale_id, store, device, created_at, "
                                   "balance_left_cents, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                   "?, 'claimed') ON CONFLICT(claim_id) DO NOTHING RETURNING "
                                   "balance_left_cents"),
                    claimParams + QVariantList { balanceLeft });
                if (!inserted)
                    return inserted.error();
                if (inserted.value().next())
                    left = balanceLeft;
            }
        }
        if (left) {
            row = { claimId, kind, number, giftCard ? 0 : customerId, amountCents, *left,
                QStringLiteral("claimed"), saleId };
            outcome = Outcome::Granted;
            return Core::success();
        }
        auto existing = loadClaim(m_db, claimId);
        if (!existing)
            return existing.error();
        if (existing.value()) // undo whatever this transaction deducted; answer that claim
            return Core::Error::make(raced, QString(), claimId);
        outcome = Outcome::Refused;
        if (giftCard) {
            auto why = giftCardRefusal(m_db, number, amountCents);
            if (!why)
                return why.error();
            refusal = why.value();
            return Core::success();
        }
        auto credit = m_db.exec(
            QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = ?"),
            { customerId });
        if (!credit)
            return credit.error();
        if (!credit.value().next())
            refusal = refuse(ApiErrorKind::NotFound, QStringLiteral("storecredit.none"),
                QStringLiteral("this customer has no store credit"));
        else
            refusal = insufficient(QStringLiteral("storecredit.insufficient"),
                QStringLiteral("only %1 cents of store credit left, %2 asked")
                    .arg(credit.value().value(0).toLongLong())
                    .arg(amountCents),
                credit.value().value(0).toLongLong());
        return Core::success();
    });
    if (!done) {
        if (done.error().code != raced)
            return internal(done.error());
        auto existing = loadClaim(m_db, claimId);
        if (!existing)
            return internal(existing.error());
        if (!existing.value())
            return internal(Core::Error::make(QStringLiteral("db.error"), QString(),
                QStringLiteral("claim %1 raced and vanished").arg(claimId)));
        row = *existing.value();
        outcome = Outcome::Existing;
    }
    if (outcome == Outcome::Refused)
        return *refusal;
    if (outcome == Outcome::Existing) {
        const bool same = row.kind == kind && row.amountCents == amountCents
            && (giftCard ? row.number == number : row.customerId == customerId);
        if (!same)
            return refuse(ApiErrorKind::Conflict, QStringLiteral("claim.mismatch"),
                QStringLiteral("claim %1 was made for another card, customer or amount")
                    .arg(claimId));
        return ApiReply::json(toJson(row), 200);
    }
    return ApiReply::json(toJson(row), 201);
}

ApiReply WalletController::release(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Protocol::JsonReader r(std::get<QJsonObject>(body), QStringLiteral("release"));
    const QString claimId = r.string(QStringLiteral("claimId"));
    r.rejectUnknownFields();
    if (!r.ok())
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, r.error()));
    enum class Answer { Released, Used, Unknown } answer = Answer::Unknown;
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        // The event applier holds this lock while it checks and applies a batch: a release
        // and the sale that uses the claim never both win.
        if (Core::Status locked = m_db.lockFeed(); !locked)
            return locked;
        auto released = m_db.exec(
            QStringLiteral("UPDATE wallet_claims SET state = 'released' WHERE claim_id = ? AND "
                           "device = ? AND state = 'claimed' RETURNING kind, number, "
                           "customer_id, amount_cents"),
            { claimId, request.device->deviceId });
        if (!released)
            return released.error();
        if (released.value().next()) {
            const QSqlQuery &q = released.value();
            auto refunded = q.value(0).toString() == giftCardKind
                ? m_db.exec(QStringLiteral("UPDATE gift_cards SET balance_cents = balance_cents "
                                           "+ ? WHERE number = ?"),
                    { q.value(3).toLongLong(), q.value(1).toString() })
                : m_db.exec(QStringLiteral("UPDATE store_credit SET balance_cents = "
                                           "balance_cents + ? WHERE customer_id = ?"),
                    { q.value(3).toLongLong(), q.value(2).toLongLong() });
            if (!refunded)
                return refunded.error();
            answer = Answer::Released;
            return Core::success();
        }
        auto state = m_db.exec(
            QStringLiteral("SELECT state FROM wallet_claims WHERE claim_id = ? AND device = ?"),
            { claimId, request.device->deviceId });
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
            QStringLiteral("a sale used this claim"));
    if (answer == Answer::Unknown)
        return refuse(ApiErrorKind::NotFound, QStringLiteral("claim.unknown"),
            QStringLiteral("this device holds no claim with this id"));
    return ApiReply::json({ { QStringLiteral("claimId"), claimId },
        { QStringLiteral("state"), QStringLiteral("released") } });
}

ApiReply WalletController::status(const ApiRequest &request)
{
    const QString claimId = request.http.query().queryItemValue(QStringLiteral("id"));
    if (claimId.isEmpty())
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.missing_field"),
            QStringLiteral("id is required"));
    auto existing = loadClaim(m_db, claimId);
    if (!existing)
        return internal(existing.error());
    if (!existing.value())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("claim.unknown"),
            QStringLiteral("no claim with this id"));
    return ApiReply::json(toJson(*existing.value()));
}

} // namespace Toonbank::Sync::Server
