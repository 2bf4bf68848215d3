#include "payscreen.h"

#include "uihelpers.h"

#include "app/core/payment.h"
#include "app/services/saleservice.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {

constexpr qint64 noteEuros[] = { 5, 10, 20, 50, 100, 200 };
constexpr int quickButtons = 3; // with Exact: a column as tall as the numpad
constexpr qint64 maxAmountCents = 1000000; // € 10 000: more is a typing slip

const Core::TenderMethod tileOrder[]
    = { Core::TenderMethod::Card, Core::TenderMethod::Cash, Core::TenderMethod::GiftCard,
          Core::TenderMethod::LoyaltyPoints, Core::TenderMethod::StoreCredit };

QString methodObjectName(Core::TenderMethod method)
{
    switch (method) {
    case Core::TenderMethod::Card:
        return QStringLiteral("Card");
    case Core::TenderMethod::Cash:
        return QStringLiteral("Cash");
    case Core::TenderMethod::GiftCard:
        return QStringLiteral("GiftCard");
    case Core::TenderMethod::LoyaltyPoints:
        return QStringLiteral("Points");
    case Core::TenderMethod::StoreCredit:
        return QStringLiteral("StoreCredit");
    case Core::TenderMethod::ReturnCredit:
        return QStringLiteral("ReturnCredit");
    }
    return {};
}

// A method tile: the method's name over a line that says why it cannot be used now (or what
// it holds), both wrapping inside the tile so nothing is cut.
class MethodTile final : public QPushButton
{
public:
    using QPushButton::QPushButton;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPushButton::resizeEvent(event);
        const int needed
            = qMax(minimumTileHeight, layout() ? layout()->totalHeightForWidth(width()) : 0);
        if (needed != minimumHeight())
            setMinimumHeight(needed);
    }

private:
    static constexpr int minimumTileHeight = 80;
};

QString euros(qint64 units)
{
    return QStringLiteral("€ %1").arg(QLocale().toString(units));
}

} // namespace

