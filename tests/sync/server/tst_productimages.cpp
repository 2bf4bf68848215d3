// Issue 11 §3 on the real toonbank-server: GET /v1/stock (every location, available = quantity −
// held, the figure's time) and GET /v1/images/<ref> (PNG at 160 or 640 px with an ETag and a
// cache lifetime; photos from <data-dir>/images scaled; demo refs drawn and cached on disk;
// 400 for a bad ref or size, 404 for an unknown one, 401 without a device token). Every demo
// type is drawn as a picture that is more than background. SQLite, and PostgreSQL with
// TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"
#include "storeopskit.h"

#include "sync/protocol/stockelsewhere.h"
#include "sync/server/productimages.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using namespace Toonbank::Tests::StoreOps;
using Sync::Server::ProductImages;

namespace {

QByteArray header(const HttpAnswer &answer, const QByteArray &name)
{
    for (const auto &[key, value] : answer.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Share of pixels within `tolerance` of `colour` on each channel.
double shareNear(const QImage &image, const QColor &colour, int tolerance = 40)
{
    qint64 near = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) <= tolerance
                && qAbs(c.green() - colour.green()) <= tolerance
                && qAbs(c.blue() - colour.blue()) <= tolerance)
                ++near;
        }
    }
    return double(near) / double(image.width() * image.height());
}

} // namespace

class TestProductImages final : public QObject
{
    Q_OBJECT
private:
    ServerFixture m_server;
    Client m_client { m_server };
    Device m_ams { QStringLiteral("AMS01"), 7, {}, {}, 1 };

    HttpAnswer get(const QString &path, bool withToken = true)
    {
        return m_server.request("GET", path, {}, withToken ? m_ams.token : QString());
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QVERIFY(m_server.seed(5));
        // A real photo in the data folder: 300 × 200, red.
        QVERIFY(QDir().mkpath(m_server.dataDir() + QStringLiteral("/images/shop")));
        QImage photo(300, 200, QImage::Format_RGB32);
        photo.fill(QColor(200, 20, 20));
        QVERIFY(photo.save(m_server.dataDir() + QStringLiteral("/images/shop/p1.png")));
        QVERIFY(m_server.start());
        QVERIFY(m_client.enrol(m_ams));
    }

