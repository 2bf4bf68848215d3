#include "terminalsimulator.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTcpSocket>

#include <array>
#include <utility>

namespace Toonbank::Devices::Sim {

Q_LOGGING_CATEGORY(lcSim, "toonbank.terminalsim")

namespace {

using Kind = Action::Kind;

constexpr std::array<std::pair<Kind, const char *>, 9> actionNames { {
    { Kind::Approve, "approve" },
    { Kind::Decline, "decline" },
    { Kind::Cancel, "cancel" },
    { Kind::Delay, "delay" },
    { Kind::LoseAnswer, "lose_answer" },
    { Kind::Busy, "busy" },
    { Kind::Reboot, "reboot" },
    { Kind::Garbage, "garbage" },
    { Kind::WrongServiceId, "wrong_service_id" },
} };

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorJson(const QString &message)
{
    return jsonBytes({ { QStringLiteral("error"), message } });
}

Nexo::Outcome failure(const QString &condition, const QString &text)
{
    return Nexo::Outcome { false, condition, text };
}

QJsonObject failedPayment(const Nexo::Outcome &outcome)
{
    Nexo::PaymentDetails details;
    details.outcome = outcome;
    return Nexo::paymentResponseBody(details);
}

QJsonObject failedReversal(const Nexo::Outcome &outcome)
{
    Nexo::ReversalDetails details;
    details.outcome = outcome;
    return Nexo::reversalResponseBody(details);
}

} // namespace

QString name(Action::Kind kind)
{
    for (const auto &[value, text] : actionNames)
        if (value == kind)
            return QLatin1String(text);
    return {};
}

std::optional<Action::Kind> actionKindFromName(const QString &text)
{
    for (const auto &[value, name] : actionNames)
        if (text == QLatin1String(name))
            return value;
    return std::nullopt;
}

QJsonObject Transaction::toJson() const
{
    QJsonObject object {
        { QStringLiteral("kind"), kind },
        { QStringLiteral("serviceId"), serviceId },
        { QStringLiteral("saleId"), saleId },
        { QStringLiteral("saleTransactionId"), saleTransactionId },
        { QStringLiteral("saleTimestamp"), Nexo::timestampToJson(saleTimestamp) },
        { QStringLiteral("amountCents"), amountCents },
        { QStringLiteral("state"), state },
        { QStringLiteral("reversedCents"), reversedCents },
        { QStringLiteral("poiTransactionId"), poiTransactionId },
        { QStringLiteral("poiTimestamp"), Nexo::timestampToJson(poiTimestamp) },
        { QStringLiteral("maskedPan"), maskedPan },
        { QStringLiteral("paymentBrand"), paymentBrand },
        { QStringLiteral("approvalCode"), approvalCode },
        { QStringLiteral("responseHeader"), responseHeader },
        { QStringLiteral("responseBody"), responseBody },
    };
    if (!originalPoiTransactionId.isEmpty())
        object.insert(QStringLiteral("originalPoiTransactionId"), originalPoiTransactionId);
    return object;
}

Transaction Transaction::fromJson(const QJsonObject &o)
{
    Transaction t;
    t.kind = o.value(QStringLiteral("kind")).toString();
    t.serviceId = o.value(QStringLiteral("serviceId")).toString();
    t.saleId = o.value(QStringLiteral("saleId")).toString();
    t.saleTransactionId = o.value(QStringLiteral("saleTransactionId")).toString();
    t.saleTimestamp
        = Nexo::timestampFromJson(o.value(QStringLiteral("saleTimestamp"))).value_or(QDateTime());
    t.amountCents = o.value(QStringLiteral("amountCents")).toInteger();
    t.state = o.value(QStringLiteral("state")).toString();
    t.reversedCents = o.value(QStringLiteral("reversedCents")).toInteger();
    t.poiTransactionId = o.value(QStringLiteral("poiTransactionId")).toString();
    t.poiTimestamp
        = Nexo::timestampFromJson(o.value(QStringLiteral("poiTimestamp"))).value_or(QDateTime());
    t.originalPoiTransactionId = o.value(QStringLiteral("originalPoiTransactionId")).toString();
    t.maskedPan = o.value(QStringLiteral("maskedPan")).toString();
    t.paymentBrand = o.value(QStringLiteral("paymentBrand")).toString();
    t.approvalCode = o.value(QStringLiteral("approvalCode")).toString();
    t.responseHeader = o.value(QStringLiteral("responseHeader")).toObject();
    t.responseBody = o.value(QStringLiteral("responseBody")).toObject();
    return t;
}

TerminalSimulator::TerminalSimulator(Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, [this] {
        if (m_running)
            finishRunning(m_running->then);
    });
    m_reversalDelay.setSingleShot(true);
    connect(&m_reversalDelay, &QTimer::timeout, this, [this] {
        if (!m_reversing)
            return;
        const Reversing reversing = *m_reversing;
        m_reversing.reset();
        settleReversal(reversing.request, reversing.socket, reversing.then);
    });
}

