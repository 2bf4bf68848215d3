#include "customerservice.h"

#include "session.h"

#include "app/core/barcode.h"
#include "app/core/customerrules.h"
#include "app/core/tr.h"
#include "app/store/catalog.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/promotionstore.h"
#include "app/store/salesledger.h"
#include "app/store/staffdirectory.h"

#include <QDebug>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <optional>

namespace Toonbank::Services {

using Core::Error;

namespace {

Error notFound(const QString &detail)
{
    return Error::make(QStringLiteral("customer.not_found"),
        Core::Tr::tr("No customer was found. Check the details or enrol the customer."), detail);
}

Store::CustomerRecord recordFrom(const DirectoryCustomer &c)
{
    Store::CustomerRecord r;
    r.id = c.id;
    r.cardNumber = c.cardNumber;
    r.name = c.name;
    r.email = c.email;
    r.phone = c.phone;
    r.tier = c.tier;
    r.pointsBalance = c.pointsBalance;
    r.lifetimePoints = c.lifetimePoints;
    r.homeStoreCode = c.homeStoreCode;
    r.consentEmail = c.consentEmail;
    r.consentSms = c.consentSms;
    r.consentPersonalised = c.consentPersonalised;
    r.consentChangedAt = c.consentChangedAt;
    r.lastSeenAt = c.lastSeenAt;
    return r;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

CustomerService::CustomerService(Store::LocalDatabase &database, Store::Catalog &catalog,
    Session &session, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_catalog(catalog)
    , m_session(session)
    , m_clock(clock)
    , m_cache(std::make_unique<Store::CustomerCache>(database))
    , m_outbox(std::make_unique<Store::Outbox>(database))
    , m_promotions(std::make_unique<Store::PromotionStore>(database))
{ }

CustomerService::~CustomerService() = default;

QString CustomerService::countryCode() const
{
    if (auto here = m_catalog.location(m_catalog.hereLocationId()))
        return here->country;
    return QStringLiteral("NL");
}

QString CustomerService::storeCode() const
{
    if (auto here = m_catalog.location(m_catalog.hereLocationId()))
        return here->code;
    return {};
}

Core::Status CustomerService::requireEnrol() const
{
    return m_session.require(Core::Permission::EnrolCustomer);
}

CustomerSummary CustomerService::summaryOf(const Store::CustomerRecord &r) const
{
    CustomerSummary s;
    s.id = r.id;
    s.cardNumber = r.cardNumber;
    s.name = r.name;
    s.email = r.email;
    s.phone = r.phone;
    s.tier = r.tier;
    const Core::Result<qint64> pending = m_cache->pendingPoints(r.cardNumber);
    s.points = r.pointsBalance + (pending ? pending.value() : 0);
    s.homeStoreCode = r.homeStoreCode;
    return s;
}

Core::Result<QList<CustomerSummary>> CustomerService::fromDirectory(int field, const QString &value)
{
    if (!m_directory || !m_directory->isOnline())
        return QList<CustomerSummary>();
    Core::Result<QList<DirectoryCustomer>> found
        = m_directory->find(static_cast<CustomerDirectory::Field>(field), value);
    if (!found)
        return found.error();
    QList<CustomerSummary> summaries;
    for (const DirectoryCustomer &customer : found.value()) {
        // Found online: cached from now on (a customer seen here belongs in this cache).
        const Store::CustomerRecord record = recordFrom(customer);
        if (auto cached = m_cache->upsertFromServer(record); !cached)
            return cached.error();
        CustomerSummary summary = summaryOf(record);
        summary.fromServer = true;
        summaries.append(summary);
    }
    return summaries;
}

Core::Result<CustomerSummary> CustomerService::findByCard(const QString &codeOrCard)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<QString> card = Core::loyaltyCardNumber(codeOrCard.trimmed());
    if (!card)
        return Error::make(QStringLiteral("scan.not_a_card"),
            tr("This is not a loyalty card number."), card.error().detail);
    Core::Result<Store::CustomerRecord> cached = m_cache->byCard(card.value());
    if (cached)
        return summaryOf(cached.value());
    if (cached.error().code != QLatin1String("customer.not_found"))
        return cached.error();
    Core::Result<QList<CustomerSummary>> online
        = fromDirectory(int(CustomerDirectory::Field::Card), card.value());
    if (!online)
        return online.error();
    if (online->isEmpty())
        return notFound(QStringLiteral("card %1").arg(card.value()));
    return online->first();
}

Core::Result<QList<CustomerSummary>> CustomerService::findByPhone(const QString &phone)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<QString> e164 = Core::normalisePhone(phone, countryCode());
    if (!e164)
        return e164.error();
    return cacheThenDirectory(m_cache->byPhone(e164.value()), int(CustomerDirectory::Field::Phone),
        e164.value(), QStringLiteral("phone"));
}

Core::Result<QList<CustomerSummary>> CustomerService::findByEmail(const QString &email)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<QString> normalised = Core::normaliseEmail(email);
    if (!normalised)
        return normalised.error();
    return cacheThenDirectory(m_cache->byEmail(normalised.value()),
        int(CustomerDirectory::Field::Email), normalised.value(), QStringLiteral("email"));
}

Core::Result<QList<CustomerSummary>> CustomerService::cacheThenDirectory(
    const Core::Result<QList<Store::CustomerRecord>> &cached, int field, const QString &value,
    const QString &what)
{
    if (!cached)
        return cached.error();
    QList<CustomerSummary> summaries;
    for (const Store::CustomerRecord &record : cached.value())
        summaries.append(summaryOf(record));
    if (summaries.isEmpty()) {
        Core::Result<QList<CustomerSummary>> online = fromDirectory(field, value);
        if (!online)
            return online.error();
        summaries = online.value();
    }
    if (summaries.isEmpty())
        return notFound(what);
    return summaries;
}

Core::Result<QList<CustomerSummary>> CustomerService::findByName(const QString &text)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<QList<Store::CustomerRecord>> cached = m_cache->byName(text);
    if (!cached)
        return cached.error();
    QList<CustomerSummary> summaries;
    for (const Store::CustomerRecord &record : cached.value())
        summaries.append(summaryOf(record));
    if (summaries.isEmpty() && !Store::CustomerCache::nameTokens(text).isEmpty()) {
        Core::Result<QList<CustomerSummary>> online
            = fromDirectory(int(CustomerDirectory::Field::Name), text.simplified());
        if (!online)
            return online.error();
        summaries = online.value();
    }
    if (summaries.isEmpty())
        return notFound(QStringLiteral("name"));
    return summaries;
}

