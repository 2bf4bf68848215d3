#include "app/devices/receiptpdf.h"
#include "receiptsample.h"
#include "tests/support/testcache.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using Devices::ReceiptLayout;

/// The PDF receipt: the same lines as the printer, as a valid PDF whose text can be extracted
/// (pdftotext from poppler-utils, installed by packaging/install-deps.sh).
class TestReceiptPdf final : public QObject
{
    Q_OBJECT

private:
    static QString extractText(const QByteArray &pdf)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            return {};
        file.close();
        QProcess tool;
        tool.start(
            QStringLiteral("pdftotext"), { QStringLiteral("-layout"), path, QStringLiteral("-") });
        if (!tool.waitForFinished(30000) || tool.exitCode() != 0)
            return {};
        return QString::fromUtf8(tool.readAllStandardOutput());
    }

private slots:
    void isAValidPdf()
    {
        const Devices::ReceiptData receipt = Tests::splitReceipt();
        auto pdf
            = Devices::ReceiptPdf::render(ReceiptLayout::layout(receipt), receipt.receiptNumber);
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().detail));
        QVERIFY(pdf->startsWith("%PDF-"));
        QVERIFY(pdf->trimmed().endsWith("%%EOF"));
        QVERIFY(pdf->contains("/Type /Page"));
        QVERIFY(pdf->contains("/Image")); // the QR code
        QVERIFY2(pdf->size() < 200 * 1024, QByteArray::number(pdf->size()).constData());
        // Kept in the build tree to look at (like the UI tests' screenshots).
        QFile out(QDir(Tests::TestCache::outputDir(QStringLiteral("receipts")))
                      .filePath(QStringLiteral("split-receipt.pdf")));
        if (out.open(QIODevice::WriteOnly))
            out.write(pdf.value());
    }

    void containsTheReceiptText_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::newRow("store") << QStringLiteral("Toonbank Amsterdam");
        QTest::newRow("vat number") << QStringLiteral("NL001234567B01");
        QTest::newRow("receipt number") << QStringLiteral("AMS01-T1-000042");
        QTest::newRow("card") << QStringLiteral("Card VISA");
        QTest::newRow("masked pan") << QStringLiteral("**** **** **** 1234");
        QTest::newRow("terminal reference") << QStringLiteral("POI-7788");
        QTest::newRow("gift card") << QStringLiteral("Gift card **** 5678");
        QTest::newRow("store credit") << QStringLiteral("Store credit");
        QTest::newRow("points") << QStringLiteral("Points (500)");
        QTest::newRow("rounded total") << QStringLiteral("Total after rounding");
        QTest::newRow("vat row") << QStringLiteral("17,35");
    }

    void containsTheReceiptText()
    {
        QFETCH(QString, expected);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const Devices::ReceiptData receipt = Tests::splitReceipt();
        auto pdf
            = Devices::ReceiptPdf::render(ReceiptLayout::layout(receipt), receipt.receiptNumber);
        QVERIFY(pdf);
        const QString text = extractText(pdf.value());
        QVERIFY2(text.contains(expected), qPrintable(text));
    }
    void aReturnReceiptIsAPdfToo()
    {
        const Devices::ReceiptData receipt = Devices::returnReceiptData(
            Tests::sampleReturn(), Tests::sampleStore(), QStringLiteral("AMS01-T1-000051"));
        auto pdf
            = Devices::ReceiptPdf::render(ReceiptLayout::layout(receipt), receipt.receiptNumber);
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().detail));
        QVERIFY(pdf->startsWith("%PDF-"));
        QVERIFY(pdf->contains("/Image")); // the return QR
        QFile out(QDir(Tests::TestCache::outputDir(QStringLiteral("receipts")))
                      .filePath(QStringLiteral("return-receipt.pdf")));
        if (out.open(QIODevice::WriteOnly))
            out.write(pdf.value());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = extractText(pdf.value());
        for (const QString &expected :
            { QStringLiteral("RETURN"), QStringLiteral("AMS01-T1-R000001"),
                QStringLiteral("AMS01-T1-000042"), QStringLiteral("Terminal ref. POI-R-991"),
                QStringLiteral("Refund after rounding") })
            QVERIFY2(text.contains(expected), qPrintable(expected + QLatin1Char('\n') + text));
    }
};

QTEST_MAIN(TestReceiptPdf)
#include "tst_receiptpdf.moc"
