#pragma once

#include "catalogtypes.h"

#include "app/core/pin.h"
#include "app/core/promotion.h"
#include "app/core/result.h"

#include <QDate>
#include <QDateTime>
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
        /// The moment stock figures are aged against (UTC): store figures are 2 minutes to
        /// 6 hours older, the web warehouse's (counted continuously) 1 to 20 minutes; the same
        /// seed gives the same ages. Invalid: 09:00 UTC on referenceDate. A demo seeded "today"
        /// sets the moment it is seeded, so the product screen reads "12 min ago", "3 h ago".
        QDateTime referenceTime;
        /// generateInto() only, for a brand-new file nobody else has open (the demogen tool,
        /// the benchmark): write without rollback journal or fsync, then switch back to WAL.
        /// Halves the disk writes of a million-product load; a crash or error leaves a file to
        /// delete, never a half-loaded cache that looks whole (the caller removes it).
        bool unjournaledFreshFile = false;
        /// Loyalty customers per store (customers()).
        int customersPerStore = 250;
    };

    /// One line of a demo customer's points history (the server's loyalty_ledger).
    struct LedgerEntry
    {
        QString eventId; // "demo-<customer>-<n>", unique per customer
        qint64 points = 0; // + earned, - redeemed
        QString reason; // "welcome", "sale", "redeem"
        qint64 locationId = 0;
        QDateTime at; // UTC
    };

    /// A loyalty customer of the demo chain: card number an EAN-13 in the 299 range, phone in
    /// E.164, e-mail normalised, points equal to the sum of the ledger.
    struct Customer
    {
        qint64 id = 0;
        QString cardNumber;
        QString name;
        QString email;
        QString phone;
        QString tier; // from Core::LoyaltyRules::defaults() and the lifetime points
        qint64 points = 0;
        qint64 lifetimePoints = 0;
        QString homeStoreCode;
        bool consentEmail = false;
        bool consentSms = false;
        bool consentPersonalised = false;
        QDateTime consentChangedAt; // UTC
        /// Last visit (UTC): the last ledger entry or a recent visit without points. Most
        /// customers came in the last 60 days, so a tablet's unseen-customer purge keeps them.
        QDateTime lastSeenAt;
        QList<LedgerEntry> ledger; // oldest first
    };

    struct Summary
    {
        int locations = 0;
        int staff = 0;
        int products = 0;
        qint64 barcodes = 0;
        qint64 stockRows = 0;
        qint64 homeLocationId = 0;
        // Written by the server's demo seed only (generate() leaves them 0).
        int promotions = 0;
        int customers = 0;
        qint64 ledgerEntries = 0;
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

    /// The demo loyalty customers: options.customersPerStore for every store, ids from 1 in
    /// store order. The first ones of the first store are the README's cards to scan: a gold,
    /// a silver and a basic customer, each with a personal offer.
    static QList<Customer> customers(const Options &options);

    /// The demo promotions, fitting the catalog options.productCount products make (SKUs,
    /// categories, brands) and dated around options.referenceDate: one or more of every kind,
    /// coupons, a tier discount, personal offers for customers(), an exclusive, an expired, a
    /// future and a single-store promotion. Every one passes Core::Promotion::validate().
    static QList<Core::Promotion> promotions(const Options &options);

    /// The multi-use coupon code of promotions().
    static QString welcomeCoupon() { return QStringLiteral("WELKOM10"); }

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
