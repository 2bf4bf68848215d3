#include "payscreen.h"

#include "uihelpers.h"

#include "app/services/saleservice.h"

#include <QBoxLayout>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr qint64 quickEuros[] = { 5, 10, 20, 50 };
constexpr qint64 maxTenderedCents = 1000000; // € 10 000: more is a typing slip
} // namespace

PayScreen::PayScreen(Services::SaleService &sale, QWidget *parent)
    : QWidget(parent)
    , m_sale(sale)
    , m_title(roleLabel(this, "title"))
    , m_totalCaption(new QLabel(this))
    , m_total(new QLabel(this))
    , m_roundingCaption(new QLabel(this))
    , m_rounding(new QLabel(this))
    , m_dueCaption(roleLabel(this, "title"))
    , m_due(roleLabel(this, "due"))
    , m_tenderedCaption(roleLabel(this, "title"))
    , m_tendered(roleLabel(this, "total"))
    , m_changeCaption(roleLabel(this, "title"))
    , m_change(roleLabel(this, "change"))
    , m_error(roleLabel(this, "error"))
    , m_exact(touchButton(this, "quick"))
    , m_clear(touchButton(this, "key"))
    , m_cancel(touchButton(this, "danger"))
    , m_done(touchButton(this, "primary"))
{
    setObjectName(QStringLiteral("payScreen"));
    m_total->setObjectName(QStringLiteral("payTotal"));
    m_rounding->setObjectName(QStringLiteral("payRounding"));
    m_due->setObjectName(QStringLiteral("payDue"));
    m_tendered->setObjectName(QStringLiteral("payTendered"));
    m_change->setObjectName(QStringLiteral("payChange"));
    m_error->setObjectName(QStringLiteral("payError"));
    m_exact->setObjectName(QStringLiteral("quickExact"));
    m_clear->setObjectName(QStringLiteral("payClear"));
    m_cancel->setObjectName(QStringLiteral("payCancel"));
    m_done->setObjectName(QStringLiteral("payDone"));
    for (QLabel *value : { m_total, m_rounding, m_due, m_tendered, m_change })
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *amounts = new QGridLayout;
    amounts->setVerticalSpacing(10);
    amounts->addWidget(m_totalCaption, 0, 0);
    amounts->addWidget(m_total, 0, 1);
    amounts->addWidget(m_roundingCaption, 1, 0);
    amounts->addWidget(m_rounding, 1, 1);
    amounts->addWidget(m_dueCaption, 2, 0);
    amounts->addWidget(m_due, 2, 1);
    amounts->addWidget(m_tenderedCaption, 3, 0);
    amounts->addWidget(m_tendered, 3, 1);
    amounts->addWidget(m_changeCaption, 4, 0);
    amounts->addWidget(m_change, 4, 1);

    auto *left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addLayout(amounts);
    left->addWidget(m_error);
    left->addStretch(1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_done, 2);
    left->addLayout(bottom);

    auto *quick = new QGridLayout;
    quick->setSpacing(10);
    quick->addWidget(m_exact, 0, 0, 1, 2);
    connect(m_exact, &QPushButton::clicked, this,
        [this] { setTendered(m_sale.cashQuote().due.cents()); });
    for (qint64 euros : quickEuros) {
        QPushButton *button = touchButton(this, "quick");
        button->setObjectName(QStringLiteral("quick%1").arg(euros));
        connect(button, &QPushButton::clicked, this, [this, euros] { setTendered(euros * 100); });
        const int index = int(m_quick.size());
        quick->addWidget(button, index == 0 ? 0 : 1, index == 0 ? 2 : index - 1);
        m_quick.append(button);
    }
    auto *pad = new QGridLayout;
    pad->setSpacing(10);
    const QStringList keys = { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
        QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"),
        QStringLiteral("8"), QStringLiteral("9"), QStringLiteral("00"), QStringLiteral("0") };
    for (int i = 0; i < keys.size(); ++i) {
        QPushButton *key = touchButton(this, "key");
        key->setObjectName(QStringLiteral("payKey%1").arg(keys.at(i)));
        key->setText(keys.at(i));
        const QString digits = keys.at(i);
        connect(key, &QPushButton::clicked, this, [this, digits] { typeDigits(digits); });
        pad->addWidget(key, i / 3, i % 3);
    }
    pad->addWidget(m_clear, 3, 2);
    connect(m_clear, &QPushButton::clicked, this, [this] { setTendered(0); });
    auto *right = new QVBoxLayout;
    right->addLayout(quick);
    right->addLayout(pad);
    right->addStretch(1);

    auto *layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(40);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    connect(m_cancel, &QPushButton::clicked, this, &PayScreen::cancelled);
    connect(m_done, &QPushButton::clicked, this, &PayScreen::complete);
    retranslate();
}

void PayScreen::start()
{
    m_tenderedCents = 0;
    m_typing = false;
    m_error->clear();
    refresh();
}

void PayScreen::typeDigits(const QString &digits)
{
    // Digits build the amount in cents, as on a till: 1, 2, 5, 0 → € 12,50.
    qint64 cents = m_typing ? m_tenderedCents : 0;
    for (QChar digit : digits)
        cents = cents * 10 + digit.digitValue();
    m_typing = true;
    if (cents <= maxTenderedCents)
        m_tenderedCents = cents;
    refresh();
}

void PayScreen::setTendered(qint64 cents)
{
    m_tenderedCents = cents;
    m_typing = false;
    m_error->clear();
    refresh();
}

void PayScreen::refresh()
{
    const Services::CashQuote quote = m_sale.cashQuote();
    m_total->setText(quote.total.toDisplayString());
    const bool rounded = !quote.rounding.isZero();
    m_roundingCaption->setVisible(rounded);
    m_rounding->setVisible(rounded);
    m_rounding->setText(quote.rounding.toDisplayString());
    m_due->setText(quote.due.toDisplayString());
    const Core::Money tendered = Core::Money::fromCents(m_tenderedCents);
    m_tendered->setText(tendered.toDisplayString());
    const bool enough = tendered >= quote.due;
    m_change->setText(enough ? (tendered - quote.due).toDisplayString() : QStringLiteral("—"));
    m_done->setEnabled(enough && !m_sale.isEmpty());
}

void PayScreen::complete()
{
    Core::Result<Services::CompletedSale> sale = m_sale.payCash(tendered());
    if (!sale) {
        m_error->setText(sale.error().message);
        return;
    }
    emit completed(sale.value());
}

void PayScreen::retranslate()
{
    m_title->setText(tr("Cash payment"));
    m_totalCaption->setText(tr("Total"));
    m_roundingCaption->setText(tr("Cash rounding"));
    m_dueCaption->setText(tr("To pay"));
    m_tenderedCaption->setText(tr("Received"));
    m_changeCaption->setText(tr("Change"));
    m_exact->setText(tr("Exact"));
    for (int i = 0; i < m_quick.size(); ++i)
        m_quick.at(i)->setText(Core::Money::fromCents(quickEuros[i] * 100)
                                   .toDisplayString()
                                   .remove(QRegularExpression(QStringLiteral("[.,]00$"))));
    m_clear->setText(tr("C"));
    m_cancel->setText(tr("Back"));
    m_done->setText(tr("Complete sale"));
    refresh();
}

void PayScreen::resizeEvent(QResizeEvent *event)
{
    // Portrait stacks the columns.
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->setDirection(width() < height() ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

void PayScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
