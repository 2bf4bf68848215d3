#pragma once

#include "catalogtypes.h"

#include "app/core/pin.h"
#include "app/core/result.h"

#include <QDate>
#include <QList>

#include <functional>

namespace Toonbank::Store {

class CatalogSink;
class LocalDatabase;

/// A believable NL/BE demo chain: twelve stores in real cities, a web warehouse in Tilburg,
/// five staff per store and any number of products with barcodes, variants, promotions and
/// stock everywhere. The same seed, count and reference date always give the same data.
class DemoChain final
{
public:
    struct Options
    {
        quint64 seed = 1;
        int productCount = 1000;
        int pinIterations = Core::Pin::defaultIterations;
        /// Promotions are placed around this day and stock figures are a few hours older.
        QDate referenceDate = QDate(2025, 6, 2);
        /// generateInto() only, for a brand-new file nobody else has open (the demogen tool,
        /// the benchmark): write without rollback journal or fsync, then switch back to WAL.
        /// Halves the disk writes of a million-product load; a crash or error leaves a file to
        /// delete, never a half-loaded cache that looks whole (the caller removes it).
        bool unjournaledFreshFile = false;
    };

    struct Summary
    {
        int locations = 0;
        int staff = 0;
        int products = 0;
        qint64 barcodes = 0;
        qint64 stockRows = 0;
        qint64 homeLocationId = 0;
    };

    /// Called every few thousand products and once at the end: (products written, total).
    using Progress = std::function<void(int, int)>;

    static constexpr int minProducts = 1;
    static constexpr int maxProducts = 2'000'000;
    static constexpr int staffPerStore = 5; // 3 cashiers, 1 supervisor, 1 manager

    /// The demo PIN every staff member of a role gets (each hashed with its own salt).
    static QString demoPin(StaffRole role);

    /// The chain's locations, stores first; the first store is the demo tablet's home.
    static QList<Location> locations();

    /// Writes the whole chain through `writer` (a CatalogWriter inside begin(), or any other
    /// sink); the caller commits.
    static Core::Result<Summary> generate(
        CatalogSink &writer, const Options &options, const Progress &progress = {});

    /// Opens a writer on `database`, generates, makes the first store this device's home
    /// (setting "location_id") and commits — all or nothing.
    static Core::Result<Summary> generateInto(
        LocalDatabase &database, const Options &options, const Progress &progress = {});
};

} // namespace Toonbank::Store