TerminalSimulator::~TerminalSimulator() = default;

bool TerminalSimulator::load(QString *error)
{
    if (m_options.statePath.isEmpty() || !QFile::exists(m_options.statePath))
        return true;
    QFile file(m_options.statePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(m_options.statePath, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("%1 is not a simulator state file: %2")
                     .arg(m_options.statePath, parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();
    m_counter = root.value(QStringLiteral("counter")).toInteger();
    m_transactions.clear();
    bool interrupted = false;
    for (const QJsonValue &value : root.value(QStringLiteral("transactions")).toArray()) {
        m_transactions.append(Transaction::fromJson(value.toObject()));
        Transaction &t = m_transactions.last();
        if (t.state == QLatin1String("in_progress") && t.kind == QLatin1String("reversal")) {
            // The terminal died while the reversal waited: nothing was given back.
            Nexo::Header header;
            header.category = Nexo::Category::Reversal;
            header.serviceId = t.serviceId;
            header.saleId = t.saleId;
            header.poiId = m_options.poiId;
            Nexo::ReversalDetails details;
            details.outcome = failure(QStringLiteral("Aborted"),
                QStringLiteral("interrupted: the terminal restarted during the reversal"));
            t.state = QStringLiteral("refused");
            t.responseHeader = Nexo::headerToJson(Nexo::responseHeader(header));
            t.responseBody = Nexo::reversalResponseBody(details);
            interrupted = true;
        } else if (t.state == QLatin1String("in_progress")) {
            // The terminal died during the payment: it never completed, nothing was charged.
            Nexo::Header header;
            header.category = Nexo::Category::Payment;
            header.serviceId = t.serviceId;
            header.saleId = t.saleId;
            header.poiId = m_options.poiId;
            settle(int(m_transactions.size()) - 1, header, QStringLiteral("aborted"),
                failure(QStringLiteral("Aborted"),
                    QStringLiteral("interrupted: the terminal restarted during the payment")));
            interrupted = true;
        }
    }
    if (interrupted)
        save();
    return true;
}

bool TerminalSimulator::save()
{
    if (m_options.statePath.isEmpty())
        return true;
    QJsonArray list;
    for (const Transaction &t : std::as_const(m_transactions))
        list.append(t.toJson());
    QSaveFile file(m_options.statePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCCritical(lcSim) << "cannot write" << m_options.statePath << file.errorString();
        return false;
    }
    file.write(jsonBytes(
        { { QStringLiteral("counter"), m_counter }, { QStringLiteral("transactions"), list } }));
    // QSaveFile writes a temporary file, syncs it and renames it over the old one.
    if (!file.commit()) {
        qCCritical(lcSim) << "cannot write" << m_options.statePath << file.errorString();
        return false;
    }
    return true;
}

QJsonArray TerminalSimulator::transactionsJson() const
{
    QJsonArray list;
    for (const Transaction &t : m_transactions) {
        QJsonObject o = t.toJson();
        o.remove(QStringLiteral("responseHeader"));
        o.remove(QStringLiteral("responseBody"));
        list.append(o);
    }
    return list;
}

void TerminalSimulator::send(
    QTcpSocket *socket, int status, const QByteArray &body, const QByteArray &contentType)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    // One answer per connection: the simulator answers some requests later than others, so it
    // never keeps a connection alive for a next request.
    QByteArray message = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body;
    socket->write(message);
    socket->disconnectFromHost();
}

bool TerminalSimulator::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    if (path == QLatin1String("/nexo")) {
        if (request.method() != QHttpServerRequest::Method::Post)
            send(socket, 405, errorJson(QStringLiteral("POST a SaleToPOIRequest")));
        else
            handleNexo(request, socket);
        return true;
    }
    if (path.startsWith(QLatin1String("/control/"))) {
        handleControl(request, socket);
        return true;
    }
    return false;
}

void TerminalSimulator::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    send(socket, 404, errorJson(QStringLiteral("no such resource")));
}

