#include "returnorders.h"

#include "serverdatabase.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

using Core::Error;
using Core::Money;
using Core::ReturnableOrder;
using Core::ReturnOrigin;

namespace {

Error notFound(const QString &number)
{
    return Error::make(QStringLiteral("return.not_found"),
        Core::Tr::tr("No sale, return or web order %1 was found.").arg(number.left(64)),
        number.left(64));
}

Error otherChain(const QString &detail)
{
    return Error::make(QStringLiteral("return.other_chain"),
        Core::Tr::tr("This was bought at another shop; it cannot be returned here."), detail);
}

QDateTime utc(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    return at.isValid() ? at.toUTC() : QDateTime();
}

Core::VatClass vatClass(const QString &name)
{
    return Core::vatClassFromName(name).value_or(Core::VatClass::Standard);
}

// A receipt number is "<store code>-<terminal>-<counter>" (SalesLedger; terminals are "T1",
// "T2", …; a return's counter starts with R): the store code.
QString receiptStoreCode(const QString &number)
{
    static const QRegularExpression shape(
        QStringLiteral("^([A-Z0-9]+)-T[A-Z0-9]*-R?[0-9A-F]{1,12}$"));
    const QRegularExpressionMatch m = shape.match(number);
    return m.hasMatch() ? m.captured(1) : QString();
}

Core::Result<bool> isOurStore(ServerDatabase &db, const QString &code)
{
    auto q = db.exec(QStringLiteral("SELECT 1 FROM locations WHERE code = ?"), { code });
    if (!q)
        return q.error();
    return q.value().next();
}

// The sale event's payload keeps what sale_lines do not: a line's category and gift card
// number, a points tender's points.
QJsonObject salePayload(const QString &text)
{
    QJsonObject payload = QJsonDocument::fromJson(text.toUtf8()).object();
    if (payload.contains(QStringLiteral("sale")) && !payload.contains(QStringLiteral("lines")))
        payload = payload.value(QStringLiteral("sale")).toObject();
    return payload;
}

Core::Result<std::optional<ReturnableOrder>> findSale(
    ServerDatabase &db, const QString &number, const QString &saleId)
{
    const QString columns
        = QStringLiteral("SELECT s.sale_id, s.receipt_number, s.store_code, s.sold_at, "
                         "s.total_cents, s.customer_id, s.customer_code, s.customer_tier, "
                         "s.points_earned, s.points_taken_back, COALESCE(e.payload, '') FROM "
                         "sales s LEFT JOIN events e ON e.event_id = s.event_id WHERE ");
    auto q = saleId.isEmpty()
        ? db.execKept(
            columns + QStringLiteral("s.receipt_number = ? ORDER BY s.sold_at LIMIT 1"), { number })
        : db.execKept(columns + QStringLiteral("s.sale_id = ?"), { saleId });
    if (!q)
        return q.error();
    auto &s = q.value();
    if (!s.next())
        return std::optional<ReturnableOrder>();
    ReturnableOrder order;
    order.origin = ReturnOrigin::StoreSale;
    order.saleId = s.value(0).toString();
    order.number = s.value(1).toString();
    order.storeCode = s.value(2).toString();
    order.soldAt = utc(s.value(3).toString());
    order.total = Money::fromCents(s.value(4).toLongLong());
    if (const qint64 customerId = s.value(5).toLongLong();
        customerId != 0 || !s.value(6).toString().isEmpty())
        order.customer
            = Core::SaleCustomer { customerId, s.value(6).toString(), s.value(7).toString() };
    order.pointsEarned = s.value(8).toLongLong();
    order.pointsTakenBack = s.value(9).toLongLong();
    const QJsonObject payload = salePayload(s.value(10).toString());

    QHash<QString, QJsonObject> payloadLines;
    for (const QJsonValue &line : payload.value(QStringLiteral("lines")).toArray())
        payloadLines.insert(line[QStringLiteral("lineId")].toString(), line.toObject());
    auto lines = db.execKept(
        QStringLiteral("SELECT line_id, product_id, sku, name, vat_class, vat_basis_points, "
                       "quantity, line_total_cents, returned_quantity FROM sale_lines WHERE "
                       "sale_id = ? ORDER BY line_no"),
        { order.saleId });
    if (!lines)
        return lines.error();
    while (lines.value().next()) {
        auto &l = lines.value();
        Core::ReturnableLine line;
        line.lineId = l.value(0).toString();
        line.productId = l.value(1).toLongLong();
        line.sku = l.value(2).toString();
        line.name = l.value(3).toString();
        line.vatClass = vatClass(l.value(4).toString());
        line.vatBasisPoints = l.value(5).toInt();
        line.sold = l.value(6).toInt();
        line.lineTotal = Money::fromCents(l.value(7).toLongLong());
        line.returned = l.value(8).toInt();
        const QJsonObject extra = payloadLines.value(line.lineId);
        line.category = extra.value(QStringLiteral("category")).toString();
        line.giftCardNumber = extra.value(QStringLiteral("giftCardNumber")).toString();
        order.lines.append(line);
    }

    const QJsonArray payloadTenders = payload.value(QStringLiteral("tenders")).toArray();
    auto tenders = db.execKept(QStringLiteral("SELECT tender_no, method, amount_cents, "
                                              "refunded_cents, reference FROM sale_tenders WHERE "
                                              "sale_id = ? ORDER BY tender_no"),
        { order.saleId });
    if (!tenders)
        return tenders.error();
    while (tenders.value().next()) {
        auto &t = tenders.value();
        Core::OriginalTender tender;
        tender.method = t.value(1).toString();
        tender.amount = Money::fromCents(t.value(2).toLongLong());
        tender.refunded = Money::fromCents(t.value(3).toLongLong());
        tender.reference = t.value(4).toString();
        tender.at = order.soldAt;
        const int index = t.value(0).toInt() - 1;
        if (index >= 0 && index < payloadTenders.size())
            tender.points = payloadTenders.at(index)[QStringLiteral("points")].toInteger();
        order.tenders.append(tender);
    }
    // Points redeemed and given back by earlier returns (the return handler records them per
    // return); all of them went back through the one points tender.
    bool pointsTender = false;
    for (const Core::OriginalTender &t : std::as_const(order.tenders))
        pointsTender = pointsTender || t.points > 0;
    if (pointsTender) {
        auto given = db.exec(QStringLiteral("SELECT COALESCE(SUM(points_given_back), 0) FROM "
                                            "returns WHERE origin_number = ? AND "
                                            "origin_sale_id = ?"),
            { order.number, order.saleId });
        if (!given)
            return given.error();
        qint64 left = given.value().next() ? given.value().value(0).toLongLong() : 0;
        for (Core::OriginalTender &t : order.tenders) {
            const qint64 share = qMin(left, t.points);
            t.pointsGivenBack = share;
            left -= share;
        }
    }
    return std::optional<ReturnableOrder>(order);
}

Core::Result<std::optional<ReturnableOrder>> findReturn(
    ServerDatabase &db, const QString &number, const QString &returnId)
{
    auto q = returnId.isEmpty()
        ? db.exec(QStringLiteral("SELECT return_id, receipt_number, store_code, returned_at, "
                                 "total_cents FROM returns WHERE receipt_number = ?"),
            { number })
        : db.exec(QStringLiteral("SELECT return_id, receipt_number, store_code, returned_at, "
                                 "total_cents FROM returns WHERE return_id = ?"),
            { returnId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<ReturnableOrder>();
    ReturnableOrder order;
    order.origin = ReturnOrigin::StoreSale;
    order.saleId = q.value().value(0).toString();
    order.number = q.value().value(1).toString();
    order.storeCode = q.value().value(2).toString();
    order.soldAt = utc(q.value().value(3).toString());
    order.total = Money::fromCents(q.value().value(4).toLongLong());
    order.isReturn = true;
    return std::optional<ReturnableOrder>(order);
}

Core::Result<std::optional<ReturnableOrder>> findWebOrder(ServerDatabase &db, const QString &number)
{
    auto q
        = db.execKept(QStringLiteral("SELECT w.id, w.order_number, w.ordered_at, w.delivered_on, "
                                     "w.delivery_cents, w.delivery_refunded_cents, w.total_cents, "
                                     "w.customer_id, COALESCE(c.card_number, ''), "
                                     "COALESCE(c.tier, '') FROM web_orders w LEFT JOIN customers "
                                     "c ON c.id = w.customer_id WHERE w.order_number = ?"),
            { number });
    if (!q)
        return q.error();
    auto &w = q.value();
    if (!w.next())
        return std::optional<ReturnableOrder>();
    ReturnableOrder order;
    order.origin = ReturnOrigin::WebOrder;
    const qint64 orderId = w.value(0).toLongLong();
    order.saleId = QString::number(orderId);
    order.number = w.value(1).toString();
    order.soldAt = utc(w.value(2).toString());
    if (const QDate delivered = QDate::fromString(w.value(3).toString(), Qt::ISODate);
        delivered.isValid())
        order.deliveredOn = delivered;
    order.deliveryCost = Money::fromCents(w.value(4).toLongLong());
    order.deliveryRefunded = w.value(5).toLongLong() > 0;
    order.total = Money::fromCents(w.value(6).toLongLong());
    if (const qint64 customerId = w.value(7).toLongLong(); customerId != 0)
        order.customer
            = Core::SaleCustomer { customerId, w.value(8).toString(), w.value(9).toString() };

    auto lines = db.execKept(
        QStringLiteral("SELECT line_id, product_id, sku, name, category, vat_class, "
                       "vat_basis_points, quantity, line_total_cents, returned_quantity FROM "
                       "web_order_lines WHERE order_id = ? ORDER BY line_no"),
        { orderId });
    if (!lines)
        return lines.error();
    while (lines.value().next()) {
        auto &l = lines.value();
        Core::ReturnableLine line;
        line.lineId = l.value(0).toString();
        line.productId = l.value(1).toLongLong();
        line.sku = l.value(2).toString();
        line.name = l.value(3).toString();
        line.category = l.value(4).toString();
        line.vatClass = vatClass(l.value(5).toString());
        line.vatBasisPoints = l.value(6).toInt();
        line.sold = l.value(7).toInt();
        line.lineTotal = Money::fromCents(l.value(8).toLongLong());
        line.returned = l.value(9).toInt();
        order.lines.append(line);
    }
    auto tenders = db.execKept(QStringLiteral("SELECT method, amount_cents, refunded_cents, "
                                              "reference, paid_at FROM web_order_tenders WHERE "
                                              "order_id = ? ORDER BY tender_no"),
        { orderId });
    if (!tenders)
        return tenders.error();
    while (tenders.value().next()) {
        auto &t = tenders.value();
        Core::OriginalTender tender;
        tender.method = t.value(0).toString();
        tender.amount = Money::fromCents(t.value(1).toLongLong());
        tender.refunded = Money::fromCents(t.value(2).toLongLong());
        tender.reference = t.value(3).toString();
        tender.at = utc(t.value(4).toString());
        if (!tender.at.isValid())
            tender.at = order.soldAt;
        order.tenders.append(tender);
    }
    return std::optional<ReturnableOrder>(order);
}

using Finder = std::function<Core::Result<std::optional<ReturnableOrder>>()>;

} // namespace

Core::Result<QString> chainTag(ServerDatabase &db)
{
    auto q = db.exec(QStringLiteral("SELECT name FROM chain WHERE id = 1"));
    if (!q)
        return q.error();
    const QString name = q.value().next() ? q.value().value(0).toString() : QString();
    QString tag;
    for (const QChar c : name) {
        if (!c.isSpace())
            tag.append(c.toUpper());
    }
    return tag;
}

Core::Result<ReturnableOrder> loadReturnableOrder(
    ServerDatabase &db, ReturnOrigin origin, const QString &number, const QString &saleId)
{
    auto found = origin == ReturnOrigin::WebOrder ? findWebOrder(db, number)
                                                  : findSale(db, number, saleId);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound(number);
    return *found.value();
}

Core::Result<ReturnableOrder> loadReturnableOrder(ServerDatabase &db, const QString &codeText)
{
    const Core::ReturnCode code = Core::parseReturnCode(codeText);
    QList<Finder> finders;
    bool receiptShaped = false;
    switch (code.kind) {
    case Core::ReturnCode::Kind::Invalid:
        return Error::make(QStringLiteral("return.invalid_code"),
            Core::Tr::tr("This code is not a receipt, return or web order number."),
            codeText.left(80));
    case Core::ReturnCode::Kind::WebOrder: {
        auto tag = chainTag(db);
        if (!tag)
            return tag.error();
        if (code.chainTag != tag.value())
            return otherChain(QStringLiteral("web order tag %1, ours %2")
                                  .arg(code.chainTag.left(40), tag.value()));
        finders.append([&] { return findWebOrder(db, code.number); });
        break;
    }
    case Core::ReturnCode::Kind::Receipt:
        receiptShaped = true;
        finders.append([&] { return findSale(db, code.number, code.id); });
        break;
    case Core::ReturnCode::Kind::ReturnReceipt:
        receiptShaped = true;
        finders.append([&] { return findReturn(db, code.number, code.id); });
        break;
    case Core::ReturnCode::Kind::Typed:
        finders.append([&] { return findSale(db, code.number, QString()); });
        finders.append([&] { return findReturn(db, code.number, QString()); });
        finders.append([&] { return findWebOrder(db, code.number); });
        break;
    }
    for (const Finder &find : finders) {
        auto found = find();
        if (!found)
            return found.error();
        if (found.value())
            return *found.value();
    }
    // Not ours: a receipt number naming a store this chain does not have.
    const QString store = receiptStoreCode(code.number);
    if (!store.isEmpty() || receiptShaped) {
        const QString storeCode
            = store.isEmpty() ? code.number.section(QLatin1Char('-'), 0, 0) : store;
        auto ours = isOurStore(db, storeCode);
        if (!ours)
            return ours.error();
        if (!ours.value())
            return otherChain(QStringLiteral("store code %1 is not ours").arg(storeCode.left(40)));
    }
    return notFound(code.number);
}

Core::Result<Core::ReturnPolicy> loadReturnPolicy(ServerDatabase &db, qint64 locationId)
{
    auto q = db.execKept(
        QStringLiteral("SELECT location_id, web_withdrawal_days, default_window_days, "
                       "category_windows, final_sale_categories, receipt_required, "
                       "store_credit_allowed, gift_card_allowed FROM return_policies WHERE "
                       "location_id IN (?, 0) ORDER BY location_id DESC"),
        { locationId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return Core::ReturnPolicy::defaults();
    auto &p = q.value();
    Core::ReturnPolicy policy;
    policy.webWithdrawalDays = qMax(14, p.value(1).toInt());
    policy.defaultWindowDays = p.value(2).toInt();
    const QJsonObject windows = QJsonDocument::fromJson(p.value(3).toString().toUtf8()).object();
    for (auto it = windows.constBegin(); it != windows.constEnd(); ++it)
        policy.windowDaysByCategory.insert(it.key(), it.value().toInt());
    for (const QJsonValue &category :
        QJsonDocument::fromJson(p.value(4).toString().toUtf8()).array())
        policy.finalSaleCategories.append(category.toString());
    policy.receiptRequired = p.value(5).toInt() != 0;
    policy.storeCreditForStoreSales = p.value(6).toInt() != 0;
    policy.giftCardForStoreSales = p.value(7).toInt() != 0;
    return policy;
}

} // namespace Toonbank::Sync::Server
