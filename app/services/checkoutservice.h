#pragma once

#include "app/core/basket.h"
#include "app/core/result.h"
#include "app/core/vat.h"
#include "app/devices/receipt.h"
#include "app/store/catalogtypes.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace Toonbank::Store {
class Catalog;
class LocalDatabase;
class ParkedBaskets;
class SalesLedger;
} // namespace Toonbank::Store

namespace Toonbank::Devices {
class CashDrawer;
class ReceiptPrinter;
} // namespace Toonbank::Devices

namespace Toonbank::Services {

class Session;

/// What the customer pays in cash: the total, the 5-cent rounding (when the store rounds) and
/// the rounded amount due.
struct CashQuote
{
    Core::Money total;
    Core::Money rounding;
    Core::Money due;
};

/// A sale that is on disk. Everything the receipt needs.
struct CompletedSale
{
    QString saleId;
    QString receiptNumber;
    QDateTime soldAt; // UTC
    QList<Core::BasketLine> lines;
    Core::BasketTotals totals;
    CashQuote cash;
    Core::Money tendered;
    Core::Money change;
    Store::StaffMember staff;
    Store::Location location;
    QString printError; // set when the sale is saved but the receipt did not print
};

struct ParkedSummary
{
    qint64 id = 0;
    QDateTime parkedAt; // UTC
    QString label;
    int itemCount = 0;
    Core::Money total;
};

/// The sell screen's door: scanning, searching, the basket, parking and taking cash. Checks
/// the session's permission first, computes with core, and writes the store.
class CheckoutService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutService)
public:
    CheckoutService(Store::LocalDatabase &database, Store::Catalog &catalog, Session &session,
        QObject *parent = nullptr);
    ~CheckoutService() override;

    /// Optional devices; without a printer the receipt is only shown on screen.
    void setReceiptPrinter(Devices::ReceiptPrinter *printer) { m_printer = printer; }
    void setCashDrawer(Devices::CashDrawer *drawer) { m_drawer = drawer; }

    /// A scanned or typed barcode. On any error the basket is unchanged.
    /// Returns the index of the basket line that changed.
    Core::Result<int> addScannedCode(const QString &code);
    Core::Result<QList<Store::ProductSummary>> search(const QString &text, int limit = 50) const;
    Core::Result<int> addProduct(qint64 productId);
    Core::Status setQuantity(int lineIndex, int quantity);
    Core::Status remove(int lineIndex);
    Core::Status clear();

    const Core::Basket &basket() const { return m_basket; }
    Core::BasketTotals totals() const { return m_basket.totals(); }
    CashQuote cashQuote() const;

    /// Puts the basket aside (it survives a restart) and starts an empty one.
    Core::Status park(const QString &label = {});
    Core::Result<QList<ParkedSummary>> listParked() const;
    /// Brings a parked basket back. Error "basket.not_empty" when a sale is in progress.
    Core::Status resume(qint64 parkedId);

    /// Takes cash and records the sale in one durable transaction (lines, payment, receipt
    /// number, stock here, outbox event, journal). Then opens the drawer and prints.
    /// Errors: "basket.empty", "pay.insufficient", "sale.*"; on error nothing is recorded.
    Core::Result<CompletedSale> payCash(Core::Money tendered);

    /// Prints a completed sale's receipt: the original when it did not print at the sale,
    /// otherwise a copy marked as such (a duplicate must never pass for a second original).
    /// Errors: "permission.denied", "session.locked", "printer.none", "printer.*".
    Core::Status printReceipt(const CompletedSale &sale, bool duplicate);
    bool hasReceiptPrinter() const { return m_printer != nullptr; }

    /// The receipt of a completed sale, laid out by Devices::ReceiptLayout.
    Devices::ReceiptData receiptFor(
        const CompletedSale &sale, const QLocale &locale = QLocale()) const;

    const Store::Location &location() const { return m_location; }
    /// Events waiting for the server (for "offline — N waiting").
    int waitingEventCount() const;
    /// For the crash tests: see Store::SalesLedger::setBeforeCommitHook.
    Store::SalesLedger &ledger() { return *m_ledger; }

signals:
    void basketChanged();
    void saleCompleted(const QString &receiptNumber);

private:
    Core::Result<int> addSummary(const Store::ProductSummary &product);
    Core::Result<Core::BasketLine> lineFor(const Store::ProductSummary &product) const;

    Store::LocalDatabase &m_db;
    Store::Catalog &m_catalog;
    Session &m_session;
    std::unique_ptr<Store::SalesLedger> m_ledger;
    std::unique_ptr<Store::ParkedBaskets> m_parked;
    Devices::ReceiptPrinter *m_printer = nullptr;
    Devices::CashDrawer *m_drawer = nullptr;
    Core::VatTable m_vatTable;
    Store::Location m_location;
    Core::Basket m_basket;
};

} // namespace Toonbank::Services
