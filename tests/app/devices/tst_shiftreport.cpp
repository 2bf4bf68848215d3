#include "app/core/cashrounding.h"
#include "app/devices/shiftreport.h"
#include "tests/support/testcache.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Toonbank;
using Core::Money;
using Devices::ReceiptLayout;

namespace {

Money eur(qint64 cents)
{
    return Money::fromCents(cents);
}

Core::Tender tender(Core::TenderMethod method, Money amount)
{
    Core::Tender t;
    t.method = method;
    t.amount = amount;
    return t;
}

Core::ShiftDocument sale(qint64 total, Core::TenderMethod method, int rate = 2100)
{
    Core::ShiftDocument doc;
    doc.total = eur(total);
    const Money paid
        = method == Core::TenderMethod::Cash ? Core::roundToFiveCents(eur(total)) : eur(total);
    doc.rounding = paid - eur(total);
    doc.items = 1;
    const qint64 vat = (total * rate + (10000 + rate) / 2) / (10000 + rate);
    doc.vat = { Core::VatBreakdown { Core::VatRate { rate, QStringLiteral("standard") }, eur(total),
        eur(vat), eur(total - vat) } };
    doc.tenders = { tender(method, paid) };
    return doc;
}

// A day at drawer T1: float € 100, three sales (two in cash, rounded), a cash return, cash in
// and out, a no-sale, a training sale; counted 5 cents short.
Core::ShiftReport zReport()
{
    Core::ShiftReport report;
    report.kind = Core::ShiftReport::Kind::Z;
    report.zNumber = 7;
    report.storeName = QStringLiteral("Toonbank Amsterdam");
    report.staffName = QStringLiteral("Mila de Vries");
    report.printedAt = QDateTime(QDate(2026, 11, 29), QTime(18, 31), QTimeZone::utc());
    Core::Shift &shift = report.shift;
    shift.shiftId = QStringLiteral("0d8f6a52-5a0e-4c57-9f8a-0c1f2e3d4b5a");
    shift.drawerId = QStringLiteral("T1");
    shift.storeCode = QStringLiteral("AMS01");
    shift.openedBy = 3;
    shift.openedAt = QDateTime(QDate(2026, 11, 29), QTime(8, 55), QTimeZone::utc());
    shift.openingCount.pieces = { { 5000, 1 }, { 2000, 2 }, { 1000, 1 } };
    shift.state = Core::ShiftState::Closed;
    shift.closedBy = 4;
    shift.closedAt = QDateTime(QDate(2026, 11, 29), QTime(18, 30), QTimeZone::utc());
    shift.closingCount.pieces = { { 5000, 1 }, { 2000, 3 }, { 500, 1 }, { 100, 2 }, { 20, 2 } };
    shift.zNumber = 7;

    Core::ShiftDocument cashReturn = sale(500, Core::TenderMethod::Cash);
    cashReturn.sign = -1;
    Core::ShiftDocument training = sale(9999, Core::TenderMethod::Cash);
    training.training = true;
    const QList<Core::ShiftDocument> docs { sale(1243, Core::TenderMethod::Cash),
        sale(2500, Core::TenderMethod::Card, 900), sale(1998, Core::TenderMethod::Cash), cashReturn,
        training };
    QList<Core::CashMovement> moves(3);
    moves[0].kind = Core::CashMovementKind::CashIn;
    moves[0].amount = eur(1000);
    moves[1].kind = Core::CashMovementKind::CashOut;
    moves[1].amount = eur(2000);
    moves[2].kind = Core::CashMovementKind::NoSale;
    report.totals = Core::shiftTotals(shift.openingCount.total(), docs, moves);
    report.variance
        = Core::ShiftVariance { report.totals.expectedCash(), shift.closingCount.total() };
    return report;
}

Core::ShiftReport xReport()
{
    Core::ShiftReport report = zReport();
    report.kind = Core::ShiftReport::Kind::X;
    report.zNumber = 0;
    report.shift.state = Core::ShiftState::Open;
    report.shift.closedBy = 0;
    report.shift.closedAt = {};
    report.shift.closingCount = {};
    report.shift.zNumber = 0;
    report.variance.reset();
    return report;
}

// The printed text back out of an ESC/POS stream: commands dropped, PC858 decoded, one string
// per printed line (a rule is a line of dashes).
QStringList escPosText(const QByteArray &bytes)
{
    QStringList lines;
    QString current;
    for (qsizetype i = 0; i < bytes.size();) {
        const unsigned char c = static_cast<unsigned char>(bytes.at(i));
        if (c == 0x1B) { // ESC
            const char command = i + 1 < bytes.size() ? bytes.at(i + 1) : 0;
            i += command == '@' ? 2 : 3; // ESC @ / ESC t n, ESC a n, ESC E n, ESC d n
        } else if (c == 0x1D) { // GS
            const char command = i + 1 < bytes.size() ? bytes.at(i + 1) : 0;
            if (command == '!')
                i += 3;
            else if (command == 'V')
                i += 4;
            else if (command == '(' && i + 4 < bytes.size())
                i += 5 + static_cast<unsigned char>(bytes.at(i + 3))
                    + 256 * static_cast<unsigned char>(bytes.at(i + 4));
            else
                i += 2;
        } else if (c == '\n') {
            lines.append(std::exchange(current, QString()));
            ++i;
        } else {
            if (c == 0xD5)
                current += QChar(0x20AC); // €
            else if (c == 0x9E)
                current += QChar(0x00D7); // ×
            else if (c < 0x80)
                current += QLatin1Char(char(c));
            else
                current += QLatin1Char('?');
            ++i;
        }
    }
    if (!current.isEmpty())
        lines.append(current);
    return lines;
}

// The line that starts with `label` ("" when there is none).
QString lineStarting(const QStringList &lines, const QString &label)
{
    for (const QString &line : lines) {
        if (line.startsWith(label))
            return line;
    }
    return {};
}

QString pdfText(const QByteArray &pdf)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
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

} // namespace

