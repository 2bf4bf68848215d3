#pragma once

#include "money.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Toonbank::Core {

/// A VAT rate in basis points: 2100 = 21 %. Integer so totals stay exact.
struct VatRate
{
    int basisPoints = 0;
    QString vatClass; // "standard", "intermediate", "reduced", "zero"

    /// "21%", "6%", "5.5%" — for receipts and the VAT summary.
    QString toDisplayString() const;
    auto operator<=>(const VatRate &) const = default;
};

/// One row of VAT law: in `country`, goods of `vatClass` carry `basisPoints` from `validFrom`
/// up to and including `validUntil` (null = open-ended).
struct VatRule
{
    QString country; // ISO 3166-1 alpha-2: "NL", "BE"
    QString vatClass;
    int basisPoints = 0;
    QDate validFrom;
    QDate validUntil;
};

/// Effective-dated VAT rates as data. Rates change by law (BE moved some goods from 6 to 12 %
/// in 2026), so a rate is always looked up for a country, a class and a date.
class VatTable
{
public:
    VatTable() = default;
    explicit VatTable(QList<VatRule> rules);

    /// The rules shipped with Toonbank for NL and BE.
    static VatTable builtIn();

    Result<VatRate> rateFor(const QString &country, const QString &vatClass, QDate onDate) const;
    const QList<VatRule> &rules() const { return m_rules; }

private:
    QList<VatRule> m_rules;
};

/// VAT for one rate in a basket or a sale (see vatBreakdown() in sale.h).
struct VatBreakdown
{
    VatRate rate;
    Money gross; // VAT-inclusive
    Money vat;
    Money net; // gross - vat, so net + vat == gross exactly
};

/// VAT contained in a VAT-inclusive gross amount at `rate`, rounded half away from zero to the
/// cent: gross * bp / (10000 + bp).
Money vatIncluded(Money gross, int basisPoints);

} // namespace Toonbank::Core
