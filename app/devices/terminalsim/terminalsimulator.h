#pragma once

#include "app/devices/nexo.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <optional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Toonbank::Devices::Sim {

/// What the next payment does (POST /control/next).
struct Action
{
    enum class Kind {
        Approve,
        Decline,
        Cancel,
        Delay,
        LoseAnswer,
        Busy,
        Reboot,
        Garbage,
        WrongServiceId
    };
    Kind kind = Kind::Approve;
    int seconds = 0; // Delay: how long the customer takes; Reboot: how long the terminal is away
    Kind then = Kind::Approve; // Delay: Approve or Decline afterwards
};
QString name(Action::Kind kind); // "approve", "decline", "cancel", "delay", "lose_answer", …
std::optional<Action::Kind> actionKindFromName(const QString &name);

/// One transaction the terminal made: a payment or a reversal, with the answer it gave (kept so
/// TransactionStatus repeats it word for word).
struct Transaction
{
    QString kind = QStringLiteral("payment"); // "payment" | "reversal"
    QString serviceId;
    QString saleId;
    QString saleTransactionId;
    QDateTime saleTimestamp; // SaleTransactionID.TimeStamp as the POS sent it
    qint64 amountCents = 0;
    // payment: in_progress, approved, declined, cancelled, aborted, reversed (fully)
    // reversal: approved, refused
    QString state;
    qint64 reversedCents = 0; // payment: reversed so far
    QString poiTransactionId;
    QDateTime poiTimestamp;
    QString originalPoiTransactionId; // reversal
    QString maskedPan;
    QString paymentBrand;
    QString approvalCode;
    QJsonObject responseHeader; // the stored answer
    QJsonObject responseBody;

    QJsonObject toJson() const;
    static Transaction fromJson(const QJsonObject &object);
};

/// toonbank-terminal-sim's terminal: nexo Sale-to-POI JSON on POST /nexo, a control API on
/// /control/…, every transaction written to the state file (atomically, synced) before it is
/// answered. Usable in-process too.
class TerminalSimulator final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Options
    {
        QString statePath; // empty: memory only
        QString poiId = QStringLiteral("SIM-0001");
    };
    explicit TerminalSimulator(Options options, QObject *parent = nullptr);
    ~TerminalSimulator() override;

    /// Reads the state file (a payment that was running when the process died ends Aborted).
    bool load(QString *error);

    void queue(const Action &action) { m_queue.append(action); }
    QJsonArray transactionsJson() const;
    const QList<Transaction> &transactions() const { return m_transactions; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Running
    {
        int index = -1; // in m_transactions
        Nexo::Header header; // the payment request's
        QPointer<QTcpSocket> socket;
        Action::Kind then = Action::Kind::Approve;
    };
    /// A reversal held by a queued delay (the card at the terminal).
    struct Reversing
    {
        Nexo::Request request;
        QPointer<QTcpSocket> socket;
        Action::Kind then = Action::Kind::Approve;
    };

    void handleNexo(const QHttpServerRequest &request, QTcpSocket *socket);
    void handleControl(const QHttpServerRequest &request, QTcpSocket *socket);
    void payment(const Nexo::Request &request, QTcpSocket *socket);
    void abort(const Nexo::Request &request, QTcpSocket *socket);
    void status(const Nexo::Request &request, QTcpSocket *socket);
    void reversal(const Nexo::Request &request, QTcpSocket *socket);
    /// Decides a reversal (`how`: Decline refuses it) and answers it on `socket` (if still open).
    void settleReversal(const Nexo::Request &request, QTcpSocket *socket, Action::Kind how);

    /// Ends payment `index` with `state` and stores its answer.
    void settle(int index, const Nexo::Header &requestHeader, const QString &state,
        const Nexo::Outcome &outcome);
    QByteArray storedAnswer(const Transaction &transaction) const;
    int findByServiceId(const QString &serviceId) const;
    QString nextPoiTransactionId();
    void finishRunning(Action::Kind how);
    bool save();

    static void send(QTcpSocket *socket, int status, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("application/json"));

    Options m_options;
    QList<Action> m_queue;
    QList<Transaction> m_transactions;
    qint64 m_counter = 0; // POI transaction numbers, never reused
    std::optional<Running> m_running;
    QTimer m_delay;
    std::optional<Reversing> m_reversing;
    QTimer m_reversalDelay;
    QDateTime m_rebootUntil; // UTC; /nexo answers 503 before it
    QList<QPointer<QTcpSocket>> m_hanging; // lose_answer: connections never answered
};

} // namespace Toonbank::Devices::Sim
