#include "discountsheet.h"

#include "keypad.h"
#include "uihelpers.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr int maxDigits = 7;
constexpr int reasonCount = 4;
} // namespace

DiscountSheet::DiscountSheet(QWidget *host)
    : SideSheet(host)
    , m_line(roleLabel(panel(), "sheetWhat"))
    , m_modes(new QButtonGroup(this))
    , m_amountMode(touchButton(panel()))
    , m_percentMode(touchButton(panel()))
    , m_priceMode(touchButton(panel()))
    , m_value(roleLabel(panel(), "total"))
    , m_reasonCaption(roleLabel(panel(), "caption"))
    , m_reasons(new QButtonGroup(this))
    , m_reasonText(new QLineEdit(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_cancel(touchButton(panel()))
    , m_apply(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("discountSheet"));
    m_line->setObjectName(QStringLiteral("discountLine"));
    m_line->setWordWrap(true);
    m_amountMode->setObjectName(QStringLiteral("discountModeAmount"));
    m_percentMode->setObjectName(QStringLiteral("discountModePercent"));
    m_priceMode->setObjectName(QStringLiteral("discountModePrice"));
    m_value->setObjectName(QStringLiteral("discountValue"));
    m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_reasonText->setObjectName(QStringLiteral("discountReasonText"));
    m_error->setObjectName(QStringLiteral("discountError"));
    m_error->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("discountCancel"));
    m_apply->setObjectName(QStringLiteral("discountApply"));

    int id = 0;
    for (QPushButton *button : { m_amountMode, m_percentMode, m_priceMode }) {
        button->setCheckable(true);
        m_modes->addButton(button, id++);
    }
    m_amountMode->setChecked(true);
    connect(m_modes, &QButtonGroup::idClicked, this, [this] {
        m_digits.clear();
        m_error->clear();
        refreshValue();
    });
    auto *reasonGrid = new QGridLayout;
    reasonGrid->setSpacing(10);
    for (int index = 0; index < reasonCount; ++index) {
        QPushButton *button = touchButton(panel());
        button->setObjectName(QStringLiteral("discountReason%1").arg(index));
        button->setCheckable(true);
        m_reasons->addButton(button, index);
        m_reasonButtons.append(button);
        // One a row: a reason is read whole, never cut at the button's edge.
        reasonGrid->addWidget(button, index, 0);
    }
    connect(m_reasons, &QButtonGroup::idClicked, this, [this] {
        m_reasonText->clear();
        m_error->clear();
    });
    connect(m_reasonText, &QLineEdit::textEdited, this, [this] {
        // A typed reason replaces the chosen one.
        if (QAbstractButton *checked = m_reasons->checkedButton()) {
            m_reasons->setExclusive(false);
            checked->setChecked(false);
            m_reasons->setExclusive(true);
        }
    });

    auto *keypad = new Keypad(QStringLiteral("discount"), panel());
    connect(keypad, &Keypad::digitPressed, this, [this](int digit) {
        if (m_digits.size() < maxDigits && !(m_digits.isEmpty() && digit == 0))
            m_digits.append(QString::number(digit));
        m_error->clear();
        refreshValue();
    });
    connect(keypad, &Keypad::backspacePressed, this, [this] {
        m_digits.chop(1);
        refreshValue();
    });
    connect(m_cancel, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_apply, &QPushButton::clicked, this, &DiscountSheet::submit);

    auto *modes = new QHBoxLayout;
    modes->addWidget(m_amountMode);
    modes->addWidget(m_percentMode);
    modes->addWidget(m_priceMode);
    auto *left = new QVBoxLayout;
    left->addWidget(m_value);
    left->addWidget(keypad);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_reasonCaption);
    right->addLayout(reasonGrid);
    right->addWidget(m_reasonText);
    right->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->setSpacing(20);
    middle->addLayout(left, 1);
    middle->addLayout(right, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel, 1);
    buttons->addWidget(m_apply, 2);

    content()->addWidget(m_line);
    content()->addLayout(modes);
    content()->addLayout(middle, 1);
    content()->addWidget(m_error);
    content()->addLayout(buttons);
    retranslate();
}

void DiscountSheet::start(const QString &lineId, const QString &lineName, Core::Money lineTotal)
{
    m_lineId = lineId;
    m_lineName = lineName;
    m_lineTotal = lineTotal;
    m_digits.clear();
    m_amountMode->setChecked(true);
    m_reasons->setExclusive(false);
    for (QPushButton *button : std::as_const(m_reasonButtons))
        button->setChecked(false);
    m_reasons->setExclusive(true);
    m_reasonText->clear();
    m_error->clear();
    retranslate();
    open();
}

void DiscountSheet::showError(const QString &message)
{
    m_error->setText(message);
}

DiscountSheet::Mode DiscountSheet::mode() const
{
    return Mode(qMax(0, m_modes->checkedId()));
}

QString DiscountSheet::reason() const
{
    if (const QString typed = m_reasonText->text().trimmed(); !typed.isEmpty())
        return typed;
    const int chosen = m_reasons->checkedId();
    return chosen >= 0 ? m_reasonButtons.at(chosen)->text() : QString();
}

void DiscountSheet::refreshValue()
{
    const qint64 value = m_digits.isEmpty() ? 0 : m_digits.toLongLong();
    if (mode() == Mode::Percent) {
        // Whole percent typed; shown as "15 %".
        m_value->setText(tr("%1 %").arg(QLocale().toString(value)));
    } else {
        m_value->setText(Core::Money::fromCents(value).toDisplayString());
    }
}

void DiscountSheet::submit()
{
    const qint64 value = m_digits.isEmpty() ? 0 : m_digits.toLongLong();
    if (value <= 0) {
        showError(mode() == Mode::Price ? tr("Enter the new price.") : tr("Enter the discount."));
        return;
    }
    if (mode() == Mode::Percent && value > 100) {
        showError(tr("A percentage is at most 100 %."));
        return;
    }
    const QString why = reason();
    if (why.isEmpty()) {
        showError(tr("Choose or type a reason."));
        return;
    }
    m_error->clear();
    emit submitted(m_lineId, mode(), mode() == Mode::Percent ? value * 100 : value, why);
}

void DiscountSheet::retranslate()
{
    setTitle(tr("Discount or price"));
    m_line->setText(tr("%1 — now %2").arg(m_lineName, m_lineTotal.toDisplayString()));
    m_amountMode->setText(tr("Amount €"));
    m_percentMode->setText(tr("Percent %"));
    m_priceMode->setText(tr("New price"));
    m_reasonCaption->setText(tr("Reason"));
    const QStringList reasons
        = { tr("Damaged"), tr("Price match"), tr("Customer service"), tr("Display model") };
    for (int index = 0; index < reasonCount; ++index)
        m_reasonButtons.at(index)->setText(reasons.at(index));
    m_reasonText->setPlaceholderText(tr("Other reason"));
    m_cancel->setText(tr("Cancel"));
    m_apply->setText(tr("Apply"));
    refreshValue();
}

void DiscountSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
