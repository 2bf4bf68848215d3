#pragma once

#include "sidesheet.h"

#include "app/core/result.h"
#include "app/core/sale.h"
#include "app/services/saleservice.h"

#include <functional>

class QButtonGroup;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Toonbank::Services {
class OverrideService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Manager override over any screen: what needs approval and why, the managers of this store
/// as name tiles, a PIN pad, Approve and Cancel. On approval the original change is retried
/// with the Authorisation; only when that succeeds does the sheet close.
class OverrideSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverrideSheet)
public:
    /// Makes the change again, now with the manager's approval.
    using Retry = std::function<Core::Status(const Core::Authorisation &)>;

    OverrideSheet(Services::OverrideService &overrides, QWidget *host);

    /// `requester`: who asks, as the manager should read it ("Anna de Vries, Cashier").
    void start(const Services::ApprovalRequest &request, const QString &reason,
        const QString &requester, Retry retry);

signals:
    void approved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadApprovers();
    void approve();
    void showError(const QString &message);
    void refreshPin();

    Services::OverrideService &m_overrides;
    Services::ApprovalRequest m_request;
    QString m_reason;
    QString m_requester;
    Retry m_retry;
    QString m_pin;

    QLabel *m_what;
    QLabel *m_why;
    QLabel *m_approversCaption;
    QVBoxLayout *m_tiles;
    QButtonGroup *m_tileGroup;
    QLabel *m_pinCaption;
    QLabel *m_pinDisplay;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_approve;
};

} // namespace Toonbank::Ui