void TerminalSimulator::handleControl(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (path == QLatin1String("/control/next") && post) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const auto kind = actionKindFromName(body.value(QStringLiteral("action")).toString());
        const auto then = actionKindFromName(
            body.value(QStringLiteral("then")).toString(QStringLiteral("approve")));
        const int seconds = body.value(QStringLiteral("seconds")).toInt(-1);
        if (!kind || !then || (*then != Kind::Approve && *then != Kind::Decline)) {
            send(socket, 400,
                errorJson(QStringLiteral("action must be one of approve, decline, cancel, delay, "
                                         "lose_answer, busy, reboot, garbage, wrong_service_id; "
                                         "then: approve or decline")));
            return;
        }
        Action action { *kind, seconds, *then };
        if (action.seconds < 0)
            action.seconds = *kind == Kind::Reboot ? 3 : (*kind == Kind::Delay ? 5 : 0);
        m_queue.append(action);
        qCInfo(lcSim).noquote() << "next payment:" << name(action.kind) << action.seconds;
        send(socket, 200, jsonBytes({ { QStringLiteral("queued"), int(m_queue.size()) } }));
        return;
    }
    if (path == QLatin1String("/control/transactions")
        && request.method() == QHttpServerRequest::Method::Get) {
        send(socket, 200, QJsonDocument(transactionsJson()).toJson(QJsonDocument::Compact));
        return;
    }
    if (path == QLatin1String("/control/reset") && post) {
        m_queue.clear();
        m_delay.stop();
        m_reversalDelay.stop();
        if (m_reversing && m_reversing->socket)
            m_reversing->socket->abort();
        m_reversing.reset();
        if (m_running && m_running->socket)
            m_running->socket->abort();
        m_running.reset();
        m_rebootUntil = {};
        for (const QPointer<QTcpSocket> &hanging : std::as_const(m_hanging))
            if (hanging)
                hanging->abort();
        m_hanging.clear();
        m_transactions.clear();
        save();
        send(socket, 200, jsonBytes({ { QStringLiteral("reset"), true } }));
        return;
    }
    send(socket, 404, errorJson(QStringLiteral("no such control resource")));
}

void TerminalSimulator::handleNexo(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (m_rebootUntil.isValid() && QDateTime::currentDateTimeUtc() < m_rebootUntil) {
        send(socket, 503, errorJson(QStringLiteral("the terminal is restarting")));
        return;
    }
    const auto parsed = Nexo::parseRequest(request.body());
    if (!parsed) {
        qCWarning(lcSim).noquote() << "bad request:" << parsed.error().detail;
        send(socket, 400, errorJson(parsed.error().detail));
        return;
    }
    if (parsed->header.poiId != m_options.poiId)
        qCWarning(lcSim).noquote()
            << "request for POIID" << parsed->header.poiId << "answered by" << m_options.poiId;
    switch (parsed->header.category) {
    case Nexo::Category::Payment:
        payment(*parsed, socket);
        break;
    case Nexo::Category::Abort:
        abort(*parsed, socket);
        break;
    case Nexo::Category::TransactionStatus:
        status(*parsed, socket);
        break;
    case Nexo::Category::Reversal:
        reversal(*parsed, socket);
        break;
    }
}

