#include "app/core/barcode.h"
#include "app/core/promotion.h"
#include "app/core/sale.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/promotionstore.h"
#include "tests/support/testcache.h"
#include "tests/ui/widgetdriver.h"
#include "ui/couponsheet.h"
#include "ui/customerformsheet.h"
#include "ui/customerscreen.h"
#include "ui/discountsheet.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/overridesheet.h"
#include "ui/payscreen.h"
#include "ui/productscreen.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

const QString customerName = QStringLiteral("Fatima El Amrani");
const QString socksPromotion = QStringLiteral("3 voor 2 sokken");
const QString couponCode = QStringLiteral("WELKOM5");

QString cardNumber()
{
    const QString twelve = QStringLiteral("299000001234");
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

/// The test data of this flow, written as the sync client would: a cached gold customer of
/// this store, a 3-for-2 on the socks, a multi-use coupon and a personal offer.
QString seed(Store::LocalDatabase &database)
{
    Store::CustomerCache customers(database);
    Store::CustomerRecord customer;
    customer.id = 5001;
    customer.cardNumber = cardNumber();
    customer.name = customerName;
    customer.email = QStringLiteral("fatima.elamrani@example.nl");
    customer.phone = QStringLiteral("+31612345678");
    customer.tier = QStringLiteral("gold");
    customer.pointsBalance = 1240;
    customer.lifetimePoints = 3400;
    customer.homeStoreCode = QStringLiteral("AMS01");
    customer.consentEmail = true;
    customer.consentPersonalised = true;
    customer.consentChangedAt = QDateTime::currentDateTimeUtc().addDays(-200);
    customer.lastSeenAt = QDateTime::currentDateTimeUtc().addDays(-3);
    if (const Core::Status stored = customers.upsertFromServer(customer); !stored)
        return stored.error().message + stored.error().detail;

    Store::PromotionStore promotions(database);
    Core::Promotion threeForTwo;
    threeForTwo.id = QStringLiteral("PR-SOCKS-3V2");
    threeForTwo.label = socksPromotion;
    threeForTwo.kind = Core::PromotionKind::BuyNPayM;
    threeForTwo.target = Core::PromotionTarget::Item;
    threeForTwo.targetKeys = { QStringLiteral("SOCK-BAMBOO-3P") };
    threeForTwo.buyQuantity = 3;
    threeForTwo.payQuantity = 2;
    threeForTwo.version = 1;
    Core::Promotion coupon;
    coupon.id = QStringLiteral("PR-WELKOM5");
    coupon.label = QStringLiteral("Welkomstcoupon € 5");
    coupon.kind = Core::PromotionKind::AmountOff;
    coupon.target = Core::PromotionTarget::Basket;
    coupon.amount = Core::Money::fromCents(500);
    coupon.couponCode = couponCode;
    coupon.version = 2;
    Core::Promotion personal;
    personal.id = QStringLiteral("PR-P-5001");
    personal.label = QStringLiteral("20% op Appelaere sappen");
    personal.kind = Core::PromotionKind::PercentOff;
    personal.target = Core::PromotionTarget::Brand;
    personal.targetKeys = { QStringLiteral("Appelaere") };
    personal.percentBasisPoints = 2000;
    personal.customerId = 5001;
    personal.validUntil = QDateTime::currentDateTime().addDays(20);
    personal.version = 3;
    for (const Core::Promotion &promotion : { threeForTwo, coupon, personal }) {
        if (const Core::Status stored = promotions.upsert(promotion); !stored)
            return stored.error().message + stored.error().detail;
    }
    return {};
}

} // namespace