class tst_ShiftReport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void zReportFigures_data();
    void zReportFigures();
    void zReportVarianceAndCount();
    void xReportHasNoCount();
    void trainingIsMarked();
    void linesFitThePaper_data();
    void linesFitThePaper();
    void pdf();
};

void tst_ShiftReport::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
}

void tst_ShiftReport::zReportFigures_data()
{
    QTest::addColumn<QString>("label"); // the line starting with it …
    QTest::addColumn<QString>("value"); // … ends with this

    const Core::ShiftReport report = zReport();
    const Core::ShiftTotals &t = report.totals;
    // The figures the report must show (checked against the totals, and by hand in comments).
    QCOMPARE(t.saleCount, 3);
    QCOMPARE(t.cashSales, eur(1245 + 2000));
    QCOMPARE(t.expectedCash(), eur(10000 + 3245 - 500 + 1000 - 2000));
    QLocale nl(QLocale::Dutch, QLocale::Netherlands);
    auto money = [&nl](qint64 cents) { return eur(cents).toDisplayString(nl); };
    QTest::newRow("store") << QStringLiteral("Store") << QStringLiteral("AMS01");
    QTest::newRow("drawer") << QStringLiteral("Drawer") << QStringLiteral("T1");
    QTest::newRow("opened by") << QStringLiteral("Opened by") << QStringLiteral("3");
    QTest::newRow("closed by") << QStringLiteral("Closed by") << QStringLiteral("4");
    QTest::newRow("opened at, local time")
        << QStringLiteral("Opened ")
        << nl.toString(report.shift.openedAt.toLocalTime().time(), QStringLiteral("HH:mm"));
    QTest::newRow("closed at, local time")
        << QStringLiteral("Closed ")
        << nl.toString(report.shift.closedAt.toLocalTime().time(), QStringLiteral("HH:mm"));
    QTest::newRow("sales") << QStringLiteral("Sales (3)") << money(1245 + 2500 + 2000);
    QTest::newRow("items") << QStringLiteral("Items sold") << QStringLiteral("3");
    QTest::newRow("returns") << QStringLiteral("Returns (1)") << money(-500);
    QTest::newRow("net") << QStringLiteral("Net takings") << money(5745 - 500);
    QTest::newRow("rounding") << QStringLiteral("Cash rounding") << money(2 + 2 - 0);
    QTest::newRow("cash tender") << QStringLiteral("Cash  ") << money(3245);
    QTest::newRow("card tender") << QStringLiteral("Card  ") << money(2500);
    QTest::newRow("vat 21") << QStringLiteral("21%") << money(1243 + 1998 - 500);
    QTest::newRow("vat 9") << QStringLiteral("9%") << money(2500);
    QTest::newRow("float") << QStringLiteral("Opening float") << money(10000);
    QTest::newRow("cash sales") << QStringLiteral("Cash sales") << money(3245);
    QTest::newRow("cash refunds") << QStringLiteral("Cash refunds") << money(-500);
    QTest::newRow("cash in") << QStringLiteral("Cash in") << money(1000);
    QTest::newRow("cash out") << QStringLiteral("Cash out") << money(-2000);
    QTest::newRow("no-sales") << QStringLiteral("No-sale") << QStringLiteral("1");
    QTest::newRow("expected") << QStringLiteral("Expected in drawer") << money(11745);
    QTest::newRow("counted total") << QStringLiteral("Counted total") << money(11740);
    QTest::newRow("training count") << QStringLiteral("Training") << QStringLiteral("1");
    QTest::newRow("voids") << QStringLiteral("Voided") << QStringLiteral("0");
}

void tst_ShiftReport::zReportFigures()
{
    QFETCH(QString, label);
    QFETCH(QString, value);
    const QStringList lines = escPosText(Devices::shiftReportEscPos(zReport()));
    const QString line = lineStarting(lines, label);
    QVERIFY2(
        !line.isEmpty(), qPrintable(label + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))));
    QVERIFY2(line.endsWith(value), qPrintable(line + QStringLiteral(" | ") + value));
}

