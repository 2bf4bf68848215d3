#include "checkoutservice.h"

#include "session.h"

#include "app/core/cashrounding.h"
#include "app/core/tr.h"
#include "app/devices/cashdrawer.h"
#include "app/devices/receiptprinter.h"
#include "app/store/catalog.h"
#include "app/store/localdatabase.h"
#include "app/store/parkedbaskets.h"
#include "app/store/salesledger.h"
#include "sync/protocol/saleevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Toonbank::Services {

using Core::Error;
using Core::Money;

namespace {

QJsonObject lineToJson(const Core::BasketLine &line)
{
    return {
        { QStringLiteral("productId"), line.productId },
        { QStringLiteral("sku"), line.sku },
        { QStringLiteral("name"), line.name },
        { QStringLiteral("unitPriceCents"), line.unitPrice.cents() },
        { QStringLiteral("regularPriceCents"), line.regularPrice.cents() },
        { QStringLiteral("quantity"), line.quantity },
        { QStringLiteral("vatClass"), line.vatRate.vatClass },
        { QStringLiteral("lineDiscountCents"), line.lineDiscount.cents() },
    };
}

} // namespace

CheckoutService::CheckoutService(
    Store::LocalDatabase &database, Store::Catalog &catalog, Session &session, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_catalog(catalog)
    , m_session(session)
    , m_ledger(std::make_unique<Store::SalesLedger>(database))
    , m_parked(std::make_unique<Store::ParkedBaskets>(database))
    , m_vatTable(Core::VatTable::builtIn())
{
    if (Core::Result<Store::Location> here = catalog.location(catalog.hereLocationId()))
        m_location = here.value();
    else
        m_location.id = catalog.hereLocationId();
}

CheckoutService::~CheckoutService() = default;

Core::Result<Core::BasketLine> CheckoutService::lineFor(const Store::ProductSummary &product) const
{
    Core::Result<Core::VatRate> rate
        = m_vatTable.rateFor(m_location.country, product.vatClass, QDate::currentDate());
    if (!rate)
        return rate.error();
    Core::BasketLine line;
    line.productId = product.id;
    line.sku = product.sku;
    line.name = product.name;
    line.unitPrice = product.effectivePrice();
    line.regularPrice = product.price;
    line.quantity = 1;
    line.vatRate = rate.value();
    return line;
}

Core::Result<int> CheckoutService::addSummary(const Store::ProductSummary &product)
{
    Core::Result<Core::BasketLine> line = lineFor(product);
    if (!line)
        return line.error();
    const int index = m_basket.add(line.value());
    emit basketChanged();
    return index;
}

Core::Result<int> CheckoutService::addScannedCode(const QString &code)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<Store::ProductSummary> product
        = m_catalog.findByBarcode(code.trimmed(), QDate::currentDate());
    if (!product)
        return product.error();
    return addSummary(product.value());
}

Core::Result<QList<Store::ProductSummary>> CheckoutService::search(
    const QString &text, int limit) const
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    return m_catalog.search(text, QDate::currentDate(), limit);
}

Core::Result<int> CheckoutService::addProduct(qint64 productId)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<Store::ProductDetail> detail = m_catalog.product(productId);
    if (!detail)
        return detail.error();
    const Store::ProductRecord &record = detail->record;
    const QDate today = QDate::currentDate();
    Store::ProductSummary summary;
    summary.id = record.id;
    summary.sku = record.sku;
    summary.name = record.name;
    summary.brand = record.brand;
    summary.vatClass = record.vatClass;
    summary.price = record.price;
    if (record.promoActiveOn(today))
        summary.promoPrice = record.promoPrice;
    return addSummary(summary);
}

Core::Status CheckoutService::setQuantity(int lineIndex, int quantity)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed;
    if (quantity < 0 || quantity > 9999)
        return Error::make(
            QStringLiteral("basket.bad_quantity"), tr("A quantity must be between 0 and 9999."));
    if (!m_basket.setQuantity(lineIndex, quantity))
        return Error::make(
            QStringLiteral("basket.no_line"), tr("This line is no longer in the basket."));
    emit basketChanged();
    return Core::success();
}

Core::Status CheckoutService::remove(int lineIndex)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed;
    if (!m_basket.remove(lineIndex))
        return Error::make(
            QStringLiteral("basket.no_line"), tr("This line is no longer in the basket."));
    emit basketChanged();
    return Core::success();
}

Core::Status CheckoutService::clear()
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed;
    m_basket.clear();
    emit basketChanged();
    return Core::success();
}

CashQuote CheckoutService::cashQuote() const
{
    CashQuote quote;
    quote.total = m_basket.totals().total;
    quote.due = m_location.cashRounding ? Core::roundToFiveCents(quote.total) : quote.total;
    quote.rounding = quote.due - quote.total;
    return quote;
}

