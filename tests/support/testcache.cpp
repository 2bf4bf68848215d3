#include "testcache.h"

#include "app/core/barcode.h"
#include "app/core/pin.h"
#include "app/store/catalogwriter.h"
#include "app/store/localdatabase.h"

#include <QDir>

namespace Toonbank::Tests::TestCache {

namespace {

QString withCheckDigit(const QString &twelve)
{
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

} // namespace

QString outputDir(const QString &sub)
{
    QString base = qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR");
    if (base.isEmpty())
        base = QDir::currentPath();
    const QString dir = base + QStringLiteral("/test-output/") + sub;
    QDir().mkpath(dir);
    return dir;
}

QString create(const QString &path)
{
    Q_ASSERT(withCheckDigit(QStringLiteral("871234500001")) == jeansBarcode);
    auto db = Store::LocalDatabase::open(path);
    if (!db)
        return db.error().message + QLatin1Char(' ') + db.error().detail;
    {
        Store::CatalogWriter writer(*db.value());
        auto check = [](const Core::Status &status) {
            return status ? QString() : status.error().detail + status.error().message;
        };
        QString failure = check(writer.begin());
        const QList<Store::Location> locations = {
            { hereId, QStringLiteral("AMS01"), QStringLiteral("Toonbank Amsterdam Centrum"),
                Store::LocationKind::Store, QStringLiteral("Kalverstraat 12"),
                QStringLiteral("1012 PC Amsterdam"), QStringLiteral("NL"), 52.3702, 4.8952, true,
                QStringLiteral("NL001234567B01") },
            { otherStoreId, QStringLiteral("UTR02"),
                QStringLiteral("Toonbank Utrecht Hoog Catharijne"), Store::LocationKind::Store,
                QStringLiteral("Godebaldkwartier 5"), QStringLiteral("3511 DX Utrecht"),
                QStringLiteral("NL"), 52.0907, 5.1214, true, QStringLiteral("NL001234567B01") },
            { webId, QStringLiteral("WEB"), QStringLiteral("Web warehouse"),
                Store::LocationKind::WebWarehouse, QStringLiteral("Industrieweg 1"),
                QStringLiteral("Tilburg"), QStringLiteral("NL"), 51.5555, 5.0913, false, {} },
        };
        for (const Store::Location &location : locations)
            failure += check(writer.upsertLocation(location));

        Store::ProductRecord jeans;
        jeans.id = jeansId;
        jeans.sku = QStringLiteral("LEV-501-IND-32");
        jeans.name = QStringLiteral("501 Original Jeans Indigo 32/32");
        jeans.brand = QStringLiteral("Levi's");
        jeans.category = QStringLiteral("Jeans");
        jeans.vatClass = QStringLiteral("standard");
        jeans.price = Core::Money::fromCents(8995);
        jeans.attributes = { { QStringLiteral("Colour"), QStringLiteral("Indigo") },
            { QStringLiteral("Size"), QStringLiteral("32/32") } };
        jeans.variantGroup = QStringLiteral("LEV-501");
        jeans.variantLabel = QStringLiteral("Indigo 32/32");
        jeans.ratingTenths = 43;
        jeans.reviewCount = 128;
        jeans.webDeliveryDays = 2;
        jeans.barcodes = { jeansBarcode };
        Store::ProductRecord black = jeans;
        black.id = jeansBlackId;
        black.sku = QStringLiteral("LEV-501-BLK-32");
        black.name = QStringLiteral("501 Original Jeans Black 32/32");
        black.variantLabel = QStringLiteral("Black 32/32");
        black.attributes = { { QStringLiteral("Colour"), QStringLiteral("Black") },
            { QStringLiteral("Size"), QStringLiteral("32/32") } };
        black.barcodes = { withCheckDigit(QStringLiteral("871234500004")) };
        Store::ProductRecord juice;
        juice.id = appleJuiceId;
        juice.sku = QStringLiteral("APL-JUICE-1L");
        juice.name = QStringLiteral("Appelsap troebel 1 L");
        juice.brand = QStringLiteral("Appelaere");
        juice.vatClass = QStringLiteral("reduced");
        juice.price = Core::Money::fromCents(249);
        juice.promoPrice = Core::Money::fromCents(199);
        juice.barcodes = { appleJuiceBarcode };
        Store::ProductRecord socks;
        socks.id = socksId;
        socks.sku = QStringLiteral("SOCK-BAMBOO-3P");
        socks.name = QStringLiteral("Bamboo socks 3-pack");
        socks.brand = QStringLiteral("Happy Feet");
        socks.vatClass = QStringLiteral("standard");
        socks.price = Core::Money::fromCents(499);
        socks.barcodes = { socksBarcode };
        for (const Store::ProductRecord &product : { jeans, black, juice, socks })
            failure += check(writer.upsertProduct(product));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        failure += check(writer.setStock(jeansId, hereId, 7, now.addSecs(-120)));
        failure += check(writer.setStock(jeansId, otherStoreId, 3, now.addSecs(-3600 * 3)));
        failure += check(writer.setStock(jeansId, webId, 240, now.addSecs(-600)));
        failure += check(writer.setStock(jeansBlackId, hereId, 0, now.addSecs(-120)));
        failure += check(writer.setStock(appleJuiceId, hereId, 50, now.addSecs(-60)));

        const QList<QPair<Store::StaffMember, QString>> staff = {
            { { cashierId, QStringLiteral("E1001"), QStringLiteral("Anna de Vries"),
                  Store::StaffRole::Cashier, hereId, true },
                QStringLiteral("1111") },
            { { managerId, QStringLiteral("E1002"), QStringLiteral("Mehmet Yilmaz"),
                  Store::StaffRole::Manager, hereId, true },
                QStringLiteral("3333") },
            { { 12, QStringLiteral("E2001"), QStringLiteral("Sanne Bakker"),
                  Store::StaffRole::Supervisor, otherStoreId, true },
                QStringLiteral("2222") },
        };
        for (const auto &[member, pin] : staff) {
            Core::Result<QString> hash = Core::Pin::hash(pin, 1000);
            if (!hash)
                return hash.error().message;
            failure += check(writer.upsertStaff(member, hash.value()));
        }
        failure += check(writer.commit());
        if (!failure.isEmpty())
            return failure;
    }
    const Core::Status setting
        = db.value()->setSetting(QStringLiteral("location_id"), QString::number(hereId));
    return setting ? QString() : setting.error().message;
}

} // namespace Toonbank::Tests::TestCache
