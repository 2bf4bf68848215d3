#include "smtpsinkfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>
#include <QtDebug>

namespace Toonbank::Tests {

namespace {

// Debian's python3-aiosmtpd belongs to the system interpreter (not a pyenv one on PATH).
QString python()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : QStringLiteral("python3");
}

const char parser[] = R"(
import email, email.policy, json, sys
with open(sys.argv[1], 'rb') as f:
    raw = f.read()
m = email.message_from_bytes(raw, policy=email.policy.default)
parts = []
for part in m.walk():
    if part.is_multipart():
        continue
    payload = part.get_payload(decode=True) or b''
    text = ''
    if part.get_content_maintype() == 'text':
        text = payload.decode(part.get_content_charset() or 'utf-8')
    parts.append({'contentType': part.get_content_type(),
                  'fileName': part.get_filename() or '',
                  'disposition': part.get_content_disposition() or '',
                  'size': len(payload), 'isPdf': payload.startswith(b'%PDF'), 'text': text})
print(json.dumps({'to': str(m['To']), 'from': str(m['From']), 'subject': str(m['Subject']),
                  'messageId': str(m['Message-ID']), 'envelopeTo': str(m['X-Sink-Rcpt-To']),
                  'defects': len(m.defects), 'parts': parts}))
)";

} // namespace

SmtpSink::SmtpSink() = default;

SmtpSink::~SmtpSink()
{
    stop();
}

bool SmtpSink::start()
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(python(),
        { QStringLiteral(TOONBANK_SMTPSINK), QStringLiteral("--dir"), m_dir.path(),
            QStringLiteral("--port"), QStringLiteral("0") });
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            break;
        seen += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    qWarning().noquote() << "smtpsink did not start (python3-aiosmtpd installed?):" << seen;
    return false;
}

void SmtpSink::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString SmtpSink::url() const
{
    return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port);
}

void SmtpSink::refuse(const QString &reply)
{
    QFile flag(QDir(m_dir.path()).filePath(QStringLiteral("REFUSE")));
    if (flag.open(QIODevice::WriteOnly | QIODevice::Truncate))
        flag.write(reply.toUtf8());
}

void SmtpSink::accept()
{
    QFile::remove(QDir(m_dir.path()).filePath(QStringLiteral("REFUSE")));
}

QStringList SmtpSink::messages() const
{
    QStringList paths;
    const QDir dir(m_dir.path());
    for (const QString &name : dir.entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

bool SmtpSink::waitForMessages(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

QJsonObject SmtpSink::parse(const QString &path)
{
    QProcess process;
    process.start(python(), { QStringLiteral("-c"), QString::fromLatin1(parser), path });
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning().noquote() << "cannot parse" << path << process.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

} // namespace Toonbank::Tests
