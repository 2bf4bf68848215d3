#pragma once

#include "sidesheet.h"

#include "app/core/result.h"

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Toonbank::Ui {

/// The customer's e-mail address for the receipt (pre-filled with the attached customer's
/// address when they agreed to e-mail), and Send. A refused address says why; the sheet stays.
class EmailReceiptSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmailReceiptSheet)
public:
    /// Queues the receipt for `address`; errors are shown on the sheet.
    using Send = std::function<Core::Status(const QString &address)>;

    explicit EmailReceiptSheet(QWidget *host);

    void start(const QString &receiptNumber, const QString &address, Send send);

signals:
    void sent(const QString &address);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void send();

    QString m_receiptNumber;
    Send m_send;
    QLabel *m_hint;
    QLineEdit *m_address;
    QLabel *m_error;
    QPushButton *m_close;
    QPushButton *m_sendButton;
};

} // namespace Toonbank::Ui