QString CustomerService::issueCardNumber() const
{
    // The GS1 internal range 299…: "299" + 9 random digits + the EAN-13 check digit. The
    // server keeps card numbers unique; a clash with a cached card is retried here.
    for (int attempt = 0; attempt < 20; ++attempt) {
        QString twelve = QStringLiteral("299");
        for (int i = 0; i < 9; ++i)
            twelve += QChar(u'0' + int(QRandomGenerator::system()->bounded(10)));
        const QString card = twelve + QString::number(Core::Barcode::checkDigit(twelve));
        if (!m_cache->byCard(card))
            return card;
    }
    return {};
}

Core::Result<CustomerSummary> CustomerService::enrol(const EnrolmentRequest &request)
{
    if (const Core::Status allowed = requireEnrol(); !allowed)
        return allowed.error();
    const QString name = request.name.simplified();
    if (name.isEmpty())
        return Error::make(QStringLiteral("customer.name"), tr("Enter the customer's name."));
    QString email;
    if (!request.email.trimmed().isEmpty()) {
        Core::Result<QString> normalised = Core::normaliseEmail(request.email);
        if (!normalised)
            return normalised.error();
        email = normalised.value();
    }
    QString phone;
    if (!request.phone.trimmed().isEmpty()) {
        Core::Result<QString> e164 = Core::normalisePhone(request.phone, countryCode());
        if (!e164)
            return e164.error();
        phone = e164.value();
    }
    if (email.isEmpty() && phone.isEmpty())
        return Error::make(
            QStringLiteral("customer.contact"), tr("Enter an e-mail address or a phone number."));
    QString card;
    if (request.cardNumber.trimmed().isEmpty()) {
        card = issueCardNumber();
    } else {
        Core::Result<QString> scanned = Core::loyaltyCardNumber(request.cardNumber.trimmed());
        if (!scanned)
            return Error::make(QStringLiteral("customer.card"),
                tr("This is not a loyalty card number."), scanned.error().detail);
        card = scanned.value();
    }
    // A duplicate e-mail or phone in the cache: the customer probably exists already.
    if (!email.isEmpty()) {
        Core::Result<QList<Store::CustomerRecord>> same = m_cache->byEmail(email);
        if (!same)
            return same.error();
        if (!same->isEmpty())
            return Error::make(QStringLiteral("customer.duplicate"),
                tr("A customer with this e-mail address already exists: %1.")
                    .arg(same->first().name),
                same->first().cardNumber);
    }
    if (!phone.isEmpty()) {
        Core::Result<QList<Store::CustomerRecord>> same = m_cache->byPhone(phone);
        if (!same)
            return same.error();
        if (!same->isEmpty())
            return Error::make(QStringLiteral("customer.duplicate"),
                tr("A customer with this phone number already exists: %1.").arg(same->first().name),
                same->first().cardNumber);
    }

    const QDateTime now = m_clock.nowUtc();
    Store::CustomerRecord record;
    record.cardNumber = card;
    record.name = name;
    record.email = email;
    record.phone = phone;
    record.tier = QStringLiteral("basic");
    record.homeStoreCode = storeCode();
    record.consentEmail = request.consentEmail;
    record.consentSms = request.consentSms;
    record.consentPersonalised = request.consentPersonalised;
    record.consentChangedAt = now;
    record.lastSeenAt = now;
    record.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 staffId = m_session.staff()->id;
    // The wire form of protocol 2 (sync/server/API_CHANGELOG.md; the server reads it strictly).
    QJsonObject payload {
        { QStringLiteral("cardNumber"), card },
        { QStringLiteral("name"), name },
        { QStringLiteral("consentEmail"), request.consentEmail },
        { QStringLiteral("consentSms"), request.consentSms },
        { QStringLiteral("consentPersonalised"), request.consentPersonalised },
        { QStringLiteral("enrolledAt"), now.toString(Qt::ISODateWithMs) },
    };
    if (!email.isEmpty())
        payload.insert(QStringLiteral("email"), email);
    if (!phone.isEmpty())
        payload.insert(QStringLiteral("phone"), phone);
    const Core::Status written = m_db.transaction([&]() -> Core::Status {
        if (auto inserted = m_cache->insertEnrolled(record, staffId); !inserted)
            return inserted;
        Core::Result<QString> event = m_outbox->append(QStringLiteral("customer_enrolled"), staffId,
            now, compact(payload), Store::Outbox::Privacy::Personal);
        if (!event)
            return event.error();
        return Core::success();
    });
    if (!written)
        return written.error();
    emit customerChanged(card);
    return summaryOf(record);
}