Core::Status CheckoutService::park(const QString &label)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed;
    if (m_basket.isEmpty())
        return Error::make(QStringLiteral("basket.empty"), tr("The basket is empty."));
    QJsonArray lines;
    for (const Core::BasketLine &line : m_basket.lines())
        lines.append(lineToJson(line));
    const QByteArray json = QJsonDocument(
        QJsonObject { { QStringLiteral("lines"),
            lines } }).toJson(QJsonDocument::Compact);
    Core::Result<qint64> parked
        = m_parked->park(m_session.staff()->id, label, json, QDateTime::currentDateTimeUtc());
    if (!parked)
        return parked.error();
    m_basket.clear();
    emit basketChanged();
    return Core::success();
}

namespace {

Core::Basket basketFromJson(const QByteArray &json,
    const std::function<Core::Result<Core::VatRate>(const QString &)> &rate, Core::Error *error)
{
    Core::Basket basket;
    const QJsonArray lines
        = QJsonDocument::fromJson(json).object().value(QStringLiteral("lines")).toArray();
    for (const QJsonValue &value : lines) {
        const QJsonObject object = value.toObject();
        Core::BasketLine line;
        line.productId = object.value(QStringLiteral("productId")).toInteger();
        line.sku = object.value(QStringLiteral("sku")).toString();
        line.name = object.value(QStringLiteral("name")).toString();
        line.unitPrice
            = Money::fromCents(object.value(QStringLiteral("unitPriceCents")).toInteger());
        line.regularPrice
            = Money::fromCents(object.value(QStringLiteral("regularPriceCents")).toInteger());
        line.quantity = object.value(QStringLiteral("quantity")).toInt();
        line.lineDiscount
            = Money::fromCents(object.value(QStringLiteral("lineDiscountCents")).toInteger());
        // VAT follows the law on the day of the sale, not the day the basket was parked.
        Core::Result<Core::VatRate> vat = rate(object.value(QStringLiteral("vatClass")).toString());
        if (!vat) {
            *error = vat.error();
            return {};
        }
        line.vatRate = vat.value();
        basket.add(line);
    }
    return basket;
}

} // namespace

Core::Result<QList<ParkedSummary>> CheckoutService::listParked() const
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<QList<Store::ParkedBasket>> parked = m_parked->list();
    if (!parked)
        return parked.error();
    QList<ParkedSummary> summaries;
    for (const Store::ParkedBasket &basket : parked.value()) {
        ParkedSummary summary { basket.id, basket.parkedAt, basket.label, 0, {} };
        const QJsonArray lines = QJsonDocument::fromJson(basket.basketJson)
                                     .object()
                                     .value(QStringLiteral("lines"))
                                     .toArray();
        for (const QJsonValue &value : lines) {
            const QJsonObject line = value.toObject();
            const int quantity = line.value(QStringLiteral("quantity")).toInt();
            summary.itemCount += quantity;
            summary.total
                += Money::fromCents(line.value(QStringLiteral("unitPriceCents")).toInteger())
                    * quantity
                - Money::fromCents(line.value(QStringLiteral("lineDiscountCents")).toInteger());
        }
        summaries.append(summary);
    }
    return summaries;
}

Core::Status CheckoutService::resume(qint64 parkedId)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed;
    if (!m_basket.isEmpty())
        return Error::make(QStringLiteral("basket.not_empty"),
            tr("Finish or park the current sale before resuming another one."));
    Core::Result<QList<Store::ParkedBasket>> parked = m_parked->list();
    if (!parked)
        return parked.error();
    auto rate = [this](const QString &vatClass) {
        return m_vatTable.rateFor(m_location.country, vatClass, QDate::currentDate());
    };
    for (const Store::ParkedBasket &candidate : parked.value()) {
        if (candidate.id != parkedId)
            continue;
        // Rebuild first, remove after: a basket that cannot be rebuilt stays parked.
        Core::Error error;
        Core::Basket basket = basketFromJson(candidate.basketJson, rate, &error);
        if (!error.code.isEmpty())
            return error;
        Core::Result<Store::ParkedBasket> taken = m_parked->take(parkedId);
        if (!taken)
            return taken.error();
        m_basket = basket;
        emit basketChanged();
        return Core::success();
    }
    return Error::make(
        QStringLiteral("parked.unknown"), tr("This parked sale was already resumed."));
}

