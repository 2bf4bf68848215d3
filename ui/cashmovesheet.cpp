#include "cashmovesheet.h"

#include "keypad.h"
#include "uihelpers.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr int maxDigits = 8; // up to € 999.999,99; the rules stop at € 100.000
constexpr int maxReasons = 4; // the usual ones and "Other…"
} // namespace

CashMoveSheet::CashMoveSheet(QWidget *host)
    : SideSheet(host)
    , m_what(new QLabel(panel()))
    , m_valueCaption(roleLabel(panel(), "caption"))
    , m_value(roleLabel(panel(), "total"))
    , m_keypad(new Keypad(QStringLiteral("cashMove"), panel()))
    , m_amountBox(new QWidget(panel()))
    , m_reasonCaption(roleLabel(panel(), "caption"))
    , m_reasons(new QButtonGroup(this))
    , m_reasonText(new QLineEdit(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_cancel(touchButton(panel()))
    , m_confirm(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("cashMoveSheet"));
    m_what->setObjectName(QStringLiteral("cashMoveWhat"));
    m_what->setWordWrap(true);
    m_value->setObjectName(QStringLiteral("cashMoveAmount"));
    m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_reasonText->setObjectName(QStringLiteral("cashMoveReasonText"));
    m_reasonText->setMaxLength(200);
    m_error->setObjectName(QStringLiteral("cashMoveError"));
    m_error->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("cashMoveCancel"));
    m_confirm->setObjectName(QStringLiteral("cashMoveConfirm"));

    auto *reasonList = new QVBoxLayout;
    reasonList->setSpacing(10);
    for (int index = 0; index < maxReasons; ++index) {
        QPushButton *button = touchButton(panel());
        button->setObjectName(QStringLiteral("cashMoveReason%1").arg(index));
        button->setCheckable(true);
        m_reasons->addButton(button, index);
        m_reasonButtons.append(button);
        // One a row: a reason is read whole, never cut at the button's edge.
        reasonList->addWidget(button);
    }
    connect(m_reasons, &QButtonGroup::idClicked, this, [this](int id) {
        m_error->clear();
        // "Other…" (the last one shown) asks for the reason in words.
        const bool other = id == int(reasons().size()) - 1;
        m_reasonText->setVisible(other);
        if (other)
            m_reasonText->setFocus();
    });
    connect(m_reasonText, &QLineEdit::textEdited, this, [this] { m_error->clear(); });
    connect(m_keypad, &Keypad::digitPressed, this, [this](int digit) {
        if (m_digits.size() < maxDigits && !(m_digits.isEmpty() && digit == 0))
            m_digits.append(QString::number(digit));
        m_error->clear();
        refreshValue();
    });
    connect(m_keypad, &Keypad::backspacePressed, this, [this] {
        m_digits.chop(1);
        refreshValue();
    });
    connect(m_cancel, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_confirm, &QPushButton::clicked, this, &CashMoveSheet::submit);

    auto *amountLayout = new QVBoxLayout(m_amountBox);
    amountLayout->setContentsMargins(0, 0, 0, 0);
    amountLayout->addWidget(m_valueCaption);
    amountLayout->addWidget(m_value);
    amountLayout->addWidget(m_keypad);
    amountLayout->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_reasonCaption);
    right->addLayout(reasonList);
    right->addWidget(m_reasonText);
    right->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->setSpacing(20);
    middle->addWidget(m_amountBox, 1);
    middle->addLayout(right, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel, 1);
    buttons->addWidget(m_confirm, 2);

    content()->addWidget(m_what);
    content()->addLayout(middle, 1);
    content()->addWidget(m_error);
    content()->addLayout(buttons);
    retranslate();
}

