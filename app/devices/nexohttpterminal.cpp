#include "nexo.h"
#include "paymentterminal.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSet>

#include <functional>

namespace Toonbank::Devices {

Q_LOGGING_CATEGORY(lcTerminal, "toonbank.terminal")

namespace {

/// What came back over HTTP: a body to parse, or why there is none.
struct HttpOutcome
{
    TerminalOutcome failure = TerminalOutcome::Invalid; // when !ok
    bool ok = false;
    QByteArray body;
    QString detail;
};

HttpOutcome readReply(QNetworkReply *reply, int timeoutMs)
{
    HttpOutcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer at all: refused, reset, timed out. The outcome is unknown.
        outcome.failure = TerminalOutcome::Unreachable;
        outcome.detail = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("no answer within %1 ms").arg(timeoutMs)
            : QStringLiteral("no answer: %1").arg(reply->errorString());
        return outcome;
    }
    const int code = status.toInt();
    outcome.body = reply->readAll();
    if (code >= 500) {
        // The terminal (or its HTTP front) could not take the request now.
        outcome.failure = TerminalOutcome::Unreachable;
        outcome.detail = QStringLiteral("HTTP %1 from the terminal").arg(code);
        return outcome;
    }
    if (code != 200) {
        outcome.failure = TerminalOutcome::Invalid;
        outcome.detail = QStringLiteral("HTTP %1 from the terminal: %2")
                             .arg(code)
                             .arg(QString::fromUtf8(outcome.body.left(120)));
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

} // namespace

struct NexoHttpTerminal::Private
{
    explicit Private(NexoHttpTerminal *terminal)
        : q(terminal)
    { }
    NexoHttpTerminal *q;
    QNetworkAccessManager network;
    QSet<QNetworkReply *> replies;
    QString runningPayment; // ServiceID of the payment in flight, empty when idle

    Nexo::Header header(Nexo::Category category, const QString &serviceId) const
    {
        Nexo::Header h;
        h.category = category;
        h.serviceId = serviceId;
        h.saleId = q->m_config.saleId;
        h.poiId = q->m_config.poiId;
        return h;
    }

    void post(const QByteArray &body, int timeoutMs, std::function<void(const HttpOutcome &)> done)
    {
        QNetworkRequest request(q->m_config.endpoint);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(timeoutMs);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        QNetworkReply *reply = network.post(request, body);
        replies.insert(reply);
        QObject::connect(reply, &QNetworkReply::finished, q, [this, reply, timeoutMs, done] {
            replies.remove(reply);
            reply->deleteLater();
            done(readReply(reply, timeoutMs));
        });
    }

    /// Emits from the event loop, never from inside the caller's call.
    void later(std::function<void()> emitter)
    {
        QMetaObject::invokeMethod(q, std::move(emitter), Qt::QueuedConnection);
    }
};

NexoHttpTerminal::NexoHttpTerminal(Config config, QObject *parent)
    : PaymentTerminal(parent)
    , m_config(std::move(config))
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<CardPaymentResult>();
    qRegisterMetaType<ReversalResult>();
    d->network.setProxy(QNetworkProxy::NoProxy);
    if (m_config.saleId.isEmpty())
        m_config.saleId = QStringLiteral("TOONBANK");
}

NexoHttpTerminal::~NexoHttpTerminal()
{
    // No signal may reach a half-destroyed terminal.
    const auto replies = d->replies;
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        delete reply;
    }
}