int TerminalSimulator::findByServiceId(const QString &serviceId) const
{
    for (qsizetype i = m_transactions.size() - 1; i >= 0; --i)
        if (m_transactions.at(i).serviceId == serviceId)
            return int(i);
    return -1;
}

QString TerminalSimulator::nextPoiTransactionId()
{
    ++m_counter;
    return QStringLiteral("%1-%2").arg(m_options.poiId).arg(m_counter, 6, 10, QLatin1Char('0'));
}

QByteArray TerminalSimulator::storedAnswer(const Transaction &t) const
{
    return jsonBytes({ { QStringLiteral("SaleToPOIResponse"),
        QJsonObject { { QStringLiteral("MessageHeader"), t.responseHeader },
            { t.kind == QLatin1String("reversal") ? QStringLiteral("ReversalResponse")
                                                  : QStringLiteral("PaymentResponse"),
                t.responseBody } } } });
}

void TerminalSimulator::settle(int index, const Nexo::Header &requestHeader, const QString &state,
    const Nexo::Outcome &outcome)
{
    Transaction &t = m_transactions[index];
    t.state = state;
    Nexo::PaymentDetails details;
    details.outcome = outcome;
    details.saleTransactionId = t.saleTransactionId;
    details.saleTimestamp = t.saleTimestamp.isValid() ? t.saleTimestamp : t.poiTimestamp;
    details.poiTransactionId = t.poiTransactionId;
    details.poiTimestamp = t.poiTimestamp;
    if (outcome.success) {
        details.authorizedAmount = Core::Money::fromCents(t.amountCents);
        t.maskedPan = QStringLiteral("**** **** **** 4242");
        t.paymentBrand = QStringLiteral("VISA");
        t.approvalCode = QStringLiteral("%1").arg(100000 + (m_counter * 7919) % 900000);
        details.maskedPan = t.maskedPan;
        details.paymentBrand = t.paymentBrand;
        details.approvalCode = t.approvalCode;
    }
    t.responseHeader = Nexo::headerToJson(Nexo::responseHeader(requestHeader));
    t.responseBody = Nexo::paymentResponseBody(details);
    qCInfo(lcSim).noquote() << "payment" << t.serviceId << t.amountCents << "cents:" << state;
}

