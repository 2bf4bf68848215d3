// Services::ImageCache, the tablet's product photos (docs/STOCK.md §3): bounded on disk with
// the least recently used files removed first, a damaged file ignored (removed and asked for
// again), pictures fetched asynchronously from the real toonbank-server (one fetch for many
// asks), a miss (unknown ref, offline) reported without a retry storm, and the neutral drawing.
#include "app/services/imagecache.h"
#include "app/services/serverlookups.h"
#include "app/services/terminal.h"
#include "serverfixture.h"
#include "tests/support/devicekey.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Services::ImageCache;

namespace {

// A PNG of about `bytes` bytes (noise does not compress).
QByteArray noisePng(int side, quint32 seed)
{
    QImage image(side, side, QImage::Format_RGB32);
    quint32 state = seed;
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            state = state * 1664525u + 1013904223u;
            image.setPixel(x, y, state >> 8);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void writeFile(const QString &path, const QByteArray &bytes, const QDateTime &modified)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
}

} // namespace

class TestImageCache final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    QString m_cache;

private slots:
    void initTestCase() { QVERIFY(useDeviceKey(m_dir.path(), "00112233445566778899aabbccddeeff")); }

    void leastRecentlyUsedGoFirst()
    {
        const QString folder = m_dir.filePath(QStringLiteral("lru.images"));
        ImageCache cache(folder, {}, 64 * 1024 * 1024);
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-1);
        QStringList refs;
        qint64 each = 0;
        for (int i = 0; i < 5; ++i) {
            const QString ref = QStringLiteral("shop/p%1").arg(i);
            refs.append(ref);
            const QByteArray png = noisePng(64, quint32(i + 1));
            each = qMax<qint64>(each, png.size());
            writeFile(cache.filePath(ref, ImageCache::Size::Thumb), png, base.addSecs(i * 60));
        }
        // Opened again, it counts what is on disk.
        ImageCache reopened(folder, {}, 64 * 1024 * 1024);
        QVERIFY(reopened.diskBytes() > 4 * each * 9 / 10);
        // p0 is the oldest on disk, but used now: it becomes the newest.
        QSignalSpy ready(&reopened, &ImageCache::imageReady);
        QVERIFY(reopened.image(refs.at(0), ImageCache::Size::Thumb).isNull()); // async
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(reopened.image(refs.at(0), ImageCache::Size::Thumb).size(), QSize(64, 64));
        // Room for three: p1 and p2 (least recently used) go, p0, p3 and p4 stay.
        reopened.setMaxBytes(3 * each + each / 2);
        QVERIFY(reopened.isOnDisk(refs.at(0), ImageCache::Size::Thumb));
        QVERIFY(!reopened.isOnDisk(refs.at(1), ImageCache::Size::Thumb));
        QVERIFY(!reopened.isOnDisk(refs.at(2), ImageCache::Size::Thumb));
        QVERIFY(reopened.isOnDisk(refs.at(3), ImageCache::Size::Thumb));
        QVERIFY(reopened.isOnDisk(refs.at(4), ImageCache::Size::Thumb));
        QVERIFY(reopened.diskBytes() <= reopened.maxBytes());
        // The bound holds at start too.
        ImageCache small(folder, {}, each + each / 2);
        QVERIFY(small.diskBytes() <= each + each / 2);
        QVERIFY(small.isOnDisk(refs.at(0), ImageCache::Size::Thumb)); // the most recently used
    }

    void corruptFileIgnored()
    {
        ImageCache cache(m_dir.filePath(QStringLiteral("corrupt.images")), {});
        const QString ref = QStringLiteral("shop/torn");
        writeFile(cache.filePath(ref, ImageCache::Size::Large), QByteArray("\x89PNG\r\n garbage"),
            QDateTime::currentDateTimeUtc());
        QSignalSpy missing(&cache, &ImageCache::imageMissing);
        QSignalSpy ready(&cache, &ImageCache::imageReady);
        QVERIFY(cache.image(ref, ImageCache::Size::Large).isNull());
        QTRY_COMPARE(missing.size(), 1); // offline: nothing to fetch it from
        QCOMPARE(ready.size(), 0);
        QVERIFY(!cache.isOnDisk(ref, ImageCache::Size::Large));
        // The neutral drawing stands in, and a miss is not asked again at once.
        const QImage shown = cache.imageOrPlaceholder(ref, ImageCache::Size::Large);
        QCOMPARE(shown.size(), QSize(ImageCache::largePixels, ImageCache::largePixels));
        QCOMPARE(cache.pending(), 0);
        QCOMPARE(missing.size(), 1);
        QVERIFY(cache.image(QString(), ImageCache::Size::Thumb).isNull());
        QCOMPARE(cache.pending(), 0);
    }

    void fetchedFromTheServer()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QVERIFY(m_server.seed(3));
        QVERIFY(m_server.start());
        m_cache = m_dir.filePath(QStringLiteral("till.sqlite"));
        int code = 0;
        const QString enrolled = runSyncTool(m_cache,
            { QStringLiteral("enrol"), m_server.url(QString()).toString(),
                m_server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    m_server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(enrolled));
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::ServerLookups &lookups = opened.value()->lookups();
        QVERIFY(lookups.connection());

        ImageCache cache(
            m_cache + QStringLiteral(".images"), [&lookups] { return lookups.connection(); });
        QSignalSpy ready(&cache, &ImageCache::imageReady);
        QSignalSpy missing(&cache, &ImageCache::imageMissing);
        const QString ref = QStringLiteral("demo/sneakers/red");
        // Three asks while it is on its way: one fetch, one answer.
        for (int i = 0; i < 3; ++i)
            QVERIFY(cache.image(ref, ImageCache::Size::Thumb).isNull());
        QCOMPARE(cache.pending(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QCOMPARE(ready.at(0).at(0).toString(), ref);
        QCOMPARE(cache.pending(), 0);
        const QImage thumb = cache.image(ref, ImageCache::Size::Thumb);
        QCOMPARE(thumb.size(), QSize(ImageCache::thumbPixels, ImageCache::thumbPixels));
        QVERIFY(cache.isOnDisk(ref, ImageCache::Size::Thumb));
        QVERIFY(cache.diskBytes() > 0);
        // From disk after a restart, without the server.
        cache.clearMemory();
        QVERIFY(cache.image(ref, ImageCache::Size::Thumb).isNull());
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(cache.image(ref, ImageCache::Size::Thumb).size(), thumb.size());
        // The large size is a file of its own.
        QVERIFY(cache.image(ref, ImageCache::Size::Large).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 3, 10000);
        QCOMPARE(cache.image(ref, ImageCache::Size::Large).width(), ImageCache::largePixels);
        // A ref the server does not know: missing, the placeholder shows.
        QVERIFY(
            cache.image(QStringLiteral("demo/spaceship/red"), ImageCache::Size::Thumb).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(missing.size(), 1, 10000);
        QCOMPARE(
            cache.imageOrPlaceholder(QStringLiteral("demo/spaceship/red"), ImageCache::Size::Thumb)
                .width(),
            ImageCache::thumbPixels);
        m_server.kill();
    }

    void placeholderIsADrawing()
    {
        const QImage image = ImageCache::placeholder(120);
        QCOMPARE(image.size(), QSize(120, 120));
        // Not one flat colour: an outline is drawn on it.
        QVERIFY(image.pixelColor(60, 60) != image.pixelColor(2, 2)
            || image.pixelColor(60, 30) != image.pixelColor(2, 2));
    }
};

QTEST_MAIN(TestImageCache)
#include "tst_imagecache.moc"
