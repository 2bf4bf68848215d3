#include "app/devices/receipt.h"
#include "app/devices/receiptprinter.h"
#include "receiptsample.h"

#include <QTest>

using namespace Toonbank;
using Devices::ReceiptLayout;
using Devices::ReceiptLine;

/// The receipt layout both the printer and the screen preview use: nothing may be cut at the
/// paper's edge, and a reprint is marked as a copy.
class TestReceipt final : public QObject
{
    Q_OBJECT

private:
    static Devices::ReceiptData sample(const QString &storeName)
    {
        Devices::ReceiptData receipt;
        receipt.storeName = storeName;
        receipt.storeAddress = QStringLiteral("Kalverstraat 12");
        receipt.storeCity = QStringLiteral("1012 PC Amsterdam");
        receipt.soldAt = QDateTime(QDate(2026, 3, 2), QTime(10, 15));
        receipt.staffName = QStringLiteral("Anna de Vries");
        receipt.receiptNumber = QStringLiteral("AMS01-T1-000001");
        receipt.saleId = QStringLiteral("sale-1");
        receipt.lines.append({ QStringLiteral("Bamboo socks 3-pack"), 1,
            Core::Money::fromCents(499), Core::Money::fromCents(499), QStringLiteral("21%"), {} });
        receipt.vat.append({ QStringLiteral("21%"), Core::Money::fromCents(412),
            Core::Money::fromCents(87), Core::Money::fromCents(499) });
        receipt.total = Core::Money::fromCents(499);
        receipt.paid = receipt.total;
        receipt.tendered = Core::Money::fromCents(500);
        receipt.change = Core::Money::fromCents(1);
        receipt.locale = QLocale(QLocale::Dutch, QLocale::Netherlands);
        return receipt;
    }

private slots:
    void headlineFitsThePaper_data()
    {
        QTest::addColumn<QString>("storeName");
        QTest::addColumn<bool>("large");
        QTest::addColumn<int>("lineCount");
        QTest::newRow("short, one line") << QStringLiteral("Toonbank Delft") << true << 1;
        QTest::newRow("26 characters wrap")
            << QStringLiteral("Toonbank Amsterdam Centrum") << true << 2;
        QTest::newRow("21 characters exactly")
            << QStringLiteral("Toonbank Utrecht Hoog") << true << 1;
        QTest::newRow("word too long for double size")
            << QStringLiteral("Toonbank Hoogcatharijnewinkelcentrum") << false << 1;
        QTest::newRow("word too long for the paper")
            << QStringLiteral("Toonbank-Utrecht-Hoog-Catharijne-Winkelcentrum") << false << 2;
    }
    void headlineFitsThePaper()
    {
        QFETCH(QString, storeName);
        QFETCH(bool, large);
        QFETCH(int, lineCount);
        const int width = ReceiptLayout::defaultWidth;
        const QList<ReceiptLine> lines = ReceiptLayout::headline(storeName, width);
        QCOMPARE(lines.size(), lineCount);
        QStringList words;
        for (const ReceiptLine &line : lines) {
            QCOMPARE(line.large, large);
            QVERIFY2(line.text.size() <= (line.large ? width / 2 : width), qPrintable(line.text));
            words.append(line.text);
        }
        // Nothing lost: the lines joined give the name back.
        QCOMPARE(words.join(large || lineCount == 1 ? QStringLiteral(" ") : QString()), storeName);
    }

    void everyLineFitsTheWidth()
    {
        const int width = ReceiptLayout::defaultWidth;
        Devices::ReceiptData receipt = sample(QStringLiteral("Toonbank Amsterdam Centrum"));
        receipt.duplicate = true;
        for (const ReceiptLine &line : ReceiptLayout::layout(receipt, width)) {
            if (line.kind == ReceiptLine::Kind::Text)
                QVERIFY2(
                    line.text.size() <= (line.large ? width / 2 : width), qPrintable(line.text));
        }
        // The printer receives the same lines: no double-size run longer than half the paper.
        const QByteArray bytes
            = Devices::EscPosPrinterSimulator::encode(ReceiptLayout::layout(receipt, width), width);
        qsizetype at = 0;
        while ((at = bytes.indexOf(QByteArray("\x1d!\x11", 3), at)) >= 0) {
            const qsizetype end = bytes.indexOf('\n', at);
            QVERIFY(end > at);
            QVERIFY2(end - (at + 3) <= width / 2, bytes.mid(at + 3, end - at - 3).constData());
            at = end;
        }
        QVERIFY(bytes.contains("Toonbank Amsterdam"));
        QVERIFY(bytes.contains("Centrum"));
    }

