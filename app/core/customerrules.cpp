#include "customerrules.h"

#include "barcode.h"
#include "tr.h"

namespace Toonbank::Core {

namespace {

const QLatin1String appQrPrefix("TBCUST:");
const QLatin1String cardPrefix("299");

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// A loyalty card number: a valid EAN-13 in the GS1 in-store range 299….
bool isCardNumber(const QString &code)
{
    if (code.size() != 13 || !code.startsWith(cardPrefix))
        return false;
    const auto barcode = Barcode::parse(code);
    return barcode.ok() && barcode->kind() == Barcode::Kind::Internal;
}

Error phoneError(const QString &text, const QString &why)
{
    return Error::make(QStringLiteral("customer.phone"),
        Tr::tr("\"%1\" is not a valid phone number.").arg(text.left(40)), why);
}

} // namespace

ScanKind classifyScan(const QString &code)
{
    const QString trimmed = code.trimmed();
    if (trimmed.startsWith(appQrPrefix, Qt::CaseInsensitive))
        return isCardNumber(trimmed.mid(appQrPrefix.size())) ? ScanKind::CustomerAppQr
                                                             : ScanKind::Unknown;
    if (isCardNumber(trimmed))
        return ScanKind::LoyaltyCard;
    if (Barcode::parse(trimmed).ok())
        return ScanKind::Product;
    return ScanKind::Unknown;
}

Result<QString> loyaltyCardNumber(const QString &code)
{
    const QString trimmed = code.trimmed();
    switch (classifyScan(trimmed)) {
    case ScanKind::LoyaltyCard:
        return trimmed;
    case ScanKind::CustomerAppQr:
        return trimmed.mid(appQrPrefix.size());
    case ScanKind::Product:
    case ScanKind::Unknown:
        break;
    }
    return Error::make(QStringLiteral("customer.card"),
        Tr::tr("\"%1\" is not a loyalty card.").arg(trimmed.left(40)),
        QStringLiteral("code=%1").arg(trimmed.left(60)));
}

Result<QString> normalisePhone(const QString &text, const QString &country)
{
    const QString trimmed = text.trimmed();
    QString digits;
    bool plus = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (isAsciiDigit(c)) {
            digits.append(c);
        } else if (c == QLatin1Char('+') && i == 0) {
            plus = true;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('.')
            || c == QLatin1Char('/') || c == QLatin1Char('(') || c == QLatin1Char(')')) {
            continue;
        } else {
            return phoneError(text, QStringLiteral("unexpected character"));
        }
    }
    if (digits.isEmpty())
        return phoneError(text, QStringLiteral("no digits"));

    QString international; // country code + subscriber number, digits only
    if (plus) {
        international = digits;
    } else if (digits.startsWith(QLatin1String("00"))) {
        international = digits.mid(2);
    } else if (digits.startsWith(QLatin1Char('0'))) {
        const QString upper = country.trimmed().toUpper();
        if (upper == QLatin1String("NL"))
            international = QStringLiteral("31") + digits.mid(1);
        else if (upper == QLatin1String("BE"))
            international = QStringLiteral("32") + digits.mid(1);
        else
            return phoneError(text, QStringLiteral("unknown country %1").arg(country.left(8)));
    } else {
        return phoneError(text, QStringLiteral("no country code and no trunk prefix"));
    }
    if (international.startsWith(QLatin1Char('0')))
        return phoneError(text, QStringLiteral("country code starts with 0"));

    const qsizetype length = international.size();
    if (international.startsWith(QLatin1String("31"))) {
        // NL: 9 digits after the country code (mobile 6…, landline area code + number).
        if (length != 11)
            return phoneError(text, QStringLiteral("NL number of %1 digits").arg(length - 2));
    } else if (international.startsWith(QLatin1String("32"))) {
        // BE: 8 digits for a landline, 9 for a mobile (4…).
        if (length != 10 && length != 11)
            return phoneError(text, QStringLiteral("BE number of %1 digits").arg(length - 2));
    } else if (length < 8 || length > 15) {
        // E.164 allows at most 15 digits; anything under 8 is no full number.
        return phoneError(text, QStringLiteral("%1 digits").arg(length));
    }
    return QLatin1Char('+') + international;
}

Result<QString> normaliseEmail(const QString &text)
{
    const QString email = text.trimmed().toLower();
    auto invalid = [&text](const QString &why) {
        return Error::make(QStringLiteral("customer.email"),
            Tr::tr("\"%1\" is not a valid e-mail address.").arg(text.left(60)), why);
    };
    if (email.isEmpty())
        return invalid(QStringLiteral("empty"));
    if (email.size() > 254)
        return invalid(QStringLiteral("longer than 254 characters"));
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return invalid(QStringLiteral("white space or control character"));
    }
    if (email.count(QLatin1Char('@')) != 1)
        return invalid(QStringLiteral("not exactly one @"));
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    if (local.isEmpty())
        return invalid(QStringLiteral("nothing before the @"));
    const qsizetype dot = domain.indexOf(QLatin1Char('.'));
    if (dot <= 0 || domain.endsWith(QLatin1Char('.')) || domain.contains(QLatin1String("..")))
        return invalid(QStringLiteral("domain without a proper dot"));
    return email;
}

} // namespace Toonbank::Core
