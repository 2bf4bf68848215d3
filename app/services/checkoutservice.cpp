#include "checkoutservice.h"

namespace Toonbank::Services {

CheckoutService::CheckoutService(SaleService &sale, QObject *parent)
    : QObject(parent)
    , m_sale(sale)
{
    connect(&m_sale, &SaleService::basketChanged, this, [this] {
        m_basketStale = true;
        emit basketChanged();
    });
    connect(&m_sale, &SaleService::saleCompleted, this, &CheckoutService::saleCompleted);
}

CheckoutService::~CheckoutService() = default;

const Core::Basket &CheckoutService::basket() const
{
    if (m_basketStale) {
        m_basket.clear();
        QHash<QString, Core::VatRate> rates;
        if (const Core::Result<Core::Sale> sale = m_sale.currentSale()) {
            for (const Core::SaleLine &built : sale->lines)
                rates.insert(built.lineId, built.vatRate);
        }
        for (const BasketLineView &line : m_sale.view().lines) {
            Core::BasketLine flat;
            flat.productId = line.productId;
            flat.sku = line.sku;
            flat.name = line.name;
            flat.unitPrice = line.unitPrice;
            flat.regularPrice = line.regularPrice;
            flat.quantity = line.quantity;
            flat.lineDiscount = line.grossTotal - line.lineTotal;
            flat.vatRate = rates.value(line.lineId);
            m_basket.add(flat);
        }
        m_basketStale = false;
    }
    return m_basket;
}

QString CheckoutService::lineIdAt(int index) const
{
    const QList<BasketLineView> &lines = m_sale.view().lines;
    return index >= 0 && index < lines.size() ? lines.at(index).lineId : QString();
}

int CheckoutService::indexOfLine(const QString &lineId) const
{
    const QList<BasketLineView> &lines = m_sale.view().lines;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).lineId == lineId)
            return i;
    }
    return 0;
}

Core::Result<int> CheckoutService::addScannedCode(const QString &code)
{
    Core::Result<ScanResult> scanned = m_sale.scan(code);
    if (!scanned)
        return scanned.error();
    if (scanned->kind == ScanResult::Kind::CustomerAttached)
        return 0;
    return indexOfLine(scanned->lineId);
}

Core::Result<QList<Store::ProductSummary>> CheckoutService::search(
    const QString &text, int limit) const
{
    return m_sale.search(text, limit);
}

Core::Result<int> CheckoutService::addProduct(qint64 productId)
{
    Core::Result<QString> lineId = m_sale.addProduct(productId);
    if (!lineId)
        return lineId.error();
    return indexOfLine(lineId.value());
}

Core::Status CheckoutService::setQuantity(int lineIndex, int quantity)
{
    return m_sale.setQuantity(lineIdAt(lineIndex), quantity);
}

Core::Status CheckoutService::remove(int lineIndex)
{
    return m_sale.removeLine(lineIdAt(lineIndex));
}

Core::Status CheckoutService::clear()
{
    return m_sale.clear();
}

} // namespace Toonbank::Services