/// The "done when" flow of Checkout I, offline, through the real widgets: a cashier attaches a
/// cached customer by scanning the card, scans three socks (3 for 2), adds a multi-use coupon,
/// asks for a manual discount above her limit, a manager approves it on the override sheet,
/// and she takes cash. Also: a wrong manager PIN changes nothing; the customer screen's
/// plain-language errors; enrolment with explicit consent; the wish list from the product
/// screen; screenshots in both languages and orientations.
class TestCustomerFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Ui::Language> m_language;
    std::unique_ptr<Ui::ScanInterceptor> m_scanner;
    std::unique_ptr<Ui::MainWindow> m_window;
    std::optional<Services::CompletedSale> m_completed;

    Services::SaleService &sale() { return m_terminal->sale(); }
    template <typename T> T *find(const char *name) { return findNamed<T>(m_window.get(), name); }
    void click(const char *name) { tapButton(m_window.get(), name); }
    void clickKeys(const char *prefix, const QString &digits)
    {
        for (QChar digit : digits)
            click(qPrintable(QStringLiteral("%1Key%2").arg(QLatin1String(prefix), digit)));
    }
    QTableWidget *basket() { return find<QTableWidget>("basketTable"); }
    void clickCell(QTableWidget *table, int row, int column)
    {
        QTableWidgetItem *cell = table->item(row, column);
        QVERIFY(cell);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualItemRect(cell).center());
    }
    void scan(const QString &code)
    {
        QWidget *target
            = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClicks(target, code);
        QTest::keyClick(target, Qt::Key_Return);
    }
    int rowOf(qint64 productId)
    {
        const QList<Services::BasketLineView> &lines = sale().view().lines;
        for (int row = 0; row < lines.size(); ++row) {
            if (lines.at(row).productId == productId)
                return row;
        }
        return -1;
    }
    const Services::BasketLineView *lineOf(qint64 productId)
    {
        const int row = rowOf(productId);
        return row < 0 ? nullptr : &sale().view().lines.at(row);
    }
    QString lineText(int row)
    {
        QTableWidgetItem *cell = basket()->item(row, 0);
        return cell ? cell->data(Qt::AccessibleTextRole).toString() : QString();
    }
    /// Taps a check box on its box, as a thumb would.
    void tick(QCheckBox *box)
    {
        QVERIFY(box && box->isVisible());
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(18, box->height() / 2));
    }
    int saleEvents()
    {
        Store::Outbox outbox(m_terminal->database());
        auto pending = outbox.pending(1000);
        if (!pending)
            return -1;
        int sales = 0;
        for (const Store::OutboxEvent &event : pending.value())
            sales += event.type == QLatin1String("sale") ? 1 : 0;
        return sales;
    }
    void setSize(int width, int height)
    {
        m_window->resize(width, height);
        QTRY_COMPARE(m_window->size(), QSize(width, height));
        QApplication::processEvents();
    }
    void setLanguage(const QString &code)
    {
        QVERIFY(m_language->setLanguage(code));
        QApplication::processEvents();
    }
    /// One screenshot per orientation of what is on screen now: <base>-<lang>-landscape/portrait.
    void shootBothOrientations(const QString &base)
    {
        setSize(1280, 800);
        saveScreenshot(m_window.get(),
            base + QLatin1Char('-') + m_language->current() + QStringLiteral("-landscape"));
        setSize(800, 1280);
        saveScreenshot(m_window.get(),
            base + QLatin1Char('-') + m_language->current() + QStringLiteral("-portrait"));
        setSize(1280, 800);
    }
    void askDiscountOnJeans(const QString &cents)
    {
        const int row = rowOf(TestCache::jeansId);
        QVERIFY(row >= 0);
        clickCell(basket(), row, 0);
        QCOMPARE(m_window->sellScreen()->selectedLineId(), sale().view().lines.at(row).lineId);
        click("discountButton");
        QVERIFY(m_window->discountSheet()->isOpen());
        clickKeys("discount", cents);
        click("discountReason1");
        click("discountApply");
    }

