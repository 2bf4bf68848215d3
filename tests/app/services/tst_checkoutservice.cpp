#include "app/devices/receiptprinter.h"
#include "app/services/checkoutservice.h"
#include "app/services/productservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "sync/protocol/saleevent.h"
#include "tests/support/testcache.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

class TestCheckoutService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Services::Terminal> m_terminal;

    Services::CheckoutService &checkout() { return m_terminal->checkout(); }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_terminal->database().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    void openTerminal()
    {
        m_terminal.reset();
        auto terminal = Services::Terminal::open(m_path);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
    }
    void logIn(qint64 staffId = TestCache::cashierId, const QString &pin = QStringLiteral("1111"))
    {
        auto member = m_terminal->session().logIn(staffId, pin);
        QVERIFY2(member.ok(), member.ok() ? "" : qPrintable(member.error().message));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        openTerminal();
    }
    void cleanup() { m_terminal.reset(); }

    void sellingNeedsALoggedInStaffMember()
    {
        auto added = checkout().addScannedCode(TestCache::jeansBarcode);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, QStringLiteral("session.locked"));
        QVERIFY(checkout().basket().isEmpty());
        QVERIFY(!checkout().payCash(Money::fromCents(10000)).ok());
    }

    void wrongPinAndOtherStoreAreRefused()
    {
        QCOMPARE(
            m_terminal->session().logIn(TestCache::cashierId, QStringLiteral("9999")).error().code,
            QStringLiteral("login.wrong_pin"));
        QVERIFY(!m_terminal->session().isLoggedIn());
        QCOMPARE(m_terminal->session().logIn(12, QStringLiteral("2222")).error().code,
            QStringLiteral("login.wrong_store"));
        auto staff = m_terminal->session().staffHere();
        QVERIFY(staff.ok());
        QCOMPARE(staff->size(), 2);
    }

    void scanAddsAndMergesLines()
    {
        logIn();
        QCOMPARE(checkout().addScannedCode(TestCache::jeansBarcode).value(), 0);
        QCOMPARE(checkout().addScannedCode(TestCache::appleJuiceBarcode).value(), 1);
        QCOMPARE(checkout().addScannedCode(TestCache::jeansBarcode).value(), 0);
        QCOMPARE(checkout().basket().lines().size(), 2);
        QCOMPARE(checkout().basket().lines().at(0).quantity, 2);
        // The promotion price applies and the regular price is kept to show the saving.
        QCOMPARE(checkout().basket().lines().at(1).unitPrice, Money::fromCents(199));
        QCOMPARE(checkout().basket().lines().at(1).regularPrice, Money::fromCents(249));
        const Core::BasketTotals totals = checkout().totals();
        QCOMPARE(totals.total, Money::fromCents(2 * 8995 + 199));
        QCOMPARE(totals.perRate.size(), 2);
        QCOMPARE(totals.perRate.at(0).rate.basisPoints, 2100);
        QCOMPARE(totals.perRate.at(1).rate.basisPoints, 900);
    }

    void badBarcodesLeaveTheBasketUnchanged_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << TestCache::unknownBarcode << QStringLiteral("barcode.unknown");
        QTest::newRow("check digit")
            << TestCache::badCheckDigitBarcode << QStringLiteral("barcode.check_digit");
        QTest::newRow("letters") << QStringLiteral("87123X5000011")
                                 << QStringLiteral("barcode.not_digits");
        QTest::newRow("length") << QStringLiteral("12345") << QStringLiteral("barcode.length");
    }
    void badBarcodesLeaveTheBasketUnchanged()
    {
        QFETCH(QString, code);
        QFETCH(QString, error);
        logIn();
        QVERIFY(checkout().addScannedCode(TestCache::socksBarcode).ok());
        QSignalSpy changed(&checkout(), &Services::CheckoutService::basketChanged);
        auto added = checkout().addScannedCode(code);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, error);
        QVERIFY(!added.error().message.isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(checkout().basket().lines().size(), 1);
        QCOMPARE(checkout().basket().lines().at(0).quantity, 1);
    }

    void quantityAndRemove()
    {
        logIn();
        QVERIFY(checkout().addScannedCode(TestCache::socksBarcode).ok());
        QVERIFY(checkout().setQuantity(0, 3).ok());
        QCOMPARE(checkout().totals().total, Money::fromCents(3 * 499));
        QVERIFY(!checkout().setQuantity(5, 1).ok());
        QVERIFY(checkout().remove(0).ok());
        QVERIFY(checkout().basket().isEmpty());
    }

    void searchFindsByNameBrandAndBarcode()
    {
        logIn();
        auto byName = checkout().search(QStringLiteral("jea"));
        QVERIFY(byName.ok());
        QVERIFY(byName->size() >= 2);
        auto byBrand = checkout().search(QStringLiteral("appelae"));
        QVERIFY(byBrand.ok());
        QCOMPARE(byBrand->value(0).id, TestCache::appleJuiceId);
        QCOMPARE(byBrand->value(0).promoPrice.value_or(Money()), Money::fromCents(199));
        auto byCode = checkout().search(TestCache::socksBarcode);
        QVERIFY(byCode.ok());
        QCOMPARE(byCode->value(0).id, TestCache::socksId);
        QVERIFY(checkout().addProduct(TestCache::jeansBlackId).ok());
        QCOMPARE(checkout().basket().lines().at(0).sku, QStringLiteral("LEV-501-BLK-32"));
    }

    void cashIsRoundedToFiveCentsAndTheSaleIsRecordedWhole()
    {
        logIn();
        QVERIFY(checkout().addScannedCode(TestCache::jeansBarcode).ok()); // 89,95
        QVERIFY(checkout().addScannedCode(TestCache::appleJuiceBarcode).ok()); // 1,99 → 91,94
        const Services::CashQuote quote = checkout().cashQuote();
        QCOMPARE(quote.total, Money::fromCents(9194));
        QCOMPARE(quote.due, Money::fromCents(9195));
        QCOMPARE(quote.rounding, Money::fromCents(1));

        auto tooLittle = checkout().payCash(Money::fromCents(9000));
        QVERIFY(!tooLittle.ok());
        QCOMPARE(tooLittle.error().code, QStringLiteral("pay.insufficient"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 0);

        const QString printerFile = m_dir.filePath(QStringLiteral("printer.escpos"));
        Devices::EscPosPrinterSimulator printer(printerFile);
        checkout().setReceiptPrinter(&printer);
        auto sale = checkout().payCash(Money::fromCents(10000));
        QVERIFY2(
            sale.ok(), sale.ok() ? "" : qPrintable(sale.error().message + sale.error().detail));
        QCOMPARE(sale->change, Money::fromCents(805));
        QCOMPARE(sale->receiptNumber, QStringLiteral("AMS01-T1-000001"));
        QVERIFY(checkout().basket().isEmpty());

        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT total_cents FROM sales")), 9194);
        QCOMPARE(scalar(QStringLiteral("SELECT rounding_cents FROM sales")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_lines")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_vat")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(gross_cents) FROM sale_vat")), 9194);
        QCOMPARE(scalar(QStringLiteral("SELECT amount_cents FROM sale_payments")), 9195);
        QCOMPARE(scalar(QStringLiteral("SELECT change_cents FROM sale_payments")), 805);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 100 AND location_id = 1")),
            6);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 102 AND location_id = 1")),
            49);
        QCOMPARE(scalar(QStringLiteral("SELECT grand_total_cents FROM journal")), 9195);
        QCOMPARE(checkout().waitingEventCount(), 1);

        // The outbox payload is a valid sale event, the way the server will read it.
        QSqlQuery q(m_terminal->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT type, payload FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("sale"));
        auto event = Sync::Protocol::saleFromJson(
            QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        QVERIFY2(event.ok(), event.ok() ? "" : qPrintable(event.error().detail));
        QCOMPARE(event->receiptNumber, sale->receiptNumber);
        QCOMPARE(event->rounding, Money::fromCents(1));

        // A second sale chains onto the first in the journal and numbers on.
        QVERIFY(checkout().addScannedCode(TestCache::socksBarcode).ok());
        auto second = checkout().payCash(Money::fromCents(500));
        QVERIFY(second.ok());
        QCOMPARE(second->receiptNumber, QStringLiteral("AMS01-T1-000002"));
        QCOMPARE(scalar(QStringLiteral("SELECT grand_total_cents FROM journal WHERE seq = 2")),
            9195 + 500);
        QVERIFY(checkout().ledger().verifyJournal().ok());

        // Tampering with an amount breaks the chain.
        QVERIFY(q.exec(QStringLiteral("UPDATE journal SET amount_cents = 1 WHERE seq = 1")));
        QCOMPARE(
            checkout().ledger().verifyJournal().error().code, QStringLiteral("journal.broken"));

        // The printer received real ESC/POS: init, QR code (GS ( k), cut (GS V), euro in PC858.
        QFile file(printerFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith(QByteArray("\x1b@", 2)));
        QVERIFY(bytes.contains(QByteArray("\x1d(k", 3)));
        QVERIFY(bytes.contains(QByteArray("\x1dV", 2)));
        QVERIFY(bytes.contains(QByteArray("AMS01-T1-000001")));
        QVERIFY(bytes.contains(char(0xD5)));
        QCOMPARE(bytes.count(QByteArray("\x1b@", 2)), 2);
    }

    void receiptShowsWhatTheLawAsks()
    {
        logIn();
        QVERIFY(checkout().addScannedCode(TestCache::jeansBarcode).ok());
        QVERIFY(checkout().addScannedCode(TestCache::appleJuiceBarcode).ok());
        auto sale = checkout().payCash(Money::fromCents(10000));
        QVERIFY(sale.ok());
        // The seller's name may wrap over two lines in double size: compare with whitespace
        // collapsed.
        const QString text = Devices::ReceiptLayout::toPlainText(
            Devices::ReceiptLayout::layout(
                checkout().receiptFor(sale.value(), QLocale(QLocale::Dutch, QLocale::Netherlands))))
                                 .simplified();
        for (const char *expected :
            { "Toonbank Amsterdam Centrum", "Kalverstraat 12", "AMS01-T1-000001", "€ 91,94",
                "€ 91,95", "€ 0,01", "€ 100,00", "€ 8,05", "21%", "9%", "[QR TOONBANK:SALE:" })
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    }

    void parkedBasketSurvivesARestart()
    {
        logIn();
        QVERIFY(checkout().addScannedCode(TestCache::jeansBarcode).ok());
        QVERIFY(checkout().setQuantity(0, 2).ok());
        QVERIFY(checkout().addScannedCode(TestCache::appleJuiceBarcode).ok());
        QVERIFY(checkout().park().ok());
        QVERIFY(checkout().basket().isEmpty());

        openTerminal(); // as after an app restart
        QVERIFY(!checkout().listParked().ok()); // locked: nobody may see them
        logIn(TestCache::managerId, QStringLiteral("3333"));
        auto parked = checkout().listParked();
        QVERIFY(parked.ok());
        QCOMPARE(parked->size(), 1);
        QCOMPARE(parked->at(0).itemCount, 3);
        QCOMPARE(parked->at(0).total, Money::fromCents(2 * 8995 + 199));
        QVERIFY(checkout().addScannedCode(TestCache::socksBarcode).ok());
        QCOMPARE(
            checkout().resume(parked->at(0).id).error().code, QStringLiteral("basket.not_empty"));
        QVERIFY(checkout().clear().ok());
        QVERIFY(checkout().resume(parked->at(0).id).ok());
        QCOMPARE(checkout().basket().lines().size(), 2);
        QCOMPARE(checkout().basket().lines().at(0).quantity, 2);
        QCOMPARE(checkout().listParked()->size(), 0);
        QVERIFY(checkout().clear().ok());
        QCOMPARE(
            checkout().resume(parked->at(0).id).error().code, QStringLiteral("parked.unknown"));
    }

    void idleLockAndSettingsPermission()
    {
        logIn();
        QCOMPARE(m_terminal->session().setIdleLockSeconds(1).error().code,
            QStringLiteral("permission.denied"));
        m_terminal->session().logOut();
        logIn(TestCache::managerId, QStringLiteral("3333"));
        QVERIFY(m_terminal->session().setIdleLockSeconds(1).ok());
        QSignalSpy out(&m_terminal->session(), &Services::Session::loggedOut);
        QTRY_COMPARE_WITH_TIMEOUT(out.count(), 1, 4000);
        QCOMPARE(out.at(0).at(0).toBool(), true);
        QVERIFY(!m_terminal->session().isLoggedIn());
        openTerminal();
        QCOMPARE(m_terminal->session().idleLockSeconds(), 1); // stored on the device
    }

    void productDetailAndStockEverywhere()
    {
        logIn();
        auto detail = m_terminal->products().product(TestCache::jeansId);
        QVERIFY(detail.ok());
        QCOMPARE(detail->variants.size(), 2);
        auto stock = m_terminal->products().stockEverywhere(TestCache::jeansId);
        QVERIFY(stock.ok());
        QCOMPARE(stock->size(), 3);
        QCOMPARE(stock->at(0).location.id, TestCache::hereId);
        QCOMPARE(stock->at(1).location.id, TestCache::otherStoreId);
        QVERIFY(stock->at(1).distanceKm > 30 && stock->at(1).distanceKm < 40);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(
            Services::ProductService::ageText(now.addSecs(-180), now), QStringLiteral("3 min ago"));
    }
};

QTEST_GUILESS_MAIN(TestCheckoutService)
#include "tst_checkoutservice.moc"
