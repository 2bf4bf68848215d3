#include "terminalsimprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace Toonbank::Tests {

TerminalSimProcess::TerminalSimProcess()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

TerminalSimProcess::~TerminalSimProcess()
{
    kill();
}

QString TerminalSimProcess::statePath() const
{
    return m_dir.filePath(QStringLiteral("terminal-sim.json"));
}

QUrl TerminalSimProcess::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/nexo").arg(m_port));
}

bool TerminalSimProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool TerminalSimProcess::start(const QStringList &extraArgs)
{
    m_extraArgs = extraArgs;
    return launch(0);
}

bool TerminalSimProcess::restart()
{
    if (m_port == 0)
        return false;
    const quint16 previous = m_port;
    return launch(previous) && m_port == previous;
}

bool TerminalSimProcess::launch(quint16 port)
{
    kill();
    m_process = std::make_unique<QProcess>();
    // The simulator's own log (stderr) goes to the test's output, for post-mortems.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args { QStringLiteral("--port"), QString::number(port), QStringLiteral("--state"),
        statePath(), QStringLiteral("--poi-id"), m_poiId };
    m_process->start(QStringLiteral(TOONBANK_TERMINAL_SIM), args + m_extraArgs);
    if (!m_process->waitForStarted(10000)) {
        qWarning() << "toonbank-terminal-sim did not start:" << m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            break;
        seen += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    qWarning().noquote() << "toonbank-terminal-sim is not listening:" << seen;
    return false;
}

void TerminalSimProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QByteArray TerminalSimProcess::call(
    const QByteArray &method, const QString &path, const QByteArray &body, bool *ok)
{
    *ok = false;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = method == "GET" ? m_network.get(request) : m_network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    if (status != 200) {
        qWarning().noquote() << "terminal simulator" << method << path << "answered" << status
                             << answer << reply->errorString();
        return {};
    }
    *ok = true;
    return answer;
}

bool TerminalSimProcess::queue(const QString &action, int seconds, const QString &then)
{
    QJsonObject body { { QStringLiteral("action"), action } };
    if (seconds >= 0)
        body.insert(QStringLiteral("seconds"), seconds);
    if (!then.isEmpty())
        body.insert(QStringLiteral("then"), then);
    bool ok = false;
    call("POST", QStringLiteral("/control/next"), QJsonDocument(body).toJson(), &ok);
    return ok;
}

QJsonArray TerminalSimProcess::transactions()
{
    bool ok = false;
    const QByteArray answer = call("GET", QStringLiteral("/control/transactions"), {}, &ok);
    return ok ? QJsonDocument::fromJson(answer).array() : QJsonArray();
}

int TerminalSimProcess::approvedPayments()
{
    int count = 0;
    for (const QJsonValue &value : transactions()) {
        const QJsonObject t = value.toObject();
        const QString state = t.value(QStringLiteral("state")).toString();
        if (t.value(QStringLiteral("kind")).toString() == QLatin1String("payment")
            && (state == QLatin1String("approved") || state == QLatin1String("reversed")))
            ++count;
    }
    return count;
}

qint64 TerminalSimProcess::chargedCents()
{
    qint64 cents = 0;
    for (const QJsonValue &value : transactions()) {
        const QJsonObject t = value.toObject();
        const QString state = t.value(QStringLiteral("state")).toString();
        if (t.value(QStringLiteral("kind")).toString() == QLatin1String("payment")
            && (state == QLatin1String("approved") || state == QLatin1String("reversed")))
            cents += t.value(QStringLiteral("amountCents")).toInteger()
                - t.value(QStringLiteral("reversedCents")).toInteger();
    }
    return cents;
}

bool TerminalSimProcess::reset()
{
    bool ok = false;
    call("POST", QStringLiteral("/control/reset"), QByteArrayLiteral("{}"), &ok);
    return ok;
}

} // namespace Toonbank::Tests
