#include "receipt.h"

#include "receiptlines_p.h"

#include <algorithm>
#include <utility>

namespace Toonbank::Devices {

namespace Internal {

QString leftRight(const QString &left, const QString &right, int width)
{
    const int room = width - int(right.size()) - 1;
    QString text = left.left(qMax(0, room));
    return text + QString(qMax(1, width - int(text.size()) - int(right.size())), QLatin1Char(' '))
        + right;
}

ReceiptLine text(QString content, ReceiptLine::Align align, bool bold, bool large)
{
    return { ReceiptLine::Kind::Text, std::move(content), align, bold, large };
}

ReceiptLine rule()
{
    ReceiptLine line;
    line.kind = ReceiptLine::Kind::Rule;
    return line;
}

// Greedy word wrap; a word longer than a line is cut into pieces of the line's length.
QStringList wrapWords(const QString &text, int lineLength)
{
    QStringList lines;
    QString current;
    for (QString word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        while (word.size() > lineLength) {
            if (!current.isEmpty())
                lines.append(std::exchange(current, QString()));
            lines.append(word.left(lineLength));
            word.remove(0, lineLength);
        }
        if (current.isEmpty())
            current = word;
        else if (current.size() + 1 + word.size() <= lineLength)
            current += QLatin1Char(' ') + word;
        else
            lines.append(std::exchange(current, word));
    }
    if (!current.isEmpty())
        lines.append(current);
    return lines;
}

QString vatColumns(
    const QString &rate, const QString &net, const QString &vat, const QString &gross, int width)
{
    const int column = (width - 6) / 3;
    return rate.leftJustified(6, QLatin1Char(' '), true) + net.rightJustified(column)
        + vat.rightJustified(column) + gross.rightJustified(column);
}

} // namespace Internal

using namespace Internal;

QList<ReceiptLine> ReceiptLayout::headline(const QString &content, int width)
{
    // Double width halves the characters a line holds.
    const int largeLength = qMax(1, width / 2);
    const QStringList words = content.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool fitsLarge = std::all_of(words.cbegin(), words.cend(),
        [largeLength](const QString &word) { return word.size() <= largeLength; });
    QList<ReceiptLine> lines;
    for (const QString &line : wrapWords(content, fitsLarge ? largeLength : width))
        lines.append(text(line, ReceiptLine::Align::Center, true, fitsLarge));
    return lines;
}

QString ReceiptLayout::qrPayload(const ReceiptData &receipt)
{
    if (receipt.returnPart)
        return Core::returnQrPayload(receipt.receiptNumber, receipt.returnPart->returnId);
    return QStringLiteral("TOONBANK:SALE:%1:%2").arg(receipt.receiptNumber, receipt.saleId);
}

QString ReceiptLayout::lastFour(const QString &number)
{
    const QString compact = QString(number).remove(QLatin1Char(' '));
    if (compact.size() <= 4)
        return compact;
    return QStringLiteral("**** ") + compact.right(4);
}

QList<ReceiptLine> ReceiptLayout::layout(const ReceiptData &receipt, int width)
{
    if (receipt.returnPart)
        return layoutReturn(receipt, width);
    const QLocale &locale = receipt.locale;
    auto money = [&locale](Core::Money amount) { return amount.toDisplayString(locale); };
    using Align = ReceiptLine::Align;

    QList<ReceiptLine> lines;
    lines.append(headline(receipt.storeName, width));
    lines.append(text(receipt.storeAddress, Align::Center));
    lines.append(text(receipt.storeCity, Align::Center));
    if (!receipt.vatNumber.isEmpty())
        lines.append(text(tr("VAT no. %1").arg(receipt.vatNumber), Align::Center));
    if (receipt.duplicate)
        lines.append(headline(tr("*** COPY ***"), width));
    if (receipt.training)
        lines.append(text(tr("*** TRAINING — NOT A RECEIPT ***"), Align::Center, true));
    lines.append(rule());
    lines.append(text(leftRight(locale.toString(receipt.soldAt.date(), QLocale::ShortFormat),
        locale.toString(receipt.soldAt.time(), QStringLiteral("HH:mm:ss")), width)));
    lines.append(text(leftRight(tr("Receipt"), receipt.receiptNumber, width)));
    lines.append(text(leftRight(tr("Served by"), receipt.staffName, width)));
    lines.append(rule());

    for (const ReceiptData::Line &line : receipt.lines) {
        lines.append(text(leftRight(line.name, money(line.lineTotal), width)));
        lines.append(text(QStringLiteral("  %1 × %2   %3")
                              .arg(line.quantity)
                              .arg(money(line.unitPrice), tr("VAT %1").arg(line.vatLabel))));
        for (const ReceiptData::Line::Discount &discount : line.discounts)
            lines.append(text(
                leftRight(QStringLiteral("  ") + discount.label, money(-discount.amount), width)));
    }
    lines.append(rule());
    lines.append(
        text(leftRight(tr("TOTAL"), money(receipt.total), width / 2), Align::Left, true, true));
    if (receipt.tenders.isEmpty()) {
        // The cash-only form.
        if (!receipt.rounding.isZero()) {
            lines.append(text(leftRight(tr("Cash rounding"), money(receipt.rounding), width)));
            lines.append(text(
                leftRight(tr("To pay in cash"), money(receipt.paid), width), Align::Left, true));
        }
        lines.append(text(leftRight(tr("Cash tendered"), money(receipt.tendered), width)));
        lines.append(
            text(leftRight(tr("Change"), money(receipt.change), width), Align::Left, true));
    } else {
        // Both totals when the cash part was rounded: the unrounded one above, the rounded one
        // here.
        if (!receipt.rounding.isZero()) {
            lines.append(text(leftRight(tr("Cash rounding"), money(receipt.rounding), width)));
            lines.append(text(leftRight(tr("Total after rounding"), money(receipt.paid), width),
                Align::Left, true));
        }
        lines.append(text(tr("Paid with"), Align::Left, true));
        // A detail under a tender, indented and wrapped so nothing is cut at the paper's edge.
        auto detail = [&lines, width](const QString &content) {
            for (const QString &part : wrapWords(content, width - 2))
                lines.append(text(QStringLiteral("  ") + part));
        };
        Core::Money change;
        bool anyCash = false;
        for (const ReceiptData::TenderRow &tender : receipt.tenders) {
            switch (tender.method) {
            case Core::TenderMethod::Cash:
                anyCash = true;
                change += tender.change;
                lines.append(text(leftRight(tr("Cash"), money(tender.amount), width)));
                if (tender.tendered != tender.amount && !tender.tendered.isZero())
                    lines.append(text(leftRight(
                        QStringLiteral("  ") + tr("Tendered"), money(tender.tendered), width)));
                break;
            case Core::TenderMethod::Card:
                lines.append(text(leftRight(
                    tender.cardBrand.isEmpty() ? tr("Card") : tr("Card %1").arg(tender.cardBrand),
                    money(tender.amount), width)));
                if (!tender.maskedPan.isEmpty())
                    detail(tender.maskedPan);
                if (!tender.reference.isEmpty())
                    detail(tr("Terminal ref. %1").arg(tender.reference));
                if (!tender.authCode.isEmpty())
                    detail(tr("Auth. code %1").arg(tender.authCode));
                break;
            case Core::TenderMethod::GiftCard:
                lines.append(text(leftRight(tr("Gift card %1").arg(lastFour(tender.reference)),
                    money(tender.amount), width)));
                if (tender.balanceLeft)
                    lines.append(text(leftRight(QStringLiteral("  ") + tr("Balance left on card"),
                        money(*tender.balanceLeft), width)));
                break;
            case Core::TenderMethod::StoreCredit:
                lines.append(text(leftRight(tr("Store credit"), money(tender.amount), width)));
                if (tender.balanceLeft)
                    lines.append(text(leftRight(QStringLiteral("  ") + tr("Store credit left"),
                        money(*tender.balanceLeft), width)));
                break;
            case Core::TenderMethod::LoyaltyPoints:
                lines.append(text(leftRight(tr("Points (%1)").arg(locale.toString(tender.points)),
                    money(tender.amount), width)));
                break;
            case Core::TenderMethod::ReturnCredit:
                lines.append(text(leftRight(tr("Exchange credit"), money(tender.amount), width)));
                if (!tender.reference.isEmpty())
                    detail(tr("Return %1").arg(tender.reference));
                break;
            }
        }
        if (anyCash || !change.isZero())
            lines.append(text(leftRight(tr("Change"), money(change), width), Align::Left, true));
    }
    if (receipt.pointsEarned != 0 || receipt.pointsBalance) {
        lines.append(rule());
        lines.append(
            text(leftRight(tr("Points earned"), locale.toString(receipt.pointsEarned), width)));
        if (receipt.pointsBalance)
            lines.append(text(leftRight(
                tr("Your points balance"), locale.toString(*receipt.pointsBalance), width)));
    }
    lines.append(rule());

    lines.append(text(tr("VAT summary"), Align::Left, true));
    // Four columns: rate, net, VAT, gross — right-aligned so the figures line up.
    auto row = [width](const QString &rate, const QString &net, const QString &vat,
                   const QString &gross) { return vatColumns(rate, net, vat, gross, width); };
    lines.append(text(row(tr("Rate"), tr("Net"), tr("VAT"), tr("Incl."))));
    for (const ReceiptData::VatRow &vat : receipt.vat)
        lines.append(text(row(vat.rateLabel, money(vat.net), money(vat.vat), money(vat.gross))));
    lines.append(rule());

    if (receipt.orderPart) {
        // The endless-aisle order (docs/STOCK.md §5): its number, how it reaches the customer,
        // and a QR of the number for the pickup and returns counters.
        const ReceiptData::OrderPart &order = *receipt.orderPart;
        lines.append(text(tr("Web order %1").arg(order.orderNumber), Align::Left, true));
        const QString days = order.kind == Core::DeliveryKind::StorePickup ? QString()
            : order.workingDays == 1                                       ? tr("1 working day")
                                     : tr("%1 working days").arg(order.workingDays);
        QString how = order.optionLabel;
        if (!days.isEmpty())
            how += QStringLiteral(" · ") + days;
        for (const QString &part : wrapWords(how, width))
            lines.append(text(part));
        if (order.kind == Core::DeliveryKind::Home) {
            lines.append(text(leftRight(tr("Delivery"),
                order.deliveryPrice.isZero() ? tr("free") : money(order.deliveryPrice), width)));
            lines.append(text(tr("Deliver to:")));
            for (const QString &address : order.addressLines) {
                for (const QString &part : wrapWords(address, width - 2))
                    lines.append(text(QStringLiteral("  ") + part));
            }
        } else {
            for (const QString &part :
                wrapWords(tr("Pick up at: %1").arg(order.pickupStoreName), width))
                lines.append(text(part));
            if (!order.pickupCode.isEmpty()) {
                lines.append(text(tr("Pickup code"), Align::Center));
                lines.append(text(order.pickupCode, Align::Center, true, true));
            }
        }
        lines.append({ ReceiptLine::Kind::Qr, order.orderNumber, Align::Center });
        lines.append(text(order.orderNumber, Align::Center, true));
        lines.append(rule());
    }

    lines.append({ ReceiptLine::Kind::Qr, qrPayload(receipt), Align::Center });
    lines.append(text(receipt.receiptNumber, Align::Center));
    if (receipt.duplicate)
        lines.append(text(tr("Copy — not a new sale"), Align::Center, true));
    lines.append(text(tr("Thank you for your visit!"), Align::Center));
    return lines;
}

QList<ReceiptLine> ReceiptLayout::layoutReturn(const ReceiptData &receipt, int width)
{
    Q_ASSERT(receipt.returnPart);
    const ReceiptData::ReturnPart &part = *receipt.returnPart;
    const QLocale &locale = receipt.locale;
    auto money = [&locale](Core::Money amount) { return amount.toDisplayString(locale); };
    using Align = ReceiptLine::Align;

    QList<ReceiptLine> lines;
    lines.append(headline(receipt.storeName, width));
    lines.append(text(receipt.storeAddress, Align::Center));
    lines.append(text(receipt.storeCity, Align::Center));
    if (!receipt.vatNumber.isEmpty())
        lines.append(text(tr("VAT no. %1").arg(receipt.vatNumber), Align::Center));
    lines.append(headline(tr("RETURN"), width));
    if (receipt.duplicate)
        lines.append(headline(tr("*** COPY ***"), width));
    if (receipt.training)
        lines.append(text(tr("*** TRAINING — NOT A RECEIPT ***"), Align::Center, true));
    lines.append(rule());
    lines.append(text(leftRight(locale.toString(receipt.soldAt.date(), QLocale::ShortFormat),
        locale.toString(receipt.soldAt.time(), QStringLiteral("HH:mm:ss")), width)));
    lines.append(text(leftRight(tr("Return"), receipt.receiptNumber, width)));
    switch (part.origin) {
    case Core::ReturnOrigin::StoreSale:
        lines.append(text(leftRight(tr("Original receipt"), part.originalNumber, width)));
        break;
    case Core::ReturnOrigin::WebOrder:
        lines.append(text(leftRight(tr("Web order"), part.originalNumber, width)));
        break;
    case Core::ReturnOrigin::NoReceipt:
        lines.append(text(tr("Without receipt")));
        break;
    }
    lines.append(text(leftRight(tr("Served by"), receipt.staffName, width)));
    lines.append(rule());

    for (const ReceiptData::Line &line : receipt.lines) {
        lines.append(text(leftRight(line.name, money(line.lineTotal), width)));
        lines.append(
            text(QStringLiteral("  %1   %2")
                     .arg(tr("%1 returned").arg(line.quantity), tr("VAT %1").arg(line.vatLabel))));
    }
    if (!part.delivery.isZero())
        lines.append(text(leftRight(tr("Delivery cost"), money(part.delivery), width)));
    lines.append(rule());
    lines.append(
        text(leftRight(tr("REFUND"), money(receipt.total), width / 2), Align::Left, true, true));
    if (!receipt.rounding.isZero()) {
        lines.append(text(leftRight(tr("Cash rounding"), money(receipt.rounding), width)));
        lines.append(text(
            leftRight(tr("Refund after rounding"), money(receipt.paid), width), Align::Left, true));
    }
    lines.append(text(tr("Refunded to"), Align::Left, true));
    auto detail = [&lines, width](const QString &content) {
        for (const QString &piece : wrapWords(content, width - 2))
            lines.append(text(QStringLiteral("  ") + piece));
    };
    for (const ReceiptData::RefundRow &refund : part.refunds) {
        switch (refund.method) {
        case Core::RefundMethod::Cash:
            lines.append(text(leftRight(tr("Cash"), money(refund.amount), width)));
            break;
        case Core::RefundMethod::Card:
            lines.append(text(leftRight(tr("Card"), money(refund.amount), width)));
            if (!refund.maskedPan.isEmpty())
                detail(refund.maskedPan);
            if (!refund.reference.isEmpty())
                detail(tr("Terminal ref. %1").arg(refund.reference));
            break;
        case Core::RefundMethod::WebPayment:
            lines.append(text(leftRight(tr("Web payment"), money(refund.amount), width)));
            if (!refund.reference.isEmpty())
                detail(tr("Payment ref. %1").arg(refund.reference));
            detail(tr("Refunded to the original web payment."));
            break;
        case Core::RefundMethod::GiftCard:
            lines.append(text(leftRight(
                tr("Gift card %1").arg(lastFour(refund.reference)), money(refund.amount), width)));
            break;
        case Core::RefundMethod::StoreCredit:
            lines.append(text(leftRight(tr("Store credit"), money(refund.amount), width)));
            break;
        case Core::RefundMethod::LoyaltyPoints:
            lines.append(
                text(leftRight(tr("Points given back (%1)").arg(locale.toString(refund.points)),
                    money(refund.amount), width)));
            break;
        case Core::RefundMethod::Exchange:
            lines.append(text(leftRight(tr("Exchange credit"), money(refund.amount), width)));
            if (!part.exchangeReceiptNumber.isEmpty())
                detail(tr("New sale %1").arg(part.exchangeReceiptNumber));
            else if (!refund.reference.isEmpty())
                detail(tr("New sale %1").arg(refund.reference));
            break;
        }
    }
    if (part.pointsTakenBack != 0 || part.pointsGivenBack != 0) {
        lines.append(rule());
        if (part.pointsGivenBack != 0)
            lines.append(text(
                leftRight(tr("Points given back"), locale.toString(part.pointsGivenBack), width)));
        if (part.pointsTakenBack != 0)
            lines.append(text(
                leftRight(tr("Points taken back"), locale.toString(part.pointsTakenBack), width)));
    }
    lines.append(rule());

    lines.append(text(tr("VAT summary of the refund"), Align::Left, true));
    auto row = [width](const QString &rate, const QString &net, const QString &vat,
                   const QString &gross) { return vatColumns(rate, net, vat, gross, width); };
    lines.append(text(row(tr("Rate"), tr("Net"), tr("VAT"), tr("Incl."))));
    for (const ReceiptData::VatRow &vat : receipt.vat)
        lines.append(text(row(vat.rateLabel, money(vat.net), money(vat.vat), money(vat.gross))));
    lines.append(rule());

    lines.append({ ReceiptLine::Kind::Qr, qrPayload(receipt), Align::Center });
    lines.append(text(receipt.receiptNumber, Align::Center));
    if (receipt.duplicate)
        lines.append(text(tr("Copy — not a new return"), Align::Center, true));
    lines.append(text(tr("A return cannot be returned again."), Align::Center));
    return lines;
}

ReceiptData returnReceiptData(
    const Core::Return &ret, const ReceiptStoreInfo &store, const QString &exchangeReceiptNumber)
{
    ReceiptData receipt;
    receipt.storeName = store.storeName;
    receipt.storeAddress = store.storeAddress;
    receipt.storeCity = store.storeCity;
    receipt.vatNumber = store.vatNumber;
    receipt.staffName = store.staffName;
    receipt.locale = store.locale;
    receipt.soldAt = store.timeZone.isValid() ? ret.returnedAt.toTimeZone(store.timeZone)
                                              : ret.returnedAt.toLocalTime();
    receipt.receiptNumber = ret.receiptNumber;
    receipt.saleId = ret.returnId;
    for (const Core::ReturnLine &line : ret.lines) {
        const Core::Money perUnit = line.quantity > 0
            ? Core::Money::fromCents(line.refund.cents() / line.quantity)
            : line.refund;
        const Core::VatRate rate { line.vatBasisPoints, Core::name(line.vatClass) };
        receipt.lines.append(
            { line.name, line.quantity, perUnit, line.refund, rate.toDisplayString(), {} });
    }
    for (const Core::VatBreakdown &vat : ret.vat)
        receipt.vat.append({ vat.rate.toDisplayString(), vat.net, vat.vat, vat.gross });
    receipt.total = ret.total;
    receipt.rounding = ret.rounding;
    receipt.paid = ret.total + ret.rounding;
    receipt.training = ret.training;

    ReceiptData::ReturnPart part;
    part.returnId = ret.returnId;
    part.origin = ret.origin;
    part.originalNumber = ret.originNumber;
    part.delivery = ret.delivery;
    part.pointsTakenBack = ret.pointsTakenBack;
    part.pointsGivenBack = ret.pointsGivenBack;
    part.exchangeSaleId = ret.exchangeSaleId;
    part.exchangeReceiptNumber = exchangeReceiptNumber;
    for (const Core::Refund &refund : ret.refunds) {
        ReceiptData::RefundRow row;
        row.method = refund.method;
        row.amount = refund.amount;
        row.maskedPan = refund.maskedPan;
        row.points = refund.points;
        switch (refund.method) {
        case Core::RefundMethod::Card:
            // The refund's own terminal reference once it ran; the original's otherwise.
            row.reference
                = refund.reference.isEmpty() ? refund.originalReference : refund.reference;
            break;
        case Core::RefundMethod::WebPayment:
            row.reference
                = refund.originalReference.isEmpty() ? refund.reference : refund.originalReference;
            break;
        case Core::RefundMethod::GiftCard:
        case Core::RefundMethod::Exchange:
            row.reference = refund.reference;
            break;
        case Core::RefundMethod::Cash:
        case Core::RefundMethod::StoreCredit:
        case Core::RefundMethod::LoyaltyPoints:
            break; // a customer's card number is not printed
        }
        part.refunds.append(row);
    }
    receipt.returnPart = part;
    return receipt;
}

QString ReceiptLayout::toPlainText(const QList<ReceiptLine> &lines, int width)
{
    QStringList out;
    for (const ReceiptLine &line : lines) {
        switch (line.kind) {
        case ReceiptLine::Kind::Rule:
            out.append(QString(width, QLatin1Char('-')));
            break;
        case ReceiptLine::Kind::Qr:
            out.append(QStringLiteral("[QR %1]").arg(line.text));
            break;
        case ReceiptLine::Kind::Text: {
            const int pad = width - int(line.text.size());
            if (line.align == ReceiptLine::Align::Center && pad > 0)
                out.append(QString(pad / 2, QLatin1Char(' ')) + line.text);
            else if (line.align == ReceiptLine::Align::Right && pad > 0)
                out.append(QString(pad, QLatin1Char(' ')) + line.text);
            else
                out.append(line.text);
            break;
        }
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace Toonbank::Devices