Core::Status CustomerService::setConsent(
    const QString &cardNumber, bool email, bool sms, bool personalised)
{
    if (const Core::Status allowed = requireEnrol(); !allowed)
        return allowed;
    Core::Result<Store::CustomerRecord> customer = m_cache->byCard(cardNumber);
    if (!customer)
        return customer.error();
    const QDateTime now = m_clock.nowUtc();
    const qint64 staffId = m_session.staff()->id;
    const Core::Status written = m_db.transaction([&]() -> Core::Status {
        if (auto set = m_cache->setConsent(cardNumber, email, sms, personalised, now, staffId);
            !set)
            return set;
        Core::Result<QString> event = m_outbox->append(QStringLiteral("consent_changed"), staffId,
            now,
            compact({ { QStringLiteral("cardNumber"), cardNumber },
                { QStringLiteral("consentEmail"), email }, { QStringLiteral("consentSms"), sms },
                { QStringLiteral("consentPersonalised"), personalised },
                { QStringLiteral("changedAt"), now.toString(Qt::ISODateWithMs) } }));
        if (!event)
            return event.error();
        return Core::success();
    });
    if (!written)
        return written;
    emit customerChanged(cardNumber);
    return Core::success();
}

Core::Status CustomerService::addToWishlist(const QString &cardNumber, qint64 productId)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    Core::Result<Store::CustomerRecord> customer = m_cache->byCard(cardNumber);
    if (!customer)
        return customer.error();
    Core::Result<Store::ProductDetail> product = m_catalog.product(productId);
    if (!product)
        return product.error();
    const QString sku = product->record.sku;
    const QDateTime now = m_clock.nowUtc();
    const Core::Status written = m_db.transaction([&]() -> Core::Status {
        if (auto added = m_cache->addWish(cardNumber, productId, sku, now); !added)
            return added;
        Core::Result<QString> event
            = m_outbox->append(QStringLiteral("wishlist_changed"), m_session.staff()->id, now,
                compact({ { QStringLiteral("cardNumber"), cardNumber },
                    { QStringLiteral("productId"), productId },
                    { QStringLiteral("action"), QStringLiteral("add") },
                    { QStringLiteral("changedAt"), now.toString(Qt::ISODateWithMs) } }));
        if (!event)
            return event.error();
        return Core::success();
    });
    if (!written)
        return written;
    emit customerChanged(cardNumber);
    return Core::success();
}