PayScreen::PayScreen(
    Services::PaymentService &payments, Services::SaleService &sale, QWidget *parent)
    : QWidget(parent)
    , m_payments(payments)
    , m_sale(sale)
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_left(new QVBoxLayout)
    , m_right(new QVBoxLayout)
    , m_amounts(new QGridLayout)
    , m_totalCaption(roleLabel(this, "payCaption"))
    , m_total(roleLabel(this, "payFigure"))
    , m_paidCaption(roleLabel(this, "payCaption"))
    , m_paid(roleLabel(this, "payFigure"))
    , m_remainingCaption(roleLabel(this, "payCaption"))
    , m_remaining(roleLabel(this, "due"))
    , m_roundingBox(new QWidget(this))
    , m_roundingCaption(roleLabel(m_roundingBox, "sum"))
    , m_rounding(roleLabel(m_roundingBox, "sum"))
    , m_dueCaption(roleLabel(m_roundingBox, "payCashDue"))
    , m_due(roleLabel(m_roundingBox, "payCashDue"))
    , m_tendersCaption(roleLabel(this, "caption"))
    , m_tenders(new QWidget(this))
    , m_tenderGrid(new QGridLayout(m_tenders))
    , m_terminalBox(new QFrame(this))
    , m_terminalHeadline(roleLabel(m_terminalBox, "terminalHeadline"))
    , m_terminalDetail(roleLabel(m_terminalBox, "terminalDetail"))
    , m_stopCard(touchButton(m_terminalBox, "danger"))
    , m_checkAgain(touchButton(this))
    , m_error(roleLabel(this, "error"))
    , m_amountCaption(roleLabel(this, "payCaption"))
    , m_amount(roleLabel(this, "payFigure"))
    , m_changeCaption(roleLabel(this, "payCaption"))
    , m_change(roleLabel(this, "change"))
    , m_methodNote(roleLabel(this, "subtle"))
    , m_quickRow(new QWidget(this))
    , m_exact(touchButton(m_quickRow, "quickKey"))
    , m_pad(new QWidget(this))
    , m_clear(touchButton(m_pad, "padKey"))
    , m_cancel(touchButton(this, "danger"))
    , m_done(touchButton(this, "primary"))
{
    setObjectName(QStringLiteral("payScreen"));
    m_total->setObjectName(QStringLiteral("payTotal"));
    m_paid->setObjectName(QStringLiteral("payPaid"));
    m_remaining->setObjectName(QStringLiteral("payRemaining"));
    m_rounding->setObjectName(QStringLiteral("payRounding"));
    m_due->setObjectName(QStringLiteral("payDue"));
    m_roundingBox->setObjectName(QStringLiteral("payRoundingLine"));
    m_tenders->setObjectName(QStringLiteral("payTenders"));
    m_terminalBox->setObjectName(QStringLiteral("payTerminal"));
    m_terminalHeadline->setObjectName(QStringLiteral("payTerminalHeadline"));
    m_terminalDetail->setObjectName(QStringLiteral("payTerminalDetail"));
    m_stopCard->setObjectName(QStringLiteral("payStopCard"));
    m_checkAgain->setObjectName(QStringLiteral("payCheckAgain"));
    m_error->setObjectName(QStringLiteral("payError"));
    m_amount->setObjectName(QStringLiteral("payTendered"));
    m_change->setObjectName(QStringLiteral("payChange"));
    m_methodNote->setObjectName(QStringLiteral("payMethodNote"));
    m_exact->setObjectName(QStringLiteral("quickExact"));
    m_clear->setObjectName(QStringLiteral("payClear"));
    m_cancel->setObjectName(QStringLiteral("payCancel"));
    m_done->setObjectName(QStringLiteral("payDone"));
    for (QLabel *value : { m_total, m_paid, m_remaining, m_rounding, m_due, m_amount, m_change })
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (QLabel *wrapping : { m_terminalHeadline, m_terminalDetail, m_error, m_methodNote })
        wrapping->setWordWrap(true);

    // --- left: the figures, the tenders, the terminal ----------------------------------
    m_amounts->setHorizontalSpacing(16);
    m_amounts->setVerticalSpacing(4);
    auto *rounding = new QGridLayout(m_roundingBox);
    rounding->setContentsMargins(0, 0, 0, 0);
    rounding->setVerticalSpacing(2);
    rounding->addWidget(m_roundingCaption, 0, 0);
    rounding->addWidget(m_rounding, 0, 1);
    rounding->addWidget(m_dueCaption, 1, 0);
    rounding->addWidget(m_due, 1, 1);
    m_tenderGrid->setContentsMargins(0, 0, 0, 0);
    m_tenderGrid->setHorizontalSpacing(12);
    m_tenderGrid->setVerticalSpacing(4);
    m_tenderGrid->setColumnStretch(0, 1);
    auto *terminal = new QHBoxLayout(m_terminalBox);
    terminal->setContentsMargins(14, 10, 14, 10);
    auto *terminalText = new QVBoxLayout;
    terminalText->setSpacing(2);
    terminalText->addWidget(m_terminalHeadline);
    terminalText->addWidget(m_terminalDetail);
    terminal->addLayout(terminalText, 1);
    terminal->addWidget(m_stopCard, 0, Qt::AlignVCenter);
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        m_error->clear();
        m_payments.checkAgain();
    });
    connect(m_stopCard, &QPushButton::clicked, this, [this] {
        m_error->clear();
        m_payments.abortCard();
    });

    m_left->setSpacing(10);
    m_left->addLayout(m_amounts);
    m_left->addWidget(m_roundingBox);
    m_left->addWidget(m_tendersCaption);
    m_left->addWidget(m_tenders);
    m_left->addWidget(m_checkAgain, 0, Qt::AlignLeft);
    m_left->addWidget(m_terminalBox);
    m_left->addWidget(m_error);
    m_left->addStretch(1);

    // --- right: methods, amount, quick cash, numpad ------------------------------------
    auto *tiles = new QGridLayout;
    tiles->setSpacing(10);
    int index = 0;
    for (Core::TenderMethod method : tileOrder) {
        auto *tile = new MethodTile(this);
        tile->setFocusPolicy(Qt::NoFocus);
        tile->setProperty("role", QStringLiteral("tile"));
        tile->setObjectName(QStringLiteral("payMethod%1").arg(methodObjectName(method)));
        tile->setCheckable(true);
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(8, 6, 8, 6);
        tileLayout->setSpacing(2);
        QLabel *name = roleLabel(tile, "tileName");
        QLabel *note = roleLabel(tile, "tileRole");
        note->setObjectName(QStringLiteral("payMethodWhy%1").arg(methodObjectName(method)));
        for (QLabel *label : { name, note }) {
            label->setAlignment(Qt::AlignCenter);
            label->setWordWrap(true);
            label->setAttribute(Qt::WA_TransparentForMouseEvents); // the tile takes the tap
            tileLayout->addWidget(label);
        }
        connect(tile, &QPushButton::clicked, this, [this, method] { chooseMethod(method); });
        tiles->addWidget(tile, index / 3, index % 3);
        m_tiles.insert(method, tile);
        m_tileNames.insert(method, name);
        m_tileNotes.insert(method, note);
        ++index;
    }

    auto *entry = new QGridLayout;
    entry->setHorizontalSpacing(16);
    entry->setVerticalSpacing(2);
    entry->addWidget(m_amountCaption, 0, 0);
    entry->addWidget(m_amount, 0, 1);
    entry->addWidget(m_changeCaption, 1, 0);
    entry->addWidget(m_change, 1, 1);

    // Quick cash as a column beside the numpad: Exact, then the notes above what is due.
    auto *quick = new QVBoxLayout(m_quickRow);
    quick->setContentsMargins(0, 0, 0, 0);
    quick->setSpacing(8);
    quick->addWidget(m_exact);
    connect(m_exact, &QPushButton::clicked, this,
        [this] { setAmount(m_payments.view().cash.due.cents()); });
    for (int i = 0; i < quickButtons; ++i) {
        QPushButton *button = touchButton(m_quickRow, "quickKey");
        connect(button, &QPushButton::clicked, this,
            [this, button] { setAmount(button->property("cents").toLongLong()); });
        quick->addWidget(button);
        m_quick.append(button);
    }
    quick->addStretch(1);

    auto *pad = new QGridLayout(m_pad);
    pad->setContentsMargins(0, 0, 0, 0);
    pad->setSpacing(8);
    const QStringList keys = { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
        QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"),
        QStringLiteral("8"), QStringLiteral("9"), QStringLiteral("00"), QStringLiteral("0") };
    for (int i = 0; i < keys.size(); ++i) {
        QPushButton *key = touchButton(m_pad, "padKey");
        key->setObjectName(QStringLiteral("payKey%1").arg(keys.at(i)));
        key->setText(keys.at(i));
        const QString digits = keys.at(i);
        connect(key, &QPushButton::clicked, this, [this, digits] { typeDigits(digits); });
        pad->addWidget(key, i / 3, i % 3);
    }
    pad->addWidget(m_clear, 3, 2);
    connect(m_clear, &QPushButton::clicked, this, [this] { setAmount(0); });

    m_right->setSpacing(10);
    m_right->addLayout(tiles);
    m_right->addWidget(m_methodNote);
    m_right->addLayout(entry);
    auto *keyRow = new QHBoxLayout;
    keyRow->setSpacing(8);
    keyRow->addWidget(m_pad, 3);
    keyRow->addWidget(m_quickRow, 1);
    m_right->addLayout(keyRow);
    m_right->addStretch(1);

    m_panes->setSpacing(32);
    m_panes->addLayout(m_left, 1);
    m_panes->addLayout(m_right, 1);
    // Landscape: Cancel left of Pay. Portrait: Pay on top of Cancel, both the full width, so
    // neither label is cut.
    m_bottom = new QBoxLayout(QBoxLayout::LeftToRight);
    m_bottom->setSpacing(16);
    m_bottom->addWidget(m_cancel, 1);
    m_bottom->addWidget(m_done, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 16, 28, 16);
    layout->setSpacing(12);
    layout->addLayout(m_panes, 1);
    layout->addLayout(m_bottom);

    connect(m_cancel, &QPushButton::clicked, this, &PayScreen::askToCancel);
    connect(m_done, &QPushButton::clicked, this, &PayScreen::payPart);
    connect(&m_payments, &Services::PaymentService::changed, this, &PayScreen::refresh);
    connect(&m_payments, &Services::PaymentService::failed, this, &PayScreen::onFailed);
    connect(&m_payments, &Services::PaymentService::completed, this,
        [this](const Services::CompletedSale &sale) {
            m_error->clear();
            emit completed(sale);
        });
    arrangeAmounts(false);
    retranslate();
}