void NexoHttpTerminal::startPayment(const CardPaymentRequest &request)
{
    if (!d->runningPayment.isEmpty()) {
        CardPaymentResult busy;
        busy.serviceId = request.serviceId;
        busy.outcome = TerminalOutcome::Busy;
        busy.errorCondition = QStringLiteral("Busy");
        busy.message = QStringLiteral("payment %1 still runs; %2 was not sent")
                           .arg(d->runningPayment, request.serviceId);
        qCInfo(lcTerminal).noquote() << busy.message;
        d->later([this, busy] { emit paymentFinished(busy); });
        return;
    }
    if (request.serviceId.isEmpty() || request.serviceId.size() > 10
        || request.amount.cents() <= 0) {
        CardPaymentResult refused;
        refused.serviceId = request.serviceId;
        refused.outcome = TerminalOutcome::Declined;
        refused.errorCondition = QStringLiteral("MessageFormat");
        refused.message = QStringLiteral("not sent: ServiceID must be 1..10 characters and the "
                                         "amount positive (ServiceID %1, %2 cents)")
                              .arg(request.serviceId)
                              .arg(request.amount.cents());
        d->later([this, refused] { emit paymentFinished(refused); });
        return;
    }
    d->runningPayment = request.serviceId;
    const QByteArray body
        = Nexo::paymentRequest(d->header(Nexo::Category::Payment, request.serviceId), request,
            QDateTime::currentDateTimeUtc());
    qCInfo(lcTerminal).noquote() << "payment" << request.serviceId << request.amount.cents()
                                 << "cents for sale" << request.saleTransactionId;
    emit displayChanged(tr("Insert, tap or swipe the card on the terminal"));
    const Nexo::Expected expected { request.serviceId, m_config.saleId };
    d->post(body, m_config.paymentTimeoutMs, [this, expected](const HttpOutcome &http) {
        CardPaymentResult result;
        if (http.ok)
            result = Nexo::parsePaymentResponse(http.body, expected);
        else {
            result.serviceId = expected.serviceId;
            result.outcome = http.failure;
            result.message = http.detail;
        }
        if (result.outcome == TerminalOutcome::Invalid
            || result.outcome == TerminalOutcome::Unreachable)
            qCWarning(lcTerminal).noquote()
                << "payment" << expected.serviceId << name(result.outcome) << result.message;
        else
            qCInfo(lcTerminal).noquote() << "payment" << expected.serviceId << name(result.outcome)
                                         << result.errorCondition << result.message;
        d->runningPayment.clear();
        emit displayChanged(QString());
        emit paymentFinished(result);
    });
}

void NexoHttpTerminal::abort(const QString &serviceId)
{
    const QString own = Nexo::newServiceId();
    qCInfo(lcTerminal).noquote() << "abort of payment" << serviceId << "as" << own;
    d->post(Nexo::abortRequest(d->header(Nexo::Category::Abort, own), serviceId),
        m_config.requestTimeoutMs, [serviceId](const HttpOutcome &http) {
            // The payment itself answers through paymentFinished; this only logs.
            if (!http.ok)
                qCWarning(lcTerminal).noquote()
                    << "abort of payment" << serviceId << "not delivered:" << http.detail;
        });
}

void NexoHttpTerminal::requestStatus(const QString &serviceId)
{
    const QString own = Nexo::newServiceId();
    const Nexo::Expected expected { own, m_config.saleId };
    d->post(Nexo::transactionStatusRequest(
                d->header(Nexo::Category::TransactionStatus, own), serviceId),
        m_config.requestTimeoutMs, [this, expected, serviceId](const HttpOutcome &http) {
            CardPaymentResult result;
            if (http.ok)
                result = Nexo::parseTransactionStatusResponse(http.body, expected, serviceId);
            else {
                result.serviceId = serviceId;
                result.outcome = http.failure;
                result.message = http.detail;
            }
            qCInfo(lcTerminal).noquote()
                << "status of payment" << serviceId << name(result.outcome) << result.message;
            emit statusReceived(serviceId, result);
        });
}

void NexoHttpTerminal::reverse(const ReversalRequest &request)
{
    const Nexo::Expected expected { request.serviceId, m_config.saleId };
    qCInfo(lcTerminal).noquote() << "reversal" << request.serviceId << "of"
                                 << request.originalPoiTransactionId << request.amount.cents()
                                 << "cents";
    d->post(Nexo::reversalRequest(d->header(Nexo::Category::Reversal, request.serviceId), request),
        m_config.requestTimeoutMs, [this, expected, request](const HttpOutcome &http) {
            ReversalResult result;
            if (http.ok) {
                result = Nexo::parseReversalResponse(http.body, expected);
                if (result.outcome == TerminalOutcome::Approved && result.amount.isZero())
                    result.amount = request.amount; // ReversedAmount is optional in nexo
            } else {
                result.serviceId = request.serviceId;
                result.outcome = http.failure;
                result.message = http.detail;
            }
            qCInfo(lcTerminal).noquote() << "reversal" << request.serviceId << name(result.outcome)
                                         << result.errorCondition << result.message;
            emit reversalFinished(result);
        });
}

} // namespace Toonbank::Devices
