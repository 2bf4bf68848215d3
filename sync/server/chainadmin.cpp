#include "chainadmin.h"

#include "bulkwriter.h"

#include "promotionrows.h"
#include "serverdatabase.h"

#include "sync/protocol/jsonreader.h"
#include "sync/protocol/promotionjson.h"
#include "sync/protocol/returns.h"

#include "app/core/payment.h"
#include "app/core/pin.h"
#include "app/core/sale.h"
#include "app/core/vat.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTextStream>

#include <charconv>

namespace Toonbank::Sync::Server {

using Core::Error;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// RFC 4180 fields: quotes around a field allow commas and doubled quotes inside it.
QStringList splitCsvLine(const QString &line)
{
    if (!line.contains(QLatin1Char('"')))
        return line.split(QLatin1Char(','));
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size()
                && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

// CSV cells are text; the wire form wants numbers, booleans and lists where the JSON has them.
// `textIds`: the file's "id" column is text (promotion ids like "PR-2026-114").
QJsonValue csvCell(const QString &key, const QString &text, QString &problem, bool textIds)
{
    if (textIds && key == QLatin1String("id"))
        return text;
    static const QSet<QString> integers { QStringLiteral("id"), QStringLiteral("priceCents"),
        QStringLiteral("promoPriceCents"), QStringLiteral("ratingTenths"),
        QStringLiteral("reviewCount"), QStringLiteral("webDeliveryDays"),
        QStringLiteral("productId"), QStringLiteral("locationId"), QStringLiteral("quantity"),
        QStringLiteral("homeLocationId"), QStringLiteral("loyaltyPoints"),
        QStringLiteral("customerId"), QStringLiteral("totalCents"),
        QStringLiteral("lifetimePoints"), QStringLiteral("percentBasisPoints"),
        QStringLiteral("amountCents"), QStringLiteral("thresholdCents"),
        QStringLiteral("buyQuantity"), QStringLiteral("payQuantity"), QStringLiteral("priority"),
        QStringLiteral("version") };
    static const QSet<QString> reals { QStringLiteral("latitude"), QStringLiteral("longitude") };
    static const QSet<QString> booleans { QStringLiteral("cashRounding"), QStringLiteral("active"),
        QStringLiteral("exclusive"), QStringLiteral("singleUse"), QStringLiteral("consentEmail"),
        QStringLiteral("consentSms"), QStringLiteral("consentPersonalised") };
    if (text.isEmpty() && (integers.contains(key) || reals.contains(key)))
        return QJsonValue(QJsonValue::Null);
    if (integers.contains(key)) {
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        if (!ok)
            problem
                = QStringLiteral("%1 must be a whole number, not \"%2\"").arg(key, text.left(40));
        return double(value);
    }
    if (reals.contains(key)) {
        bool ok = false;
        const double value = text.trimmed().toDouble(&ok);
        if (!ok)
            problem = QStringLiteral("%1 must be a number").arg(key);
        return value;
    }
    if (booleans.contains(key)) {
        const QString t = text.trimmed().toLower();
        if (t != QLatin1String("true") && t != QLatin1String("false") && t != QLatin1String("1")
            && t != QLatin1String("0"))
            problem = QStringLiteral("%1 must be true or false").arg(key);
        return t == QLatin1String("true") || t == QLatin1String("1");
    }
    if (key == QLatin1String("barcodes") || key == QLatin1String("targetKeys")
        || key == QLatin1String("storeCodes"))
        return QJsonArray::fromStringList(text.split(QLatin1Char('|'), Qt::SkipEmptyParts));
    if (key == QLatin1String("attributes")) {
        QJsonArray pairs;
        for (const QString &pair : text.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq < 1)
                problem = QStringLiteral("attributes must look like Colour=Navy|Size=M");
            pairs.append(QJsonArray { pair.left(eq), pair.mid(eq + 1) });
        }
        return pairs;
    }
    return text;
}

struct RawRow
{
    int line = 0;
    QJsonObject object;
};

bool readRows(
    const QString &path, QList<RawRow> &rows, QList<ImportProblem> &problems, bool textIds)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.append({ 0, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()) });
        return false;
    }
    const QByteArray data = file.readAll();
    const QByteArray trimmed = data.trimmed();
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        QTextStream stream(data);
        QStringList header;
        int lineNo = 0;
        while (!stream.atEnd()) {
            const QString line = stream.readLine();
            ++lineNo;
            if (line.trimmed().isEmpty())
                continue;
            const QStringList fields = splitCsvLine(line);
            if (header.isEmpty()) {
                for (const QString &name : fields)
                    header.append(name.trimmed());
                continue;
            }
            if (fields.size() != header.size()) {
                problems.append({ lineNo,
                    QStringLiteral("%1 fields where the header has %2")
                        .arg(fields.size())
                        .arg(header.size()) });
                continue;
            }
            RawRow row { lineNo, {} };
            QString problem;
            for (qsizetype i = 0; i < header.size() && problem.isEmpty(); ++i) {
                const QJsonValue value = csvCell(header.at(i), fields.at(i), problem, textIds);
                if (!value.isNull())
                    row.object.insert(header.at(i), value);
            }
            if (!problem.isEmpty())
                problems.append({ lineNo, problem });
            else
                rows.append(row);
        }
        return true;
    }
    if (trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError) {
            const int line = int(data.left(error.offset).count('\n')) + 1;
            problems.append(
                { line, QStringLiteral("malformed JSON: %1").arg(error.errorString()) });
            return false;
        }
        const QJsonArray items = document.array();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isObject())
                problems.append({ int(i) + 1, QStringLiteral("item is not an object") });
            else
                rows.append({ int(i) + 1, items.at(i).toObject() });
        }
        return true;
    }
    // JSON Lines: one object per line, so a problem has a line number.
    int lineNo = 0;
    for (const QByteArray &line : data.split('\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            problems.append(
                { lineNo, QStringLiteral("not a JSON object: %1").arg(error.errorString()) });
        else
            rows.append({ lineNo, document.object() });
    }
    return true;
}

// A web order's relational rows (docs/RETURNS.md): lines with the price paid after every
// discount, tenders, delivery. Lines and tenders are VALUES rows without the order id.
struct WebOrderRows
{
    QString channel = QStringLiteral("web");
    QString orderedAt;
    QString deliveredOn;
    qint64 deliveryCents = 0;
    qint64 goodsCents = 0; // sum of line totals
    qint64 paidCents = 0; // sum of tenders
    QList<QVariantList> lines; // line_id, line_no, product_id, sku, name, category, vat_class,
                               // vat_basis_points, quantity, unit_price_cents, line_total_cents
    QList<QVariantList> tenders; // tender_no, method, amount_cents, reference, paid_at
    QJsonArray linesJson; // for the feed's details
};

// A whole number in a JSON value (CSV cells and JSON numbers alike); false when it is not one.
bool wholeNumber(const QJsonValue &value, qint64 &out)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        out = qint64(d);
        return double(out) == d;
    }
    bool ok = false;
    out = value.toString().trimmed().toLongLong(&ok);
    return ok;
}

