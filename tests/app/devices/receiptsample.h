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

/// A finished return of two lines refunded every way a return can (the layout prints each):
/// card, cash with rounding, store credit, gift card, web payment, points, exchange credit.
inline Core::Return sampleReturn()
{
    using Core::Money;
    Core::Return ret;
    ret.returnId = QStringLiteral("9b6f3c1e-6c1d-4a55-8d0e-2f4c1a7b9e10");
    ret.receiptNumber = QStringLiteral("AMS01-T1-R000001");
    ret.storeCode = QStringLiteral("AMS01");
    ret.returnedAt = QDateTime(QDate(2026, 11, 10), QTime(13, 5), QTimeZone::utc());
    ret.staffId = 7;
    ret.origin = Core::ReturnOrigin::StoreSale;
    ret.originNumber = QStringLiteral("AMS01-T1-000042");
    ret.originSaleId = QStringLiteral("6f1c2a5e-2b7f-4a59-9a0e-6a3c1d2e4f50");
    Core::ReturnLine jeans;
    jeans.lineId = QStringLiteral("R1");
    jeans.originalLineId = QStringLiteral("L1");
    jeans.name = QStringLiteral("501 Original Jeans");
    jeans.vatBasisPoints = 2100;
    jeans.quantity = 1;
    jeans.refund = Money::fromCents(9999);
    Core::ReturnLine book = jeans;
    book.lineId = QStringLiteral("R2");
    book.name = QStringLiteral("Cookbook");
    book.vatClass = Core::VatClass::Reduced;
    book.vatBasisPoints = 900;
    book.quantity = 2;
    book.refund = Money::fromCents(2004);
    ret.lines = { jeans, book };
    ret.goods = Money::fromCents(12003);
    ret.total = ret.goods;
    ret.rounding = Money::fromCents(2);
    ret.vat = Core::returnVat(ret.lines);
    auto refund = [](Core::RefundMethod method, qint64 cents) {
        Core::Refund r;
        r.method = method;
        r.amount = Money::fromCents(cents);
        return r;
    };
    Core::Refund card = refund(Core::RefundMethod::Card, 5000);
    card.reference = QStringLiteral("POI-R-991");
    card.originalReference = QStringLiteral("POI-7788");
    card.maskedPan = QStringLiteral("**** **** **** 1234");
    Core::Refund cash = refund(Core::RefundMethod::Cash, 1005);
    Core::Refund credit = refund(Core::RefundMethod::StoreCredit, 1000);
    credit.reference = QStringLiteral("2990000000015");
    Core::Refund gift = refund(Core::RefundMethod::GiftCard, 2000);
    gift.reference = QStringLiteral("6064360000000009");
    Core::Refund web = refund(Core::RefundMethod::WebPayment, 1000);
    web.reference = QStringLiteral("PSP-778");
    web.originalReference = QStringLiteral("PSP-778");
    Core::Refund points = refund(Core::RefundMethod::LoyaltyPoints, 400);
    points.points = 400;
    points.reference = QStringLiteral("2990000000015");
    Core::Refund exchange = refund(Core::RefundMethod::Exchange, 1600);
    exchange.reference = QStringLiteral("0d6a1f3b-2c4e-4f5a-9b8c-7d6e5f4a3b2c");
    ret.refunds = { card, cash, credit, gift, web, points, exchange };
    ret.exchangeSaleId = exchange.reference;
    ret.customer
        = Core::SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("silver") };
    ret.pointsTakenBack = 120;
    ret.pointsGivenBack = 400;
    return ret;
}

inline Devices::ReceiptStoreInfo sampleStore()
{
    Devices::ReceiptStoreInfo store;
    store.storeName = QStringLiteral("Toonbank Amsterdam");
    store.storeAddress = QStringLiteral("Kalverstraat 12");
    store.storeCity = QStringLiteral("1012 PC Amsterdam");
    store.vatNumber = QStringLiteral("NL001234567B01");
    store.staffName = QStringLiteral("Anna de Vries");
    store.locale = QLocale(QLocale::Dutch, QLocale::Netherlands);
    store.timeZone = QTimeZone(QByteArrayLiteral("Europe/Amsterdam"));
    return store;
}

} // namespace Toonbank::Tests
