#include "basket.h"

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
    BasketTotals totals;
    totals.perRate.reserve(4);
    for (const BasketLine &line : m_lines) {
        const Money lineTotal = line.lineTotal();
        totals.total += lineTotal;
        totals.itemCount += line.quantity;
        auto group = std::find_if(totals.perRate.begin(), totals.perRate.end(),
                                  [&line](const VatBreakdown &breakdown) {
                                      return breakdown.rate.basisPoints
                                             == line.vatRate.basisPoints;
                                  });
        if (group == totals.perRate.end())
            totals.perRate.append(VatBreakdown{line.vatRate, lineTotal, {}, {}});
        else
            group->gross += lineTotal;
    }
    for (VatBreakdown &breakdown : totals.perRate) {
        breakdown.vat = vatIncluded(breakdown.gross, breakdown.rate.basisPoints);
        breakdown.net = breakdown.gross - breakdown.vat;
        totals.totalVat += breakdown.vat;
    }
    std::sort(totals.perRate.begin(), totals.perRate.end(),
              [](const VatBreakdown &a, const VatBreakdown &b) {
                  return a.rate.basisPoints > b.rate.basisPoints;
              });
    return totals;
}

} // namespace Toonbank::Core