    void aCopyIsMarkedAsSuch()
    {
        Devices::ReceiptData receipt = sample(QStringLiteral("Toonbank Delft"));
        const QString original = ReceiptLayout::toPlainText(ReceiptLayout::layout(receipt));
        QVERIFY(!original.contains(QStringLiteral("COPY")));
        receipt.duplicate = true;
        const QString copy = ReceiptLayout::toPlainText(ReceiptLayout::layout(receipt));
        QVERIFY2(copy.contains(QStringLiteral("*** COPY ***")),
            qPrintable(copy)); // no translator: the source text
        QVERIFY(copy.contains(QStringLiteral("AMS01-T1-000001")));
    }

    void eachDiscountIsPrintedUnderItsLine()
    {
        Devices::ReceiptData receipt = sample(QStringLiteral("Toonbank Delft"));
        receipt.lines.first().quantity = 3;
        receipt.lines.first().lineTotal = Core::Money::fromCents(998);
        receipt.lines.first().discounts
            = { { QStringLiteral("3 voor 2 sokken"), Core::Money::fromCents(499) } };
        const QList<ReceiptLine> lines = ReceiptLayout::layout(receipt);
        qsizetype item = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).text.startsWith(QStringLiteral("Bamboo socks 3-pack")))
                item = i;
        }
        QVERIFY(item >= 0);
        // The name with the line total, then "3 × price", then the discount with its saving.
        QVERIFY2(lines.at(item + 2).text.contains(QStringLiteral("3 voor 2 sokken")),
            qPrintable(lines.at(item + 2).text));
        QVERIFY2(lines.at(item + 2).text.contains(QStringLiteral("4,99")),
            qPrintable(lines.at(item + 2).text));
        QVERIFY(lines.at(item + 2).text.contains(QChar(u'-'))
            || lines.at(item + 2).text.contains(QChar(u'\u2212')));
        for (const ReceiptLine &line : lines)
            QVERIFY(line.text.size() <= ReceiptLayout::defaultWidth
                || line.kind != ReceiptLine::Kind::Text);
    }
    // Every part a split payment adds, in the plain text (screen) and on the printer.
    void splitPaymentParts_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::newRow("vat number") << QStringLiteral("VAT no. NL001234567B01");
        QTest::newRow("card brand") << QStringLiteral("Card VISA");
        QTest::newRow("masked pan") << QStringLiteral("**** **** **** 1234");
        QTest::newRow("terminal reference") << QStringLiteral("Terminal ref. POI-7788");
        QTest::newRow("auth code") << QStringLiteral("Auth. code A1B2C3");
        QTest::newRow("gift card last four") << QStringLiteral("Gift card **** 5678");
        QTest::newRow("gift card balance") << QStringLiteral("Balance left on card");
        QTest::newRow("store credit") << QStringLiteral("Store credit left");
        QTest::newRow("points tender") << QStringLiteral("Points (500)");
        QTest::newRow("unrounded total") << QStringLiteral("99,99");
        QTest::newRow("cash rounding") << QStringLiteral("Cash rounding");
        QTest::newRow("rounded total") << QStringLiteral("Total after rounding");
        QTest::newRow("cash tendered") << QStringLiteral("Tendered");
        QTest::newRow("change") << QStringLiteral("Change");
        QTest::newRow("points earned") << QStringLiteral("Points earned");
        QTest::newRow("points balance") << QStringLiteral("Your points balance");
        QTest::newRow("receipt number") << QStringLiteral("AMS01-T1-000042");
    }

    void splitPaymentParts()
    {
        QFETCH(QString, expected);
        const Devices::ReceiptData receipt = Tests::splitReceipt();
        const QList<ReceiptLine> lines = ReceiptLayout::layout(receipt);
        const QString plain = ReceiptLayout::toPlainText(lines);
        QVERIFY2(plain.contains(expected), qPrintable(plain));
        const QByteArray bytes
            = Devices::EscPosPrinterSimulator::encode(lines, ReceiptLayout::defaultWidth);
        QVERIFY2(bytes.contains(expected.toLatin1()), qPrintable(expected));
        for (const ReceiptLine &line : lines)
            QVERIFY2(line.kind != ReceiptLine::Kind::Text
                    || line.text.size() <= (line.large ? 21 : ReceiptLayout::defaultWidth),
                qPrintable(line.text));
    }

    void splitPaymentNeverPrintsTheWholeGiftCardNumber()
    {
        const QString plain
            = ReceiptLayout::toPlainText(ReceiptLayout::layout(Tests::splitReceipt()));
        QVERIFY(!plain.contains(QStringLiteral("6789")));
        QVERIFY(!plain.contains(QStringLiteral("Cash tendered"))); // the split form, not cash-only
        // The change of the cash part: € 5,00.
        const QStringList rows = plain.split(QLatin1Char('\n'));
        const auto change = std::find_if(rows.cbegin(), rows.cend(),
            [](const QString &row) { return row.startsWith(QStringLiteral("Change")); });
        QVERIFY(change != rows.cend());
        QVERIFY2(change->contains(QStringLiteral("5,00")), qPrintable(*change));
    }
    // A return receipt: every part of issue "Returns", on screen and on the printer.
    void returnReceiptParts_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::newRow("header") << QStringLiteral("RETURN");
        QTest::newRow("store") << QStringLiteral("Toonbank Amsterdam");
        QTest::newRow("vat number") << QStringLiteral("VAT no. NL001234567B01");
        QTest::newRow("local time") << QStringLiteral("14:05:00");
        QTest::newRow("own number") << QStringLiteral("AMS01-T1-R000001");
        QTest::newRow("original number") << QStringLiteral("AMS01-T1-000042");
        QTest::newRow("original label") << QStringLiteral("Original receipt");
        QTest::newRow("line") << QStringLiteral("501 Original Jeans");
        QTest::newRow("line refund") << QStringLiteral("99,99");
        QTest::newRow("quantity") << QStringLiteral("2 returned");
        QTest::newRow("refund total") << QStringLiteral("REFUND");
        QTest::newRow("vat summary") << QStringLiteral("VAT summary of the refund");
        QTest::newRow("vat 21 row") << QStringLiteral("17,35");
        QTest::newRow("vat 9 row") << QStringLiteral("1,65");
        QTest::newRow("refunded to") << QStringLiteral("Refunded to");
        QTest::newRow("card masked pan") << QStringLiteral("**** **** **** 1234");
        QTest::newRow("card terminal ref") << QStringLiteral("Terminal ref. POI-R-991");
        QTest::newRow("cash rounding") << QStringLiteral("Cash rounding");
        QTest::newRow("after rounding") << QStringLiteral("Refund after rounding");
        QTest::newRow("store credit") << QStringLiteral("Store credit");
        QTest::newRow("gift card last four") << QStringLiteral("Gift card **** 0009");
        QTest::newRow("web payment") << QStringLiteral("Payment ref. PSP-778");
        QTest::newRow("points given back tender") << QStringLiteral("Points given back (400)");
        QTest::newRow("exchange") << QStringLiteral("Exchange credit");
        QTest::newRow("exchange names the new sale") << QStringLiteral("New sale AMS01-T1-000051");
        QTest::newRow("points taken back") << QStringLiteral("Points taken back");
    }

    void returnReceiptParts()
    {
        QFETCH(QString, expected);
        const Devices::ReceiptData receipt = Devices::returnReceiptData(
            Tests::sampleReturn(), Tests::sampleStore(), QStringLiteral("AMS01-T1-000051"));
        const QList<ReceiptLine> lines = ReceiptLayout::layout(receipt);
        const QString plain = ReceiptLayout::toPlainText(lines);
        QVERIFY2(plain.contains(expected), qPrintable(plain));
        const QByteArray bytes
            = Devices::EscPosPrinterSimulator::encode(lines, ReceiptLayout::defaultWidth);
        QVERIFY2(bytes.contains(expected.toLatin1()), qPrintable(expected));
        for (const ReceiptLine &line : lines)
            QVERIFY2(line.kind != ReceiptLine::Kind::Text
                    || line.text.size() <= (line.large ? 21 : ReceiptLayout::defaultWidth),
                qPrintable(line.text));
    }

    void returnReceiptFigures()
    {
        const Core::Return ret = Tests::sampleReturn();
        const Devices::ReceiptData receipt = Devices::returnReceiptData(ret, Tests::sampleStore());
        QVERIFY(receipt.returnPart);
        QCOMPARE(receipt.receiptNumber, ret.receiptNumber);
        QCOMPARE(receipt.returnPart->originalNumber, ret.originNumber);
        QCOMPARE(receipt.soldAt.time(), QTime(14, 5)); // Amsterdam time of 13:05 UTC
        QCOMPARE(receipt.total, ret.total);
        QCOMPARE(receipt.paid, ret.total + ret.rounding);
        QCOMPARE(receipt.lines.size(), 2);
        QCOMPARE(receipt.lines.at(1).lineTotal, Core::Money::fromCents(2004));
        QCOMPARE(receipt.lines.at(1).quantity, 2);
        QCOMPARE(receipt.lines.at(1).vatLabel, QStringLiteral("9%"));
        QCOMPARE(receipt.vat.size(), 2);
        QCOMPARE(receipt.vat.at(0).gross, Core::Money::fromCents(9999));
        QCOMPARE(receipt.vat.at(1).vat, Core::Money::fromCents(165));
        QCOMPARE(receipt.returnPart->refunds.size(), ret.refunds.size());
        // The card row shows the refund's own terminal reference; a customer number never.
        QCOMPARE(receipt.returnPart->refunds.at(0).reference, QStringLiteral("POI-R-991"));
        QVERIFY(receipt.returnPart->refunds.at(2).reference.isEmpty());
        const QString plain = ReceiptLayout::toPlainText(ReceiptLayout::layout(receipt));
        QVERIFY(!plain.contains(QStringLiteral("2990000000015")));
        // Without the new sale's number the exchange names the new sale's id.
        QVERIFY2(plain.contains(QStringLiteral("0d6a1f3b-2c4e-4f5a-9b8c-7d6e5f4a3b2c")),
            qPrintable(plain));
    }

    void returnReceiptQrIsTheReturnPayload()
    {
        const Core::Return ret = Tests::sampleReturn();
        const QList<ReceiptLine> lines
            = ReceiptLayout::layout(Devices::returnReceiptData(ret, Tests::sampleStore()));
        const auto qr = std::find_if(lines.cbegin(), lines.cend(),
            [](const ReceiptLine &line) { return line.kind == ReceiptLine::Kind::Qr; });
        QVERIFY(qr != lines.cend());
        QCOMPARE(qr->text, Core::returnQrPayload(ret.receiptNumber, ret.returnId));
        const Core::ReturnCode code = Core::parseReturnCode(qr->text);
        QCOMPARE(code.kind, Core::ReturnCode::Kind::ReturnReceipt);
        QCOMPARE(code.id, ret.returnId);
    }

    void returnReceiptOrigins_data()
    {
        QTest::addColumn<int>("origin");
        QTest::addColumn<QString>("expected");
        QTest::newRow("web order")
            << int(Core::ReturnOrigin::WebOrder) << QStringLiteral("Web order");
        QTest::newRow("no receipt")
            << int(Core::ReturnOrigin::NoReceipt) << QStringLiteral("Without receipt");
    }

    void returnReceiptOrigins()
    {
        QFETCH(int, origin);
        QFETCH(QString, expected);
        Core::Return ret = Tests::sampleReturn();
        ret.origin = Core::ReturnOrigin(origin);
        if (ret.origin == Core::ReturnOrigin::WebOrder) {
            ret.originNumber = QStringLiteral("W-100234");
            ret.delivery = Core::Money::fromCents(495);
        } else {
            ret.originNumber.clear();
        }
        const QString plain = ReceiptLayout::toPlainText(
            ReceiptLayout::layout(Devices::returnReceiptData(ret, Tests::sampleStore())));
        QVERIFY2(plain.contains(expected), qPrintable(plain));
        QCOMPARE(plain.contains(QStringLiteral("Original receipt")), false);
        if (ret.origin == Core::ReturnOrigin::WebOrder) {
            QVERIFY(plain.contains(QStringLiteral("W-100234")));
            QVERIFY(plain.contains(QStringLiteral("Delivery cost")));
            QVERIFY(plain.contains(QStringLiteral("4,95")));
        }
    }

    void aReturnCopyIsMarkedAndTheSaleFormIsUnchanged()
    {
        Devices::ReceiptData receipt
            = Devices::returnReceiptData(Tests::sampleReturn(), Tests::sampleStore());
        receipt.duplicate = true;
        const QString copy = ReceiptLayout::toPlainText(ReceiptLayout::layout(receipt));
        QVERIFY(copy.contains(QStringLiteral("*** COPY ***")));
        QVERIFY(copy.contains(QStringLiteral("Copy — not a new return")));
        // A sale receipt keeps its own form: no return header, the sale QR.
        const QString sale
            = ReceiptLayout::toPlainText(ReceiptLayout::layout(Tests::splitReceipt()));
        QVERIFY(!sale.contains(QStringLiteral("RETURN")));
        QVERIFY(!sale.contains(QStringLiteral("Refunded to")));
        QVERIFY(sale.contains(QStringLiteral("[QR TOONBANK:SALE:AMS01-T1-000042:sale-42]")));
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
