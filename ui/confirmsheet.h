#pragma once

#include "sidesheet.h"

#include <functional>

class QLabel;
class QPushButton;

namespace Toonbank::Ui {

/// Asks to confirm a step that cannot be taken back (a payment cancelled with money given back
/// to the customer): what will happen in plain words, "Go back" and the confirming button.
class ConfirmSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmSheet)
public:
    explicit ConfirmSheet(QWidget *host);

    /// `what`: the question as the title; `details`: what happens; `confirmText`: the button.
    void start(const QString &what, const QString &details, const QString &confirmText,
        std::function<void()> onConfirm);

private:
    QLabel *m_details;
    QPushButton *m_back;
    QPushButton *m_confirm;
    std::function<void()> m_onConfirm;
};

} // namespace Toonbank::Ui