Core::Result<CompletedSale> CheckoutService::payCash(Money tendered)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    if (m_basket.isEmpty())
        return Error::make(QStringLiteral("basket.empty"), tr("The basket is empty."));
    const CashQuote quote = cashQuote();
    if (quote.due.isNegative())
        return Error::make(
            QStringLiteral("pay.negative"), tr("A sale with a negative total needs a refund."));
    if (tendered < quote.due)
        return Error::make(QStringLiteral("pay.insufficient"),
            tr("%1 is not enough: %2 is due.")
                .arg(tendered.toDisplayString(), quote.due.toDisplayString()));

    CompletedSale sale;
    sale.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.soldAt = QDateTime::currentDateTimeUtc();
    sale.lines = m_basket.lines();
    sale.totals = m_basket.totals();
    sale.cash = quote;
    sale.tendered = tendered;
    sale.change = tendered - quote.due;
    sale.staff = *m_session.staff();
    sale.location = m_location;

    // The wire form is Core::Sale (protocol 2). Minimal mapping until checkout builds a
    // Core::Sale itself: a line discount travels as a manual adjustment.
    Core::Sale event;
    event.saleId = sale.saleId;
    event.storeCode = m_location.code;
    event.soldAt = sale.soldAt;
    event.staffId = sale.staff.id;
    event.total = quote.total;
    event.rounding = quote.rounding;
    event.tenders.append({ Core::TenderMethod::Cash, quote.due, tendered, sale.change, {} });

    Store::LedgerSale ledger;
    ledger.saleUuid = sale.saleId;
    ledger.locationId = m_location.id;
    ledger.locationCode = m_location.code;
    ledger.staffId = sale.staff.id;
    ledger.soldAt = sale.soldAt;
    ledger.total = quote.total;
    ledger.rounding = quote.rounding;
    ledger.payments.append({ QStringLiteral("cash"), quote.due, tendered, sale.change, {} });
    for (const Core::BasketLine &line : sale.lines) {
        Core::SaleLine saleLine;
        saleLine.lineId = QStringLiteral("L%1").arg(event.lines.size() + 1);
        saleLine.productId = line.productId;
        saleLine.sku = line.sku;
        saleLine.name = line.name;
        saleLine.vatClass
            = Core::vatClassFromName(line.vatRate.vatClass).value_or(Core::VatClass::Standard);
        saleLine.vatRate = line.vatRate;
        saleLine.quantity = line.quantity;
        saleLine.unitPrice = line.unitPrice;
        saleLine.regularPrice = line.regularPrice;
        if (line.lineDiscount.cents() > 0)
            saleLine.adjustments.append({ Core::AdjustmentKind::Manual, QStringLiteral("manual"),
                tr("Discount"), line.lineDiscount, 0 });
        event.lines.append(saleLine);
        ledger.lines.append({ line.productId, line.sku, line.name, line.quantity, line.unitPrice,
            line.lineDiscount, line.lineTotal(), line.vatRate.vatClass, line.vatRate.basisPoints });
    }
    event.vat = Core::vatBreakdown(event.lines);
    for (const Core::VatBreakdown &vat : sale.totals.perRate) {
        ledger.vat.append({ vat.rate.basisPoints, vat.gross, vat.vat, vat.net });
    }

    // The payload is checked by the same validation the server runs, so a sale the server
    // would refuse never enters the outbox.
    Core::Error invalid;
    auto payload = [&event, &invalid](const QString &receiptNumber) {
        event.receiptNumber = receiptNumber;
        const QJsonObject json = Sync::Protocol::saleToJson(event);
        if (Core::Result<Core::Sale> check = Sync::Protocol::saleFromJson(json); !check) {
            invalid = check.error();
            return QByteArray();
        }
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    };
    Core::Result<Store::RecordedSale> recorded = m_ledger->record(ledger, payload);
    if (!invalid.code.isEmpty())
        return invalid;
    if (!recorded)
        return recorded.error();
    sale.receiptNumber = recorded->receiptNumber;

    m_basket.clear();
    emit basketChanged();
    emit saleCompleted(sale.receiptNumber);

    if (m_drawer)
        (void)m_drawer->open();
    if (m_printer) {
        const Core::Status printed
            = m_printer->print(Devices::ReceiptLayout::layout(receiptFor(sale)));
        if (!printed)
            sale.printError = printed.error().message;
    }
    return sale;
}

Core::Status CheckoutService::printReceipt(const CompletedSale &sale, bool duplicate)
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed;
    if (!m_printer)
        return Core::Error::make(QStringLiteral("printer.none"),
            Core::Tr::tr("No receipt printer is connected to this tablet."));
    Devices::ReceiptData receipt = receiptFor(sale);
    receipt.duplicate = duplicate;
    return m_printer->print(Devices::ReceiptLayout::layout(receipt));
}

Devices::ReceiptData CheckoutService::receiptFor(
    const CompletedSale &sale, const QLocale &locale) const
{
    Devices::ReceiptData receipt;
    receipt.storeName = sale.location.name;
    receipt.storeAddress = sale.location.address;
    receipt.storeCity = sale.location.city;
    receipt.soldAt = sale.soldAt.toLocalTime();
    receipt.staffName = sale.staff.displayName;
    receipt.receiptNumber = sale.receiptNumber;
    receipt.saleId = sale.saleId;
    for (const Core::BasketLine &line : sale.lines)
        receipt.lines.append({ line.name, line.quantity, line.unitPrice, line.lineTotal(),
            line.vatRate.toDisplayString() });
    for (const Core::VatBreakdown &vat : sale.totals.perRate)
        receipt.vat.append({ vat.rate.toDisplayString(), vat.net, vat.vat, vat.gross });
    receipt.total = sale.cash.total;
    receipt.rounding = sale.cash.rounding;
    receipt.paid = sale.cash.due;
    receipt.tendered = sale.tendered;
    receipt.change = sale.change;
    receipt.locale = locale;
    return receipt;
}

int CheckoutService::waitingEventCount() const
{
    return m_ledger->waitingEventCount();
}

} // namespace Toonbank::Services