Core::Status CustomerService::removeFromWishlist(const QString &cardNumber, qint64 productId)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    Core::Result<QList<Store::WishItem>> wishes = m_cache->wishlist(cardNumber);
    if (!wishes)
        return wishes.error();
    QString sku;
    bool present = false;
    for (const Store::WishItem &item : wishes.value()) {
        if (item.productId == productId) {
            sku = item.sku;
            present = true;
        }
    }
    if (!present)
        return Error::make(QStringLiteral("wishlist.not_on_list"),
            tr("This product is not on the customer's wish list."));
    const QDateTime now = m_clock.nowUtc();
    const Core::Status written = m_db.transaction([&]() -> Core::Status {
        if (auto removed = m_cache->removeWish(cardNumber, productId); !removed)
            return removed;
        Core::Result<QString> event
            = m_outbox->append(QStringLiteral("wishlist_changed"), m_session.staff()->id, now,
                compact({ { QStringLiteral("cardNumber"), cardNumber },
                    { QStringLiteral("productId"), productId },
                    { QStringLiteral("action"), QStringLiteral("remove") },
                    { QStringLiteral("changedAt"), now.toString(Qt::ISODateWithMs) } }));
        if (!event)
            return event.error();
        return Core::success();
    });
    if (!written)
        return written;
    emit customerChanged(cardNumber);
    return Core::success();
}

Core::Result<qint64> CustomerService::pointsOf(const QString &cardNumber) const
{
    Core::Result<Store::CustomerRecord> customer = m_cache->byCard(cardNumber);
    if (!customer)
        return customer.error();
    Core::Result<qint64> pending = m_cache->pendingPoints(cardNumber);
    if (!pending)
        return pending.error();
    return customer->pointsBalance + pending.value();
}