void TerminalSimulator::payment(const Nexo::Request &request, QTcpSocket *socket)
{
    const Nexo::Header header = Nexo::responseHeader(request.header);
    if (m_reversing) {
        send(socket, 200,
            Nexo::response(header,
                failedPayment(
                    failure(QStringLiteral("Busy"), QStringLiteral("a reversal is running")))));
        return;
    }
    if (m_running) {
        send(socket, 200,
            Nexo::response(header,
                failedPayment(failure(QStringLiteral("Busy"),
                    QStringLiteral("another payment (%1) is running")
                        .arg(m_running->header.serviceId)))));
        return;
    }
    if (const int known = findByServiceId(request.header.serviceId); known >= 0) {
        // The same ServiceID again: never a second charge; the first answer is repeated.
        qCInfo(lcSim).noquote() << "payment" << request.header.serviceId
                                << "seen before: repeating its answer";
        send(socket, 200, storedAnswer(m_transactions.at(known)));
        return;
    }
    const Action action = m_queue.isEmpty() ? Action {} : m_queue.takeFirst();
    if (action.kind == Kind::Busy) {
        send(socket, 200,
            Nexo::response(header,
                failedPayment(failure(QStringLiteral("Busy"),
                    QStringLiteral("the terminal is busy with another sale system")))));
        return;
    }
    Transaction t;
    t.serviceId = request.header.serviceId;
    t.saleId = request.header.saleId;
    t.saleTransactionId = request.saleTransactionId;
    t.saleTimestamp = request.saleTimestamp;
    t.amountCents = request.amount.cents();
    t.state = QStringLiteral("in_progress");
    t.poiTransactionId = nextPoiTransactionId();
    t.poiTimestamp = QDateTime::currentDateTimeUtc();
    m_transactions.append(t);
    const int index = int(m_transactions.size()) - 1;
    qCInfo(lcSim).noquote() << "payment" << t.serviceId << t.amountCents
                            << "cents started:" << name(action.kind);
    switch (action.kind) {
    case Kind::Delay:
    case Kind::Reboot:
        save();
        m_running = Running { index, request.header, socket, action.then };
        if (action.kind == Kind::Delay) {
            m_delay.start(action.seconds * 1000);
        } else {
            // Half-way through the payment the terminal restarts: the connection drops, the
            // payment ends unfinished, and for a while nothing answers.
            QTimer::singleShot(200, this, [this, seconds = action.seconds] {
                if (!m_running)
                    return;
                m_rebootUntil = QDateTime::currentDateTimeUtc().addSecs(seconds);
                const QPointer<QTcpSocket> dropped = m_running->socket;
                settle(m_running->index, m_running->header, QStringLiteral("aborted"),
                    failure(QStringLiteral("Aborted"),
                        QStringLiteral("interrupted: the terminal restarted during the payment")));
                m_running.reset();
                save();
                if (dropped)
                    dropped->abort();
                qCInfo(lcSim) << "rebooting for" << seconds << "s";
            });
        }
        return;
    case Kind::Decline:
        settle(index, request.header, QStringLiteral("declined"),
            failure(QStringLiteral("Refusal"), QStringLiteral("declined by the card issuer")));
        break;
    case Kind::Cancel:
        settle(index, request.header, QStringLiteral("cancelled"),
            failure(QStringLiteral("Aborted"), QStringLiteral("the customer cancelled")));
        break;
    default: // Approve, LoseAnswer, Garbage, WrongServiceId: the card is charged
        settle(index, request.header, QStringLiteral("approved"), Nexo::Outcome { true, {}, {} });
        break;
    }
    if (!save()) {
        // Nothing may be answered that is not on disk; the POS asks TransactionStatus later.
        socket->abort();
        return;
    }
    const Transaction &done = m_transactions.at(index);
    switch (action.kind) {
    case Kind::LoseAnswer:
        // Charged, but the answer never comes: the connection stays open and silent.
        m_hanging.removeAll(QPointer<QTcpSocket>());
        m_hanging.append(socket);
        QTimer::singleShot(600000, socket, [socket] { socket->abort(); });
        return;
    case Kind::Garbage:
        send(socket, 200, QByteArrayLiteral("<html><body>\x01\x02 terminal firmware panic"),
            QByteArrayLiteral("text/html"));
        return;
    case Kind::WrongServiceId: {
        QJsonObject otherHeader = done.responseHeader;
        otherHeader.insert(QStringLiteral("ServiceID"), Nexo::newServiceId());
        send(socket, 200,
            jsonBytes({ { QStringLiteral("SaleToPOIResponse"),
                QJsonObject { { QStringLiteral("MessageHeader"), otherHeader },
                    { QStringLiteral("PaymentResponse"), done.responseBody } } } }));
        return;
    }
    default:
        send(socket, 200, storedAnswer(done));
        return;
    }
}

