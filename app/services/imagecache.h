#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>

#include <functional>

namespace Toonbank::Sync::Client {
class ServerConnection;
} // namespace Toonbank::Sync::Client

namespace Toonbank::Services {

/// Product photos on the tablet (docs/STOCK.md §3): thumbnails (160 px) and large images
/// (640 px) as PNG files in one folder (`<cache file>.images/`), one file per ref and size,
/// bounded on disk (default 64 MB; the least recently used files go first — a file's
/// modification time is touched on every use). image() never reads the disk or the network:
/// it answers from memory, or starts an asynchronous load (disk on a worker thread, else
/// GET /v1/images/<ref> over the connection on the GUI thread; one fetch per ref and size at a
/// time) and emits imageReady() when the picture is there. A product without a photo, or
/// offline and not cached, shows placeholder() — a neutral drawing.
class ImageCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCache)
public:
    enum class Size { Thumb, Large };
    Q_ENUM(Size)
    static constexpr int thumbPixels = 160;
    static constexpr int largePixels = 640;
    static constexpr qint64 defaultMaxBytes = 64 * 1024 * 1024;
    /// The connection to fetch with, asked at each fetch (null: offline / not enrolled).
    using ConnectionSource = std::function<Sync::Client::ServerConnection *()>;

    ImageCache(QString folder, ConnectionSource connection, qint64 maxBytes = defaultMaxBytes,
        QObject *parent = nullptr);
    ~ImageCache() override;

    /// The picture when it is in memory; otherwise a null image and a load starts (imageReady
    /// follows when it succeeds). An empty ref is a null image and nothing happens.
    QImage image(const QString &ref, Size size);
    /// image(), or the neutral drawing at that size.
    QImage imageOrPlaceholder(const QString &ref, Size size);
    static QImage placeholder(int pixels);
    static QString sizeName(Size size); // "thumb", "large"

    QString folder() const { return m_folder; }
    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 bytes);
    qint64 diskBytes() const { return m_diskBytes; }
    QString filePath(const QString &ref, Size size) const;
    bool isOnDisk(const QString &ref, Size size) const;
    /// Loads or fetches in flight (tests wait for 0).
    int pending() const { return int(m_pending.size()); }
    /// Forgets the pictures kept in memory (the files stay); the next image() loads again.
    void clearMemory();

signals:
    void imageReady(const QString &ref, Toonbank::Services::ImageCache::Size size);
    /// The server has no picture for the ref, or could not be asked (offline).
    void imageMissing(const QString &ref, Toonbank::Services::ImageCache::Size size);

private:
    void loaded(
        const QString &key, const QString &ref, Size size, const QImage &image, bool corrupt);
    void fetch(const QString &key, const QString &ref, Size size);
    void store(const QString &ref, Size size, const QByteArray &png);
    void touch(const QString &path);
    void evict();
    static QString key(const QString &ref, Size size);

    QString m_folder;
    ConnectionSource m_connection;
    qint64 m_maxBytes;
    qint64 m_diskBytes = 0;
    QCache<QString, QImage> m_memory;
    QSet<QString> m_pending;
    QHash<QString, qint64> m_missingUntil; // key → ms since epoch: no retry before
    qint64 m_lastTouchMs = 0;
};

} // namespace Toonbank::Services