Core::Result<CustomerProfile> CustomerService::profile(const QString &cardNumber) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<Store::CustomerRecord> found = m_cache->byCard(cardNumber);
    if (!found)
        return found.error();
    const Store::CustomerRecord &record = found.value();
    CustomerProfile profile;
    profile.customer = summaryOf(record);
    profile.serverPoints = record.pointsBalance;
    profile.lifetimePoints = record.lifetimePoints;
    profile.pendingPoints = profile.customer.points - record.pointsBalance;
    profile.lastSeenAt = record.lastSeenAt;

    Core::Result<QList<Store::PendingPoints>> pending = m_cache->pendingEntries(cardNumber);
    QSet<QString> pendingSales;
    if (pending) {
        for (const Store::PendingPoints &entry : pending.value())
            pendingSales.insert(entry.saleId);
    }
    const Store::MergeNotice merged = m_cache->mergeNotice(cardNumber);
    if (!merged.offlineCardNumber.isEmpty()) {
        profile.mergedFromCard = merged.offlineCardNumber;
        profile.mergedNotice = merged.mergedOn == QLatin1String("phone")
            ? tr("Enrolled offline as a new customer; the server found an existing customer "
                 "with the same phone number and merged them.")
            : tr("Enrolled offline as a new customer; the server found an existing customer "
                 "with the same e-mail and merged them.");
    }
    Store::SalesLedger ledger(m_db);
    // The sales made here with the offline card belong to this customer too.
    QList<Store::LedgerSaleSummary> ledgerSales;
    for (const QString &card : { cardNumber, merged.offlineCardNumber }) {
        if (card.isEmpty())
            continue;
        if (auto sales = ledger.salesForCustomer(card, 20))
            ledgerSales += sales.value();
    }
    std::stable_sort(ledgerSales.begin(), ledgerSales.end(),
        [](const Store::LedgerSaleSummary &a, const Store::LedgerSaleSummary &b) {
            return a.soldAt > b.soldAt;
        });
    if (ledgerSales.size() > 20)
        ledgerSales.resize(20);

    // Online, the server's history (every store and the web shop); offline, this tablet's.
    std::optional<DirectoryProfile> server;
    if (record.id != 0 && m_directory && m_directory->isOnline()) {
        Core::Result<DirectoryProfile> answer = m_directory->profile(record.id);
        if (answer)
            server = std::move(answer.value());
        else
            qInfo().noquote() << "customer profile: local history only for" << record.id
                              << answer.error().code << answer.error().detail;
    }
    profile.historyFromServer = server.has_value();
    const QString here = storeCode();
    QSet<QString> onServer; // sale ids and receipt numbers the server already has
    QHash<QString, QString> receiptOfSale; // server sale id -> receipt number
    QHash<QString, int> localItems; // sale id and receipt number -> item count here
    for (const Store::LedgerSaleSummary &sale : std::as_const(ledgerSales)) {
        localItems.insert(sale.saleUuid, sale.itemCount);
        localItems.insert(sale.receiptNumber, sale.itemCount);
    }
    if (server) {
        for (const DirectoryPurchase &purchase : std::as_const(server->purchases)) {
            PurchaseView view;
            view.receiptNumber = purchase.reference.isEmpty() ? purchase.id : purchase.reference;
            view.soldAt = purchase.at;
            view.total = Core::Money::fromCents(purchase.totalCents);
            view.pointsEarned = purchase.pointsEarned;
            view.channel = purchase.channel == QLatin1String("web") ? QStringLiteral("web")
                                                                    : QStringLiteral("store");
            view.storeCode = purchase.storeCode;
            if (view.channel == QLatin1String("store")) {
                onServer.insert(purchase.id);
                if (!purchase.reference.isEmpty())
                    onServer.insert(purchase.reference);
                receiptOfSale.insert(purchase.id, view.receiptNumber);
                view.itemCount
                    = localItems.value(purchase.id, localItems.value(view.receiptNumber));
            }
            profile.purchases.append(view);
        }
        for (const DirectoryLedgerEntry &entry : std::as_const(server->ledger)) {
            QString reference = receiptOfSale.value(entry.saleId, entry.saleId);
            if (reference.isEmpty())
                reference = entry.reason;
            profile.recentLedger.append({ entry.at, reference, entry.points, false });
        }
        if (server->customer.lastSeenAt.isValid()
            && (!profile.lastSeenAt.isValid() || server->customer.lastSeenAt > profile.lastSeenAt))
            profile.lastSeenAt = server->customer.lastSeenAt;
    }
    // This tablet's sales the server does not have yet (all of them offline).
    for (const Store::LedgerSaleSummary &sale : std::as_const(ledgerSales)) {
        if (onServer.contains(sale.saleUuid) || onServer.contains(sale.receiptNumber))
            continue;
        PurchaseView view;
        view.receiptNumber = sale.receiptNumber;
        view.soldAt = sale.soldAt;
        view.total = sale.paid;
        view.itemCount = sale.itemCount;
        view.pointsEarned = sale.pointsEarned;
        view.storeCode = here;
        profile.purchases.append(view);
        const qint64 points = sale.pointsEarned - sale.pointsRedeemed;
        if (points != 0)
            profile.recentLedger.append({ sale.soldAt, sale.receiptNumber, points,
                server.has_value() || pendingSales.contains(sale.saleUuid) });
    }
    // Newest first; web orders (no date) after the dated sales, in the server's order.
    std::stable_sort(profile.purchases.begin(), profile.purchases.end(),
        [](const PurchaseView &a, const PurchaseView &b) {
            if (a.soldAt.isValid() != b.soldAt.isValid())
                return a.soldAt.isValid();
            return a.soldAt > b.soldAt;
        });
    std::stable_sort(profile.recentLedger.begin(), profile.recentLedger.end(),
        [](const LedgerEntryView &a, const LedgerEntryView &b) { return a.at > b.at; });

    if (record.id != 0) {
        if (auto active = m_promotions->activeAt(m_clock.nowLocal(), storeCode())) {
            for (const Core::Promotion &promotion : active.value()) {
                if (promotion.customerId == record.id)
                    profile.personalOffers.append(
                        { promotion.id, promotion.label, promotion.validUntil });
            }
        }
    }

    if (auto wishes = m_cache->wishlist(cardNumber)) {
        for (const Store::WishItem &item : wishes.value()) {
            WishView view { item.productId, item.sku, {}, {}, item.addedAt };
            if (auto product = m_catalog.product(item.productId)) {
                view.name = product->record.name;
                view.price = product->record.priceOn(m_clock.nowLocal().date());
            }
            profile.wishlist.append(view);
        }
    }

    Store::StaffDirectory staff(m_db);
    const auto consentView = [&](const Store::ConsentChange &change) {
        ConsentView view { change.email, change.sms, change.personalised, change.changedAt, {},
            change.source };
        if (change.source == QLatin1String("server"))
            view.changedBy = tr("server");
        else if (auto member = staff.member(change.staffId))
            view.changedBy = member->displayName;
        return view;
    };
    profile.consent = { record.consentEmail, record.consentSms, record.consentPersonalised,
        record.consentChangedAt, {}, {} };
    if (auto history = m_cache->consentHistory(cardNumber)) {
        for (const Store::ConsentChange &change : history.value())
            profile.consentHistory.append(consentView(change));
        if (!profile.consentHistory.isEmpty()) {
            profile.consent.changedBy = profile.consentHistory.first().changedBy;
            profile.consent.source = profile.consentHistory.first().source;
        }
    }
    return profile;
}

Core::Result<int> CustomerService::purgeUnseen()
{
    return m_cache->purgeUnseen(m_clock.nowUtc(), m_cache->purgeDays());
}

Core::Result<CustomerSummary> CustomerService::customerForSale(const QString &cardNumber)
{
    Core::Result<Store::CustomerRecord> cached = m_cache->byCard(cardNumber);
    CustomerSummary summary;
    if (cached) {
        summary = summaryOf(cached.value());
    } else {
        if (cached.error().code != QLatin1String("customer.not_found"))
            return cached.error();
        Core::Result<QList<CustomerSummary>> online
            = fromDirectory(int(CustomerDirectory::Field::Card), cardNumber);
        if (!online)
            return online.error();
        if (online->isEmpty())
            return notFound(QStringLiteral("card %1").arg(cardNumber));
        summary = online->first();
    }
    (void)m_cache->markSeen(summary.cardNumber, m_clock.nowUtc());
    return summary;
}

} // namespace Toonbank::Services