// Takes channel, orderedAt, deliveredOn, deliveryCents, lines and tenders out of `row` and
// checks them; returns the problem ("" when fine). Products are looked up by SKU or id.
QString readWebOrderRows(ServerDatabase &db, QJsonObject &row, WebOrderRows &out)
{
    if (row.contains(QStringLiteral("channel")))
        out.channel = row.take(QStringLiteral("channel")).toString();
    if (out.channel.isEmpty())
        out.channel = QStringLiteral("web");
    const QString orderedAt = row.take(QStringLiteral("orderedAt")).toString();
    if (!orderedAt.isEmpty()) {
        QDateTime at = QDateTime::fromString(orderedAt, Qt::ISODateWithMs);
        if (!at.isValid())
            return QStringLiteral("orderedAt must be an ISO time");
        out.orderedAt = at.toUTC().toString(Qt::ISODateWithMs);
    }
    const QString deliveredOn = row.take(QStringLiteral("deliveredOn")).toString();
    if (!deliveredOn.isEmpty()) {
        if (!QDate::fromString(deliveredOn, Qt::ISODate).isValid())
            return QStringLiteral("deliveredOn must be a date (YYYY-MM-DD)");
        out.deliveredOn = deliveredOn;
    }
    if (row.contains(QStringLiteral("deliveryCents"))
        && (!wholeNumber(row.take(QStringLiteral("deliveryCents")), out.deliveryCents)
            || out.deliveryCents < 0))
        return QStringLiteral("deliveryCents must be a whole number of 0 or more");
    const QJsonValue lines = row.take(QStringLiteral("lines"));
    const QJsonValue tenders = row.take(QStringLiteral("tenders"));
    if (!lines.isUndefined() && !lines.isArray())
        return QStringLiteral("lines must be a list");
    if (!tenders.isUndefined() && !tenders.isArray())
        return QStringLiteral("tenders must be a list");
    if (!lines.toArray().isEmpty() && tenders.toArray().isEmpty())
        return QStringLiteral("an order with lines names its tenders");

    QSet<QString> lineIds;
    int lineNo = 0;
    for (const QJsonValue &value : lines.toArray()) {
        ++lineNo;
        const QJsonObject line = value.toObject();
        static const QSet<QString> fields { QStringLiteral("lineId"), QStringLiteral("sku"),
            QStringLiteral("productId"), QStringLiteral("name"), QStringLiteral("category"),
            QStringLiteral("quantity"), QStringLiteral("unitPriceCents"),
            QStringLiteral("lineTotalCents"), QStringLiteral("vatBasisPoints"),
            QStringLiteral("vatClass") };
        for (auto it = line.constBegin(); it != line.constEnd(); ++it) {
            if (!fields.contains(it.key()))
                return QStringLiteral("line %1: %2 is not a line field")
                    .arg(lineNo)
                    .arg(it.key().left(40));
        }
        const QString lineId = line.value(QStringLiteral("lineId")).toString();
        if (lineId.isEmpty() || lineId.size() > 40 || lineIds.contains(lineId))
            return QStringLiteral("line %1: lineId must be present and unique").arg(lineNo);
        lineIds.insert(lineId);
        qint64 productId = 0;
        const QString sku = line.value(QStringLiteral("sku")).toString();
        if (line.contains(QStringLiteral("productId"))
            && !wholeNumber(line.value(QStringLiteral("productId")), productId))
            return QStringLiteral("line %1: productId must be a number").arg(lineNo);
        auto product = productId > 0
            ? db.exec(
                QStringLiteral("SELECT id, sku, data FROM products WHERE id = ?"), { productId })
            : db.exec(QStringLiteral("SELECT id, sku, data FROM products WHERE sku = ?"), { sku });
        if (!product)
            return product.error().detail;
        if (!product.value().next())
            return productId > 0
                ? QStringLiteral("line %1: unknown product %2").arg(lineNo).arg(productId)
                : QStringLiteral("line %1: unknown sku \"%2\"").arg(lineNo).arg(sku.left(40));
        const QJsonObject data
            = QJsonDocument::fromJson(product.value().value(2).toString().toUtf8()).object();
        qint64 quantity = 0;
        qint64 unitPrice = 0;
        qint64 lineTotal = 0;
        if (!wholeNumber(line.value(QStringLiteral("quantity")), quantity) || quantity <= 0
            || quantity > 100000)
            return QStringLiteral("line %1: quantity must be a whole number above 0").arg(lineNo);
        if (!wholeNumber(line.value(QStringLiteral("unitPriceCents")), unitPrice) || unitPrice < 0)
            return QStringLiteral("line %1: unitPriceCents must be 0 or more").arg(lineNo);
        if (!wholeNumber(line.value(QStringLiteral("lineTotalCents")), lineTotal) || lineTotal < 0
            || lineTotal > unitPrice * quantity)
            return QStringLiteral("line %1: lineTotalCents must be 0 to unitPriceCents × quantity")
                .arg(lineNo);
        const QString vatClass = line.contains(QStringLiteral("vatClass"))
            ? line.value(QStringLiteral("vatClass")).toString()
            : data.value(QStringLiteral("vatClass")).toString(QStringLiteral("standard"));
        if (!Core::vatClassFromName(vatClass))
            return QStringLiteral("line %1: unknown vatClass %2")
                .arg(lineNo)
                .arg(vatClass.left(20));
        qint64 basisPoints = -1;
        if (line.contains(QStringLiteral("vatBasisPoints"))) {
            if (!wholeNumber(line.value(QStringLiteral("vatBasisPoints")), basisPoints)
                || basisPoints < 0 || basisPoints > 10000)
                return QStringLiteral("line %1: vatBasisPoints must be 0 to 10000").arg(lineNo);
        } else {
            // NL rates of the class (a web order of the NL shop) when the file does not say.
            auto rate = Core::VatTable::builtIn().rateFor(
                QStringLiteral("NL"), vatClass, QDate::currentDate());
            basisPoints = rate ? rate->basisPoints : 2100;
        }
        const QString name = line.contains(QStringLiteral("name"))
            ? line.value(QStringLiteral("name")).toString()
            : data.value(QStringLiteral("name")).toString();
        const QString category = line.contains(QStringLiteral("category"))
            ? line.value(QStringLiteral("category")).toString()
            : data.value(QStringLiteral("category")).toString();
        out.goodsCents += lineTotal;
        out.lines.append({ lineId, lineNo, product.value().value(0).toLongLong(),
            product.value().value(1).toString(), name, category, vatClass, int(basisPoints),
            int(quantity), unitPrice, lineTotal });
        out.linesJson.append(QJsonObject { { QStringLiteral("lineId"), lineId },
            { QStringLiteral("sku"), product.value().value(1).toString() },
            { QStringLiteral("name"), name }, { QStringLiteral("quantity"), quantity },
            { QStringLiteral("lineTotalCents"), lineTotal } });
    }
    int tenderNo = 0;
    for (const QJsonValue &value : tenders.toArray()) {
        ++tenderNo;
        const QJsonObject tender = value.toObject();
        static const QSet<QString> fields { QStringLiteral("method"), QStringLiteral("amountCents"),
            QStringLiteral("reference"), QStringLiteral("paidAt") };
        for (auto it = tender.constBegin(); it != tender.constEnd(); ++it) {
            if (!fields.contains(it.key()))
                return QStringLiteral("tender %1: %2 is not a tender field")
                    .arg(tenderNo)
                    .arg(it.key().left(40));
        }
        const QString method = tender.value(QStringLiteral("method")).toString();
        qint64 amount = 0;
        if (method.isEmpty() || method.size() > 40)
            return QStringLiteral("tender %1: method is required").arg(tenderNo);
        if (!wholeNumber(tender.value(QStringLiteral("amountCents")), amount) || amount <= 0)
            return QStringLiteral("tender %1: amountCents must be above 0").arg(tenderNo);
        QString paidAt = tender.value(QStringLiteral("paidAt")).toString();
        if (!paidAt.isEmpty()) {
            const QDateTime at = QDateTime::fromString(paidAt, Qt::ISODateWithMs);
            if (!at.isValid())
                return QStringLiteral("tender %1: paidAt must be an ISO time").arg(tenderNo);
            paidAt = at.toUTC().toString(Qt::ISODateWithMs);
        } else {
            paidAt = out.orderedAt;
        }
        out.paidCents += amount;
        out.tenders.append({ tenderNo, method, amount,
            tender.value(QStringLiteral("reference")).toString(), paidAt });
    }
    return {};
}

