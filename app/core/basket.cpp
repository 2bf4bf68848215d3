#include "basket.h"

#include "sale.h"

#include <algorithm>

namespace Toonbank::Core {

namespace {

bool sameSign(int a, int b)
{
    return (a > 0) == (b > 0);
}

} // namespace

int Basket::add(const BasketLine &line)
{
    Q_ASSERT(line.quantity != 0);
    if (line.lineDiscount.isZero()) {
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            BasketLine &existing = m_lines[i];
            // A return line and a sale line of the same product stay apart: the receipt and the
            // journal must show what came back.
            if (existing.productId == line.productId && existing.unitPrice == line.unitPrice
                && existing.lineDiscount.isZero() && existing.vatRate == line.vatRate
                && sameSign(existing.quantity, line.quantity)) {
                existing.quantity += line.quantity;
                return int(i);
            }
        }
    }
    m_lines.append(line);
    return int(m_lines.size() - 1);
}

bool Basket::setQuantity(int index, int quantity)
{
    if (index < 0 || index >= m_lines.size())
        return false;
    if (quantity == 0)
        m_lines.removeAt(index);
    else
        m_lines[index].quantity = quantity;
    return true;
}

bool Basket::remove(int index)
{
    if (index < 0 || index >= m_lines.size())
        return false;
    m_lines.removeAt(index);
    return true;
}

void Basket::clear()
{
    m_lines.clear();
}

BasketTotals Basket::totals() const
{
    // VAT through the one VAT function, so the basket and a built sale always agree.
    QList<SaleLine> saleLines;
    saleLines.reserve(m_lines.size());
    BasketTotals totals;
    for (const BasketLine &line : m_lines) {
        SaleLine saleLine;
        saleLine.vatRate = line.vatRate;
        saleLine.quantity = line.quantity;
        saleLine.unitPrice = line.unitPrice;
        if (!line.lineDiscount.isZero())
            saleLine.adjustments.append(
                Adjustment { AdjustmentKind::Manual, {}, {}, line.lineDiscount, 0 });
        totals.total += saleLine.lineTotal();
        totals.itemCount += line.quantity;
        saleLines.append(std::move(saleLine));
    }
    totals.perRate = vatBreakdown(saleLines);
    for (const VatBreakdown &breakdown : std::as_const(totals.perRate))
        totals.totalVat += breakdown.vat;
    return totals;
}

} // namespace Toonbank::Core