void PayScreen::start()
{
    m_error->clear();
    m_cancelling = false;
    m_lastTerminal = Services::TerminalState::Idle;
    m_lastTenderCount = 0;
    if (!m_payments.isOpen()) {
        if (const Core::Status begun = m_payments.begin(); !begun)
            m_error->setText(begun.error().message);
    }
    const Services::PaymentView view = m_payments.view();
    m_lastTerminal = view.terminal;
    m_lastTenderCount = int(view.tenders.size());
    // The card when the terminal can take it (most customers pay by card), else cash.
    m_method = Core::TenderMethod::Cash;
    for (const Services::PaymentMethodView &method : view.methods) {
        if (method.method == Core::TenderMethod::Card && method.usable)
            m_method = Core::TenderMethod::Card;
    }
    resetAmount();
    refresh();
}

void PayScreen::showError(const QString &message)
{
    m_error->setText(message);
}

void PayScreen::chooseMethod(Core::TenderMethod method)
{
    m_error->clear();
    if (method == Core::TenderMethod::GiftCard) {
        // The gift card's own sheet scans the card, shows its balance and takes the amount.
        emit giftCardRequested(m_payments.view().remaining);
        refresh(); // the tile is a button here, not a choice: it does not stay checked
        return;
    }
    m_method = method;
    resetAmount();
    refresh();
}

