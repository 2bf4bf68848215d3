#pragma once

#include "saleservice.h"

#include "app/core/basket.h"
#include "app/core/result.h"
#include "app/devices/receipt.h"
#include "app/store/catalogtypes.h"

#include <QObject>

namespace Toonbank::Services {

/// The v1 sell screen's door, kept as a thin facade over SaleService while the screens move to
/// it: rows by index instead of line ids, and the basket as a flat Core::Basket (each line's
/// discount = the sum of its adjustments). New code uses SaleService directly.
class CheckoutService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutService)
public:
    explicit CheckoutService(SaleService &sale, QObject *parent = nullptr);
    ~CheckoutService() override;

    SaleService &sale() { return m_sale; }

    void setReceiptPrinter(Devices::ReceiptPrinter *printer) { m_sale.setReceiptPrinter(printer); }
    void setCashDrawer(Devices::CashDrawer *drawer) { m_sale.setCashDrawer(drawer); }

    /// A scanned or typed code (SaleService::scan). Returns the index of the basket line that
    /// changed (0 when the scan attached a customer). On any error the basket is unchanged.
    Core::Result<int> addScannedCode(const QString &code);
    Core::Result<QList<Store::ProductSummary>> search(const QString &text, int limit = 50) const;
    Core::Result<int> addProduct(qint64 productId);
    Core::Status setQuantity(int lineIndex, int quantity);
    Core::Status remove(int lineIndex);
    Core::Status clear();

    const Core::Basket &basket() const;
    Core::BasketTotals totals() const { return basket().totals(); }
    CashQuote cashQuote() const { return m_sale.cashQuote(); }

    Core::Status park(const QString &label = {}) { return m_sale.park(label); }
    Core::Result<QList<ParkedSummary>> listParked() const { return m_sale.listParked(); }
    Core::Status resume(qint64 parkedId) { return m_sale.resume(parkedId); }

    Core::Result<CompletedSale> payCash(Core::Money tendered) { return m_sale.payCash(tendered); }
    Core::Status printReceipt(const CompletedSale &sale, bool duplicate)
    {
        return m_sale.printReceipt(sale, duplicate);
    }
    bool hasReceiptPrinter() const { return m_sale.hasReceiptPrinter(); }
    Devices::ReceiptData receiptFor(
        const CompletedSale &sale, const QLocale &locale = QLocale()) const
    {
        return m_sale.receiptFor(sale, locale);
    }

    const Store::Location &location() const { return m_sale.location(); }
    int waitingEventCount() const { return m_sale.waitingEventCount(); }
    Store::SalesLedger &ledger() { return m_sale.ledger(); }

signals:
    void basketChanged();
    void saleCompleted(const QString &receiptNumber);

private:
    QString lineIdAt(int index) const;
    int indexOfLine(const QString &lineId) const;

    SaleService &m_sale;
    mutable Core::Basket m_basket;
    mutable bool m_basketStale = true;
};

} // namespace Toonbank::Services