// The price fields of a prices row, read as productFromJson() reads them.
struct PriceFields
{
    qint64 priceCents = 0;
    std::optional<qint64> promoPriceCents;
    QByteArray promoFrom; // ISO date or empty
    QByteArray promoUntil;
};

Core::Status readPriceFields(const QJsonObject &row, PriceFields &out)
{
    Protocol::JsonReader r(row, QStringLiteral("product"));
    constexpr qint64 limit = 100'000'000'00;
    out.priceCents = r.integer(QStringLiteral("priceCents"), true, 0, limit);
    const QJsonValue promo = row.value(QStringLiteral("promoPriceCents"));
    if (!promo.isUndefined() && !promo.isNull())
        out.promoPriceCents = r.integer(QStringLiteral("promoPriceCents"), true, 0, limit);
    for (const auto &[key, into] : { std::pair(QStringLiteral("promoFrom"), &out.promoFrom),
             std::pair(QStringLiteral("promoUntil"), &out.promoUntil) }) {
        const QString text = r.string(key, false);
        if (text.isEmpty() || !r.ok())
            continue;
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            r.fail(QStringLiteral("protocol.bad_date"),
                QStringLiteral("%1 is not an ISO-8601 date").arg(key));
        else
            *into = day.toString(Qt::ISODate).toLatin1();
    }
    if (!r.ok())
        return r.error();
    return Core::success();
}

void appendInteger(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

// A stored product document as the server writes it (compact, keys in order: Protocol::toJson
// through QJsonDocument) holds its price fields together: "priceCents", then with a promotion
// "promoFrom", "promoPriceCents", "promoUntil", then "ratingTenths". Writes into `out` the
// document with those fields replaced, exactly what toJson() writes for the updated product;
// false (out untouched) when the stored text is not in that form.
bool patchPrices(const QByteArray &stored, const PriceFields &fields, QByteArray &out)
{
    static const QByteArray priceKey = QByteArrayLiteral(",\"priceCents\":");
    static const QByteArray promoFrom = QByteArrayLiteral(",\"promoFrom\":\"");
    static const QByteArray promoPrice = QByteArrayLiteral("\",\"promoPriceCents\":");
    static const QByteArray promoUntil = QByteArrayLiteral(",\"promoUntil\":\"");
    static const QByteArray next = QByteArrayLiteral(",\"ratingTenths\":");
    // A key cannot appear inside a JSON string (its quotes would be escaped there).
    const qsizetype start = stored.indexOf(priceKey);
    if (start < 0 || stored.indexOf(priceKey, start + 1) >= 0)
        return false;
    // The old segment must be exactly the form toJson() writes.
    const char *p = stored.constData() + start + priceKey.size();
    const char *end = stored.constData() + stored.size();
    auto digits = [&]() {
        const char *from = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        return p > from;
    };
    auto literal = [&](const QByteArray &text) {
        if (end - p < text.size() || memcmp(p, text.constData(), size_t(text.size())) != 0)
            return false;
        p += text.size();
        return true;
    };
    auto date = [&]() {
        while (p < end && *p != '"' && *p != '\\')
            ++p;
        return p < end && *p == '"';
    };
    if (!digits())
        return false;
    if (end - p >= promoFrom.size()
        && memcmp(p, promoFrom.constData(), size_t(promoFrom.size())) == 0) {
        p += promoFrom.size();
        if (!date() || !literal(promoPrice) || !digits() || !literal(promoUntil) || !date())
            return false;
        ++p; // the closing quote
    }
    if (!literal(next))
        return false;
    const qsizetype tail = p - stored.constData() - next.size();
    out.clear();
    out.reserve(stored.size() + 64);
    out.append(stored.constData(), start + priceKey.size());
    appendInteger(out, fields.priceCents);
    if (fields.promoPriceCents) {
        out.append(promoFrom);
        out.append(fields.promoFrom);
        out.append(promoPrice);
        appendInteger(out, *fields.promoPriceCents);
        out.append(promoUntil);
        out.append(fields.promoUntil);
        out.append('"');
    }
    out.append(stored.constData() + tail, stored.size() - tail);
    return true;
}

} // namespace

std::optional<ChainAdmin::ImportKind> ChainAdmin::kindFromName(const QString &name)
{
    static const QHash<QString, ImportKind> kinds { { QStringLiteral("locations"),
                                                        ImportKind::Locations },
        { QStringLiteral("products"), ImportKind::Products },
        { QStringLiteral("catalog"), ImportKind::Products },
        { QStringLiteral("prices"), ImportKind::Prices },
        { QStringLiteral("stock"), ImportKind::Stock },
        { QStringLiteral("customers"), ImportKind::Customers },
        { QStringLiteral("web-orders"), ImportKind::WebOrders },
        { QStringLiteral("staff"), ImportKind::Staff },
        { QStringLiteral("promotions"), ImportKind::Promotions },
        { QStringLiteral("gift-cards"), ImportKind::GiftCards },
        { QStringLiteral("return-policies"), ImportKind::ReturnPolicies } };
    if (auto it = kinds.constFind(name); it != kinds.constEnd())
        return *it;
    return std::nullopt;
}

ChainAdmin::ChainAdmin(ServerDatabase &database)
    : m_db(database)
{ }

