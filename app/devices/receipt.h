#pragma once

#include "app/core/money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>

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

    QString storeName;
    QString storeAddress; // street and number
    QString storeCity;
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
    bool training = false;
    bool duplicate = false; // a reprint: marked as a copy, as a duplicate must be (NL/BE)
    QLocale locale;
};

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

/// The one place that decides what a receipt looks like (NL/BE simplified invoice: seller name
/// and address, date and time, what was supplied, VAT per rate, total; plus the rounding line,
/// cash tendered and change, the receipt number and the QR code that finds the sale again).
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
    /// What the QR code holds: enough to find the sale again for a return.
    static QString qrPayload(const ReceiptData &receipt);
};

} // namespace Toonbank::Devices