    void liveStockHasEveryLocation()
    {
        QCOMPARE(
            m_server.scalar(QStringLiteral("UPDATE stock SET held = 3, quantity = 10, "
                                           "as_of = '2026-03-01T10:00:00.000Z' WHERE "
                                           "product_id = 2 AND location_id = 1 RETURNING held")),
            3);
        QElapsedTimer timer;
        timer.start();
        const HttpAnswer answer = get(QStringLiteral("/v1/stock?product=2"));
        const qint64 ms = timer.elapsed();
        QCOMPARE(answer.status, 200);
        auto live = Sync::Protocol::liveStockFromJson(answer.json, Sync::Protocol::Reading::Strict);
        QVERIFY2(live, qPrintable(live ? QString() : live.error().detail));
        QCOMPARE(live->productId, 2);
        QVERIFY(live->at.isValid());
        QCOMPARE(live->figures.size(),
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM locations")));
        bool sawAms = false;
        for (const auto &figure : live->figures) {
            QCOMPARE(figure.available, qMax<qint64>(0, figure.onHand - figure.held));
            QVERIFY(figure.asOf.isValid());
            if (figure.locationId == 1) {
                sawAms = true;
                QCOMPARE(figure.locationCode, QStringLiteral("AMS01"));
                QCOMPARE(figure.onHand, 10);
                QCOMPARE(figure.held, 3);
                QCOMPARE(figure.available, 7);
                QCOMPARE(figure.asOf, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
            }
        }
        QVERIFY(sawAms);
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms))); // the bench holds the 300 ms
    }

    void liveStockRefusals()
    {
        QCOMPARE(get(QStringLiteral("/v1/stock")).status, 400);
        QCOMPARE(get(QStringLiteral("/v1/stock?product=abc")).status, 400);
        const HttpAnswer unknown = get(QStringLiteral("/v1/stock?product=999999"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(
            unknown.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
            QStringLiteral("product.unknown"));
        QCOMPARE(get(QStringLiteral("/v1/stock?product=2"), false).status, 401);
    }

    void demoPictureAtBothSizes_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<int>("pixels");
        QTest::newRow("thumb") << QStringLiteral("thumb") << 160;
        QTest::newRow("large") << QStringLiteral("large") << 640;
        QTest::newRow("default") << QString() << 640;
    }
    void demoPictureAtBothSizes()
    {
        QFETCH(QString, size);
        QFETCH(int, pixels);
        const QString path = QStringLiteral("/v1/images/demo/jeans/indigo")
            + (size.isEmpty() ? QString() : QStringLiteral("?size=") + size);
        const HttpAnswer first = get(path);
        QCOMPARE(first.status, 200);
        QCOMPARE(header(first, "Content-Type"), QByteArray("image/png"));
        QVERIFY(header(first, "Cache-Control").startsWith("max-age="));
        const QByteArray etag = header(first, "ETag");
        QVERIFY(etag.size() > 8);
        QImage image;
        QVERIFY(image.loadFromData(first.body, "PNG"));
        QCOMPARE(image.size(), QSize(pixels, pixels));
        // Indigo denim covers a good part of the picture, on a light background.
        QVERIFY(shareNear(image, ProductImages::colourFor(QStringLiteral("indigo"))) > 0.08);
        QVERIFY(image.pixelColor(2, 2).lightness() > 200);
        // Drawn once, kept on disk: the same bytes and ETag again.
        const HttpAnswer again = get(path);
        QCOMPARE(header(again, "ETag"), etag);
        QCOMPARE(again.body, first.body);
        QVERIFY(QFile::exists(m_server.dataDir()
            + QStringLiteral("/images/cache/demo_jeans_indigo.%1.png").arg(pixels)));
    }

    void photoFromDataFolderScaled()
    {
        const HttpAnswer answer = get(QStringLiteral("/v1/images/shop/p1?size=thumb"));
        QCOMPARE(answer.status, 200);
        QImage image;
        QVERIFY(image.loadFromData(answer.body, "PNG"));
        QCOMPARE(image.size(), QSize(160, 160));
        const QColor middle = image.pixelColor(80, 80);
        QVERIFY(middle.red() > 180 && middle.green() < 60);
        // Fitted, not stretched: white above and below the 3:2 photo.
        QCOMPARE(image.pixelColor(80, 2), QColor(Qt::white));
        QVERIFY(header(answer, "ETag")
            != header(get(QStringLiteral("/v1/images/demo/jeans/indigo?size=thumb")), "ETag"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("upper case") << QStringLiteral("/v1/images/demo/Jeans/indigo") << 400
                                    << QStringLiteral("image.bad_ref");
        QTest::newRow("dot") << QStringLiteral("/v1/images/demo/jeans/in.digo") << 400
                             << QStringLiteral("image.bad_ref");
        QTest::newRow("empty segment")
            << QStringLiteral("/v1/images/demo//indigo") << 400 << QStringLiteral("image.bad_ref");
        QTest::newRow("space") << QStringLiteral("/v1/images/demo/jeans/dark%20blue") << 400
                               << QStringLiteral("image.bad_ref");
        QTest::newRow("bad size") << QStringLiteral("/v1/images/demo/jeans/indigo?size=huge") << 400
                                  << QStringLiteral("image.bad_size");
        QTest::newRow("unknown type") << QStringLiteral("/v1/images/demo/spaceship/red") << 404
                                      << QStringLiteral("image.unknown");
        QTest::newRow("no such photo")
            << QStringLiteral("/v1/images/shop/p2") << 404 << QStringLiteral("image.unknown");
        QTest::newRow("short demo ref")
            << QStringLiteral("/v1/images/demo/jeans") << 404 << QStringLiteral("image.unknown");
    }
    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpAnswer answer = get(path);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            code);
    }

    void needsDeviceToken()
    {
        QCOMPARE(get(QStringLiteral("/v1/images/demo/jeans/indigo"), false).status, 401);
    }

    void refValidation_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<bool>("valid");
        QTest::newRow("demo") << QStringLiteral("demo/jeans/dark-blue") << true;
        QTest::newRow("underscore") << QStringLiteral("shop/tb_0001") << true;
        QTest::newRow("dotdot") << QStringLiteral("demo/../secret") << false;
        QTest::newRow("leading slash") << QStringLiteral("/etc/passwd") << false;
        QTest::newRow("trailing slash") << QStringLiteral("demo/") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("backslash") << QStringLiteral("demo\\x") << false;
    }
    void refValidation()
    {
        QFETCH(QString, ref);
        QFETCH(bool, valid);
        QCOMPARE(ProductImages::validRef(ref), valid);
    }

    void everyDemoTypeIsAPicture()
    {
        const QColor red = ProductImages::colourFor(QStringLiteral("red"));
        for (const QString &type : ProductImages::demoTypes()) {
            const QImage image = ProductImages::productPicture(type, red, 160);
            QVERIFY2(!image.isNull(), qPrintable(type));
            QVERIFY2(shareNear(image, red, 60) > 0.03, qPrintable(type));
        }
        QVERIFY(ProductImages::productPicture(QStringLiteral("spaceship"), red, 160).isNull());
        // A contact sheet of every type for people to look at (with TOONBANK_SCREENS_DIR).
        const QString folder = qEnvironmentVariable("TOONBANK_SCREENS_DIR");
        if (!folder.isEmpty()) {
            const QStringList types = ProductImages::demoTypes();
            const QStringList colours { QStringLiteral("indigo"), QStringLiteral("white"),
                QStringLiteral("burgundy"), QStringLiteral("black"), QStringLiteral("sand"),
                QStringLiteral("sky-blue"), QStringLiteral("olive") };
            const int columns = 7;
            QImage sheet(columns * 160, int((types.size() + columns - 1) / columns) * 160,
                QImage::Format_RGB32);
            sheet.fill(Qt::white);
            QPainter painter(&sheet);
            for (int i = 0; i < types.size(); ++i)
                painter.drawImage((i % columns) * 160, (i / columns) * 160,
                    ProductImages::productPicture(types.at(i),
                        ProductImages::colourFor(colours.at(i % colours.size())), 160));
            painter.end();
            QVERIFY(QDir().mkpath(folder));
            QVERIFY(sheet.save(QDir(folder).filePath(QStringLiteral("93-demo-pictures.png"))));
        }
    }
};

QTEST_GUILESS_MAIN(TestProductImages)
#include "tst_productimages.moc"