void TerminalSimulator::finishRunning(Action::Kind how)
{
    if (!m_running)
        return;
    const Running running = *m_running;
    m_running.reset();
    m_delay.stop();
    switch (how) {
    case Kind::Decline:
        settle(running.index, running.header, QStringLiteral("declined"),
            failure(QStringLiteral("Refusal"), QStringLiteral("declined by the card issuer")));
        break;
    case Kind::Cancel:
        settle(running.index, running.header, QStringLiteral("cancelled"),
            failure(QStringLiteral("Aborted"), QStringLiteral("aborted by the sale system")));
        break;
    default:
        settle(running.index, running.header, QStringLiteral("approved"),
            Nexo::Outcome { true, {}, {} });
        break;
    }
    if (!save()) {
        if (running.socket)
            running.socket->abort();
        return;
    }
    send(running.socket, 200, storedAnswer(m_transactions.at(running.index)));
}

void TerminalSimulator::abort(const Nexo::Request &request, QTcpSocket *socket)
{
    if (m_running && m_running->header.serviceId == request.referencedServiceId) {
        qCInfo(lcSim).noquote() << "abort of payment" << request.referencedServiceId;
        finishRunning(Kind::Cancel);
    } else {
        qCInfo(lcSim).noquote() << "abort of payment" << request.referencedServiceId
                                << "which is not running: ignored";
    }
    // nexo has no AbortResponse: the aborted payment answers for itself.
    send(socket, 200, QByteArray(), QByteArrayLiteral("text/plain"));
}

void TerminalSimulator::status(const Nexo::Request &request, QTcpSocket *socket)
{
    const Nexo::Header header = Nexo::responseHeader(request.header);
    const int index = findByServiceId(request.referencedServiceId);
    Nexo::Outcome outcome;
    std::optional<QJsonObject> repeatedHeader;
    QJsonObject repeatedBody;
    Nexo::Category category = request.referencedCategory;
    if (index < 0) {
        outcome = failure(QStringLiteral("NotFound"),
            QStringLiteral("no transaction with ServiceID %1").arg(request.referencedServiceId));
    } else if (m_transactions.at(index).state == QLatin1String("in_progress")) {
        outcome = failure(QStringLiteral("InProgress"),
            QStringLiteral("transaction %1 still runs").arg(request.referencedServiceId));
    } else {
        const Transaction &t = m_transactions.at(index);
        outcome = Nexo::Outcome { true, {}, {} };
        category = t.kind == QLatin1String("reversal") ? Nexo::Category::Reversal
                                                       : Nexo::Category::Payment;
        repeatedHeader = t.responseHeader;
        repeatedBody = t.responseBody;
    }
    send(socket, 200,
        Nexo::response(header,
            Nexo::transactionStatusResponseBody(outcome, request.referencedServiceId,
                request.header.saleId, repeatedHeader, repeatedBody, category)));
}

void TerminalSimulator::reversal(const Nexo::Request &request, QTcpSocket *socket)
{
    const Nexo::Header header = Nexo::responseHeader(request.header);
    if (m_running || m_reversing) {
        send(socket, 200,
            Nexo::response(header,
                failedReversal(
                    failure(QStringLiteral("Busy"), QStringLiteral("a payment is running")))));
        return;
    }
    if (const int known = findByServiceId(request.header.serviceId); known >= 0) {
        send(socket, 200, storedAnswer(m_transactions.at(known)));
        return;
    }
    if (!m_queue.isEmpty() && m_queue.constFirst().kind == Kind::Delay) {
        // The card is held to the terminal for a while (status says InProgress meanwhile),
        // then the reversal is decided as it would have been at once ("then": decline refuses).
        const Action action = m_queue.takeFirst();
        Transaction t;
        t.kind = QStringLiteral("reversal");
        t.serviceId = request.header.serviceId;
        t.saleId = request.header.saleId;
        t.amountCents = request.amountGiven ? request.amount.cents() : 0;
        t.originalPoiTransactionId = request.originalPoiTransactionId;
        t.poiTimestamp = QDateTime::currentDateTimeUtc();
        t.state = QStringLiteral("in_progress");
        m_transactions.append(t);
        if (!save()) {
            m_transactions.removeLast();
            socket->abort();
            return;
        }
        qCInfo(lcSim).noquote() << "reversal" << t.serviceId << "of" << t.originalPoiTransactionId
                                << "delayed" << action.seconds << "s";
        m_reversing = Reversing { request, QPointer<QTcpSocket>(socket), action.then };
        m_reversalDelay.start(action.seconds * 1000);
        return;
    }
    settleReversal(request, socket, Kind::Approve);
}

