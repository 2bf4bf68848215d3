#pragma once

#include "app/devices/receipt.h"

namespace Toonbank::Tests {

/// A split-paid receipt with every part issue 9 adds: VAT number, card, gift card, store
/// credit, points, cash with rounding and change, points earned and balance.
inline Devices::ReceiptData splitReceipt()
{
    using Core::Money;
    Devices::ReceiptData receipt;
    receipt.storeName = QStringLiteral("Toonbank Amsterdam");
    receipt.storeAddress = QStringLiteral("Kalverstraat 12");
    receipt.storeCity = QStringLiteral("1012 PC Amsterdam");
    receipt.vatNumber = QStringLiteral("NL001234567B01");
    receipt.soldAt = QDateTime(QDate(2026, 3, 2), QTime(10, 15));
    receipt.staffName = QStringLiteral("Anna de Vries");
    receipt.receiptNumber = QStringLiteral("AMS01-T1-000042");
    receipt.saleId = QStringLiteral("sale-42");
    receipt.lines.append({ QStringLiteral("501 Original Jeans"), 1, Money::fromCents(9999),
        Money::fromCents(9999), QStringLiteral("21%"), {} });
    receipt.vat.append({ QStringLiteral("21%"), Money::fromCents(8264), Money::fromCents(1735),
        Money::fromCents(9999) });
    receipt.total = Money::fromCents(9999);
    receipt.rounding = Money::fromCents(1);
    receipt.paid = Money::fromCents(10000);
    using Row = Devices::ReceiptData::TenderRow;
    Row card;
    card.method = Core::TenderMethod::Card;
    card.amount = Money::fromCents(5000);
    card.cardBrand = QStringLiteral("VISA");
    card.maskedPan = QStringLiteral("**** **** **** 1234");
    card.reference = QStringLiteral("POI-7788");
    card.authCode = QStringLiteral("A1B2C3");
    Row gift;
    gift.method = Core::TenderMethod::GiftCard;
    gift.amount = Money::fromCents(2000);
    gift.reference = QStringLiteral("6001 2345 6789 5678");
    gift.balanceLeft = Money::fromCents(1250);
    Row credit;
    credit.method = Core::TenderMethod::StoreCredit;
    credit.amount = Money::fromCents(1000);
    credit.balanceLeft = Money::fromCents(300);
    Row points;
    points.method = Core::TenderMethod::LoyaltyPoints;
    points.amount = Money::fromCents(500);
    points.points = 500;
    Row cash;
    cash.method = Core::TenderMethod::Cash;
    cash.amount = Money::fromCents(1500);
    cash.tendered = Money::fromCents(2000);
    cash.change = Money::fromCents(500);
    receipt.tenders = { card, gift, credit, points, cash };
    receipt.pointsEarned = 99;
    receipt.pointsBalance = 1234;
    receipt.locale = QLocale(QLocale::Dutch, QLocale::Netherlands);
    return receipt;
}

} // namespace Toonbank::Tests
