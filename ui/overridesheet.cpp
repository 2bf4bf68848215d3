#include "overridesheet.h"

#include "keypad.h"
#include "uihelpers.h"

#include "app/services/overrideservice.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr int maxPinLength = 8;
} // namespace

OverrideSheet::OverrideSheet(Services::OverrideService &overrides, QWidget *host)
    : SideSheet(host)
    , m_overrides(overrides)
    , m_what(roleLabel(panel(), "sheetWhat"))
    , m_why(new QLabel(panel()))
    , m_approversCaption(roleLabel(panel(), "caption"))
    , m_tiles(new QVBoxLayout)
    , m_tileGroup(new QButtonGroup(this))
    , m_pinCaption(roleLabel(panel(), "caption"))
    , m_pinDisplay(roleLabel(panel(), "pin"))
    , m_error(roleLabel(panel(), "error"))
    , m_cancel(touchButton(panel()))
    , m_approve(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("overrideSheet"));
    m_what->setObjectName(QStringLiteral("overrideWhat"));
    m_why->setObjectName(QStringLiteral("overrideWhy"));
    m_pinDisplay->setObjectName(QStringLiteral("overridePinDisplay"));
    m_error->setObjectName(QStringLiteral("overrideError"));
    m_cancel->setObjectName(QStringLiteral("overrideCancel"));
    m_approve->setObjectName(QStringLiteral("overrideApprove"));
    for (QLabel *label : { m_what, m_why, m_error, m_approversCaption, m_pinCaption })
        label->setWordWrap(true);
    m_pinDisplay->setAlignment(Qt::AlignCenter);
    m_tileGroup->setExclusive(true);
    m_tiles->setSpacing(10);

    auto *keypad = new Keypad(QStringLiteral("overridePin"), panel());
    connect(keypad, &Keypad::digitPressed, this, [this](int digit) {
        if (m_pin.size() < maxPinLength)
            m_pin.append(QString::number(digit));
        m_error->clear(); // a new attempt: the last one's error goes
        refreshPin();
    });
    connect(keypad, &Keypad::backspacePressed, this, [this] {
        m_pin.chop(1);
        refreshPin();
    });
    connect(m_cancel, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_approve, &QPushButton::clicked, this, &OverrideSheet::approve);
    connect(m_tileGroup, &QButtonGroup::idClicked, this, [this] {
        m_pin.clear();
        m_error->clear();
        refreshPin();
    });

    auto *left = new QVBoxLayout;
    left->addWidget(m_approversCaption);
    left->addLayout(m_tiles);
    left->addWidget(m_error); // beside the pad, where the manager looks; never pushes it off
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_pinCaption);
    right->addWidget(m_pinDisplay);
    right->addWidget(keypad);
    right->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->setSpacing(20);
    middle->addLayout(left, 1);
    middle->addLayout(right, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel, 1);
    buttons->addWidget(m_approve, 2);

    content()->addWidget(m_what);
    content()->addWidget(m_why);
    content()->addLayout(middle, 1);
    content()->addLayout(buttons);
    retranslate();
}

void OverrideSheet::start(const Services::ApprovalRequest &request, const QString &reason,
    const QString &requester, Retry retry)
{
    m_request = request;
    m_reason = reason;
    m_requester = requester;
    m_retry = std::move(retry);
    m_pin.clear();
    m_error->clear();
    loadApprovers();
    retranslate();
    open();
}

void OverrideSheet::loadApprovers()
{
    // Never called from a tile's own click: the old tiles can go at once.
    for (QAbstractButton *tile : m_tileGroup->buttons()) {
        m_tileGroup->removeButton(tile);
        delete tile;
    }
    Core::Result<QList<Services::ApproverTile>> approvers
        = m_overrides.approvers(m_request.permission);
    if (!approvers) {
        showError(approvers.error().message);
        return;
    }
    if (approvers.value().isEmpty())
        showError(tr("Nobody in this store may approve this. Call the store manager."));
    for (const Services::ApproverTile &approver : approvers.value()) {
        QPushButton *tile = touchButton(panel(), "approver");
        tile->setObjectName(QStringLiteral("approverTile%1").arg(approver.staffId));
        tile->setCheckable(true);
        tile->setText(QStringLiteral("%1\n%2").arg(approver.displayName, approver.roleLabel));
        m_tileGroup->addButton(tile, int(approver.staffId));
        m_tiles->addWidget(tile);
    }
    // One manager on duty: chosen already, one tap less.
    if (approvers.value().size() == 1)
        m_tileGroup->buttons().constFirst()->setChecked(true);
}

void OverrideSheet::approve()
{
    const int approver = m_tileGroup->checkedId();
    if (approver < 0) {
        showError(tr("Tap the name of the manager who approves."));
        return;
    }
    if (m_pin.isEmpty()) {
        showError(tr("The manager enters their PIN."));
        return;
    }
    const Services::OverrideSubject subject { m_request.lineId, m_request.amount, m_request.what };
    Core::Result<Core::Authorisation> authorisation
        = m_overrides.approve(approver, m_pin, m_request.permission, subject, m_reason);
    m_pin.clear();
    refreshPin();
    if (!authorisation) {
        showError(authorisation.error().message);
        return;
    }
    if (m_retry) {
        if (const Core::Status retried = m_retry(authorisation.value()); !retried) {
            showError(retried.error().message);
            return;
        }
    }
    hide();
    emit approved();
    emit closed();
}

void OverrideSheet::showError(const QString &message)
{
    m_error->setText(message);
}

void OverrideSheet::refreshPin()
{
    m_pinDisplay->setText(m_pin.isEmpty() ? QString() : QString(m_pin.size(), QChar(u'●')));
}

void OverrideSheet::retranslate()
{
    setTitle(tr("Manager approval"));
    m_what->setText(m_request.what);
    // Written for the manager who reads it: who asks, and why they cannot do it alone.
    QString why;
    switch (m_request.permission) {
    case Core::Permission::ApproveManualDiscount:
        why = tr("Asked by %1: this discount is above their own limit.").arg(m_requester);
        break;
    case Core::Permission::ChangePrice:
        why = tr("Asked by %1: their role may not change a price.").arg(m_requester);
        break;
    case Core::Permission::OpenDrawerNoSale:
        why = tr("Asked by %1: the drawer opens without a sale only with a manager's approval.")
                  .arg(m_requester);
        break;
    default:
        why = tr("Asked by %1: their role may not do this alone.").arg(m_requester);
        break;
    }
    if (!m_reason.isEmpty())
        why += QLatin1Char(' ') + tr("Reason: %1").arg(m_reason);
    m_why->setText(why);
    m_approversCaption->setText(tr("Who approves?"));
    m_pinCaption->setText(tr("Manager's PIN"));
    m_cancel->setText(tr("Cancel"));
    m_approve->setText(tr("Approve"));
}

void OverrideSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
