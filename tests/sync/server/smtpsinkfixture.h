#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Toonbank::Tests {

/// The local SMTP server of the tests (tests/support/smtpsink.py, python3-aiosmtpd) on a free
/// loopback port: every accepted message becomes a file in a throw-away folder; refuse() makes
/// it answer DATA with an error until accept().
class SmtpSink final
{
    Q_DISABLE_COPY_MOVE(SmtpSink)
public:
    SmtpSink();
    ~SmtpSink();

    /// False (with a warning) when python3-aiosmtpd is missing or the sink did not start.
    bool start();
    void stop();
    quint16 port() const { return m_port; }
    /// "smtp://127.0.0.1:PORT"
    QString url() const;
    /// From now on DATA is answered with `reply` ("550 …" permanent, "451 …" temporary).
    void refuse(const QString &reply = QStringLiteral("550 5.7.1 Refused by the test sink"));
    void accept();

    /// The stored messages (.eml paths), oldest first.
    QStringList messages() const;
    /// Waits until at least `count` messages arrived.
    bool waitForMessages(int count, int timeoutMs = 20000) const;
    /// The message parsed by Python's email module: {"to", "from", "subject", "envelopeTo",
    /// "defects": n, "parts": [{"contentType", "fileName", "size", "isPdf", "text"}]}.
    static QJsonObject parse(const QString &path);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace Toonbank::Tests
