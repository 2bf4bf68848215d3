#include "app/core/delivery.h"

#include <QTest>

using namespace Toonbank::Core;

namespace {

Address home()
{
    return { QStringLiteral("Sanne de Vries"), QStringLiteral("Kalverstraat 12"),
        QStringLiteral("1012 ab"), QStringLiteral("Amsterdam"), QStringLiteral("NL") };
}

} // namespace

class TestDelivery : public QObject
{
    Q_OBJECT

private slots:
    void postcode_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("nl spaced") << "NL"
                                   << "1012 AB"
                                   << "1012 AB";
        QTest::newRow("nl compact lower") << "NL"
                                          << "1012ab"
                                          << "1012 AB";
        QTest::newRow("nl leading zero") << "NL"
                                         << "0123 AB"
                                         << "";
        QTest::newRow("nl SS") << "NL"
                               << "1234 SS"
                               << "";
        QTest::newRow("nl SA") << "NL"
                               << "1234 SA"
                               << "";
        QTest::newRow("nl digits only") << "NL"
                                        << "1012"
                                        << "";
        QTest::newRow("be") << "BE"
                            << "1000"
                            << "1000";
        QTest::newRow("be spaced") << "BE"
                                   << " 2000 "
                                   << "2000";
        QTest::newRow("be letters") << "BE"
                                    << "1000 AB"
                                    << "";
        QTest::newRow("be low") << "BE"
                                << "0999"
                                << "";
        QTest::newRow("de") << "DE"
                            << "10115"
                            << "";
    }
    void postcode()
    {
        QFETCH(QString, country);
        QFETCH(QString, typed);
        QFETCH(QString, normalised);
        QCOMPARE(normalisedPostcode(country, typed), normalised);
    }

    void address_data()
    {
        QTest::addColumn<Address>("address");
        QTest::addColumn<QString>("code");
        QTest::newRow("good") << home() << QString();
        Address a = home();
        a.postcode.clear();
        QTest::newRow("no postcode") << a << QStringLiteral("address.postcode");
        a = home();
        a.postcode = QStringLiteral("12345");
        QTest::newRow("bad postcode") << a << QStringLiteral("address.postcode");
        a = home();
        a.name = QStringLiteral("  ");
        QTest::newRow("no name") << a << QStringLiteral("address.name");
        a = home();
        a.street = QStringLiteral("Kalverstraat");
        QTest::newRow("no house number") << a << QStringLiteral("address.street");
        a = home();
        a.city.clear();
        QTest::newRow("no city") << a << QStringLiteral("address.city");
        a = home();
        a.country = QStringLiteral("DE");
        QTest::newRow("germany") << a << QStringLiteral("address.country");
        a = home();
        a.country = QStringLiteral("BE");
        a.postcode = QStringLiteral("1000");
        QTest::newRow("belgium") << a << QString();
    }
    void address()
    {
        QFETCH(Address, address);
        QFETCH(QString, code);
        const Status checked = checkAddress(address);
        QCOMPARE(checked.ok() ? QString() : checked.error().code, code);
        if (!checked.ok())
            QVERIFY(!checked.error().message.isEmpty());
    }

    void missingPostcodeSaysSo()
    {
        Address a = home();
        a.postcode.clear();
        QCOMPARE(checkAddress(a).error().message, QStringLiteral("Enter the postcode."));
    }

    void prices()
    {
        const QList<DeliveryOption> options = defaultDeliveryOptions();
        QCOMPARE(deliveryPrice(options, QStringLiteral("standard"), Money::fromCents(4999)).value(),
            Money::fromCents(495));
        QCOMPARE(deliveryPrice(options, QStringLiteral("standard"), Money::fromCents(5000)).value(),
            Money());
        QCOMPARE(deliveryPrice(options, QStringLiteral("express"), Money::fromCents(90000)).value(),
            Money::fromCents(995));
        QCOMPARE(
            deliveryPrice(options, QStringLiteral("store_pickup"), Money::fromCents(100)).value(),
            Money());
        QCOMPARE(deliveryPrice(options, QStringLiteral("drone"), Money()).error().code,
            QStringLiteral("delivery.option"));
    }

    void delivery()
    {
        const QList<DeliveryOption> options = defaultDeliveryOptions();
        Delivery d;
        d.kind = DeliveryKind::Home;
        d.optionCode = QStringLiteral("standard");
        d.address = home();
        d.price = Money::fromCents(495);
        QVERIFY(checkDelivery(d, options, Money::fromCents(2000)).ok());
        // The same order above the free threshold must not charge delivery.
        QCOMPARE(checkDelivery(d, options, Money::fromCents(6000)).error().code,
            QStringLiteral("delivery.price"));
        d.address.postcode.clear();
        QCOMPARE(checkDelivery(d, options, Money::fromCents(2000)).error().code,
            QStringLiteral("address.postcode"));
        Delivery pickup;
        pickup.kind = DeliveryKind::StorePickup;
        pickup.optionCode = QStringLiteral("store_pickup");
        QCOMPARE(
            checkDelivery(pickup, options, Money()).error().code, QStringLiteral("delivery.store"));
        pickup.pickupStoreCode = QStringLiteral("UTR01");
        QVERIFY(checkDelivery(pickup, options, Money()).ok());
        // A home option for a store pickup is refused.
        pickup.optionCode = QStringLiteral("express");
        QCOMPARE(checkDelivery(pickup, options, Money()).error().code,
            QStringLiteral("delivery.option"));
    }
};

QTEST_APPLESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
