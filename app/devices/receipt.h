#pragma once

#include "app/core/money.h"
#include "app/core/returns.h"
#include "app/core/sale.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace Toonbank::Devices {

/// What a receipt says, in the words of the sale. Built by the checkout service; laid out by
/// ReceiptLayout for both the screen preview and the printer.
struct ReceiptData
{
    struct Line
    {
        QString name;
        int quantity = 1;
        Core::Money unitPrice;
        Core::Money lineTotal;
        QString vatLabel; // "21%"
        struct Discount
        {
            QString label; // "3 voor 2 sokken", "Manual discount: Damaged"
            Core::Money amount; // positive: what it took off the line
        };
        QList<Discount> discounts; // every adjustment, so the customer sees what was saved
    };
    struct VatRow
    {
        QString rateLabel;
        Core::Money net;
        Core::Money vat;
        Core::Money gross;
    };

    /// One part payment as printed. Empty `tenders`: the cash-only form (tendered, change).
    struct TenderRow
    {
        Core::TenderMethod method = Core::TenderMethod::Cash;
        Core::Money amount; // what it settled (cash: after rounding)
        Core::Money tendered; // cash handed over
        Core::Money change; // cash given back
        QString cardBrand; // card: "VISA"
        QString maskedPan; // card: "**** **** **** 1234"
        QString reference; // card: terminal reference; gift card: number (only the last 4
                           // print); exchange credit: the return's receipt number
        QString authCode; // card: approval code
        qint64 points = 0; // points redeemed
        std::optional<Core::Money> balanceLeft; // gift card / store credit after it
    };

    QString storeName;
    QString storeAddress; // street and number
    QString storeCity;
    QString vatNumber; // the seller's VAT number ("NL001234567B01"); empty: not printed
    QDateTime soldAt; // local time for the print
    QString staffName;
    QString receiptNumber;
    QString saleId;
    QList<Line> lines;
    QList<VatRow> vat;
    Core::Money total; // unrounded
    Core::Money rounding; // cash rounding; zero when none
    Core::Money paid; // total + rounding
    Core::Money tendered;
    Core::Money change;
    QList<TenderRow> tenders; // every tender of the sale, in the order they were paid
    qint64 pointsEarned = 0; // with a customer attached
    std::optional<qint64> pointsBalance; // the customer's balance after the sale, when known
    bool training = false;
    bool duplicate = false; // a reprint: marked as a copy, as a duplicate must be (NL/BE)
    QLocale locale;

    /// One refund part of a return as printed.
    struct RefundRow
    {
        Core::RefundMethod method = Core::RefundMethod::Cash;
        Core::Money amount; // what went back (cash: after rounding)
        QString maskedPan; // card: "**** **** **** 1234"
        QString reference; // card: the refund's terminal reference; gift card: number (last 4
                           // print); web: the payment provider's reference; exchange: new sale
        qint64 points = 0; // loyalty points given back
    };
    /// What only a return receipt has (issue "Returns"). Set (by returnReceiptData()), layout()
    /// prints the return form instead of the sale form: `receiptNumber` is the return's own
    /// number, `lines` the returned lines (lineTotal = the refund), `vat` the refund's VAT
    /// per rate, `total`/`rounding`/`paid` the refund before and after cash rounding; the QR
    /// holds Core::returnQrPayload(receiptNumber, returnId).
    struct ReturnPart
    {
        QString returnId;
        Core::ReturnOrigin origin = Core::ReturnOrigin::StoreSale;
        QString originalNumber; // the original receipt / web order number ("" without receipt)
        Core::Money delivery; // delivery cost refunded (web order, full withdrawal)
        QList<RefundRow> refunds;
        qint64 pointsTakenBack = 0;
        qint64 pointsGivenBack = 0;
        QString exchangeSaleId; // the new sale of an exchange
        QString exchangeReceiptNumber; // its receipt number when known (printed instead of id)
    };
    std::optional<ReturnPart> returnPart; // none: a sale receipt

    /// An endless-aisle order paid in this sale (issue 11, docs/STOCK.md §5): printed as
    /// "Web order WS12345678", the delivery (option, days, address or pickup store, the pickup
    /// code) and a QR holding the plain order number (the returns look-up reads it as typed).
    struct OrderPart
    {
        QString orderNumber; // "WS12345678"
        Core::DeliveryKind kind = Core::DeliveryKind::Home;
        QString optionLabel; // "Standard delivery"
        int workingDays = 0;
        Core::Money deliveryPrice;
        QStringList addressLines; // Home: name, street, postcode + city, country
        QString pickupStoreName; // StorePickup
        QString pickupCode; // StorePickup: the code the customer shows in that store
    };
    std::optional<OrderPart> orderPart;
};

/// What a receipt says about the store it is printed in (the header of a return receipt).
struct ReceiptStoreInfo
{
    QString storeName;
    QString storeAddress;
    QString storeCity;
    QString vatNumber;
    QString staffName;
    QLocale locale;
    QTimeZone timeZone; // the store's; invalid: the tablet's local time
};

/// The receipt of a finished return: header from `store`, the return's own number, the
/// original's number, the returned lines with their refunds, the refund's VAT per rate, every
/// refund part (card with masked PAN and terminal reference, cash with its rounding, store
/// credit, gift card, web payment, points given back, exchange credit naming the new sale),
/// the points taken back, and the return QR. Lay it out with ReceiptLayout::layout() like a
/// sale receipt (printer, preview, PDF, e-mail).
ReceiptData returnReceiptData(const Core::Return &ret, const ReceiptStoreInfo &store,
    const QString &exchangeReceiptNumber = {});

/// One printed line. A Qr line carries the QR payload in `text`.
struct ReceiptLine
{
    enum class Kind { Text, Qr, Rule };
    enum class Align { Left, Center, Right };
    Kind kind = Kind::Text;
    QString text;
    Align align = Align::Left;
    bool bold = false;
    bool large = false; // double width and height on the printer
};

/// The one place that decides what a receipt looks like (NL/BE simplified invoice: seller name,
/// address and VAT number, date and time, what was supplied, VAT per rate, total; plus the
/// rounding line with both totals, every tender (card brand, masked PAN and terminal reference;
/// gift card's last digits and balance left; store credit; points), change, points earned and
/// balance, the receipt number and the QR code that finds the sale again). The screen preview,
/// the ESC/POS printer and the PDF (ReceiptPdf) all draw these lines.
class ReceiptLayout final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Devices::ReceiptLayout)
public:
    static constexpr int defaultWidth = 42; // characters on 80 mm paper, font A at 12 cpi

    static QList<ReceiptLine> layout(const ReceiptData &receipt, int width = defaultWidth);
    /// A headline in double size, wrapped at word boundaries to half the width; a word too
    /// long for that falls back to normal size (wrapped to the full width), so nothing is cut.
    static QList<ReceiptLine> headline(const QString &text, int width = defaultWidth);
    /// The lines as plain text, for the preview and the log (the QR becomes its payload).
    static QString toPlainText(const QList<ReceiptLine> &lines, int width = defaultWidth);
    /// What the QR code holds: enough to find the sale again for a return (a return receipt:
    /// Core::returnQrPayload, which a return refuses as "return.of_return").
    static QString qrPayload(const ReceiptData &receipt);
    /// "**** 5678": the last four characters of a gift-card number, the rest hidden.
    static QString lastFour(const QString &number);

private:
    static QList<ReceiptLine> layoutReturn(const ReceiptData &receipt, int width);
};

} // namespace Toonbank::Devices