void PayScreen::typeDigits(const QString &digits)
{
    // Digits build the amount in cents, as on a till: 1, 2, 5, 0 → € 12,50.
    qint64 cents = m_typing ? m_amountCents : 0;
    for (QChar digit : digits)
        cents = cents * 10 + digit.digitValue();
    m_typing = true;
    m_amountEdited = true;
    if (cents <= maxAmountCents)
        m_amountCents = cents;
    m_error->clear();
    refresh();
}

void PayScreen::setAmount(qint64 cents)
{
    m_amountCents = cents;
    m_typing = false;
    m_amountEdited = true;
    m_error->clear();
    refresh();
}

void PayScreen::resetAmount()
{
    m_typing = false;
    m_amountEdited = false;
    m_amountCents = defaultAmountCents(m_payments.view());
}

qint64 PayScreen::defaultAmountCents(const Services::PaymentView &view) const
{
    // What no tender covers yet: a part still waiting for its answer is not asked for again.
    qint64 pending = 0;
    for (const Services::TenderView &tender : view.tenders) {
        if (tender.state == Services::TenderView::State::Pending)
            pending += tender.amount.cents();
    }
    if (pending > 0)
        return qMax<qint64>(0, view.remaining.cents() - pending);
    switch (m_method) {
    case Core::TenderMethod::Cash:
        return qMax<qint64>(0, view.cash.due.cents());
    case Core::TenderMethod::LoyaltyPoints: {
        const qint64 available = view.pointsAvailable.value_or(0);
        const Core::Money worth = Core::pointsValue(available, m_sale.rules().loyalty);
        return qMax<qint64>(0, qMin(view.remaining.cents(), worth.cents()));
    }
    default:
        return qMax<qint64>(0, view.remaining.cents());
    }
}

qint64 PayScreen::pointsFor(Core::Money amount) const
{
    // Whole points whose value is at most the amount: points never pay more than is asked.
    const qint64 pointValue = m_sale.rules().loyalty.pointValue.cents();
    return pointValue > 0 ? amount.cents() / pointValue : 0;
}

QList<qint64> PayScreen::quickNotes(Core::Money due) const
{
    // The notes a customer is likely to hand over: the smallest ones above what is due.
    QList<qint64> notes;
    for (qint64 note : noteEuros) {
        if (note * 100 > due.cents() && notes.size() < quickButtons)
            notes.append(note);
    }
    return notes;
}

bool PayScreen::cardRunning(const Services::PaymentView &view) const
{
    if (view.terminal == Services::TerminalState::Waiting
        || view.terminal == Services::TerminalState::Checking)
        return true;
    for (const Services::TenderView &tender : view.tenders) {
        if (tender.method == Core::TenderMethod::Card
            && tender.state == Services::TenderView::State::Pending)
            return true;
    }
    return false;
}

