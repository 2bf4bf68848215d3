#pragma once

#include "app/services/serverlookups.h"
#include "app/services/syncstatus.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace Toonbank::Ui {

/// What waits for the server, when the last pull came, the last error in plain words, and
/// the events the server refused with its reason; a supervisor sends those again (Retry). Also
/// the e-mailed receipts the SMTP server kept refusing, so the supervisor can tell the customer.
class SyncScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncScreen)
public:
    explicit SyncScreen(Services::SyncStatus &status, QWidget *parent = nullptr);

    /// Re-reads the overview and the rejected events; clears the message.
    void reload();

    /// Where the e-mailed receipts the SMTP server kept refusing come from (the server, through
    /// ServerLookups::failedMail); without one the section stays hidden.
    using FailedMailSource = std::function<Core::Result<QList<Services::FailedReceiptMail>>()>;
    void setFailedMailSource(FailedMailSource source) { m_failedMailSource = std::move(source); }

signals:
    void closed();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void showOverview(const Services::SyncOverview &overview);
    void showDetails(int row);
    void showFailedMail();
    void retry();
    static QString typeName(const QString &type);

    Services::SyncStatus &m_status;
    QList<Services::RejectedEvent> m_rejected;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_waitingCaption;
    QLabel *m_waiting;
    QLabel *m_lastPullCaption;
    QLabel *m_lastPull;
    QLabel *m_lastErrorCaption;
    QLabel *m_lastError;
    QLabel *m_rejectedCaption;
    QTableWidget *m_table;
    QLabel *m_detailsTitle;
    QLabel *m_details;
    QLabel *m_message;
    QPushButton *m_retry;
    QPushButton *m_back;
    QTimer *m_ageTimer;
    QLabel *m_mailCaption;
    QLabel *m_mail;
    FailedMailSource m_failedMailSource;
};

} // namespace Toonbank::Ui