void CashMoveSheet::start(Core::CashMovementKind kind, Core::Money inDrawer)
{
    m_kind = kind;
    m_inDrawer = inDrawer;
    m_digits.clear();
    m_reasons->setExclusive(false);
    for (QPushButton *button : std::as_const(m_reasonButtons))
        button->setChecked(false);
    m_reasons->setExclusive(true);
    m_reasonText->clear();
    m_reasonText->hide();
    m_error->clear();
    m_amountBox->setVisible(kind != Core::CashMovementKind::NoSale);
    retranslate();
    open();
}

void CashMoveSheet::showError(const QString &message)
{
    m_error->setText(message);
}

Core::Money CashMoveSheet::amount() const
{
    return Core::Money::fromCents(m_digits.isEmpty() ? 0 : m_digits.toLongLong());
}

QString CashMoveSheet::reason() const
{
    const int chosen = m_reasons->checkedId();
    if (chosen < 0)
        return QString();
    if (chosen == int(reasons().size()) - 1)
        return m_reasonText->text().trimmed();
    return m_reasonButtons.at(chosen)->text();
}

QStringList CashMoveSheet::reasons() const
{
    switch (m_kind) {
    case Core::CashMovementKind::CashIn:
        return { tr("Change from the safe"), tr("Float top-up"), tr("Other…") };
    case Core::CashMovementKind::CashOut:
        return { tr("To the safe"), tr("Bank deposit"), tr("Small expense"), tr("Other…") };
    case Core::CashMovementKind::NoSale:
        return { tr("Change for a customer"), tr("Check the drawer"), tr("Other…") };
    }
    return {};
}

void CashMoveSheet::refreshValue()
{
    m_value->setText(amount().toDisplayString());
    const bool noSale = m_kind == Core::CashMovementKind::NoSale;
    if (noSale)
        m_confirm->setText(tr("Ask a manager"));
    else if (m_kind == Core::CashMovementKind::CashIn)
        m_confirm->setText(
            amount().isZero() ? tr("Put in") : tr("Put in %1").arg(amount().toDisplayString()));
    else
        m_confirm->setText(
            amount().isZero() ? tr("Take out") : tr("Take out %1").arg(amount().toDisplayString()));
}

void CashMoveSheet::submit()
{
    if (m_kind != Core::CashMovementKind::NoSale && amount().cents() <= 0) {
        showError(m_kind == Core::CashMovementKind::CashIn ? tr("Enter the amount put in.")
                                                           : tr("Enter the amount taken out."));
        return;
    }
    if (m_reasons->checkedId() < 0) {
        showError(tr("Choose a reason."));
        return;
    }
    const QString why = reason();
    if (why.isEmpty()) {
        showError(tr("Type the reason."));
        m_reasonText->setFocus();
        return;
    }
    m_error->clear();
    emit submitted(m_kind, amount(), why);
}

void CashMoveSheet::retranslate()
{
    switch (m_kind) {
    case Core::CashMovementKind::CashIn:
        setTitle(tr("Cash in"));
        m_what->setText(tr("Money put into the drawer. Count it, enter the amount and say why."));
        break;
    case Core::CashMovementKind::CashOut:
        setTitle(tr("Cash out"));
        m_what->setText(tr("Money taken out of the drawer. The drawer should hold %1 now.")
                            .arg(m_inDrawer.toDisplayString()));
        break;
    case Core::CashMovementKind::NoSale:
        setTitle(tr("No sale: open the drawer"));
        m_what->setText(tr("The drawer opens without a sale only with a manager's approval. "
                           "Say why; a manager approves with their PIN."));
        break;
    }
    m_valueCaption->setText(tr("Amount"));
    m_reasonCaption->setText(tr("Reason"));
    const QStringList texts = reasons();
    for (int index = 0; index < m_reasonButtons.size(); ++index) {
        QPushButton *button = m_reasonButtons.at(index);
        button->setVisible(index < texts.size());
        if (index < texts.size())
            button->setText(texts.at(index));
    }
    m_reasonText->setPlaceholderText(tr("Type the reason"));
    m_cancel->setText(tr("Cancel"));
    refreshValue();
}

void CashMoveSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
