#include "receiptservice.h"

#include "session.h"

#include "app/core/customerrules.h"
#include "app/core/tr.h"
#include "app/devices/receiptpdf.h"
#include "app/devices/receiptprinter.h"
#include "app/store/outbox.h"
#include "sync/protocol/eventtype.h"
#include "sync/protocol/receiptemail.h"

#include <QJsonDocument>

namespace Toonbank::Services {

ReceiptService::ReceiptService(Store::LocalDatabase &database, SaleService &sales, Session &session,
    const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_sales(sales)
    , m_session(session)
    , m_clock(clock)
{ }

ReceiptService::~ReceiptService() = default;

Core::Result<QByteArray> ReceiptService::pdf(const CompletedSale &sale, const QLocale &locale) const
{
    const Devices::ReceiptData receipt = m_sales.receiptFor(sale, locale);
    return Devices::ReceiptPdf::render(
        Devices::ReceiptLayout::layout(receipt), receipt.receiptNumber);
}

Core::Result<QString> ReceiptService::checkAddress(const QString &address)
{
    Core::Result<QString> normalised = Core::normaliseEmail(address);
    if (normalised && Sync::Protocol::isMailableAddress(normalised.value()))
        return normalised;
    return Core::Error::make(QStringLiteral("receipt.email_invalid"),
        tr("\"%1\" is not an e-mail address we can send the receipt to. Check it with the "
           "customer.")
            .arg(address.trimmed().left(60)),
        normalised ? QStringLiteral("characters an e-mail header cannot carry")
                   : normalised.error().detail);
}

Core::Status ReceiptService::email(
    const CompletedSale &sale, const QString &address, const QString &language, bool resend)
{
    if (sale.saleId.isEmpty() || sale.receiptNumber.isEmpty()) {
        if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
            return allowed;
        if (Core::Result<QString> normalised = checkAddress(address); !normalised)
            return normalised.error();
        return Core::Error::make(QStringLiteral("receipt.no_sale"),
            tr("There is no finished sale to send a receipt for."));
    }
    return queueEmail(sale.saleId, sale.receiptNumber,
        sale.location.code.isEmpty() ? sale.sale.storeCode : sale.location.code, sale.staff.id,
        address, language, resend, [&](const QLocale &locale) { return pdf(sale, locale); });
}

Core::Status ReceiptService::email(
    const CompletedReturn &ret, const QString &address, const QString &language, bool resend)
{
    if (ret.ret.returnId.isEmpty() || ret.receiptNumber.isEmpty()) {
        if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
            return allowed;
        return Core::Error::make(QStringLiteral("receipt.no_sale"),
            tr("There is no finished return to send a receipt for."));
    }
    return queueEmail(ret.ret.returnId, ret.receiptNumber, ret.ret.storeCode, ret.ret.staffId,
        address, language, resend, [&](const QLocale &locale) { return pdf(ret, locale); });
}

Devices::ReceiptData ReceiptService::receiptFor(
    const CompletedReturn &ret, const Store::Location &location, const QLocale &locale)
{
    Devices::ReceiptStoreInfo store;
    store.storeName = ret.storeName.isEmpty() ? location.name : ret.storeName;
    store.storeAddress = location.address;
    store.storeCity = location.city;
    store.vatNumber = location.vatNumber;
    store.staffName = ret.staffName;
    store.locale = locale;
    Core::Return printed = ret.ret;
    printed.receiptNumber = ret.receiptNumber;
    return Devices::returnReceiptData(printed, store);
}

Core::Result<QByteArray> ReceiptService::pdf(
    const CompletedReturn &ret, const QLocale &locale) const
{
    const Devices::ReceiptData receipt = receiptFor(ret, m_sales.location(), locale);
    return Devices::ReceiptPdf::render(
        Devices::ReceiptLayout::layout(receipt), receipt.receiptNumber);
}

Core::Status ReceiptService::print(const CompletedReturn &ret, bool duplicate)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Refund); !allowed)
        return allowed;
    Devices::ReceiptPrinter *printer = m_sales.receiptPrinter();
    if (!printer)
        return Core::Error::make(
            QStringLiteral("printer.none"), tr("No receipt printer is connected to this tablet."));
    Devices::ReceiptData receipt = receiptFor(ret, m_sales.location());
    receipt.duplicate = duplicate;
    return printer->print(Devices::ReceiptLayout::layout(receipt));
}

Core::Status ReceiptService::queueEmail(const QString &id, const QString &receiptNumber,
    const QString &storeCode, qint64 staffId, const QString &address, const QString &language,
    bool resend, const Renderer &render)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    Core::Result<QString> normalised = checkAddress(address);
    if (!normalised)
        return normalised.error();
    QString lang = language.trimmed().toLower();
    if (lang.isEmpty())
        lang = QLocale().language() == QLocale::English ? QStringLiteral("en")
                                                        : QStringLiteral("nl");
    if (lang != QLatin1String("nl") && lang != QLatin1String("en"))
        lang = QStringLiteral("en");
    const QLocale locale = lang == QLatin1String("nl")
        ? QLocale(QLocale::Dutch, QLocale::Netherlands)
        : QLocale(QLocale::English, QLocale::Netherlands);
    Core::Result<QByteArray> rendered = render(locale);
    if (!rendered)
        return rendered.error();
    if (rendered->size() > Sync::Protocol::maxReceiptPdfBytes)
        return Core::Error::make(QStringLiteral("receipt.pdf_failed"),
            tr("The receipt is too long to send by e-mail."),
            QStringLiteral("PDF of %1 bytes").arg(rendered->size()));

    Sync::Protocol::ReceiptEmail event;
    event.saleId = id;
    event.receiptNumber = receiptNumber;
    event.storeCode = storeCode;
    event.address = normalised.value();
    event.language = lang;
    event.requestedAt = m_clock.nowUtc();
    event.resend = resend;
    event.pdf = rendered.value();
    // The same strict parser the server runs: an event the server would refuse never queues.
    const QJsonObject json = event.toJson();
    if (Core::Result<Sync::Protocol::ReceiptEmail> check
        = Sync::Protocol::ReceiptEmail::fromJson(json);
        !check)
        return Core::Error::make(check.error().code,
            tr("The receipt could not be queued for e-mail."), check.error().detail);

    Store::Outbox outbox(m_db);
    Core::Result<QString> queued
        = outbox.append(Sync::Protocol::name(Sync::Protocol::EventType::ReceiptEmail),
            m_session.staff() ? m_session.staff()->id : staffId, event.requestedAt,
            QJsonDocument(json).toJson(QJsonDocument::Compact), Store::Outbox::Privacy::Personal);
    if (!queued)
        return queued.error();
    emit emailQueued(receiptNumber);
    return Core::success();
}

} // namespace Toonbank::Services
