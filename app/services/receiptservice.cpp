#include "receiptservice.h"

#include "session.h"

#include "app/core/customerrules.h"
#include "app/core/tr.h"
#include "app/devices/receiptpdf.h"
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
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    Core::Result<QString> normalised = checkAddress(address);
    if (!normalised)
        return normalised.error();
    if (sale.saleId.isEmpty() || sale.receiptNumber.isEmpty())
        return Core::Error::make(QStringLiteral("receipt.no_sale"),
            tr("There is no finished sale to send a receipt for."));
    QString lang = language.trimmed().toLower();
    if (lang.isEmpty())
        lang = QLocale().language() == QLocale::English ? QStringLiteral("en")
                                                        : QStringLiteral("nl");
    if (lang != QLatin1String("nl") && lang != QLatin1String("en"))
        lang = QStringLiteral("en");
    const QLocale locale = lang == QLatin1String("nl")
        ? QLocale(QLocale::Dutch, QLocale::Netherlands)
        : QLocale(QLocale::English, QLocale::Netherlands);
    Core::Result<QByteArray> rendered = pdf(sale, locale);
    if (!rendered)
        return rendered.error();
    if (rendered->size() > Sync::Protocol::maxReceiptPdfBytes)
        return Core::Error::make(QStringLiteral("receipt.pdf_failed"),
            tr("The receipt is too long to send by e-mail."),
            QStringLiteral("PDF of %1 bytes").arg(rendered->size()));

    Sync::Protocol::ReceiptEmail event;
    event.saleId = sale.saleId;
    event.receiptNumber = sale.receiptNumber;
    event.storeCode = sale.location.code.isEmpty() ? sale.sale.storeCode : sale.location.code;
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
            m_session.staff() ? m_session.staff()->id : sale.staff.id, event.requestedAt,
            QJsonDocument(json).toJson(QJsonDocument::Compact), Store::Outbox::Privacy::Personal);
    if (!queued)
        return queued.error();
    emit emailQueued(sale.receiptNumber);
    return Core::success();
}

} // namespace Toonbank::Services