void TerminalSimulator::settleReversal(
    const Nexo::Request &request, QTcpSocket *socket, Action::Kind how)
{
    const Nexo::Header header = Nexo::responseHeader(request.header);
    // A delayed reversal's placeholder ("in_progress") is replaced by the decided one.
    if (const int waiting = findByServiceId(request.header.serviceId);
        waiting >= 0 && m_transactions.at(waiting).state == QLatin1String("in_progress"))
        m_transactions.removeAt(waiting);
    int original = -1;
    for (qsizetype i = 0; i < m_transactions.size(); ++i)
        if (m_transactions.at(i).kind == QLatin1String("payment")
            && m_transactions.at(i).poiTransactionId == request.originalPoiTransactionId)
            original = int(i);
    Nexo::ReversalDetails details;
    qint64 amount = request.amountGiven ? request.amount.cents() : 0;
    if (original < 0) {
        details.outcome = failure(QStringLiteral("NotFound"),
            QStringLiteral("no payment with POITransactionID %1")
                .arg(request.originalPoiTransactionId));
    } else {
        const Transaction &payment = m_transactions.at(original);
        const qint64 left = payment.amountCents - payment.reversedCents;
        if (!request.amountGiven)
            amount = left;
        if (payment.state != QLatin1String("approved"))
            details.outcome = failure(QStringLiteral("Refusal"),
                QStringLiteral("payment %1 is %2: nothing to reverse")
                    .arg(payment.poiTransactionId, payment.state));
        else if (amount > left)
            details.outcome = failure(QStringLiteral("Refusal"),
                QStringLiteral("reversal of %1 cents refused: payment %2 has %3 of %4 cents left")
                    .arg(amount)
                    .arg(payment.poiTransactionId)
                    .arg(left)
                    .arg(payment.amountCents));
        else if (how == Kind::Decline)
            details.outcome = failure(
                QStringLiteral("Refusal"), QStringLiteral("reversal refused by the acquirer"));
        else
            details.outcome = Nexo::Outcome { true, {}, {} };
    }
    Transaction t;
    t.kind = QStringLiteral("reversal");
    t.serviceId = request.header.serviceId;
    t.saleId = request.header.saleId;
    t.amountCents = amount;
    t.originalPoiTransactionId = request.originalPoiTransactionId;
    t.poiTimestamp = QDateTime::currentDateTimeUtc();
    if (details.outcome.success) {
        Transaction &payment = m_transactions[original];
        payment.reversedCents += amount;
        if (payment.reversedCents == payment.amountCents)
            payment.state = QStringLiteral("reversed");
        t.state = QStringLiteral("approved");
        t.poiTransactionId = nextPoiTransactionId();
        details.poiTransactionId = t.poiTransactionId;
        details.poiTimestamp = t.poiTimestamp;
        details.reversedAmount = Core::Money::fromCents(amount);
    } else {
        t.state = QStringLiteral("refused");
    }
    t.responseHeader = Nexo::headerToJson(header);
    t.responseBody = Nexo::reversalResponseBody(details);
    m_transactions.append(t);
    qCInfo(lcSim).noquote() << "reversal" << t.serviceId << "of" << t.originalPoiTransactionId
                            << amount << "cents:" << t.state << details.outcome.additionalResponse;
    if (!save()) {
        if (socket)
            socket->abort();
        return;
    }
    if (socket)
        send(socket, 200, storedAnswer(m_transactions.last()));
}

} // namespace Toonbank::Devices::Sim
