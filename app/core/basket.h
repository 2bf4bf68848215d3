#pragma once

#include "money.h"
#include "vat.h"

#include <QList>
#include <QString>

namespace Toonbank::Core {

/// One line of a basket. Prices are VAT-inclusive. A negative quantity is a return line.
struct BasketLine
{
    qint64 productId = 0;
    QString sku;
    QString name;
    Money unitPrice; // the price charged per unit (promo price when one applies)
    Money regularPrice; // the list price, to show the saving under the line
    int quantity = 1;
    VatRate vatRate;
    Money lineDiscount; // positive amount taken off this line's total

    Money lineTotal() const { return unitPrice * quantity - lineDiscount; }
};

struct BasketTotals
{
    Money total; // VAT-inclusive sum of line totals
    QList<VatBreakdown> perRate; // ordered by rate, highest first
    Money totalVat;
    int itemCount = 0; // sum of quantities
};

/// The basket of one sale. VAT is computed per rate on the summed gross of that rate (not per
/// line), which is how NL/BE receipts show it and keeps net + VAT == total exactly.
class Basket
{
public:
    /// Adds `quantity` of a product; a product already in the basket (same productId and unit
    /// price, no manual discount) gets its quantity raised instead of a new line.
    /// Returns the index of the line that changed.
    int add(const BasketLine &line);
    /// Sets a line's quantity; 0 removes it. Returns false for an index out of range.
    bool setQuantity(int index, int quantity);
    bool remove(int index);
    void clear();

    const QList<BasketLine> &lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    BasketTotals totals() const;

private:
    QList<BasketLine> m_lines;
};

} // namespace Toonbank::Core
