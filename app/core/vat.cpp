#include "vat.h"

#include "tr.h"

#include <utility>

namespace Toonbank::Core {

QString VatRate::toDisplayString() const
{
    const int whole = basisPoints / 100;
    int fraction = basisPoints % 100;
    QString number = QString::number(whole);
    if (fraction != 0) {
        // 550 → "5.5", 1225 → "12.25": no trailing zero after the point.
        QString decimals = QStringLiteral("%1").arg(fraction, 2, 10, QLatin1Char('0'));
        if (decimals.endsWith(QLatin1Char('0')))
            decimals.chop(1);
        number += QLatin1Char('.') + decimals;
    }
    return Tr::tr("%1%").arg(number);
}

VatTable::VatTable(QList<VatRule> rules)
    : m_rules(std::move(rules))
{}

VatTable VatTable::builtIn()
{
    auto rule = [](const char *country, const char *vatClass, int basisPoints, QDate validFrom,
                   QDate validUntil = {}) {
        return VatRule{QLatin1String(country), QLatin1String(vatClass), basisPoints, validFrom,
                       validUntil};
    };
    return VatTable({
        // Netherlands (Wet op de omzetbelasting 1968).
        rule("NL", "standard", 1900, QDate(2001, 1, 1), QDate(2012, 9, 30)),
        rule("NL", "standard", 2100, QDate(2012, 10, 1)),
        rule("NL", "reduced", 600, QDate(2001, 1, 1), QDate(2018, 12, 31)),
        rule("NL", "reduced", 900, QDate(2019, 1, 1)),
        // NL has no intermediate band; catalogs shared with BE may still say "intermediate",
        // and the goods concerned (food, books) fall under the NL reduced rate.
        rule("NL", "intermediate", 600, QDate(2001, 1, 1), QDate(2018, 12, 31)),
        rule("NL", "intermediate", 900, QDate(2019, 1, 1)),
        rule("NL", "zero", 0, QDate(2001, 1, 1)),
        // Belgium (Wetboek van de belasting over de toegevoegde waarde).
        rule("BE", "standard", 2100, QDate(1996, 1, 1)),
        rule("BE", "intermediate", 1200, QDate(1996, 1, 1)),
        rule("BE", "reduced", 600, QDate(1996, 1, 1)),
        rule("BE", "zero", 0, QDate(1996, 1, 1)),
    });
}

Result<VatRate> VatTable::rateFor(const QString &country, const QString &vatClass,
                                  QDate onDate) const
{
    for (const VatRule &rule : m_rules) {
        if (rule.country != country || rule.vatClass != vatClass)
            continue;
        if (rule.validFrom.isValid() && onDate < rule.validFrom)
            continue;
        if (rule.validUntil.isValid() && onDate > rule.validUntil)
            continue;
        return VatRate{rule.basisPoints, rule.vatClass};
    }
    const QString date = onDate.isValid() ? onDate.toString(Qt::ISODate) : QStringLiteral("?");
    return Error::make(QStringLiteral("vat.unknown"),
                       Tr::tr("No VAT rate is known for class \"%1\" in %2 on %3.")
                           .arg(vatClass.left(40), country.left(8), date),
                       QStringLiteral("country=%1 class=%2 date=%3").arg(country, vatClass, date));
}

Money vatIncluded(Money gross, int basisPoints)
{
    Q_ASSERT(basisPoints >= 0);
    const qint64 magnitude = gross.cents() < 0 ? -gross.cents() : gross.cents();
    const qint64 numerator = magnitude * basisPoints;
    const qint64 denominator = 10000 + basisPoints;
    // Half away from zero on the magnitude, then the sign back: a refund's VAT mirrors the sale's.
    const qint64 vat = (2 * numerator + denominator) / (2 * denominator);
    return Money::fromCents(gross.cents() < 0 ? -vat : vat);
}

} // namespace Toonbank::Core
