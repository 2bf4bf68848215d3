#include "confirmsheet.h"

#include "uihelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ConfirmSheet::ConfirmSheet(QWidget *host)
    : SideSheet(host)
    , m_details(roleLabel(panel(), "section"))
    , m_back(touchButton(panel()))
    , m_confirm(touchButton(panel(), "danger"))
{
    setObjectName(QStringLiteral("confirmSheet"));
    m_details->setObjectName(QStringLiteral("confirmDetails"));
    m_details->setWordWrap(true);
    m_back->setObjectName(QStringLiteral("confirmBack"));
    m_confirm->setObjectName(QStringLiteral("confirmYes"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back, 1);
    buttons->addWidget(m_confirm, 1);
    content()->addWidget(m_details);
    content()->addStretch(1);
    content()->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        const std::function<void()> onConfirm = std::move(m_onConfirm);
        m_onConfirm = nullptr;
        close();
        if (onConfirm)
            onConfirm();
    });
}

void ConfirmSheet::start(const QString &what, const QString &details, const QString &confirmText,
    std::function<void()> onConfirm)
{
    setTitle(what);
    m_details->setText(details);
    m_back->setText(tr("Go back"));
    m_confirm->setText(confirmText);
    m_onConfirm = std::move(onConfirm);
    open();
}

} // namespace Toonbank::Ui
