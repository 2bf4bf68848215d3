#include "imagecache.h"

#include "sync/client/serverconnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrl>

#include <algorithm>

namespace Toonbank::Services {

namespace {

// After a miss (404, offline) the same picture is not asked for again for a while.
constexpr qint64 missRetryMs = 5 * 60 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ImageCache::ImageCache(
    QString folder, ConnectionSource connection, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_connection(std::move(connection))
    , m_maxBytes(maxBytes)
    // Memory cost in KiB of decoded pixels: ~300 thumbnails or a dozen large images.
    , m_memory(24 * 1024)
{
    QDir().mkpath(m_folder);
    QDirIterator files(m_folder, { QStringLiteral("*.png") }, QDir::Files);
    while (files.hasNext()) {
        files.next();
        m_diskBytes += files.fileInfo().size();
    }
    evict();
}

ImageCache::~ImageCache()
{
    // Loads still running on worker threads post back through a QPointer: nothing to wait for.
}

QString ImageCache::sizeName(Size size)
{
    return size == Size::Thumb ? QStringLiteral("thumb") : QStringLiteral("large");
}

QString ImageCache::key(const QString &ref, Size size)
{
    return sizeName(size) + QLatin1Char(':') + ref;
}

QString ImageCache::filePath(const QString &ref, Size size) const
{
    const QByteArray hash
        = QCryptographicHash::hash(ref.toUtf8(), QCryptographicHash::Sha1).toHex().left(24);
    return QDir(m_folder).filePath(
        QString::fromLatin1(hash) + QLatin1Char('-') + sizeName(size) + QStringLiteral(".png"));
}

bool ImageCache::isOnDisk(const QString &ref, Size size) const
{
    return QFileInfo::exists(filePath(ref, size));
}

void ImageCache::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    evict();
}

void ImageCache::clearMemory()
{
    m_memory.clear();
}

QImage ImageCache::image(const QString &ref, Size size)
{
    if (ref.isEmpty())
        return {};
    const QString k = key(ref, size);
    if (const QImage *kept = m_memory.object(k))
        return *kept;
    if (m_pending.contains(k))
        return {};
    const auto missing = m_missingUntil.constFind(k);
    if (missing != m_missingUntil.constEnd() && *missing > nowMs())
        return {};
    m_pending.insert(k);
    // Decoding a PNG is a millisecond or more: off the GUI thread. The file may be gone by the
    // time the worker looks (evicted): then it is fetched.
    const QString path = filePath(ref, size);
    QPointer<ImageCache> self(this);
    QThreadPool::globalInstance()->start([self, path, k, ref, size] {
        QImage image;
        bool corrupt = false;
        if (QFileInfo::exists(path)) {
            image = QImage(path, "PNG");
            corrupt = image.isNull();
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, k, ref, size, image, corrupt] {
                if (self)
                    self->loaded(k, ref, size, image, corrupt);
            },
            Qt::QueuedConnection);
    });
    return {};
}

QImage ImageCache::imageOrPlaceholder(const QString &ref, Size size)
{
    const QImage found = image(ref, size);
    return found.isNull() ? placeholder(size == Size::Thumb ? thumbPixels : largePixels) : found;
}

void ImageCache::loaded(
    const QString &k, const QString &ref, Size size, const QImage &image, bool corrupt)
{
    const QString path = filePath(ref, size);
    if (!image.isNull()) {
        m_pending.remove(k);
        m_memory.insert(k, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
        touch(path);
        emit imageReady(ref, size);
        return;
    }
    if (corrupt) {
        // A torn or damaged file: drop it and ask the server again.
        m_diskBytes -= QFileInfo(path).size();
        QFile::remove(path);
    }
    fetch(k, ref, size);
}

void ImageCache::fetch(const QString &k, const QString &ref, Size size)
{
    Sync::Client::ServerConnection *connection = m_connection ? m_connection() : nullptr;
    if (!connection) {
        m_pending.remove(k);
        m_missingUntil.insert(k, nowMs() + missRetryMs);
        emit imageMissing(ref, size);
        return;
    }
    const QString path = QStringLiteral("/v1/images/")
        + QString::fromLatin1(QUrl::toPercentEncoding(ref, "/")) + QStringLiteral("?size=")
        + sizeName(size);
    QPointer<ImageCache> self(this);
    connection->fetch(path,
        [self, k, ref, size](
            int status, const QByteArray &body, const QByteArray &, const Core::Error &) {
            if (!self)
                return;
            self->m_pending.remove(k);
            QImage image;
            if (status == 200)
                image.loadFromData(body, "PNG");
            if (image.isNull()) {
                self->m_missingUntil.insert(k, nowMs() + missRetryMs);
                emit self->imageMissing(ref, size);
                return;
            }
            self->m_missingUntil.remove(k);
            self->store(ref, size, body);
            self->m_memory.insert(
                k, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
            emit self->imageReady(ref, size);
        });
}

void ImageCache::store(const QString &ref, Size size, const QByteArray &png)
{
    const QString path = filePath(ref, size);
    const qint64 before = QFileInfo(path).size();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(png);
    if (!file.commit())
        return;
    m_diskBytes += png.size() - before;
    touch(path);
    evict();
}

void ImageCache::touch(const QString &path)
{
    // Strictly increasing, so two uses within one clock tick keep their order.
    m_lastTouchMs = qMax(nowMs(), m_lastTouchMs + 1);
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(m_lastTouchMs, Qt::UTC),
            QFileDevice::FileModificationTime);
}

void ImageCache::evict()
{
    if (m_diskBytes <= m_maxBytes)
        return;
    QFileInfoList files
        = QDir(m_folder).entryInfoList({ QStringLiteral("*.png") }, QDir::Files, QDir::NoSort);
    std::sort(files.begin(), files.end(),
        [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    qint64 total = 0;
    for (const QFileInfo &file : std::as_const(files))
        total += file.size();
    for (const QFileInfo &file : std::as_const(files)) {
        if (total <= m_maxBytes)
            break;
        if (QFile::remove(file.filePath()))
            total -= file.size();
    }
    m_diskBytes = total;
}

QImage ImageCache::placeholder(int pixels)
{
    static QHash<int, QImage> drawn;
    const auto found = drawn.constFind(pixels);
    if (found != drawn.constEnd())
        return *found;
    QImage image(pixels, pixels, QImage::Format_RGB32);
    image.fill(QColor(0xee, 0xec, 0xe8));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(pixels / 100.0, pixels / 100.0);
    // A hanger and a folded shirt's outline, in a quiet grey: "no photo", not an error.
    QPainterPath shirt;
    shirt.moveTo(38, 28);
    shirt.quadTo(50, 36, 62, 28);
    shirt.lineTo(80, 35);
    shirt.lineTo(88, 50);
    shirt.lineTo(77, 55);
    shirt.lineTo(73, 48);
    shirt.lineTo(73, 82);
    shirt.lineTo(27, 82);
    shirt.lineTo(27, 48);
    shirt.lineTo(23, 55);
    shirt.lineTo(12, 50);
    shirt.lineTo(20, 35);
    shirt.closeSubpath();
    p.setPen(QPen(QColor(0xa9, 0xa5, 0x9d), 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(QColor(0xf7, 0xf6, 0xf3));
    p.drawPath(shirt);
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(45, 12, 10, 10), -90 * 16, 270 * 16);
    p.drawLine(QPointF(50, 22), QPointF(50, 27));
    p.end();
    drawn.insert(pixels, image);
    return image;
}

} // namespace Toonbank::Services
