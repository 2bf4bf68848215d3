#pragma once

#include "sidesheet.h"

#include "app/core/money.h"
#include "app/core/shift.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace Toonbank::Ui {

class Keypad;

/// Cash in, cash out or a no-sale drawer open: the amount on a keypad (not for a no-sale) and
/// the reason, chosen from the usual ones or typed ("Other…"). It only collects the entry; the
/// caller moves the cash and shows the outcome here (showError) or closes the sheet.
class CashMoveSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CashMoveSheet)
public:
    explicit CashMoveSheet(QWidget *host);

    /// `inDrawer`: the cash the drawer should hold now (said for a cash out).
    void start(Core::CashMovementKind kind, Core::Money inDrawer);
    void showError(const QString &message);
    Core::CashMovementKind kind() const { return m_kind; }
    Core::Money amount() const;
    QString reason() const;

signals:
    void submitted(Core::CashMovementKind kind, Core::Money amount, const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshValue();
    void submit();
    QStringList reasons() const;

    Core::CashMovementKind m_kind = Core::CashMovementKind::CashIn;
    Core::Money m_inDrawer;
    QString m_digits;
    QLabel *m_what;
    QLabel *m_valueCaption;
    QLabel *m_value;
    Keypad *m_keypad;
    QWidget *m_amountBox;
    QLabel *m_reasonCaption;
    QButtonGroup *m_reasons;
    QList<QPushButton *> m_reasonButtons;
    QLineEdit *m_reasonText;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_confirm;
};

} // namespace Toonbank::Ui