void PayScreen::payPart()
{
    m_error->clear();
    const Services::PaymentView view = m_payments.view();
    const Core::Money amount = Core::Money::fromCents(m_amountCents);
    Core::Status paid = Core::success();
    switch (m_method) {
    case Core::TenderMethod::Cash:
        // What the customer hands over: at least the cash due pays the rest (with change);
        // less pays a part of it.
        paid = amount >= view.cash.due ? m_payments.payCash(amount)
                                       : m_payments.payCash(amount, amount);
        break;
    case Core::TenderMethod::Card:
        paid = m_payments.payCard(amount);
        break;
    case Core::TenderMethod::StoreCredit:
        paid = m_payments.payStoreCredit(amount);
        break;
    case Core::TenderMethod::LoyaltyPoints:
        paid = m_payments.payPoints(pointsFor(amount));
        break;
    case Core::TenderMethod::GiftCard:
        emit giftCardRequested(view.remaining);
        return;
    case Core::TenderMethod::ReturnCredit: // taken by PaymentService, never a tile
        return;
    }
    if (!paid) {
        m_error->setText(paid.error().message);
        refresh();
        return;
    }
    if (m_payments.isOpen()) {
        // The next part starts from what is left now.
        resetAmount();
        refresh();
    }
}

void PayScreen::askToCancel()
{
    m_error->clear();
    const Services::PaymentView view = m_payments.view();
    QStringList givenBack;
    for (const Services::TenderView &tender : view.tenders) {
        if (tender.state == Services::TenderView::State::Settled)
            givenBack.append(tr("%1: %2").arg(tender.label, tender.amount.toDisplayString()));
    }
    if (givenBack.isEmpty()) {
        cancelPayment();
        return;
    }
    emit cancelConfirmationRequested(givenBack.join(QLatin1Char('\n')));
}

void PayScreen::cancelPayment()
{
    m_error->clear();
    if (!m_payments.isOpen()) {
        emit cancelled();
        return;
    }
    const Core::Status cancelled = m_payments.cancel();
    if (!cancelled) {
        m_error->setText(cancelled.error().message);
        refresh();
        return;
    }
    // Card reversals may still run: the screen stays, showing them, until all is given back.
    if (m_payments.isOpen()) {
        m_cancelling = true;
        refresh();
        return;
    }
    emit this->cancelled();
}

void PayScreen::onFailed(const Core::Error &error)
{
    refresh(); // the state the failure belongs to, so that it is not cleared as an old one
    const Services::TerminalState terminal = m_payments.view().terminal;
    const bool terminalSaysIt = terminal == Services::TerminalState::Declined
        || terminal == Services::TerminalState::Cancelled
        || terminal == Services::TerminalState::Busy
        || terminal == Services::TerminalState::Unreachable;
    // The terminal panel already says what happened and what to do next; the tender row
    // carries the detail. Other failures (a claim refused, a reversal that failed) go here.
    if (!terminalSaysIt)
        m_error->setText(error.message);
}

void PayScreen::refresh()
{
    const Services::PaymentView view = m_payments.view();
    // A screen that changes state clears the previous error.
    if (view.terminal != m_lastTerminal || int(view.tenders.size()) != m_lastTenderCount) {
        if (view.terminal != m_lastTerminal && view.terminal != Services::TerminalState::Idle)
            m_error->clear();
        if (int(view.tenders.size()) > m_lastTenderCount)
            m_error->clear();
        m_lastTerminal = view.terminal;
        m_lastTenderCount = int(view.tenders.size());
    }
    if (!m_amountEdited)
        m_amountCents = defaultAmountCents(view);
    if (m_cancelling && !view.open) {
        m_cancelling = false;
        if (isVisible())
            emit cancelled();
    }
    refreshAmounts(view);
    refreshTenders(view);
    refreshTerminal(view);
    refreshTiles(view);
    refreshEntry(view);
}

void PayScreen::refreshAmounts(const Services::PaymentView &view)
{
    m_total->setText(view.total.toDisplayString());
    m_paid->setText(view.paid.toDisplayString());
    m_remaining->setText(view.remaining.toDisplayString());
    // Cash pays the rest: the rounded cash amount next to the unrounded total (both shown).
    const bool cashRest = m_method == Core::TenderMethod::Cash && !view.cash.rounding.isZero()
        && view.remaining.cents() > 0;
    m_roundingBox->setVisible(cashRest);
    const QString sign = view.cash.rounding.cents() > 0 ? QStringLiteral("+") : QString();
    m_rounding->setText(sign + view.cash.rounding.toDisplayString());
    m_due->setText(view.cash.due.toDisplayString());
}