void tst_ShiftReport::zReportVarianceAndCount()
{
    const QStringList lines = escPosText(Devices::shiftReportEscPos(zReport()));
    const QString all = lines.join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("Z REPORT nr 7")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("Toonbank Amsterdam")));
    QVERIFY(!all.contains(QStringLiteral("X REPORT")));
    QVERIFY(!all.contains(QStringLiteral("TRAINING\n")));
    // Variance = counted − expected: 5 cents short.
    const QString variance = lineStarting(lines, QStringLiteral("Variance"));
    QVERIFY2(variance.endsWith(eur(-5).toDisplayString()), qPrintable(variance));
    QVERIFY(all.contains(QStringLiteral("Cash short")));
    // Counted per denomination, largest first.
    const QString notes = lineStarting(lines, QStringLiteral("3 × ") + eur(2000).toDisplayString());
    QVERIFY2(notes.endsWith(eur(6000).toDisplayString()), qPrintable(all));
    const QString coins = lineStarting(lines, QStringLiteral("2 × ") + eur(20).toDisplayString());
    QVERIFY2(coins.endsWith(eur(40).toDisplayString()), qPrintable(all));
    QVERIFY(lines.indexOf(notes) < lines.indexOf(coins));
    // The float's count is not the closing count.
    QVERIFY(lineStarting(lines, QStringLiteral("1 × ") + eur(1000).toDisplayString()).isEmpty());
    // ESC/POS framing: initialise first, cut last.
    const QByteArray bytes = Devices::shiftReportEscPos(zReport());
    QVERIFY(bytes.startsWith("\x1b@"));
    QVERIFY(bytes.endsWith(QByteArray("\x1dV\x42\x00", 4)));
}

void tst_ShiftReport::xReportHasNoCount()
{
    const QStringList lines = escPosText(Devices::shiftReportEscPos(xReport()));
    const QString all = lines.join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("X REPORT")), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("Z REPORT")));
    QVERIFY(lineStarting(lines, QStringLiteral("Variance")).isEmpty());
    QVERIFY(lineStarting(lines, QStringLiteral("Counted total")).isEmpty());
    QVERIFY(lineStarting(lines, QStringLiteral("Closed by")).isEmpty());
    QVERIFY(lineStarting(lines, QStringLiteral("Expected in drawer"))
                .endsWith(eur(11745).toDisplayString()));
}

void tst_ShiftReport::trainingIsMarked()
{
    Core::ShiftReport report = xReport();
    report.training = true;
    const QStringList lines = escPosText(Devices::shiftReportEscPos(report));
    QVERIFY2(lines.contains(QStringLiteral("TRAINING")), qPrintable(lines.join(QLatin1Char('\n'))));
    const QStringList plain = escPosText(Devices::shiftReportEscPos(xReport()));
    QVERIFY(!plain.contains(QStringLiteral("TRAINING")));
}

void tst_ShiftReport::linesFitThePaper_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("80 mm") << 42;
    QTest::newRow("58 mm") << 32;
}

void tst_ShiftReport::linesFitThePaper()
{
    QFETCH(int, width);
    Core::ShiftReport report = zReport();
    report.training = true;
    for (const Devices::ReceiptLine &line : Devices::ShiftReportLayout::layout(report, width)) {
        if (line.kind == Devices::ReceiptLine::Kind::Text)
            QVERIFY2(line.text.size() <= (line.large ? width / 2 : width), qPrintable(line.text));
    }
    const QStringList lines = escPosText(Devices::shiftReportEscPos(report, width));
    QVERIFY(lineStarting(lines, QStringLiteral("Variance")).endsWith(eur(-5).toDisplayString()));
}

void tst_ShiftReport::pdf()
{
    const auto pdf = Devices::shiftReportPdf(zReport());
    QVERIFY2(pdf.ok(), pdf.ok() ? "" : qPrintable(pdf.error().detail));
    QVERIFY(pdf->startsWith("%PDF-"));
    QVERIFY2(pdf->size() > 2000, qPrintable(QString::number(pdf->size())));
    QFile out(QDir(Tests::TestCache::outputDir(QStringLiteral("receipts")))
                  .filePath(QStringLiteral("z-report.pdf")));
    if (out.open(QIODevice::WriteOnly))
        out.write(pdf.value());
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString text = pdfText(pdf.value());
    for (const QString &expected : { QStringLiteral("Z REPORT nr 7"), QStringLiteral("Variance"),
             QStringLiteral("Expected in drawer"), QStringLiteral("AMS01") })
        QVERIFY2(text.contains(expected), qPrintable(expected + QLatin1Char('\n') + text));
}

QTEST_MAIN(tst_ShiftReport)
#include "tst_shiftreport.moc"
