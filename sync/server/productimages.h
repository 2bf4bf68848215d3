#pragma once

#include "apiserver.h"

#include <QColor>
#include <QImage>

namespace Toonbank::Sync::Server {

/// Product photos (docs/STOCK.md §3).
///
/// GET /v1/images/<ref>?size=thumb|large → PNG, 160 or 640 px square (default large), with an
/// ETag (a hash of the PNG; If-None-Match answers 304) and "Cache-Control: max-age=86400".
/// A ref is [a-z0-9/_-] segments (no "..", no empty segment): 400 `image.bad_ref` otherwise,
/// 400 `image.bad_size` for another size. The server serves `<data-dir>/images/<ref>.png` or
/// `.jpg` when present (scaled to fit, on a white square); otherwise a ref
/// `demo/<type>/<colour>` is drawn (productPicture) and kept under
/// `<data-dir>/images/cache/`. Anything else is 404 `image.unknown`.
class ProductImages final
{
public:
    static constexpr int thumbSize = 160;
    static constexpr int largeSize = 640;

    explicit ProductImages(QString dataDir);
    ApiReply image(const ApiRequest &request);

    /// The picture for `ref` at `size` px, PNG-encoded; empty when the ref names nothing.
    QByteArray png(const QString &ref, int size);

    static bool validRef(const QString &ref);
    /// The types demo refs may name ("jeans", "tshirt", "sneakers", …).
    static QStringList demoTypes();
    /// A believable picture of a `type` product in `colour`: shapes and paths only (no text,
    /// the server has no fonts), soft background and shadow. Null for an unknown type.
    static QImage productPicture(const QString &type, const QColor &colour, int size);
    /// The colour for a demo colour slug ("dark-blue", "heather-grey"); a neutral grey for an
    /// unknown one.
    static QColor colourFor(const QString &slug);

private:
    QString m_dataDir;
};

} // namespace Toonbank::Sync::Server