private slots:
    void initTestCase()
    {
        qApp->setStyleSheet(Ui::styleSheet());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(m_path);
        QVERIFY(terminal.ok());
        m_terminal = std::move(terminal.value());
        const QString seeded = seed(m_terminal->database());
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
        m_language = std::make_unique<Ui::Language>();
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        m_scanner = std::make_unique<Ui::ScanInterceptor>();
        qApp->installEventFilter(m_scanner.get());
        m_window = std::make_unique<Ui::MainWindow>(m_terminal->session(), sale(),
            m_terminal->payments(), m_terminal->customers(), m_terminal->overrides(),
            m_terminal->products(), m_terminal->syncStatus(), *m_language, *m_scanner);
        connect(m_window->payScreen(), &Ui::PayScreen::completed, this,
            [this](const Services::CompletedSale &done) { m_completed = done; });
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanupTestCase()
    {
        qApp->removeEventFilter(m_scanner.get());
        m_window.reset();
        m_terminal.reset();
    }

    void cashierLogsIn()
    {
        click(qPrintable(QStringLiteral("staffTile%1").arg(TestCache::cashierId)));
        clickKeys("pin", QStringLiteral("1111"));
        click("pinOk");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        QVERIFY(!find<QPushButton>("customerChip")->isVisible());
        QVERIFY(!find<QPushButton>("discountButton")->isEnabled()); // no line chosen yet
    }

    void loyaltyCardScanAttachesTheCustomer()
    {
        scan(cardNumber());
        QVERIFY(sale().view().customer.has_value());
        QCOMPARE(sale().view().customer->cardNumber, cardNumber());
        QVERIFY(sale().isEmpty()); // a card is no product
        auto *chip = find<QPushButton>("customerChip");
        QVERIFY(chip->isVisible());
        QVERIFY2(chip->text().contains(customerName)
                && chip->text().contains(Ui::tierDisplayName(QStringLiteral("gold")))
                && chip->text().contains(QStringLiteral("1.240")),
            qPrintable(chip->text()));
        QVERIFY(find<QLabel>("basketCustomer")->text().contains(customerName));
        // The chip opens the attached customer's profile.
        click("customerChip");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->customerScreen()));
        QCOMPARE(m_window->customerScreen()->shownCard(), cardNumber());
        QVERIFY(find<QLabel>("profileName")->text().contains(customerName));
        click("customerBack");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
    }

    void threeSocksGetTheThreeForTwo()
    {
        for (int unit = 0; unit < 3; ++unit)
            scan(TestCache::socksBarcode);
        scan(TestCache::jeansBarcode);
        const Services::BasketLineView *socks = lineOf(TestCache::socksId);
        QVERIFY(socks);
        QCOMPARE(socks->quantity, 3);
        QCOMPARE(socks->lineTotal, Core::Money::fromCents(998));
        // The saving stands under the line: label and what it takes off.
        const QString text = lineText(rowOf(TestCache::socksId));
        QVERIFY2(text.contains(socksPromotion + QStringLiteral(" · −€ 4,99")), qPrintable(text));
        QVERIFY(find<QLabel>("basketDiscount")->isVisible());
        QCOMPARE(find<QLabel>("basketDiscount")->text(), QStringLiteral("−€ 4,99"));
    }

    void couponErrorsLeaveTheBasketAndAMultiUseCouponWorksOffline()
    {
        const Core::Money before = sale().view().total;
        click("couponButton");
        QVERIFY(m_window->couponSheet()->isOpen());
        auto *field = find<QLineEdit>("couponField");
        field->setText(QStringLiteral("BESTAATNIET"));
        click("couponApply");
        QVERIFY(m_window->couponSheet()->isOpen());
        QVERIFY(!find<QLabel>("couponError")->text().isEmpty());
        const Core::Status refused = sale().addCoupon(QStringLiteral("BESTAATNIET"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("coupon.unknown"));
        QCOMPARE(find<QLabel>("couponError")->text(), refused.error().message);
        QCOMPARE(sale().view().total, before);
        QVERIFY(sale().view().couponCodes.isEmpty());
        saveScreenshot(m_window.get(), QStringLiteral("37-coupon-refused-nl"));
        field->setText(couponCode);
        click("couponApply");
        QVERIFY(!m_window->couponSheet()->isOpen());
        QCOMPARE(sale().view().couponCodes, QStringList { couponCode });
        QCOMPARE(sale().view().total, before - Core::Money::fromCents(500));
        QVERIFY(find<QLabel>("basketCoupons")->text().contains(couponCode));
    }

    void wrongManagerPinChangesNothing()
    {
        const Core::Money before = sale().view().total;
        askDiscountOnJeans(QStringLiteral("2500")); // € 25,00: above a cashier's € 20,00
        QVERIFY(!m_window->discountSheet()->isOpen());
        QVERIFY(m_window->overrideSheet()->isOpen());
        const QString what = find<QLabel>("overrideWhat")->text();
        QVERIFY2(what.contains(QStringLiteral("25,00")), qPrintable(what));
        QVERIFY(find<QLabel>("overrideWhy")->text().contains(QStringLiteral("Anna de Vries")));
        QVERIFY(find<QPushButton>(
            qPrintable(QStringLiteral("approverTile%1").arg(TestCache::managerId))));
        QVERIFY(!m_window->findChild<QPushButton *>(
            QStringLiteral("approverTile%1").arg(TestCache::cashierId)));
        click(qPrintable(QStringLiteral("approverTile%1").arg(TestCache::managerId)));
        clickKeys("overridePin", QStringLiteral("9999"));
        click("overrideApprove");
        QVERIFY(m_window->overrideSheet()->isOpen());
        QVERIFY(!find<QLabel>("overrideError")->text().isEmpty());
        QCOMPARE(sale().view().total, before);
        for (const Services::AdjustmentView &adjustment : lineOf(TestCache::jeansId)->adjustments)
            QVERIFY(adjustment.kind != Core::AdjustmentKind::Manual);
        QVERIFY(find<QLabel>("overridePinDisplay")->text().isEmpty()); // the wrong PIN is gone
        saveScreenshot(m_window.get(), QStringLiteral("30-override-wrong-pin-nl"));
        click("overrideCancel");
        QVERIFY(!m_window->overrideSheet()->isOpen());
        QCOMPARE(sale().view().total, before);
    }

    void overrideSheetInBothLanguages()
    {
        for (const QString &language : { QStringLiteral("nl"), QStringLiteral("en") }) {
            setLanguage(language);
            askDiscountOnJeans(QStringLiteral("2500"));
            QVERIFY(m_window->overrideSheet()->isOpen());
            shootBothOrientations(QStringLiteral("31-override-sheet"));
            click("overrideCancel");
        }
        setLanguage(QStringLiteral("nl"));
    }

    void managerApprovesTheDiscountOnTheSheet()
    {
        const Core::Money before = sale().view().total;
        askDiscountOnJeans(QStringLiteral("2500"));
        QVERIFY(m_window->overrideSheet()->isOpen());
        click(qPrintable(QStringLiteral("approverTile%1").arg(TestCache::managerId)));
        clickKeys("overridePin", QStringLiteral("3333"));
        click("overrideApprove");
        QVERIFY2(!m_window->overrideSheet()->isOpen(),
            qPrintable(find<QLabel>("overrideError")->text()));
        QCOMPARE(sale().view().total, before - Core::Money::fromCents(2500));
        const QString text = lineText(rowOf(TestCache::jeansId));
        QVERIFY2(text.contains(QStringLiteral("Mehmet Yilmaz"))
                && text.contains(QStringLiteral("−€ 25,00")),
            qPrintable(text));
    }

    void percentageWithinTheLimitNeedsNoApproval()
    {
        const int row = rowOf(TestCache::socksId);
        QVERIFY(row >= 0);
        const Core::Money before = sale().view().lines.at(row).lineTotal;
        clickCell(basket(), row, 0);
        click("discountButton");
        click("discountModePercent");
        clickKeys("discount", QStringLiteral("5"));
        click("discountApply");
        QVERIFY(m_window->discountSheet()->isOpen()); // no reason yet: refused, sheet stays
        QVERIFY(!find<QLabel>("discountError")->text().isEmpty());
        click("discountReason0");
        shootBothOrientations(QStringLiteral("36-discount-sheet"));
        click("discountApply");
        QVERIFY(!m_window->discountSheet()->isOpen());
        QVERIFY(!m_window->overrideSheet()->isOpen()); // 5 % is within a cashier's 10 %
        const Services::BasketLineView *socks = lineOf(TestCache::socksId);
        QVERIFY(socks);
        bool manual = false;
        for (const Services::AdjustmentView &adjustment : socks->adjustments)
            manual |= adjustment.kind == Core::AdjustmentKind::Manual
                && adjustment.approvedBy.isEmpty();
        QVERIFY(manual);
        QVERIFY(socks->lineTotal < before);
    }

    void priceChangeAsksAManager()
    {
        const Core::Money before = sale().view().total;
        clickCell(basket(), rowOf(TestCache::socksId), 0);
        click("discountButton");
        click("discountModePrice");
        clickKeys("discount", QStringLiteral("399"));
        click("discountReason1");
        click("discountApply");
        // A cashier may not change a price alone: the sheet asks a manager, nothing changed.
        QVERIFY(m_window->overrideSheet()->isOpen());
        QVERIFY(!find<QLabel>("overrideWhat")->text().isEmpty());
        QCOMPARE(sale().view().total, before);
        click("overrideCancel");
        QVERIFY(!m_window->overrideSheet()->isOpen());
        QCOMPARE(sale().view().total, before);
    }

    void basketScreenshots()
    {
        // The approved discount's line chosen (and so scrolled into view) for the pictures.
        clickCell(basket(), rowOf(TestCache::jeansId), 0);
        for (const QString &language : { QStringLiteral("nl"), QStringLiteral("en") }) {
            setLanguage(language);
            shootBothOrientations(QStringLiteral("32-basket-adjustments"));
        }
        setLanguage(QStringLiteral("nl"));
    }

    void wishListFromTheProductScreen()
    {
        QMetaObject::invokeMethod(
            m_window->sellScreen(), "productRequested", Q_ARG(qint64, TestCache::appleJuiceId));
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->productScreen()));
        QVERIFY(find<QPushButton>("productWish")->isVisible());
        click("productWish");
        auto profile = m_terminal->customers().profile(cardNumber());
        QVERIFY(profile.ok());
        QCOMPARE(profile.value().wishlist.size(), 1);
        QCOMPARE(profile.value().wishlist.constFirst().productId, TestCache::appleJuiceId);
        click("productBack");
    }

    void payCashRecordsEverything()
    {
        QCOMPARE(saleEvents(), 0);
        click("payButton");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->payScreen()));
        click("quickExact");
        click("payDone");
        QVERIFY(m_completed.has_value());
        const Core::Sale &done = m_completed->sale;
        QVERIFY(done.customer.has_value());
        QCOMPARE(done.customer->code, cardNumber());
        QVERIFY(done.pointsEarned > 0);
        QCOMPARE(done.couponCodes, QStringList { couponCode });
        bool threeForTwo = false, coupon = false, manual = false;
        for (const Core::SaleLine &line : done.lines) {
            for (const Core::Adjustment &adjustment : line.adjustments) {
                threeForTwo |= adjustment.kind == Core::AdjustmentKind::Promotion
                    && adjustment.sourceId == QLatin1String("PR-SOCKS-3V2")
                    && adjustment.amount == Core::Money::fromCents(499);
                coupon |= adjustment.kind == Core::AdjustmentKind::Coupon;
                manual |= adjustment.kind == Core::AdjustmentKind::Manual
                    && adjustment.approvedBy == TestCache::managerId
                    && adjustment.amount == Core::Money::fromCents(2500);
            }
        }
        QVERIFY(threeForTwo);
        QVERIFY(coupon);
        QVERIFY(manual);
        QCOMPARE(done.authorisations.size(), 1);
        QCOMPARE(done.authorisations.constFirst().approvedBy, TestCache::managerId);
        QCOMPARE(done.authorisations.constFirst().requestedBy, TestCache::cashierId);
        QCOMPARE(saleEvents(), 1);
        auto points = m_terminal->customers().pointsOf(cardNumber());
        QVERIFY(points.ok());
        QCOMPARE(points.value(), 1240 + done.pointsEarned);
        click("newSaleButton");
        QVERIFY(!find<QPushButton>("customerChip")->isVisible());
    }

    void customerScreenSaysWhatIsWrong()
    {
        click("customerButton");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->customerScreen()));
        auto *search = find<QLineEdit>("customerSearch");
        auto *message = find<QLabel>("customerMessage");
        search->setText(QStringLiteral("0687654321"));
        click("customerFind");
        auto notFound = m_terminal->customers().findByPhone(QStringLiteral("0687654321"));
        QVERIFY(!notFound.ok());
        QCOMPARE(notFound.error().code, QStringLiteral("customer.not_found"));
        QCOMPARE(message->text(), notFound.error().message);
        QVERIFY(!message->text().isEmpty());
        QCOMPARE(find<QListWidget>("customerResults")->count(), 0);
        saveScreenshot(m_window.get(), QStringLiteral("33-customer-not-found-nl"));
        search->setText(QStringLiteral("piet@"));
        click("customerFind");
        auto malformed = m_terminal->customers().findByEmail(QStringLiteral("piet@"));
        QVERIFY(!malformed.ok());
        QCOMPARE(malformed.error().code, QStringLiteral("customer.email"));
        QCOMPARE(message->text(), malformed.error().message); // not "not found"
        saveScreenshot(m_window.get(), QStringLiteral("33-customer-bad-email-nl"));
    }

    void cardScanOnTheCustomerScreenOpensTheProfile()
    {
        find<QLineEdit>("customerSearch")->setFocus();
        scan(cardNumber());
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->customerScreen()));
        QCOMPARE(m_window->customerScreen()->shownCard(), cardNumber());
        QVERIFY(!sale().view().customer.has_value()); // looked up, not attached to a sale
        // Not typed into the field: it keeps what was there before the scan.
        QVERIFY(!find<QLineEdit>("customerSearch")->text().contains(cardNumber()));
    }

    void profileShowsPointsOffersHistory()
    {
        auto *search = find<QLineEdit>("customerSearch");
        search->setText(QStringLiteral("El Amrani"));
        click("customerFind");
        QCOMPARE(find<QListWidget>("customerResults")->count(), 1);
        QCOMPARE(m_window->customerScreen()->shownCard(), cardNumber());
        QVERIFY(find<QLabel>("profileOffers")->text().contains(QStringLiteral("Appelaere")));
        QVERIFY(find<QLabel>("profilePurchaseText0")->text().contains(QStringLiteral("AMS01")));
        QVERIFY(find<QLabel>("profileWishlist")->text().contains(QStringLiteral("Appelsap")));
        for (const QString &language : { QStringLiteral("nl"), QStringLiteral("en") }) {
            setLanguage(language);
            shootBothOrientations(QStringLiteral("34-customer-profile"));
        }
        QVERIFY(find<QLabel>("profilePointsDetail")->text().contains(QStringLiteral("pending")));
        setLanguage(QStringLiteral("nl"));
    }

    void enrolWithExplicitConsent()
    {
        click("customerEnrol");
        QVERIFY(m_window->customerForm()->isOpen());
        for (const char *box : { "consentEmail", "consentSms", "consentPersonalised" })
            QVERIFY(!find<QCheckBox>(box)->isChecked()); // nothing pre-ticked
        find<QLineEdit>("enrolName")->setText(QStringLiteral("Joost Verhoeven"));
        find<QLineEdit>("enrolEmail")->setText(QStringLiteral("joost@example"));
        find<QLineEdit>("enrolPhone")->setText(QStringLiteral("06 11 22 33 44"));
        tick(find<QCheckBox>("consentEmail"));
        saveScreenshot(m_window.get(), QStringLiteral("35-enrol-nl"));
        click("customerFormSave");
        QVERIFY(m_window->customerForm()->isOpen()); // the e-mail is malformed
        QVERIFY(!find<QLabel>("customerFormError")->text().isEmpty());
        find<QLineEdit>("enrolEmail")->setText(QStringLiteral("Joost@Example.nl"));
        click("customerFormSave");
        QVERIFY2(!m_window->customerForm()->isOpen(),
            qPrintable(find<QLabel>("customerFormError")->text()));
        const QString card = m_window->customerScreen()->shownCard();
        QVERIFY(!card.isEmpty());
        auto profile = m_terminal->customers().profile(card);
        QVERIFY(profile.ok());
        QCOMPARE(profile.value().customer.name, QStringLiteral("Joost Verhoeven"));
        QVERIFY(profile.value().consent.email);
        QVERIFY(!profile.value().consent.sms);
        QVERIFY(!profile.value().consent.personalised);
        QVERIFY(!profile.value().consentHistory.isEmpty());

        // The same e-mail again is a duplicate, said in plain words.
        click("customerEnrol");
        // A new card scanned while the form is open is the new customer's card number.
        const QString newCard = QStringLiteral("299000009999")
            + QString::number(Core::Barcode::checkDigit(QStringLiteral("299000009999")));
        scan(newCard);
        QCOMPARE(find<QLineEdit>("enrolCard")->text(), newCard);
        QVERIFY(m_window->customerForm()->isOpen());
        find<QLineEdit>("enrolName")->setText(QStringLiteral("J. Verhoeven"));
        find<QLineEdit>("enrolEmail")->setText(QStringLiteral("joost@example.nl"));
        click("customerFormSave");
        QVERIFY(m_window->customerForm()->isOpen());
        QVERIFY(!find<QLabel>("customerFormError")->text().isEmpty());
        click("customerFormCancel");

        // Edit consent: SMS on; the history grows.
        click("customerEditConsent");
        QVERIFY(find<QCheckBox>("consentEmail")->isChecked());
        tick(find<QCheckBox>("consentSms"));
        click("customerFormSave");
        auto edited = m_terminal->customers().profile(card);
        QVERIFY(edited.ok());
        QVERIFY(edited.value().consent.sms);
        QCOMPARE(edited.value().consentHistory.size(), profile.value().consentHistory.size() + 1);

        // Attach from the profile: back on the sell screen with the chip.
        click("customerAttach");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        QVERIFY(find<QPushButton>("customerChip")->text().contains(QStringLiteral("Joost")));
    }
};

QTEST_MAIN(TestCustomerFlow)
#include "tst_customerflow.moc"