Core::Status ChainAdmin::createChain(const QString &name)
{
    return m_db.transaction([&]() -> Core::Status {
        auto done = m_db.exec(QStringLiteral("INSERT INTO chain(id, name) VALUES (1, ?) ON "
                                             "CONFLICT(id) DO UPDATE SET name = excluded.name"),
            { name });
        if (!done)
            return done.error();
        return Core::success();
    });
}

Core::Status ChainAdmin::upsertLocations(const QList<Protocol::LocationData> &locations)
{
    return m_db.transaction([&]() -> Core::Status {
        auto seq = m_db.reserveSequence(locations.size());
        if (!seq)
            return seq.error();
        QList<QVariantList> rows;
        qint64 next = seq.value();
        for (const auto &l : locations)
            rows.append({ l.id, l.code, l.name, l.kind, l.address, l.city, l.country, l.latitude,
                l.longitude, l.cashRounding ? 1 : 0, l.vatNumber, next++ });
        return m_db.insertRows(QStringLiteral("locations"),
            { QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                QStringLiteral("kind"), QStringLiteral("address"), QStringLiteral("city"),
                QStringLiteral("country"), QStringLiteral("latitude"), QStringLiteral("longitude"),
                QStringLiteral("cash_rounding"), QStringLiteral("vat_number"),
                QStringLiteral("change_seq") },
            rows,
            QStringLiteral(
                "ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, "
                "kind = excluded.kind, address = excluded.address, city = excluded.city, "
                "country = excluded.country, latitude = excluded.latitude, "
                "longitude = excluded.longitude, cash_rounding = excluded.cash_rounding, "
                "vat_number = excluded.vat_number, "
                "change_seq = excluded.change_seq"));
    });
}

BulkProduct ChainAdmin::bulkProduct(const Protocol::ProductData &p)
{
    BulkProduct row;
    row.id = p.id;
    row.sku = p.sku.toUtf8();
    row.data = QJsonDocument(Protocol::toJson(p)).toJson(QJsonDocument::Compact);
    row.priceCents = p.priceCents;
    row.promoPriceCents = p.promoPriceCents;
    if (p.promoFrom.isValid())
        row.promoFrom = p.promoFrom.toString(Qt::ISODate).toLatin1();
    if (p.promoUntil.isValid())
        row.promoUntil = p.promoUntil.toString(Qt::ISODate).toLatin1();
    return row;
}

Core::Status ChainAdmin::writeCatalog(
    std::vector<BulkProduct> &products, std::vector<BulkStock> &stock)
{
    return m_db.transaction(
        [&]() -> Core::Status { return BulkWriter(m_db).write(products, stock); });
}

Core::Status ChainAdmin::upsertProducts(const QList<Protocol::ProductData> &products)
{
    std::vector<BulkProduct> rows;
    rows.reserve(size_t(products.size()));
    for (const auto &p : products)
        rows.push_back(bulkProduct(p));
    std::vector<BulkStock> none;
    return writeCatalog(rows, none);
}

Core::Status ChainAdmin::setStock(const QList<Protocol::StockData> &figures)
{
    std::vector<BulkStock> rows;
    rows.reserve(size_t(figures.size()));
    for (const auto &s : figures)
        rows.push_back({ s.productId, s.locationId, s.quantity, s.asOf.toMSecsSinceEpoch() });
    std::vector<BulkProduct> none;
    return writeCatalog(none, rows);
}

namespace {

QVariantList policyRow(qint64 locationId, const Core::ReturnPolicy &policy)
{
    QJsonObject windows;
    for (auto it = policy.windowDaysByCategory.constBegin();
         it != policy.windowDaysByCategory.constEnd(); ++it)
        windows.insert(it.key(), it.value());
    return { locationId, policy.webWithdrawalDays, policy.defaultWindowDays,
        QString::fromUtf8(QJsonDocument(windows).toJson(QJsonDocument::Compact)),
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(policy.finalSaleCategories))
                              .toJson(QJsonDocument::Compact)),
        int(policy.receiptRequired), int(policy.storeCreditForStoreSales),
        int(policy.giftCardForStoreSales) };
}

Core::Status writePolicies(ServerDatabase &db, const QList<QVariantList> &rows)
{
    return db.insertRows(QStringLiteral("return_policies"),
        { QStringLiteral("location_id"), QStringLiteral("web_withdrawal_days"),
            QStringLiteral("default_window_days"), QStringLiteral("category_windows"),
            QStringLiteral("final_sale_categories"), QStringLiteral("receipt_required"),
            QStringLiteral("store_credit_allowed"), QStringLiteral("gift_card_allowed") },
        rows,
        QStringLiteral("ON CONFLICT(location_id) DO UPDATE SET web_withdrawal_days = "
                       "excluded.web_withdrawal_days, default_window_days = "
                       "excluded.default_window_days, category_windows = "
                       "excluded.category_windows, final_sale_categories = "
                       "excluded.final_sale_categories, receipt_required = "
                       "excluded.receipt_required, store_credit_allowed = "
                       "excluded.store_credit_allowed, gift_card_allowed = "
                       "excluded.gift_card_allowed"));
}

} // namespace

Core::Status ChainAdmin::setReturnPolicy(qint64 locationId, const Core::ReturnPolicy &policy)
{
    return m_db.transaction(
        [&]() -> Core::Status { return writePolicies(m_db, { policyRow(locationId, policy) }); });
}

Core::Status ChainAdmin::addStaff(Protocol::StaffData member, const QString &pin)
{
    if (member.pinHash.isEmpty()) {
        Core::Result<QString> hashed = Core::Pin::hash(pin);
        if (!hashed)
            return hashed.error();
        member.pinHash = hashed.value();
    }
    return m_db.transaction([&]() -> Core::Status {
        auto seq = m_db.reserveSequence(1);
        if (!seq)
            return seq.error();
        auto done = m_db.exec(
            QStringLiteral(
                "INSERT INTO staff(id, code, display_name, role, home_location_id, pin_hash, "
                "active, change_seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET code = "
                "excluded.code, "
                "display_name = excluded.display_name, role = excluded.role, "
                "home_location_id = excluded.home_location_id, pin_hash = excluded.pin_hash, "
                "active = excluded.active, change_seq = excluded.change_seq"),
            { member.id, member.code, member.displayName, member.role, member.homeLocationId,
                member.pinHash, member.active ? 1 : 0, seq.value() });
        if (!done)
            return done.error();
        return Core::success();
    });
}

