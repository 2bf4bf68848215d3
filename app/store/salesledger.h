#pragma once

#include "app/core/money.h"
#include "app/core/result.h"

#include <QJsonObject>
#include <QStringList>

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Toonbank::Core {
struct Sale;
} // namespace Toonbank::Core

namespace Toonbank::Store {

class LocalDatabase;

/// One adjustment of a line (Core::Adjustment with its kind by name).
struct LedgerAdjustment
{
    QString kind; // "promotion", "coupon", "personal_offer", "tier", "manual"
    QString sourceId;
    QString label;
    Core::Money amount;
    qint64 approvedBy = 0;
};

/// A recorded approval (Core::Authorisation with its permission by name).
struct LedgerAuthorisation
{
    QString permission;
    qint64 requestedBy = 0;
    qint64 approvedBy = 0;
    QString lineId;
    Core::Money amount;
    QString reason;
    QDateTime approvedAt; // UTC
};

struct LedgerLine
{
    qint64 productId = 0;
    QString sku;
    QString name;
    int quantity = 0;
    Core::Money unitPrice;
    Core::Money lineDiscount;
    Core::Money lineTotal;
    QString vatClass;
    int vatBasisPoints = 0;
    QString lineId; // stable id within the sale ("L1")
    QString category;
    QString brand;
    Core::Money regularPrice;
    QList<LedgerAdjustment> adjustments; // lineDiscount is their sum
    QString giftCardNumber; // a gift card sold or topped up: no stock movement
    bool movesStock = true; // false: an endless-aisle order's line or its delivery line
};

struct LedgerVat
{
    int basisPoints = 0;
    Core::Money gross;
    Core::Money vat;
    Core::Money net;
};

struct LedgerPayment
{
    QString method; // "cash", …
    Core::Money amount;
    Core::Money tendered;
    Core::Money change;
    QString reference;
    QString claimId; // card: nexo ServiceID; gift card / store credit: claim id
    QString maskedPan;
    QString cardBrand;
    QString authCode;
    qint64 points = 0;
    std::optional<Core::Money> balanceLeft;
};

/// A finished sale as the ledger writes it. The receipt number is not known here: the ledger
/// draws it from the counter inside the sale's own transaction.
struct LedgerSale
{
    QString saleUuid;
    qint64 locationId = 0;
    QString locationCode; // first part of the receipt number
    qint64 staffId = 0;
    qint64 customerId = 0;
    QDateTime soldAt; // UTC
    Core::Money total; // unrounded sum of line totals
    Core::Money rounding; // cash rounding (paid = total + rounding)
    bool training = false;
    QList<LedgerLine> lines;
    QList<LedgerVat> vat;
    QList<LedgerPayment> payments;
    QString customerCode; // loyalty card number; empty = no customer
    QString customerTier;
    QStringList couponCodes;
    qint64 pointsEarned = 0;
    qint64 pointsRedeemed = 0;
    qint64 catalogVersion = 0;
    QList<LedgerAuthorisation> authorisations;
    QString shiftId; // the drawer's open shift (sales.shift_id); empty: a store without shifts
};

/// The one mapping of a Core::Sale to what the ledger writes (ledgersale.cpp).
LedgerSale ledgerSaleFrom(const Core::Sale &sale, qint64 locationId);

/// A customer's sale on this tablet, for the purchase history.
struct LedgerSaleSummary
{
    QString saleUuid;
    QString receiptNumber;
    QDateTime soldAt; // UTC
    Core::Money paid; // total + rounding
    int itemCount = 0;
    qint64 pointsEarned = 0;
    qint64 pointsRedeemed = 0;
};

struct RecordedSale
{
    qint64 saleRowId = 0;
    QString receiptNumber;
    QString eventId; // outbox event UUID
    qint64 journalSeq = 0;
};

/// Writes finished sales: sales, sale_lines, sale_vat and sale_payments rows, the receipt
/// number, the stock decrement here, the outbox event and the hash-chained journal entry, all
/// in one transaction that is durable (synchronous=FULL) before record() returns.
class SalesLedger final
{
    Q_DISABLE_COPY_MOVE(SalesLedger)
public:
    /// Builds the outbox payload (compact JSON) once the receipt number is known. The store
    /// does not know the wire format; the service that owns it passes this in. An empty
    /// result aborts the sale ("sale.invalid_event").
    using PayloadBuilder = std::function<QByteArray(const QString &receiptNumber)>;
    /// More writes that belong to the sale (the payment session marked completed): run inside
    /// the sale's transaction after its rows; an error rolls the whole sale back.
    using AlsoWrite = std::function<Core::Status()>;

    explicit SalesLedger(LocalDatabase &database);

    /// `beforeWrite` runs inside the sale's transaction before its rows (an exchange's return,
    /// whose outbox event must precede the sale's). Errors: "sale.empty", "sale.store_failed"
    /// (nothing written), those of `alsoWrite` / `beforeWrite`.
    Core::Result<RecordedSale> record(const LedgerSale &sale, const PayloadBuilder &payload,
        const AlsoWrite &alsoWrite = {}, const AlsoWrite &beforeWrite = {});

    /// Called inside the transaction right before COMMIT. Only the crash tests set it: they
    /// stop a child process here and kill it.
    void setBeforeCommitHook(std::function<void()> hook) { m_beforeCommit = std::move(hook); }

    /// Appends a journal entry of `kind` (e.g. "approval", which moves no money; "return",
    /// a negative amount), chained like the sales. Runs inside the caller's transaction when
    /// one is open. Returns its seq.
    Core::Result<qint64> recordJournal(const QString &kind, const QString &reference,
        const QJsonObject &event, const QDateTime &at, Core::Money amount = {});

    /// This tablet's sales to the customer with this card number, newest first.
    Core::Result<QList<LedgerSaleSummary>> salesForCustomer(
        const QString &cardNumber, int limit = 20) const;

    /// Events not yet acknowledged by the server (pending or rejected).
    int waitingEventCount() const;

    /// Recomputes every journal hash and the grand total. Error: "journal.broken" naming the
    /// first bad entry.
    Core::Status verifyJournal() const;

    /// SHA-256 (hex) of prev_hash followed by the canonical body, as the journal stores it.
    static QString chainHash(const QString &previousHash, const QByteArray &body);

    /// Receipt number counter prefix: "<store code>-<terminal>-" + 6 digits.
    QString terminalCode() const;

private:
    LocalDatabase &m_db;
    std::function<void()> m_beforeCommit;
};

} // namespace Toonbank::Store
