#pragma once

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Toonbank::Tests {

/// The real toonbank-terminal-sim process for tests: a free loopback port, a state file in a
/// temporary folder, and the control API as plain calls.
///
///     TerminalSimProcess sim;
///     QVERIFY(sim.start());
///     NexoHttpTerminal terminal({ sim.endpoint(), "AMS01-T1", sim.poiId() });
///     QVERIFY(sim.queue("lose_answer"));       // what the NEXT payment does
///     ...                                       // pay through the terminal
///     QCOMPARE(sim.approvedPayments(), 1);      // charges, counted by the terminal itself
///     sim.kill(); QVERIFY(sim.restart());       // SIGKILL; same port, same state file
///
/// The binary is the one built in this tree (linking toonbank_testsupport builds it).
/// Every call is synchronous (it spins an event loop); false / empty on any failure, with a
/// qWarning saying why.
class TerminalSimProcess final
{
    Q_DISABLE_COPY_MOVE(TerminalSimProcess)
public:
    TerminalSimProcess();
    ~TerminalSimProcess(); // kills the process

    /// Starts the simulator on a port it picks itself (--port 0) and waits until it listens.
    bool start(const QStringList &extraArgs = {});
    /// After kill(): the simulator again, same port and state file.
    bool restart();
    /// SIGKILL, no goodbye. Harmless when not running.
    void kill();
    bool running() const;

    /// POST /control/next: "approve", "decline", "cancel", "delay", "lose_answer", "busy",
    /// "reboot", "garbage", "wrong_service_id". `seconds` < 0: the simulator's default (delay
    /// 5 s, reboot 3 s); `then` for delay: "approve" (default) or "decline".
    bool queue(const QString &action, int seconds = -1, const QString &then = {});
    /// GET /control/transactions: every payment and reversal the terminal made (see the
    /// simulator's --help for the fields).
    QJsonArray transactions();
    /// Payments that took money: state approved or reversed.
    int approvedPayments();
    /// What the terminal kept in total: approved payments minus what was reversed.
    qint64 chargedCents();
    /// POST /control/reset: empty queue, no transactions.
    bool reset();

    QUrl endpoint() const; // http://127.0.0.1:PORT/nexo
    quint16 port() const { return m_port; }
    QString poiId() const { return m_poiId; }
    QString statePath() const;

private:
    bool launch(quint16 port);
    QByteArray call(
        const QByteArray &method, const QString &path, const QByteArray &body, bool *ok);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_poiId = QStringLiteral("SIM-0001");
    QStringList m_extraArgs;
    QNetworkAccessManager m_network;
};

} // namespace Toonbank::Tests