Core::Status ChainAdmin::importFile(
    ImportKind kind, const QString &path, QList<ImportProblem> &problems, int &imported)
{
    imported = 0;
    QList<RawRow> rows;
    if (!readRows(path, rows, problems, kind == ImportKind::Promotions))
        return Error::make(
            QStringLiteral("import.bad_rows"), QStringLiteral("the file cannot be read"));

    // Lookups the rows refer to by code.
    QHash<QString, qint64> locationIds;
    QHash<QString, qint64> productIds;
    if (auto q = m_db.exec(QStringLiteral("SELECT code, id FROM locations")); q) {
        while (q.value().next())
            locationIds.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
    }
    // Stock and prices look up only the SKUs the file names (a price update of 100k rows in a
    // catalog of millions), in chunks of bound values.
    QHash<QString, QByteArray> productData; // sku → data (prices)
    if (kind == ImportKind::Stock || kind == ImportKind::Prices) {
        // Sorted: neighbouring keys of the sku index are read together.
        std::vector<QByteArray> wanted;
        wanted.reserve(size_t(rows.size()));
        for (const RawRow &row : std::as_const(rows)) {
            const QString sku = row.object.value(QStringLiteral("sku")).toString();
            if (!sku.isEmpty())
                wanted.push_back(sku.toUtf8());
        }
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        const bool prices = kind == ImportKind::Prices;
        if (Core::Status s = BulkWriter(m_db).findProducts(wanted, prices,
                [&](const QByteArray &sku, qint64 id, QByteArray data) {
                    const QString key = QString::fromUtf8(sku);
                    productIds.insert(key, id);
                    if (prices)
                        productData.insert(key, std::move(data));
                });
            !s)
            return s.error();
    } else if (kind == ImportKind::Promotions) {
        if (auto q = m_db.exec(QStringLiteral("SELECT sku, id FROM products")); q) {
            while (q.value().next())
                productIds.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
        }
    }

    QList<Protocol::LocationData> locations;
    QList<Protocol::ProductData> products;
    std::vector<BulkProduct> priceUpdates;
    std::vector<BulkStock> stock;
    QSet<std::pair<qint64, qint64>> stockSeen; // product, location
    QList<Protocol::CustomerData> customers;
    QList<Protocol::WebOrderData> orders;
    QList<WebOrderRows> webOrderRows; // per order, same order
    QList<QVariantList> policyRows;
    QSet<qint64> knownLocationIds;
    for (const qint64 id : std::as_const(locationIds))
        knownLocationIds.insert(id);
    QList<QPair<Protocol::StaffData, QString>> staff;
    QList<Core::Promotion> promotions;
    QList<QVariantList> giftCards; // number, balance, issued_at, expires_on, state
    QSet<QString> keysSeen;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowMsecs = now.toMSecsSinceEpoch();
    for (RawRow &row : rows) {
        auto bad = [&](const QString &reason, const QString &code = QString()) {
            problems.append(code.isEmpty() ? ImportProblem(row.line, reason)
                                           : ImportProblem(row.line, reason, code));
        };
        auto fromCore = [&](const Core::Error &error) {
            bad(error.detail.isEmpty() ? error.message : error.detail);
        };
        // Rows may name a store or product by code instead of id.
        auto resolve = [&](const QString &codeKey, const QString &idKey,
                           const QHash<QString, qint64> &ids, const QString &problemCode = {}) {
            if (!row.object.contains(codeKey))
                return true;
            const QString code = row.object.take(codeKey).toString();
            if (!ids.contains(code)) {
                bad(QStringLiteral("unknown %1 \"%2\"").arg(codeKey, code.left(40)), problemCode);
                return false;
            }
            row.object.insert(idKey, double(ids.value(code)));
            return true;
        };
        switch (kind) {
        case ImportKind::Locations:
            if (auto l = Protocol::locationFromJson(row.object); !l)
                fromCore(l.error());
            else
                locations.append(l.value());
            break;
        case ImportKind::Products:
            if (auto p = Protocol::productFromJson(row.object); !p) {
                fromCore(p.error());
            } else if (keysSeen.contains(p->sku)) {
                bad(QStringLiteral("SKU %1 appears twice in the file").arg(p->sku),
                    QStringLiteral("import.duplicate"));
            } else {
                keysSeen.insert(p->sku);
                products.append(p.value());
            }
            break;
        case ImportKind::Prices: {
            const QString sku = row.object.value(QStringLiteral("sku")).toString();
            const auto current = productData.constFind(sku);
            if (current == productData.constEnd()) {
                bad(QStringLiteral("unknown sku \"%1\"").arg(sku.left(40)),
                    QStringLiteral("import.sku_unknown"));
                break;
            }
            if (keysSeen.contains(sku)) {
                bad(QStringLiteral("SKU %1 appears twice in the file").arg(sku.left(40)),
                    QStringLiteral("import.duplicate"));
                break;
            }
            keysSeen.insert(sku);
            static const QSet<QString> allowed { QStringLiteral("sku"),
                QStringLiteral("priceCents"), QStringLiteral("promoPriceCents"),
                QStringLiteral("promoFrom"), QStringLiteral("promoUntil") };
            bool unknown = false;
            for (auto it = row.object.constBegin(); it != row.object.constEnd(); ++it) {
                if (!allowed.contains(it.key())) {
                    bad(QStringLiteral("%1 is not a price field").arg(it.key().left(40)));
                    unknown = true;
                    break;
                }
            }
            if (unknown)
                break;
            PriceFields fields;
            if (Core::Status read = readPriceFields(row.object, fields); !read) {
                fromCore(read.error());
                break;
            }
            // The stored document with its price fields rewritten in place (no JSON round
            // trip); a document not in the form the server writes goes the long way.
            BulkProduct update;
            if (patchPrices(*current, fields, update.data)) {
                update.id = productIds.value(sku);
                update.sku = sku.toUtf8();
                update.priceCents = fields.priceCents;
                update.promoPriceCents = fields.promoPriceCents;
                update.promoFrom = fields.promoFrom;
                update.promoUntil = fields.promoUntil;
                priceUpdates.push_back(std::move(update));
                break;
            }
            QJsonObject product = QJsonDocument::fromJson(*current).object();
            for (const QString &key : { QStringLiteral("promoPriceCents"),
                     QStringLiteral("promoFrom"), QStringLiteral("promoUntil") })
                product.remove(key);
            for (auto it = row.object.constBegin(); it != row.object.constEnd(); ++it)
                product.insert(it.key(), it.value());
            if (auto p = Protocol::productFromJson(product); !p)
                fromCore(p.error());
            else
                priceUpdates.push_back(bulkProduct(p.value()));
            break;
        }
        case ImportKind::Stock: {
            if (!resolve(QStringLiteral("sku"), QStringLiteral("productId"), productIds,
                    QStringLiteral("import.sku_unknown"))
                || !resolve(QStringLiteral("locationCode"), QStringLiteral("locationId"),
                    locationIds, QStringLiteral("import.location_unknown")))
                break;
            // Protocol::stockFromJson() with asOf "now" when the row has none (the same
            // instant for every row, not parsed again per row).
            Protocol::JsonReader reader(row.object, QStringLiteral("stock"));
            BulkStock figure;
            figure.productId = reader.integer(QStringLiteral("productId"), true, 1);
            figure.locationId = reader.integer(QStringLiteral("locationId"), true, 1);
            figure.quantity
                = reader.integer(QStringLiteral("quantity"), true, -1'000'000'000, 1'000'000'000);
            figure.asOfMsecs = row.object.contains(QStringLiteral("asOf"))
                ? reader.timestamp(QStringLiteral("asOf")).toMSecsSinceEpoch()
                : nowMsecs;
            reader.rejectUnknownFields();
            if (!reader.ok()) {
                fromCore(reader.error());
            } else if (figure.quantity < 0) {
                bad(QStringLiteral("quantity must not be negative in a stock count"));
            } else if (!knownLocationIds.contains(figure.locationId)) {
                bad(QStringLiteral("unknown location id %1").arg(figure.locationId),
                    QStringLiteral("import.location_unknown"));
            } else if (const auto key = std::pair(figure.productId, figure.locationId);
                       stockSeen.contains(key)) {
                bad(QStringLiteral("product %1 at location %2 appears twice in the file")
                        .arg(figure.productId)
                        .arg(figure.locationId),
                    QStringLiteral("import.duplicate"));
            } else {
                stockSeen.insert(key);
                stock.push_back(figure);
            }
            break;
        }
        case ImportKind::Customers:
            if (auto c = Protocol::customerFromJson(row.object); !c)
                fromCore(c.error());
            else
                customers.append(c.value());
            break;
        case ImportKind::WebOrders: {
            if (!resolve(QStringLiteral("locationCode"), QStringLiteral("locationId"), locationIds))
                break;
            // The relational part (issue "Returns"): lines, tenders, delivery. Taken out of
            // the row before the wire form's strict reading; rows without them import as before.
            WebOrderRows relational;
            QString problem = readWebOrderRows(m_db, row.object, relational);
            if (!problem.isEmpty()) {
                bad(problem);
                break;
            }
            auto o = Protocol::webOrderFromJson(row.object);
            if (!o) {
                fromCore(o.error());
                break;
            }
            if (!relational.lines.isEmpty() && relational.goodsCents != o->totalCents) {
                bad(QStringLiteral("the lines add up to %1 cents, totalCents is %2")
                        .arg(relational.goodsCents)
                        .arg(o->totalCents));
                break;
            }
            if (!relational.tenders.isEmpty()
                && relational.paidCents != o->totalCents + relational.deliveryCents) {
                bad(QStringLiteral("the tenders add up to %1 cents, totalCents + deliveryCents "
                                   "is %2")
                        .arg(relational.paidCents)
                        .arg(o->totalCents + relational.deliveryCents));
                break;
            }
            if (!knownLocationIds.contains(o->locationId)) {
                bad(QStringLiteral("unknown store id %1").arg(o->locationId));
                break;
            }
            if (keysSeen.contains(o->orderNumber)
                || keysSeen.contains(QStringLiteral("#") + QString::number(o->id))) {
                bad(QStringLiteral("order %1 appears twice in the file").arg(o->orderNumber));
                break;
            }
            keysSeen.insert(o->orderNumber);
            keysSeen.insert(QStringLiteral("#") + QString::number(o->id));
            // Tablets pulling the webOrders feed see the lines and the delivery too.
            if (!relational.lines.isEmpty() && !o->details.contains(QStringLiteral("lines")))
                o.value().details.insert(QStringLiteral("lines"), relational.linesJson);
            if (!relational.deliveredOn.isEmpty()
                && !o->details.contains(QStringLiteral("deliveredOn")))
                o.value().details.insert(QStringLiteral("deliveredOn"), relational.deliveredOn);
            orders.append(o.value());
            webOrderRows.append(relational);
            break;
        }
        case ImportKind::Promotions: {
            // Every row: the wire form, the core's own rules for a promotion, and SKUs the
            // catalog knows (item targets and bundles name SKUs).
            auto p = Protocol::promotionFromJson(row.object);
            if (!p) {
                fromCore(p.error());
                break;
            }
            if (Core::Status valid = p->validate(); !valid) {
                bad(valid.error().detail.isEmpty() ? valid.error().message
                                                   : valid.error().message + QStringLiteral(" (")
                            + valid.error().detail + QLatin1Char(')'));
                break;
            }
            if (p->target == Core::PromotionTarget::Item
                || p->kind == Core::PromotionKind::BundlePrice) {
                QStringList unknown;
                for (const QString &sku : p->targetKeys) {
                    if (!productIds.contains(sku))
                        unknown.append(sku.left(40));
                }
                if (!unknown.isEmpty()) {
                    bad(QStringLiteral("unknown sku %1").arg(unknown.join(QStringLiteral(", "))));
                    break;
                }
            }
            if (keysSeen.contains(p->id)) {
                bad(QStringLiteral("promotion %1 appears twice").arg(p->id.left(40)));
                break;
            }
            keysSeen.insert(p->id);
            promotions.append(p.value());
            break;
        }
        case ImportKind::GiftCards: {
            // number (12–19 digits), balance in euros ("25.00"), expires_on (YYYY-MM-DD,
            // optional: none = no end date), issued_at (date or ISO time, optional: now),
            // state (active|inactive, optional). A number the server knows is refused: an
            // import never overwrites a balance that may have been spent since.
            static const QSet<QString> fields { QStringLiteral("number"), QStringLiteral("balance"),
                QStringLiteral("expires_on"), QStringLiteral("issued_at"),
                QStringLiteral("state") };
            QString unknownField;
            for (auto it = row.object.constBegin(); it != row.object.constEnd(); ++it) {
                if (!fields.contains(it.key()))
                    unknownField = it.key();
            }
            if (!unknownField.isEmpty()) {
                bad(QStringLiteral("%1 is not a gift card field (number, balance, expires_on, "
                                   "issued_at, state)")
                        .arg(unknownField.left(40)));
                break;
            }
            const QJsonValue numberValue = row.object.value(QStringLiteral("number"));
            auto number = Core::normaliseGiftCardNumber(numberValue.toString());
            if (!numberValue.isString() || !number) {
                bad(QStringLiteral("number must be 12 to 19 digits, as text"));
                break;
            }
            const QJsonValue balanceValue = row.object.value(QStringLiteral("balance"));
            auto balance = Core::Money::parse(balanceValue.isDouble()
                    ? QString::number(balanceValue.toDouble(), 'f', 2)
                    : balanceValue.toString());
            if (balanceValue.isUndefined() || !balance || balance->isNegative()) {
                bad(QStringLiteral("balance must be an amount of 0 or more, like 25.00"));
                break;
            }
            const QString issuedText = row.object.value(QStringLiteral("issued_at")).toString();
            QDateTime issuedAt = now;
            if (!issuedText.isEmpty()) {
                issuedAt = QDateTime::fromString(issuedText, Qt::ISODateWithMs);
                if (!issuedAt.isValid())
                    issuedAt = QDateTime(QDate::fromString(issuedText, Qt::ISODate), QTime(0, 0));
                if (!issuedAt.isValid()) {
                    bad(QStringLiteral("issued_at must be a date (YYYY-MM-DD) or an ISO time"));
                    break;
                }
            }
            const QString expiresText = row.object.value(QStringLiteral("expires_on")).toString();
            const QDate expiresOn = QDate::fromString(expiresText, Qt::ISODate);
            if (!expiresText.isEmpty() && !expiresOn.isValid()) {
                bad(QStringLiteral("expires_on must be a date (YYYY-MM-DD)"));
                break;
            }
            if (expiresOn.isValid() && expiresOn < issuedAt.date()) {
                bad(QStringLiteral("expires_on is before issued_at"));
                break;
            }
            const QString state = row.object.value(QStringLiteral("state")).toString();
            if (!state.isEmpty() && state != QLatin1String("active")
                && state != QLatin1String("inactive")) {
                bad(QStringLiteral("state must be active or inactive"));
                break;
            }
            if (keysSeen.contains(number.value())) {
                bad(QStringLiteral("gift card %1 appears twice in the file").arg(number.value()));
                break;
            }
            keysSeen.insert(number.value());
            auto known = m_db.exec(
                QStringLiteral("SELECT 1 FROM gift_cards WHERE number = ?"), { number.value() });
            if (!known)
                return known.error();
            if (known.value().next()) {
                bad(QStringLiteral("gift card %1 is already known to the server")
                        .arg(number.value()));
                break;
            }
            giftCards.append(
                { number.value(), balance->cents(), issuedAt.toUTC().toString(Qt::ISODateWithMs),
                    expiresOn.isValid() ? QVariant(expiresOn.toString(Qt::ISODate)) : QVariant(),
                    state.isEmpty() ? QStringLiteral("active") : state });
            break;
        }
        case ImportKind::ReturnPolicies: {
            // "*" or 0: the chain's default. Fields not given keep the demo defaults.
            qint64 locationId = -1;
            if (row.object.value(QStringLiteral("locationCode")).toString() == QLatin1String("*")) {
                row.object.remove(QStringLiteral("locationCode"));
                locationId = 0;
            } else if (!resolve(QStringLiteral("locationCode"), QStringLiteral("locationId"),
                           locationIds)) {
                break;
            }
            if (row.object.contains(QStringLiteral("locationId"))
                && !wholeNumber(row.object.take(QStringLiteral("locationId")), locationId))
                locationId = -1;
            if (locationId < 0 || (locationId > 0 && !knownLocationIds.contains(locationId))) {
                bad(QStringLiteral("locationCode or locationId (0 or * for the chain) must name "
                                   "a store"));
                break;
            }
            QJsonObject full = Protocol::toJson(Core::ReturnPolicy::defaults());
            for (auto it = row.object.constBegin(); it != row.object.constEnd(); ++it)
                full.insert(it.key(), it.value());
            auto policy = Protocol::returnPolicyFromJson(full);
            if (!policy) {
                fromCore(policy.error());
                break;
            }
            const QString key = QStringLiteral("policy#") + QString::number(locationId);
            if (keysSeen.contains(key)) {
                bad(QStringLiteral("two policies for the same store"));
                break;
            }
            keysSeen.insert(key);
            policyRows.append(policyRow(locationId, policy.value()));
            break;
        }
        case ImportKind::Staff: {
            if (!resolve(QStringLiteral("homeLocationCode"), QStringLiteral("homeLocationId"),
                    locationIds))
                break;
            const QString pin = row.object.take(QStringLiteral("pin")).toString();
            if (!row.object.contains(QStringLiteral("pinHash")))
                row.object.insert(QStringLiteral("pinHash"), QStringLiteral("-"));
            if (!row.object.contains(QStringLiteral("active")))
                row.object.insert(QStringLiteral("active"), true);
            auto s = Protocol::staffFromJson(row.object);
            if (!s) {
                fromCore(s.error());
            } else if (Core::Status valid = Core::Pin::validate(pin); !valid) {
                bad(valid.error().message);
            } else {
                Protocol::StaffData member = s.value();
                member.pinHash.clear();
                staff.append({ member, pin });
            }
            break;
        }
        }
    }
    std::stable_sort(problems.begin(), problems.end(),
        [](const ImportProblem &a, const ImportProblem &b) { return a.line < b.line; });
    if (!problems.isEmpty())
        return Error::make(QStringLiteral("import.bad_rows"),
            QStringLiteral("%1 bad rows; nothing imported").arg(problems.size()));

    Core::Status written = Core::success();
    switch (kind) {
    case ImportKind::Locations:
        written = upsertLocations(locations);
        imported = int(locations.size());
        break;
    case ImportKind::Products:
        written = upsertProducts(products);
        imported = int(products.size());
        break;
    case ImportKind::Prices:
        imported = int(priceUpdates.size());
        written = m_db.transaction(
            [&]() -> Core::Status { return BulkWriter(m_db).updatePrices(priceUpdates); });
        break;
    case ImportKind::Stock: {
        imported = int(stock.size());
        std::vector<BulkProduct> none;
        written = writeCatalog(none, stock);
        break;
    }
    case ImportKind::Customers:
        written = m_db.transaction([&]() -> Core::Status {
            auto seq = m_db.reserveSequence(customers.size());
            if (!seq)
                return seq.error();
            QHash<QString, qint64> homes;
            if (auto q = m_db.exec(QStringLiteral("SELECT code, id FROM locations")); q) {
                while (q.value().next())
                    homes.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
            } else {
                return q.error();
            }
            // E-mail and phone are unique and optional: NULL (an invalid variant), not ''.
            auto orNull
                = [](const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); };
            QList<QVariantList> r;
            qint64 next = seq.value();
            for (const auto &c : customers)
                r.append({ c.id, c.code, c.name, orNull(c.email.trimmed().toLower()),
                    orNull(c.phone.trimmed()), c.tier.isEmpty() ? QStringLiteral("basic") : c.tier,
                    c.loyaltyPoints, std::max(c.lifetimePoints, c.loyaltyPoints),
                    homes.value(c.homeStoreCode), int(c.consentEmail), int(c.consentSms),
                    int(c.consentPersonalised), next++ });
            return m_db.insertRows(QStringLiteral("customers"),
                { QStringLiteral("id"), QStringLiteral("card_number"), QStringLiteral("name"),
                    QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("tier"),
                    QStringLiteral("points_balance"), QStringLiteral("lifetime_points"),
                    QStringLiteral("home_location_id"), QStringLiteral("consent_email"),
                    QStringLiteral("consent_sms"), QStringLiteral("consent_personalised"),
                    QStringLiteral("change_seq") },
                r,
                QStringLiteral(
                    "ON CONFLICT(id) DO UPDATE SET card_number = excluded.card_number, name = "
                    "excluded.name, email = excluded.email, phone = excluded.phone, tier = "
                    "excluded.tier, points_balance = excluded.points_balance, lifetime_points = "
                    "excluded.lifetime_points, home_location_id = excluded.home_location_id, "
                    "consent_email = excluded.consent_email, consent_sms = excluded.consent_sms, "
                    "consent_personalised = excluded.consent_personalised, change_seq = "
                    "excluded.change_seq"));
        });
        imported = int(customers.size());
        break;
    case ImportKind::Promotions:
        written = m_db.transaction([&]() -> Core::Status {
            auto seq = m_db.reserveSequence(promotions.size());
            if (!seq)
                return seq.error();
            QList<QVariantList> r;
            qint64 next = seq.value();
            for (const Core::Promotion &p : promotions)
                r.append(PromotionRows::toRow(p, next++));
            QStringList columns = PromotionRows::columns();
            QStringList updates;
            for (const QString &column : columns.mid(1))
                updates.append(column + QStringLiteral(" = excluded.") + column);
            columns.append(QStringLiteral("change_seq"));
            updates.append(QStringLiteral("change_seq = excluded.change_seq"));
            return m_db.insertRows(QStringLiteral("promotions"), columns, r,
                QStringLiteral("ON CONFLICT(id) DO UPDATE SET ")
                    + updates.join(QStringLiteral(", ")));
        });
        imported = int(promotions.size());
        break;
    case ImportKind::WebOrders:
        written = m_db.transaction([&]() -> Core::Status {
            auto seq = m_db.reserveSequence(orders.size());
            if (!seq)
                return seq.error();
            QList<QVariantList> r;
            QList<QVariantList> lineRows;
            QList<QVariantList> tenderRows;
            qint64 next = seq.value();
            for (qsizetype i = 0; i < orders.size(); ++i) {
                const Protocol::WebOrderData &o = orders.at(i);
                const WebOrderRows &extra = webOrderRows.at(i);
                r.append({ o.id, o.orderNumber, o.locationId, compact(Protocol::toJson(o)), next++,
                    o.customerId, o.status, extra.channel, extra.orderedAt, extra.deliveredOn,
                    extra.deliveryCents, o.totalCents });
                for (QVariantList line : extra.lines) {
                    line.prepend(o.id);
                    lineRows.append(line);
                }
                for (QVariantList tender : extra.tenders) {
                    tender.prepend(o.id);
                    tenderRows.append(tender);
                }
            }
            if (Core::Status s = m_db.insertRows(QStringLiteral("web_orders"),
                    { QStringLiteral("id"), QStringLiteral("order_number"),
                        QStringLiteral("location_id"), QStringLiteral("data"),
                        QStringLiteral("change_seq"), QStringLiteral("customer_id"),
                        QStringLiteral("status"), QStringLiteral("channel"),
                        QStringLiteral("ordered_at"), QStringLiteral("delivered_on"),
                        QStringLiteral("delivery_cents"), QStringLiteral("total_cents") },
                    r,
                    QStringLiteral(
                        "ON CONFLICT(id) DO UPDATE SET order_number = excluded.order_number, "
                        "location_id = excluded.location_id, data = excluded.data, change_seq = "
                        "excluded.change_seq, customer_id = excluded.customer_id, status = "
                        "excluded.status, channel = excluded.channel, ordered_at = "
                        "excluded.ordered_at, delivered_on = excluded.delivered_on, "
                        "delivery_cents = excluded.delivery_cents, total_cents = "
                        "excluded.total_cents"));
                !s)
                return s;
            // Imported again (a status or delivery update): what was returned and refunded
            // stays; CHECK (returned_quantity <= quantity) refuses a line cut below it.
            if (Core::Status s = m_db.insertRows(QStringLiteral("web_order_lines"),
                    { QStringLiteral("order_id"), QStringLiteral("line_id"),
                        QStringLiteral("line_no"), QStringLiteral("product_id"),
                        QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("category"),
                        QStringLiteral("vat_class"), QStringLiteral("vat_basis_points"),
                        QStringLiteral("quantity"), QStringLiteral("unit_price_cents"),
                        QStringLiteral("line_total_cents") },
                    lineRows,
                    QStringLiteral(
                        "ON CONFLICT(order_id, line_id) DO UPDATE SET line_no = excluded.line_no, "
                        "product_id = excluded.product_id, sku = excluded.sku, name = "
                        "excluded.name, category = excluded.category, vat_class = "
                        "excluded.vat_class, vat_basis_points = excluded.vat_basis_points, "
                        "quantity = excluded.quantity, unit_price_cents = "
                        "excluded.unit_price_cents, line_total_cents = "
                        "excluded.line_total_cents"));
                !s)
                return s;
            return m_db.insertRows(QStringLiteral("web_order_tenders"),
                { QStringLiteral("order_id"), QStringLiteral("tender_no"), QStringLiteral("method"),
                    QStringLiteral("amount_cents"), QStringLiteral("reference"),
                    QStringLiteral("paid_at") },
                tenderRows,
                QStringLiteral("ON CONFLICT(order_id, tender_no) DO UPDATE SET method = "
                               "excluded.method, amount_cents = excluded.amount_cents, "
                               "reference = excluded.reference, paid_at = excluded.paid_at"));
        });
        imported = int(orders.size());
        break;
    case ImportKind::GiftCards:
        written = m_db.transaction([&]() -> Core::Status {
            return m_db.insertRows(QStringLiteral("gift_cards"),
                { QStringLiteral("number"), QStringLiteral("balance_cents"),
                    QStringLiteral("issued_at"), QStringLiteral("expires_on"),
                    QStringLiteral("state") },
                giftCards);
        });
        imported = int(giftCards.size());
        break;
    case ImportKind::ReturnPolicies:
        written
            = m_db.transaction([&]() -> Core::Status { return writePolicies(m_db, policyRows); });
        imported = int(policyRows.size());
        break;
    case ImportKind::Staff:
        // PIN hashing is deliberately slow; hash first, then write everything in one go.
        for (auto &[member, pin] : staff) {
            Core::Result<QString> hashed = Core::Pin::hash(pin);
            if (!hashed)
                return hashed.error();
            member.pinHash = hashed.value();
        }
        written = m_db.transaction([&]() -> Core::Status {
            auto seq = m_db.reserveSequence(staff.size());
            if (!seq)
                return seq.error();
            QList<QVariantList> r;
            qint64 next = seq.value();
            for (const auto &[m, pin] : staff)
                r.append({ m.id, m.code, m.displayName, m.role, m.homeLocationId, m.pinHash,
                    m.active ? 1 : 0, next++ });
            return m_db.insertRows(QStringLiteral("staff"),
                { QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("display_name"),
                    QStringLiteral("role"), QStringLiteral("home_location_id"),
                    QStringLiteral("pin_hash"), QStringLiteral("active"),
                    QStringLiteral("change_seq") },
                r,
                QStringLiteral("ON CONFLICT(id) DO UPDATE SET code = excluded.code, display_name = "
                               "excluded.display_name, role = excluded.role, home_location_id = "
                               "excluded.home_location_id, pin_hash = excluded.pin_hash, active = "
                               "excluded.active, change_seq = excluded.change_seq"));
        });
        imported = int(staff.size());
        break;
    }
    if (!written)
        imported = 0;
    return written;
}

} // namespace Toonbank::Sync::Server
