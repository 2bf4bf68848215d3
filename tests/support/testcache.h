#pragma once

#include <QString>

namespace Toonbank::Tests {

/// Known content of the small test cache.
namespace TestCache {
constexpr qint64 hereId = 1; // "Toonbank Amsterdam Centrum", NL, cash rounding on
constexpr qint64 otherStoreId = 2; // Utrecht
constexpr qint64 webId = 3;
constexpr qint64 cashierId = 10; // Anna de Vries, PIN 1111
constexpr qint64 managerId = 11; // Mehmet Yilmaz, PIN 3333
constexpr qint64 jeansId = 100; // € 89,95, standard VAT, barcode jeansBarcode
constexpr qint64 jeansBlackId = 101; // variant of the jeans
constexpr qint64 appleJuiceId = 102; // € 2,49 promo € 1,99, reduced VAT
constexpr qint64 socksId = 103; // € 4,99, no stock figure here
inline const QString jeansBarcode = QStringLiteral("8712345000011");
inline const QString appleJuiceBarcode = QStringLiteral("8712345000028");
inline const QString socksBarcode = QStringLiteral("8712345000035");
inline const QString unknownBarcode = QStringLiteral("8712345999995");
inline const QString badCheckDigitBarcode = QStringLiteral("8712345000012");

/// Writes the cache (low PIN iterations, so tests stay fast). Returns an empty string on
/// success, else what failed.
QString create(const QString &path);
/// A folder in the build tree for screenshots and printer output.
QString outputDir(const QString &sub);
} // namespace TestCache

} // namespace Toonbank::Tests