void PayScreen::refreshTenders(const Services::PaymentView &view)
{
    // A few labels, rebuilt: deleted at once, so that no old row is found by its name.
    while (QLayoutItem *item = m_tenderGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_tendersCaption->setVisible(!view.tenders.isEmpty());
    m_tenders->setVisible(!view.tenders.isEmpty());
    int row = 0;
    int index = 0;
    for (const Services::TenderView &tender : view.tenders) {
        QString stateText;
        const char *state = "pending";
        switch (tender.state) {
        case Services::TenderView::State::Pending:
            stateText = tr("Waiting");
            state = "pending";
            break;
        case Services::TenderView::State::Settled:
            stateText = tr("Paid");
            state = "settled";
            break;
        case Services::TenderView::State::Failed:
            stateText = tr("Not paid");
            state = "failed";
            break;
        case Services::TenderView::State::Reversing:
            stateText = tr("Being given back");
            state = "reversing";
            break;
        case Services::TenderView::State::Reversed:
            stateText = tr("Given back");
            state = "reversed";
            break;
        }
        QLabel *label = roleLabel(m_tenders, "tenderLabel");
        label->setObjectName(QStringLiteral("payTenderLabel%1").arg(index));
        label->setWordWrap(true);
        label->setText(tender.label);
        QLabel *amount = roleLabel(m_tenders, "tenderAmount");
        amount->setObjectName(QStringLiteral("payTenderAmount%1").arg(index));
        amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        amount->setText(tender.amount.toDisplayString());
        QLabel *stateLabel = roleLabel(m_tenders, "tenderState");
        stateLabel->setObjectName(QStringLiteral("payTenderState%1").arg(index));
        stateLabel->setProperty("state", QString::fromLatin1(state));
        stateLabel->setAlignment(Qt::AlignCenter);
        stateLabel->setText(stateText);
        m_tenderGrid->addWidget(label, row, 0);
        m_tenderGrid->addWidget(amount, row, 1);
        m_tenderGrid->addWidget(stateLabel, row, 2);
        ++row;
        if (!tender.detail.isEmpty()) {
            QLabel *detail = roleLabel(m_tenders, "subtle");
            detail->setObjectName(QStringLiteral("payTenderDetail%1").arg(index));
            detail->setWordWrap(true);
            detail->setText(tender.detail);
            m_tenderGrid->addWidget(detail, row, 0, 1, 3);
            ++row;
        }
        ++index;
    }
}

void PayScreen::refreshTerminal(const Services::PaymentView &view)
{
    QString headline;
    QString next;
    const char *state = "idle";
    switch (view.terminal) {
    case Services::TerminalState::Idle:
        break;
    case Services::TerminalState::Waiting:
        headline = tr("Follow the instructions on the terminal");
        state = "waiting";
        break;
    case Services::TerminalState::Approved:
        // Said while the card is the latest part; after another part it is old news.
        if (!view.tenders.isEmpty() && view.tenders.constLast().method != Core::TenderMethod::Card)
            break;
        headline = tr("Card approved");
        next = view.remaining.cents() > 0
            ? tr("Choose how to pay the remaining %1.").arg(view.remaining.toDisplayString())
            : QString();
        state = "approved";
        break;
    case Services::TerminalState::Declined:
        headline = tr("Declined — ask for another card or another way to pay");
        state = "failed";
        break;
    case Services::TerminalState::Cancelled:
        headline = tr("Cancelled on the terminal — try again or choose another way to pay");
        state = "failed";
        break;
    case Services::TerminalState::Busy:
        headline = tr("The terminal is busy — wait a moment and try again");
        state = "failed";
        break;
    case Services::TerminalState::Checking:
        headline = tr("No answer from the terminal — checking what happened…");
        next = tr("Do not start the card payment again: the customer is never charged twice.");
        state = "checking";
        break;
    case Services::TerminalState::Unreachable:
        headline = tr("The terminal cannot be reached — check that it is on and connected");
        state = "failed";
        break;
    }
    // What the terminal itself shows ("Enter PIN") while it works, under the headline.
    if (view.terminal == Services::TerminalState::Waiting && !view.terminalText.isEmpty()
        && view.terminalText != headline)
        next = view.terminalText;
    m_terminalBox->setVisible(!headline.isEmpty());
    m_terminalHeadline->setText(headline);
    m_terminalDetail->setText(next);
    m_terminalDetail->setVisible(!next.isEmpty());
    if (m_terminalBox->property("state").toString() != QLatin1String(state)) {
        m_terminalBox->setProperty("state", QString::fromLatin1(state));
        repolish(m_terminalBox);
        repolish(m_terminalHeadline);
    }
    m_stopCard->setVisible(view.terminal == Services::TerminalState::Waiting);
    // An outcome still unknown after the automatic tries (or a give-back not yet confirmed):
    // staff ask again once the terminal or the network is back.
    bool unknown = false;
    for (const Services::TenderView &tender : view.tenders)
        unknown = unknown || tender.state == Services::TenderView::State::Pending
            || tender.state == Services::TenderView::State::Reversing;
    m_checkAgain->setVisible(unknown && view.terminal != Services::TerminalState::Waiting
        && view.terminal != Services::TerminalState::Checking);
}

void PayScreen::refreshTiles(const Services::PaymentView &view)
{
    const bool busy = cardRunning(view) || m_cancelling || !view.open;
    for (Core::TenderMethod method : tileOrder) {
        bool usable = false;
        QString note;
        for (const Services::PaymentMethodView &candidate : view.methods) {
            if (candidate.method != method)
                continue;
            usable = candidate.usable;
            note = candidate.whyNot;
        }
        if (usable && method == Core::TenderMethod::LoyaltyPoints && view.pointsAvailable) {
            const Core::Money worth
                = Core::pointsValue(*view.pointsAvailable, m_sale.rules().loyalty);
            note = tr("%1 points · %2")
                       .arg(QLocale().toString(*view.pointsAvailable), worth.toDisplayString());
        }
        QPushButton *tile = m_tiles.value(method);
        tile->setEnabled(usable && !busy && view.remaining.cents() > 0);
        tile->setChecked(usable && method == m_method && method != Core::TenderMethod::GiftCard);
        // While the terminal works every tile waits for it; the terminal panel says so once.
        if (cardRunning(view))
            note.clear();
        m_tileNotes.value(method)->setText(note);
        m_tileNotes.value(method)->setVisible(!note.isEmpty());
        for (QLabel *label : { m_tileNames.value(method), m_tileNotes.value(method) }) {
            if (label->property("selected").toBool() != tile->isChecked()) {
                label->setProperty("selected", tile->isChecked());
                repolish(label);
            }
        }
    }
}

void PayScreen::refreshEntry(const Services::PaymentView &view)
{
    const bool busy = cardRunning(view) || m_cancelling || !view.open;
    const bool cash = m_method == Core::TenderMethod::Cash;
    const Core::Money amount = Core::Money::fromCents(m_amountCents);
    m_amount->setText(amount.toDisplayString());
    m_amountCaption->setText(cash ? tr("Received in cash") : tr("Amount of this part"));
    m_changeCaption->setVisible(cash);
    m_change->setVisible(cash);
    m_change->setText(cash && amount >= view.cash.due ? (amount - view.cash.due).toDisplayString()
                                                      : QStringLiteral("—"));
    m_quickRow->setVisible(cash);
    const QList<qint64> notes = quickNotes(view.cash.due);
    for (int i = 0; i < m_quick.size(); ++i) {
        QPushButton *button = m_quick.at(i);
        const bool shown = i < notes.size();
        button->setVisible(shown);
        if (!shown)
            button->setObjectName(QString());
        if (shown) {
            button->setObjectName(QStringLiteral("quick%1").arg(notes.at(i)));
            button->setProperty("cents", notes.at(i) * 100);
            button->setText(euros(notes.at(i)));
        }
    }

    QString note;
    QString action;
    bool canPay = view.open && !busy && m_amountCents > 0 && view.remaining.cents() > 0;
    switch (m_method) {
    case Core::TenderMethod::Cash:
        action = amount >= view.cash.due ? tr("Pay %1 in cash").arg(view.cash.due.toDisplayString())
                                         : tr("Pay %1 in cash, part").arg(amount.toDisplayString());
        break;
    case Core::TenderMethod::Card:
        action = tr("Pay %1 by card").arg(amount.toDisplayString());
        canPay = canPay && amount <= view.remaining;
        if (amount > view.remaining)
            note
                = tr("A card pays at most the remaining %1.").arg(view.remaining.toDisplayString());
        break;
    case Core::TenderMethod::StoreCredit:
        action = tr("Pay %1 with store credit").arg(amount.toDisplayString());
        canPay = canPay && amount <= view.remaining;
        break;
    case Core::TenderMethod::LoyaltyPoints: {
        const qint64 points = pointsFor(amount);
        const Core::Money worth = Core::pointsValue(points, m_sale.rules().loyalty);
        action
            = tr("Pay %1 with %2 points").arg(worth.toDisplayString(), QLocale().toString(points));
        canPay = canPay && points > 0 && worth <= view.remaining
            && points <= view.pointsAvailable.value_or(0);
        if (view.pointsAvailable)
            note = tr("Available: %1 points, worth %2.")
                       .arg(QLocale().toString(*view.pointsAvailable),
                           Core::pointsValue(*view.pointsAvailable, m_sale.rules().loyalty)
                               .toDisplayString());
        break;
    }
    case Core::TenderMethod::GiftCard:
        action = tr("Gift card");
        break;
    case Core::TenderMethod::ReturnCredit:
        canPay = false;
        break;
    }
    if (!view.open)
        action = tr("Pay");
    else if (cardRunning(view))
        action = tr("Waiting for the terminal…");
    m_methodNote->setText(note);
    m_methodNote->setVisible(!note.isEmpty());
    m_done->setText(action);
    m_done->setEnabled(canPay);
    m_pad->setEnabled(!busy);
    m_quickRow->setEnabled(!busy);
    // Cancelling asks the terminal to stop first; a payment being checked cannot be left.
    m_cancel->setEnabled(!cardRunning(view) && !m_cancelling);
}

void PayScreen::arrangeAmounts(bool portrait)
{
    // Landscape: one figure per row, captions left. Portrait: the three side by side, so the
    // numpad keeps its room below.
    const std::pair<QLabel *, QLabel *> figures[] = { { m_totalCaption, m_total },
        { m_paidCaption, m_paid }, { m_remainingCaption, m_remaining } };
    for (const auto &[caption, value] : figures) {
        m_amounts->removeWidget(caption);
        m_amounts->removeWidget(value);
    }
    // Portrait: the remaining, in the largest type, gets the widest column.
    m_amounts->setColumnStretch(0, portrait ? 2 : 0);
    m_amounts->setColumnStretch(1, portrait ? 2 : 0);
    m_amounts->setColumnStretch(2, portrait ? 3 : 0);
    int index = 0;
    for (const auto &[caption, value] : figures) {
        if (portrait) {
            caption->setAlignment(Qt::AlignRight | Qt::AlignBottom);
            m_amounts->addWidget(caption, 0, index);
            m_amounts->addWidget(value, 1, index);
        } else {
            caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            m_amounts->addWidget(caption, index, 0);
            m_amounts->addWidget(value, index, 1);
        }
        ++index;
    }
}

void PayScreen::retranslate()
{
    m_totalCaption->setText(tr("Amount due"));
    m_paidCaption->setText(tr("Paid so far"));
    m_remainingCaption->setText(tr("Remaining"));
    m_roundingCaption->setText(tr("Cash rounding"));
    m_dueCaption->setText(tr("To pay in cash"));
    m_tendersCaption->setText(tr("Payments"));
    m_changeCaption->setText(tr("Change"));
    m_stopCard->setText(tr("Stop"));
    m_checkAgain->setText(tr("Check again"));
    m_exact->setText(tr("Exact"));
    m_clear->setText(tr("C"));
    m_cancel->setText(tr("Cancel payment"));
    m_tileNames.value(Core::TenderMethod::Card)->setText(tr("Card"));
    m_tileNames.value(Core::TenderMethod::Cash)->setText(tr("Cash"));
    m_tileNames.value(Core::TenderMethod::GiftCard)->setText(tr("Gift card"));
    m_tileNames.value(Core::TenderMethod::LoyaltyPoints)->setText(tr("Loyalty points"));
    m_tileNames.value(Core::TenderMethod::StoreCredit)->setText(tr("Store credit"));
    refresh();
}

void PayScreen::resizeEvent(QResizeEvent *event)
{
    // Portrait stacks the columns.
    const bool portrait = width() < height();
    if (portrait != m_portrait) {
        m_portrait = portrait;
        m_panes->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
        m_panes->setStretchFactor(m_left, portrait ? 0 : 1);
        m_bottom->setDirection(portrait ? QBoxLayout::BottomToTop : QBoxLayout::LeftToRight);
        arrangeAmounts(portrait);
    }
    QWidget::resizeEvent(event);
}

void PayScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // An error said in the old language would stay on screen untranslated: drop it.
        m_error->clear();
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
