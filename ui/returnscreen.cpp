#include "returnscreen.h"

#include "choicesheet.h"
#include "overridesheet.h"
#include "uihelpers.h"

#include "app/services/saleservice.h"
#include "app/services/session.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {

QString dateText(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString dateText(const QDateTime &utc)
{
    return dateText(utc.toLocalTime().date());
}

constexpr Core::ReturnReason reasons[] = { Core::ReturnReason::ChangedMind,
    Core::ReturnReason::WrongSize, Core::ReturnReason::Defective,
    Core::ReturnReason::NotAsDescribed, Core::ReturnReason::Other };

// A label that wraps and is never cut: long product names and reasons read whole.
QLabel *wrapped(QWidget *parent, const char *role, const QString &objectName)
{
    QLabel *label = roleLabel(parent, role);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setObjectName(objectName);
    return label;
}

} // namespace

ReturnScreen::ReturnScreen(Services::ReturnService &returns, Services::SaleService &sale,
    Services::Session &session, OverrideSheet &overrideSheet, ChoiceSheet &choiceSheet,
    QWidget *parent)
    : QWidget(parent)
    , m_returns(returns)
    , m_sale(sale)
    , m_session(session)
    , m_overrideSheet(overrideSheet)
    , m_choiceSheet(choiceSheet)
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight, this))
    , m_title(roleLabel(this, "title"))
    , m_hint(wrapped(this, "subtle", QStringLiteral("returnHint")))
    , m_code(new QLineEdit(this))
    , m_find(touchButton(this))
    , m_noReceipt(touchButton(this))
    , m_message(wrapped(this, "error", QStringLiteral("returnMessage")))
    , m_network(wrapped(this, "section", QStringLiteral("returnNetwork")))
    , m_header(wrapped(this, "section", QStringLiteral("returnHeader")))
    , m_linesScroll(new QScrollArea(this))
    , m_linesLayout(new QVBoxLayout)
    , m_summaryTitle(roleLabel(this, "title"))
    , m_summaryEmpty(wrapped(this, "section", QStringLiteral("returnSummaryEmpty")))
    , m_summary(new QWidget(this))
    , m_goodsCaption(roleLabel(this, "section"))
    , m_goods(roleLabel(this, "section"))
    , m_deliveryCaption(roleLabel(this, "section"))
    , m_delivery(roleLabel(this, "section"))
    , m_roundingCaption(roleLabel(this, "section"))
    , m_rounding(roleLabel(this, "section"))
    , m_totalCaption(roleLabel(this, "title"))
    , m_total(roleLabel(this, "total"))
    , m_points(wrapped(this, "section", QStringLiteral("returnPoints")))
    , m_methodCaption(roleLabel(this, "caption"))
    , m_methodGrid(new QGridLayout)
    , m_partsCaption(roleLabel(this, "caption"))
    , m_partsLayout(new QVBoxLayout)
    , m_terminal(wrapped(this, "terminalHeadline", QStringLiteral("returnTerminal")))
    , m_approval(wrapped(this, "section", QStringLiteral("returnApproval")))
    , m_refund(touchButton(this, "primary"))
    , m_exchange(touchButton(this))
    , m_checkAgain(touchButton(this))
    , m_cancel(touchButton(this, "danger"))
    , m_giftCard(new QWidget(this))
    , m_giftCardCaption(wrapped(this, "caption", QStringLiteral("returnGiftCardCaption")))
    , m_giftCardNumber(new QLineEdit(this))
    , m_giftCardUse(touchButton(this))
{
    setObjectName(QStringLiteral("returnScreen"));
    m_checkAgainTimer.setSingleShot(true);
    connect(&m_checkAgainTimer, &QTimer::timeout, this, &ReturnScreen::refresh);
    m_title->setObjectName(QStringLiteral("returnTitle"));
    m_code->setObjectName(QStringLiteral("returnCode"));
    m_find->setObjectName(QStringLiteral("returnFind"));
    m_noReceipt->setObjectName(QStringLiteral("returnNoReceipt"));
    m_summaryTitle->setObjectName(QStringLiteral("returnSummaryTitle"));
    m_goods->setObjectName(QStringLiteral("returnGoods"));
    m_delivery->setObjectName(QStringLiteral("returnDelivery"));
    m_rounding->setObjectName(QStringLiteral("returnRounding"));
    m_total->setObjectName(QStringLiteral("returnTotal"));
    m_refund->setObjectName(QStringLiteral("returnRefund"));
    m_exchange->setObjectName(QStringLiteral("returnExchange"));
    m_checkAgain->setObjectName(QStringLiteral("returnCheckAgain"));
    m_cancel->setObjectName(QStringLiteral("returnCancel"));
    m_header->setTextFormat(Qt::PlainText);
    for (QLabel *figure : { m_goods, m_delivery, m_rounding, m_total })
        figure->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    // Left: the number, what was found, and its lines (they scroll).
    auto *left = new QFrame(this);
    left->setProperty("role", QStringLiteral("pane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(16, 12, 16, 12);
    leftLayout->setSpacing(10);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_hint);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_find);
    leftLayout->addLayout(codeRow);
    leftLayout->addWidget(m_noReceipt, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_message);
    leftLayout->addWidget(m_network);
    leftLayout->addWidget(m_header);
    auto *lines = new QWidget;
    lines->setObjectName(QStringLiteral("returnLines"));
    auto *linesOuter = new QVBoxLayout(lines);
    linesOuter->setContentsMargins(0, 0, 8, 0);
    linesOuter->addLayout(m_linesLayout);
    linesOuter->addStretch(1);
    m_linesLayout->setSpacing(10);
    m_linesScroll->setWidget(lines);
    m_linesScroll->setWidgetResizable(true);
    m_linesScroll->setFrameShape(QFrame::NoFrame);
    m_linesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_linesScroll->setFocusPolicy(Qt::NoFocus);
    // The pane's white shows through: no grey box behind the lines.
    m_linesScroll->viewport()->setAutoFillBackground(false);
    lines->setAutoFillBackground(false);
    leftLayout->addWidget(m_linesScroll, 1);

    // Right: the refund, where it goes, its parts; the actions stay under it.
    auto *right = new QFrame(this);
    right->setProperty("role", QStringLiteral("pane"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(16, 12, 16, 12);
    rightLayout->setSpacing(10);
    auto *summaryLayout = new QVBoxLayout(m_summary);
    summaryLayout->setContentsMargins(0, 0, 8, 0);
    summaryLayout->setSpacing(8);
    auto *figures = new QGridLayout;
    figures->addWidget(m_goodsCaption, 0, 0);
    figures->addWidget(m_goods, 0, 1);
    figures->addWidget(m_deliveryCaption, 1, 0);
    figures->addWidget(m_delivery, 1, 1);
    figures->addWidget(m_roundingCaption, 2, 0);
    figures->addWidget(m_rounding, 2, 1);
    figures->addWidget(m_totalCaption, 3, 0);
    figures->addWidget(m_total, 3, 1);
    figures->setColumnStretch(0, 1);
    summaryLayout->addWidget(m_terminal);
    summaryLayout->addLayout(figures);
    summaryLayout->addWidget(m_points);
    summaryLayout->addWidget(m_methodCaption);
    m_methodGrid->setSpacing(10);
    summaryLayout->addLayout(m_methodGrid);
    // Where a gift card refund goes: the card's number, scanned or typed.
    m_giftCard->setObjectName(QStringLiteral("returnGiftCard"));
    m_giftCardNumber->setObjectName(QStringLiteral("returnGiftCardNumber"));
    m_giftCardUse->setObjectName(QStringLiteral("returnGiftCardUse"));
    m_giftCardNumber->setInputMethodHints(Qt::ImhDigitsOnly);
    auto *giftLayout = new QVBoxLayout(m_giftCard);
    giftLayout->setContentsMargins(0, 0, 0, 0);
    giftLayout->setSpacing(6);
    giftLayout->addWidget(m_giftCardCaption);
    giftLayout->addWidget(m_giftCardNumber);
    giftLayout->addWidget(m_giftCardUse);
    m_giftCard->hide();
    summaryLayout->addWidget(m_giftCard);
    summaryLayout->addWidget(m_partsCaption);
    m_partsLayout->setSpacing(6);
    summaryLayout->addLayout(m_partsLayout);
    summaryLayout->addWidget(m_approval);
    summaryLayout->addStretch(1);
    auto *summaryHolder = new QWidget;
    auto *holderLayout = new QVBoxLayout(summaryHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(m_summaryEmpty, 0, Qt::AlignTop);
    holderLayout->addWidget(m_summary, 1);
    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setObjectName(QStringLiteral("returnSummaryScroll"));
    summaryScroll->setWidget(summaryHolder);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    summaryScroll->setFocusPolicy(Qt::NoFocus);
    summaryScroll->viewport()->setAutoFillBackground(false);
    summaryHolder->setAutoFillBackground(false);
    rightLayout->addWidget(m_summaryTitle);
    rightLayout->addWidget(summaryScroll, 1);
    rightLayout->addWidget(m_checkAgain);
    rightLayout->addWidget(m_refund);
    auto *secondary = new QHBoxLayout;
    secondary->setSpacing(12);
    secondary->addWidget(m_exchange, 1);
    secondary->addWidget(m_cancel, 1);
    rightLayout->addLayout(secondary);

    m_panes->setContentsMargins(16, 12, 16, 12);
    m_panes->setSpacing(16);
    m_panes->addWidget(left, 3);
    m_panes->addWidget(right, 2);

    connect(m_code, &QLineEdit::returnPressed, this, &ReturnScreen::find);
    connect(m_find, &QPushButton::clicked, this, &ReturnScreen::find);
    connect(m_noReceipt, &QPushButton::clicked, this, [this] {
        if (report(m_returns.startWithoutReceipt())) {
            m_code->clear();
            m_code->setFocus();
        }
    });
    connect(m_refund, &QPushButton::clicked, this, [this] { run(NextStep::Refund); });
    connect(m_exchange, &QPushButton::clicked, this, [this] { run(NextStep::Exchange); });
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        clearMessage();
        m_returns.checkAgain();
    });
    connect(m_cancel, &QPushButton::clicked, this, &ReturnScreen::cancelReturn);
    connect(m_giftCardNumber, &QLineEdit::returnPressed, this, &ReturnScreen::useGiftCard);
    connect(m_giftCardUse, &QPushButton::clicked, this, &ReturnScreen::useGiftCard);
    connect(&m_returns, &Services::ReturnService::changed, this, &ReturnScreen::refresh);
    connect(&m_returns, &Services::ReturnService::failed, this,
        [this](const Core::Error &error) { showError(error.message); });
    // The manager approved (the override sheet recorded it with approve()): go on with what
    // staff tapped. Only when this screen asked: the sheet serves the sell screen too.
    connect(&m_overrideSheet, &OverrideSheet::approved, this, [this] {
        if (!m_afterApproval)
            return;
        const NextStep step = *m_afterApproval;
        m_afterApproval.reset();
        run(step);
    });
    connect(&m_overrideSheet, &SideSheet::closed, this, [this] {
        // Closed without approving: nothing goes on later by surprise.
        if (!m_overrideSheet.isOpen())
            QMetaObject::invokeMethod(
                this, [this] { m_afterApproval.reset(); }, Qt::QueuedConnection);
    });
    retranslate();
}

QString ReturnScreen::reasonText(Core::ReturnReason reason)
{
    switch (reason) {
    case Core::ReturnReason::ChangedMind:
        return tr("Changed mind");
    case Core::ReturnReason::WrongSize:
        return tr("Wrong size");
    case Core::ReturnReason::Defective:
        return tr("Defective");
    case Core::ReturnReason::NotAsDescribed:
        return tr("Not as described");
    case Core::ReturnReason::Other:
        return tr("Other reason");
    }
    return QString();
}

QString ReturnScreen::conditionText(Core::ItemCondition condition)
{
    switch (condition) {
    case Core::ItemCondition::Resellable:
        return tr("Back on the shelf");
    case Core::ItemCondition::Damaged:
        return tr("Damaged");
    }
    return QString();
}

QString ReturnScreen::refundMethodText(Core::RefundMethod method)
{
    switch (method) {
    case Core::RefundMethod::Cash:
        return tr("Cash");
    case Core::RefundMethod::Card:
        return tr("Card");
    case Core::RefundMethod::WebPayment:
        return tr("Web payment");
    case Core::RefundMethod::GiftCard:
        return tr("Gift card");
    case Core::RefundMethod::StoreCredit:
        return tr("Store credit");
    case Core::RefundMethod::LoyaltyPoints:
        return tr("Loyalty points");
    case Core::RefundMethod::Exchange:
        return tr("Exchange");
    }
    return QString();
}

void ReturnScreen::start(const QString &code)
{
    // A finished return stays in the service until the next one: start afresh.
    if (m_returns.view().stage == Services::ReturnView::Stage::Done)
        (void)m_returns.cancel();
    clearMessage();
    m_code->clear();
    refresh();
    if (!code.isEmpty()) {
        m_code->setText(code);
        find();
    }
    m_code->setFocus();
}

void ReturnScreen::handleScan(const QString &code)
{
    // The gift card field waits for a card: a scan is its number.
    if (m_giftCard->isVisible()) {
        m_giftCardNumber->setText(code);
        useGiftCard();
        return;
    }
    const Services::ReturnView view = m_returns.view();
    if (view.stage == Services::ReturnView::Stage::Found && view.order
        && view.order->origin == Core::ReturnOrigin::NoReceipt
        && Core::parseReturnCode(code).kind == Core::ReturnCode::Kind::Typed) {
        m_code->clear();
        addScannedProduct(code);
        return;
    }
    m_code->setText(code);
    find();
}

void ReturnScreen::find()
{
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        showError(tr("Scan the QR code on the receipt or packing slip, or type its number."));
        return;
    }
    const Services::ReturnView view = m_returns.view();
    if (view.stage == Services::ReturnView::Stage::Found && view.order
        && view.order->origin == Core::ReturnOrigin::NoReceipt
        && Core::parseReturnCode(code).kind == Core::ReturnCode::Kind::Typed) {
        m_code->clear();
        addScannedProduct(code);
        return;
    }
    if (report(m_returns.find(code)))
        m_code->clear();
}

void ReturnScreen::addScannedProduct(const QString &code)
{
    // No receipt: the product by its barcode, SKU or name, as the sell screen's search finds it.
    Core::Result<QList<Store::ProductSummary>> found = m_sale.search(code, 6);
    if (!found) {
        showError(found.error().message);
        return;
    }
    const QList<Store::ProductSummary> products = found.value();
    if (products.isEmpty()) {
        showError(tr("No product found for \"%1\".").arg(code));
        return;
    }
    if (products.size() == 1) {
        report(m_returns.addProduct(products.constFirst().id));
        return;
    }
    QStringList names;
    for (const Store::ProductSummary &product : products)
        names.append(QStringLiteral("%1 · %2").arg(
            product.name, product.effectivePrice().toDisplayString()));
    m_choiceSheet.start(tr("Which product comes back?"), names, -1, [this, products](int index) {
        if (index >= 0 && index < products.size())
            report(m_returns.addProduct(products.at(index).id));
    });
}

bool ReturnScreen::report(const Core::Status &status)
{
    if (!status) {
        showError(status.error().message);
        return false;
    }
    clearMessage();
    return true;
}

void ReturnScreen::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void ReturnScreen::clearMessage()
{
    m_message->clear();
    m_message->hide();
}

void ReturnScreen::run(NextStep step)
{
    const Services::ReturnView view = m_returns.view();
    if (view.needsApproval) {
        askApproval(step);
        return;
    }
    if (step == NextStep::Refund) {
        report(m_returns.refund());
        return;
    }
    const Core::Money credit = view.total;
    if (report(m_returns.startExchange()))
        emit exchangeStarted(credit);
}

void ReturnScreen::askApproval(NextStep step)
{
    const Services::ReturnView view = m_returns.view();
    Services::ApprovalRequest request;
    request.permission = *view.needsApproval;
    request.amount = view.total;
    request.what = view.order && view.order->origin == Core::ReturnOrigin::NoReceipt
        ? tr("Return without receipt: %1 as store credit").arg(view.total.toDisplayString())
        : tr("Return of %1 outside the rules").arg(view.total.toDisplayString());
    QString requester;
    if (const auto &staff = m_session.staff())
        requester = QStringLiteral("%1, %2").arg(
            staff->displayName, Services::Session::roleDisplayName(staff->role));
    m_afterApproval = step;
    m_overrideSheet.start(request, view.approvalWhy, requester,
        [this](const Core::Authorisation &approval) { return m_returns.approve(approval); });
}

void ReturnScreen::cancelReturn()
{
    const Services::ReturnView view = m_returns.view();
    if (view.stage == Services::ReturnView::Stage::Empty) {
        emit closed();
        return;
    }
    if (report(m_returns.cancel()))
        emit closed();
}

void ReturnScreen::refundAnotherWay(int partIndex)
{
    const Services::ReturnView view = m_returns.view();
    if (partIndex < 0 || partIndex >= view.parts.size())
        return;
    const Services::RefundPartView part = view.parts.at(partIndex);
    QStringList choices;
    for (const Core::RefundMethod method : part.moveTo)
        choices.append(refundMethodText(method));
    m_choiceSheet.start(tr("How does %1 go back?").arg(part.amount.toDisplayString()), choices, -1,
        [this, partIndex, methods = part.moveTo](int index) {
            if (index < 0 || index >= methods.size())
                return;
            if (methods.at(index) == Core::RefundMethod::GiftCard) {
                // The card's number first; the part moves once it is entered.
                m_giftCardForPart = partIndex;
                m_giftCardNumber->clear();
                refresh();
                m_giftCardNumber->setFocus();
                return;
            }
            report(m_returns.refundFailedPartWith(partIndex, methods.at(index)));
        });
}

void ReturnScreen::useGiftCard()
{
    if (!report(m_returns.setGiftCardNumber(m_giftCardNumber->text())))
        return;
    if (m_giftCardForPart) {
        const int partIndex = *m_giftCardForPart;
        if (report(m_returns.refundFailedPartWith(partIndex, Core::RefundMethod::GiftCard)))
            m_giftCardForPart.reset();
    }
    refresh();
}

void ReturnScreen::refreshGiftCard(const Services::ReturnView &view)
{
    using Stage = Services::ReturnView::Stage;
    if (m_giftCardForPart
        && (view.stage != Stage::Refunding || *m_giftCardForPart >= view.parts.size()
            || view.parts.at(*m_giftCardForPart).state != Services::RefundPartView::State::Failed))
        m_giftCardForPart.reset();
    const bool chosen
        = view.stage == Stage::Found && view.chosenMethod == Core::RefundMethod::GiftCard;
    const bool shown = chosen || m_giftCardForPart.has_value();
    m_giftCard->setVisible(shown);
    if (!shown)
        return;
    m_giftCardCaption->setText(view.giftCardNumber.isEmpty() || m_giftCardForPart
            ? tr("Scan or type the number of the gift card the refund goes onto. A new card is "
                 "activated with the refund.")
            : tr("Onto gift card %1").arg(view.giftCardNumber));
    m_giftCardNumber->setPlaceholderText(tr("Gift card number"));
    m_giftCardUse->setText(m_giftCardForPart ? tr("Refund onto this card") : tr("Use this card"));
}

void ReturnScreen::chooseReason(const QString &lineId)
{
    const Services::ReturnView view = m_returns.view();
    int current = -1;
    QStringList choices;
    for (const Core::ReturnReason reason : reasons)
        choices.append(reasonText(reason));
    for (const Services::ReturnLineView &line : view.lines) {
        if (line.line.lineId != lineId)
            continue;
        for (int i = 0; i < int(std::size(reasons)); ++i) {
            if (reasons[i] == line.reason)
                current = i;
        }
    }
    m_choiceSheet.start(tr("Why does it come back?"), choices, current, [this, lineId](int index) {
        if (index >= 0 && index < int(std::size(reasons)))
            report(m_returns.setReason(lineId, reasons[index]));
    });
}

void ReturnScreen::refresh()
{
    const Services::ReturnView view = m_returns.view();
    // A screen that changes state clears the previous error (SCREENS.md).
    if (m_shownStage && *m_shownStage != view.stage)
        clearMessage();
    m_shownStage = view.stage;

    const bool empty = view.stage == Services::ReturnView::Stage::Empty;
    const bool found = view.stage == Services::ReturnView::Stage::Found;
    const bool noReceipt = view.order && view.order->origin == Core::ReturnOrigin::NoReceipt;
    m_code->setEnabled(empty || found);
    m_find->setEnabled(empty || found);
    m_noReceipt->setVisible(empty);
    m_code->setPlaceholderText(noReceipt ? tr("Scan or type the product's barcode or name")
                                         : tr("Receipt or web order number"));
    m_find->setText(noReceipt ? tr("Add") : tr("Find"));

    // Offline: only this tablet's own sales can come back (they are in its ledger).
    if (empty && m_offline) {
        m_network->setText(tr("Offline: returns of web orders and of other tablets' or stores' "
                              "sales need the network. Sales made on this tablet can be "
                              "returned now."));
        m_network->show();
    } else if (view.offlineOwnSale) {
        m_network->setText(tr("Offline: this sale was made on this tablet, so it can be "
                              "returned now. The server checks it when the network is back."));
        m_network->show();
    } else {
        m_network->hide();
    }

    refreshHeader(view);
    rebuildLines(view);
    for (int i = 0; i < m_rows.size() && i < view.lines.size(); ++i)
        refreshLine(m_rows[i], view.lines.at(i), view);
    refreshSummary(view);
}

void ReturnScreen::refreshHeader(const Services::ReturnView &view)
{
    if (!view.order) {
        m_header->hide();
        m_hint->setText(
            tr("Scan the QR code on the receipt, the packing slip or the order e-mail, or type "
               "the receipt or order number. No receipt? Tap \"No receipt\"."));
        m_hint->show();
        return;
    }
    const Core::ReturnableOrder &order = *view.order;
    QStringList lines;
    switch (order.origin) {
    case Core::ReturnOrigin::StoreSale:
        lines.append(tr("Receipt %1 · store %2 · %3")
                         .arg(order.number, order.storeCode, dateText(order.soldAt)));
        break;
    case Core::ReturnOrigin::WebOrder:
        lines.append(
            tr("Web order %1 · web shop · ordered %2").arg(order.number, dateText(order.soldAt)));
        lines.append(order.deliveredOn ? tr("Delivered on %1").arg(dateText(*order.deliveredOn))
                                       : tr("Not delivered yet: the 14 days start at delivery"));
        break;
    case Core::ReturnOrigin::NoReceipt:
        lines.append(tr("Without receipt: refunded as store credit at today's price, with a "
                        "manager's approval. Scan each product that comes back."));
        break;
    }
    // One deadline for the whole order (web orders; a store sale in one category) reads in the
    // header; different ones stay with their lines.
    std::optional<QDate> common;
    bool same = !view.lines.isEmpty();
    for (const Services::ReturnLineView &line : view.lines) {
        if (!line.deadline || (common && *common != *line.deadline)) {
            same = false;
            break;
        }
        common = line.deadline;
    }
    m_headerDeadline = same ? common : std::nullopt;
    if (m_headerDeadline)
        lines.append(tr("Return by %1").arg(dateText(*m_headerDeadline)));
    if (order.customer && !order.customer->code.isEmpty())
        lines.append(tr("Customer: card %1 · %2")
                         .arg(order.customer->code, tierDisplayName(order.customer->tier)));
    m_header->setText(lines.join(QLatin1Char('\n')));
    m_header->show();
    m_hint->hide();
}

void ReturnScreen::rebuildLines(const Services::ReturnView &view)
{
    bool same = m_rows.size() == view.lines.size();
    for (int i = 0; same && i < m_rows.size(); ++i)
        same = m_rows.at(i).lineId == view.lines.at(i).line.lineId;
    if (same)
        return;
    for (const LineRow &row : std::as_const(m_rows)) {
        // Out of the tree at once (its names are reused), deleted when the event loop runs.
        row.frame->hide();
        row.frame->setParent(nullptr);
        row.frame->deleteLater();
    }
    m_rows.clear();
    for (int i = 0; i < view.lines.size(); ++i) {
        const QString lineId = view.lines.at(i).line.lineId;
        const QString n = QString::number(i);
        LineRow row;
        row.lineId = lineId;
        auto *frame = new QFrame;
        frame->setObjectName(QStringLiteral("returnLine") + n);
        frame->setProperty("role", QStringLiteral("pane"));
        row.frame = frame;
        row.name = wrapped(frame, "section", QStringLiteral("returnLineName") + n);
        QFont bold = row.name->font();
        bold.setBold(true);
        row.name->setFont(bold);
        row.facts = wrapped(frame, "subtle", QStringLiteral("returnLineFacts") + n);
        row.window = wrapped(frame, "section", QStringLiteral("returnLineWindow") + n);
        row.minus = touchButton(frame);
        row.minus->setObjectName(QStringLiteral("returnLineMinus") + n);
        row.minus->setText(QStringLiteral("−"));
        row.quantity = roleLabel(frame, "title");
        row.quantity->setObjectName(QStringLiteral("returnLineQty") + n);
        row.quantity->setAlignment(Qt::AlignCenter);
        row.quantity->setMinimumWidth(56);
        row.plus = touchButton(frame);
        row.plus->setObjectName(QStringLiteral("returnLinePlus") + n);
        row.plus->setText(QStringLiteral("+"));
        row.refund = roleLabel(frame, "section");
        row.refund->setObjectName(QStringLiteral("returnLineRefund") + n);
        row.refund->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.choices = new QWidget(frame);
        row.reason = touchButton(row.choices);
        row.reason->setObjectName(QStringLiteral("returnLineReason") + n);
        row.resellable = touchButton(row.choices);
        row.resellable->setObjectName(QStringLiteral("returnLineResellable") + n);
        row.resellable->setCheckable(true);
        row.damaged = touchButton(row.choices);
        row.damaged->setObjectName(QStringLiteral("returnLineDamaged") + n);
        row.damaged->setCheckable(true);

        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(12, 10, 12, 10);
        layout->setSpacing(6);
        layout->addWidget(row.name);
        layout->addWidget(row.facts);
        layout->addWidget(row.window);
        auto *stepper = new QHBoxLayout;
        stepper->addWidget(row.minus);
        stepper->addWidget(row.quantity);
        stepper->addWidget(row.plus);
        stepper->addWidget(row.refund, 1);
        layout->addLayout(stepper);
        // Reason on its own row (its label is long); the two conditions share one.
        auto *choices = new QGridLayout(row.choices);
        choices->setContentsMargins(0, 0, 0, 0);
        choices->setSpacing(10);
        choices->addWidget(row.reason, 0, 0, 1, 2);
        choices->addWidget(row.resellable, 1, 0);
        choices->addWidget(row.damaged, 1, 1);
        layout->addWidget(row.choices);

        auto quantity = [this, lineId](int delta) {
            for (const Services::ReturnLineView &line : m_returns.view().lines) {
                if (line.line.lineId == lineId) {
                    report(m_returns.setQuantity(lineId, line.selected + delta));
                    return;
                }
            }
        };
        connect(row.minus, &QPushButton::clicked, this, [quantity] { quantity(-1); });
        connect(
            row.plus, &QPushButton::clicked, this, [this, quantity, frame, choices = row.choices] {
                quantity(+1);
                // The reason and condition appear under the line: bring them into view.
                QTimer::singleShot(0, frame, [this, frame, choices] {
                    m_linesScroll->ensureWidgetVisible(frame, 0, 0);
                    m_linesScroll->ensureWidgetVisible(choices, 0, 8);
                });
            });
        connect(row.reason, &QPushButton::clicked, this, [this, lineId] { chooseReason(lineId); });
        connect(row.resellable, &QPushButton::clicked, this, [this, lineId] {
            report(m_returns.setCondition(lineId, Core::ItemCondition::Resellable));
            refresh(); // a checkable button toggles itself: show the service's answer
        });
        connect(row.damaged, &QPushButton::clicked, this, [this, lineId] {
            report(m_returns.setCondition(lineId, Core::ItemCondition::Damaged));
            refresh();
        });
        m_linesLayout->addWidget(frame);
        m_rows.append(row);
    }
}

void ReturnScreen::refreshLine(
    LineRow &row, const Services::ReturnLineView &view, const Services::ReturnView &whole)
{
    const Core::ReturnableLine &line = view.line;
    const bool editable = whole.stage == Services::ReturnView::Stage::Found;
    const bool noReceipt = whole.order && whole.order->origin == Core::ReturnOrigin::NoReceipt;
    row.name->setText(line.name);
    if (noReceipt) {
        row.facts->setText(
            tr("Today's price %1")
                .arg(Core::paidShare(line.lineTotal, qMax(1, line.sold), 0, 1).toDisplayString()));
    } else {
        QString facts = tr("Sold %1 · returned before %2 · returnable %3")
                            .arg(line.sold)
                            .arg(line.returned)
                            .arg(line.returnable());
        if (line.returnable() > 0)
            facts += QLatin1Char('\n')
                + tr("Paid %1 per unit")
                      .arg(Core::paidShare(line.lineTotal, line.sold, line.returned, 1)
                               .toDisplayString());
        row.facts->setText(facts);
    }
    QString window;
    QString windowRole = QStringLiteral("section");
    if (!view.blockedWhy.isEmpty()) {
        window = view.blockedWhy;
        windowRole = QStringLiteral("promo");
    } else if (view.finalSale) {
        window = tr("Final sale: only with a manager's approval");
        windowRole = QStringLiteral("promo");
    } else if (view.windowPassed) {
        window = view.deadline ? tr("Return window passed on %1: only with a manager's approval")
                                     .arg(dateText(*view.deadline))
                               : tr("Return window passed: only with a manager's approval");
        windowRole = QStringLiteral("promo");
    } else if (view.deadline && view.deadline != m_headerDeadline) {
        window = tr("Return by %1").arg(dateText(*view.deadline));
    } else if (!view.deadline && whole.order
        && whole.order->origin == Core::ReturnOrigin::WebOrder) {
        window = tr("Not delivered yet: returnable");
    }
    row.window->setText(window);
    row.window->setVisible(!window.isEmpty() && !noReceipt);
    if (row.window->property("role").toString() != windowRole) {
        row.window->setProperty("role", windowRole);
        repolish(row.window);
    }
    const int most = noReceipt ? 99 : line.returnable();
    const bool blocked = !view.blockedWhy.isEmpty() || most == 0;
    row.quantity->setText(QString::number(view.selected));
    row.minus->setEnabled(view.selected > 0);
    row.plus->setEnabled(!blocked && view.selected < most);
    row.minus->setVisible(editable && !blocked);
    row.plus->setVisible(editable && !blocked);
    row.quantity->setVisible(editable && !blocked);
    if (editable)
        row.refund->setText(view.selected > 0 ? view.refund.toDisplayString() : QString());
    else
        row.refund->setText(tr("%1 back · %2 · %3")
                                .arg(view.selected)
                                .arg(view.refund.toDisplayString(), reasonText(view.reason)));
    row.refund->setAlignment(
        editable ? (Qt::AlignRight | Qt::AlignVCenter) : (Qt::AlignLeft | Qt::AlignVCenter));
    // While refunding only what comes back is listed.
    row.frame->setVisible(editable || view.selected > 0);
    // Reason and condition matter once something of the line comes back.
    row.choices->setVisible(editable && view.selected > 0);
    row.reason->setText(tr("Reason: %1").arg(reasonText(view.reason)));
    row.reason->setEnabled(editable);
    row.resellable->setText(conditionText(Core::ItemCondition::Resellable));
    row.damaged->setText(conditionText(Core::ItemCondition::Damaged));
    row.resellable->setChecked(view.condition == Core::ItemCondition::Resellable);
    row.damaged->setChecked(view.condition == Core::ItemCondition::Damaged);
    row.resellable->setEnabled(editable);
    row.damaged->setEnabled(editable);
}

void ReturnScreen::refreshSummary(const Services::ReturnView &view)
{
    using Stage = Services::ReturnView::Stage;
    const bool empty = view.stage == Stage::Empty;
    const bool found = view.stage == Stage::Found;
    const bool refunding = view.stage == Stage::Refunding;
    bool nothingPicked = found;
    for (const Services::ReturnLineView &line : view.lines)
        nothingPicked = nothingPicked && line.selected == 0;
    m_summaryEmpty->setText(empty
            ? tr("The refund shows here once the receipt or order is found: what comes back, how "
                 "much, and where the money goes.")
            : (view.order && view.order->origin == Core::ReturnOrigin::NoReceipt
                        && view.lines.isEmpty()
                    ? tr("Scan each product that comes back.")
                    : tr("Tap + on each item that comes back.")));
    m_summaryEmpty->setVisible(empty || nothingPicked);
    m_summary->setVisible(!empty);
    m_summaryTitle->setText(refunding ? tr("Refunding") : tr("Refund"));
    m_goods->setText(view.goods.toDisplayString());
    m_delivery->setText(view.delivery.toDisplayString());
    m_deliveryCaption->setVisible(!view.delivery.isZero());
    m_delivery->setVisible(!view.delivery.isZero());
    m_rounding->setText(view.rounding.isNegative()
            ? view.rounding.toDisplayString()
            : QStringLiteral("+") + view.rounding.toDisplayString());
    m_roundingCaption->setVisible(!view.rounding.isZero());
    m_rounding->setVisible(!view.rounding.isZero());
    m_total->setText((view.total + view.rounding).toDisplayString());

    QStringList points;
    if (view.pointsTakenBack > 0)
        points.append(tr("%n loyalty point(s) taken back", nullptr, int(view.pointsTakenBack)));
    if (view.pointsGivenBack > 0)
        points.append(tr("%n loyalty point(s) given back", nullptr, int(view.pointsGivenBack)));
    m_points->setText(points.join(QLatin1Char('\n')));
    m_points->setVisible(!points.isEmpty());

    refreshMethods(view);
    refreshGiftCard(view);
    refreshParts(view);

    if (view.needsApproval && found) {
        m_approval->setText(tr("Needs a manager's approval: %1").arg(view.approvalWhy));
        m_approval->show();
    } else {
        m_approval->hide();
    }

    // Something comes back (a no-receipt line is priced at today's price before the approval).
    bool anything = !view.total.isZero();
    for (const Services::ReturnLineView &line : view.lines)
        anything = anything || line.selected > 0;
    m_refund->setEnabled(found && anything);
    m_refund->setText(found && !view.total.isZero()
            ? tr("Refund %1").arg((view.total + view.rounding).toDisplayString())
            : tr("Refund"));
    m_exchange->setEnabled(found && anything);
    bool waiting = false;
    bool unsettled = false;
    // The service's words while the terminal simply has the card: anything else on a waiting
    // part (busy, no answer, checking) means staff may want to ask again.
    const QString following = QCoreApplication::translate(
        "Toonbank::Services::ReturnService", "Follow the instructions on the terminal");
    for (const Services::RefundPartView &part : view.parts) {
        const bool pending = part.state == Services::RefundPartView::State::Pending;
        waiting = waiting || pending;
        // A failed part has its own buttons (Retry, Refund another way).
        unsettled = unsettled
            || (pending && part.method == Core::RefundMethod::Card && part.detail != following);
    }
    // The server's answer to the claim was lost: nothing runs until it is asked again.
    unsettled = unsettled || view.waitingForClaim;
    // "Check again" when a part did not go through, or the terminal has kept it waiting long.
    if (!(refunding && waiting))
        m_waitingSince.invalidate();
    else if (!m_waitingSince.isValid())
        m_waitingSince.start();
    const bool waitedLong
        = m_waitingSince.isValid() && m_waitingSince.elapsed() >= checkAgainAfterMs;
    if (refunding && waiting && !waitedLong && !m_checkAgainTimer.isActive())
        m_checkAgainTimer.start(checkAgainAfterMs);
    m_checkAgain->setVisible(refunding && (unsettled || waitedLong));
    m_cancel->setEnabled(!refunding || !waiting);
    m_cancel->setText(empty ? tr("Back to selling") : tr("Cancel return"));
    m_refund->setVisible(!refunding);
    m_exchange->setVisible(!refunding);
}

void ReturnScreen::refreshMethods(const Services::ReturnView &view)
{
    using Stage = Services::ReturnView::Stage;
    // The original payment first, then the allowed alternatives; Exchange has its own button.
    // An "alternative" that is where the money goes anyway is no choice: left out.
    QList<Core::RefundMethod> original;
    if (view.order) {
        for (const Core::OriginalTender &tender : view.order->tenders) {
            if (const auto method = Core::refundMethodForTender(tender.method, view.order->origin))
                original.append(*method);
        }
    }
    QList<std::optional<Core::RefundMethod>> values { std::nullopt };
    for (const Core::RefundMethod method : view.methods) {
        if (method != Core::RefundMethod::Exchange && !original.contains(method))
            values.append(method);
    }
    if (values != m_methodValues) {
        for (QPushButton *button : std::as_const(m_methodButtons)) {
            button->hide();
            button->setParent(nullptr);
            button->deleteLater();
        }
        m_methodButtons.clear();
        m_methodValues = values;
        for (int i = 0; i < values.size(); ++i) {
            QPushButton *button = touchButton(m_summary);
            button->setCheckable(true);
            button->setObjectName(values.at(i)
                    ? QStringLiteral("returnMethod_") + Core::name(*values.at(i))
                    : QStringLiteral("returnMethodOriginal"));
            const std::optional<Core::RefundMethod> value = values.at(i);
            connect(button, &QPushButton::clicked, this, [this, value] {
                report(m_returns.chooseMethod(value));
                refresh();
            });
            m_methodGrid->addWidget(button, i / 2, i % 2);
            m_methodButtons.append(button);
        }
    }
    const bool noReceipt = view.order && view.order->origin == Core::ReturnOrigin::NoReceipt;
    for (int i = 0; i < m_methodButtons.size(); ++i) {
        QPushButton *button = m_methodButtons.at(i);
        const std::optional<Core::RefundMethod> value = m_methodValues.at(i);
        button->setText(value ? refundMethodText(*value) : tr("Original payment"));
        button->setChecked(view.chosenMethod == value);
        button->setEnabled(view.stage == Stage::Found);
        // Only a choice when there is one: one way back is simply said by the parts below.
        button->setVisible(m_methodButtons.size() > 1 && !noReceipt && view.stage == Stage::Found);
    }
    m_methodCaption->setText(tr("Refund to"));
    m_methodCaption->setVisible(
        m_methodButtons.size() > 1 && !noReceipt && view.stage == Stage::Found);
}

void ReturnScreen::refreshParts(const Services::ReturnView &view)
{
    using State = Services::RefundPartView::State;
    while (m_parts.size() < view.parts.size()) {
        const QString n = QString::number(m_parts.size());
        PartRow row;
        row.label = wrapped(m_summary, "tenderLabel", QStringLiteral("returnPartLabel") + n);
        row.amount = roleLabel(m_summary, "tenderAmount");
        row.amount->setObjectName(QStringLiteral("returnPartAmount") + n);
        row.amount->setAlignment(Qt::AlignRight | Qt::AlignTop);
        row.state = roleLabel(m_summary, "tenderState");
        row.state->setObjectName(QStringLiteral("returnPartState") + n);
        row.detail = wrapped(m_summary, "subtle", QStringLiteral("returnPartDetail") + n);
        const int index = int(m_parts.size());
        row.actions = new QWidget(m_summary);
        auto *actions = new QHBoxLayout(row.actions);
        actions->setContentsMargins(0, 0, 0, 0);
        actions->setSpacing(10);
        row.retry = touchButton(row.actions);
        row.retry->setObjectName(QStringLiteral("returnPartRetry") + n);
        row.another = touchButton(row.actions);
        row.another->setObjectName(QStringLiteral("returnPartAnother") + n);
        actions->addWidget(row.retry, 1);
        actions->addWidget(row.another, 1);
        connect(row.retry, &QPushButton::clicked, this, [this, index] {
            clearMessage();
            report(m_returns.retryPart(index));
        });
        connect(
            row.another, &QPushButton::clicked, this, [this, index] { refundAnotherWay(index); });
        row.why = wrapped(m_summary, "subtle", QStringLiteral("returnPartWhy") + n);
        auto *top = new QHBoxLayout;
        top->addWidget(row.label, 1);
        top->addWidget(row.amount);
        m_partsLayout->addLayout(top);
        auto *stateRow = new QHBoxLayout;
        stateRow->addWidget(row.state);
        stateRow->addStretch(1);
        m_partsLayout->addLayout(stateRow);
        m_partsLayout->addWidget(row.detail);
        m_partsLayout->addWidget(row.why);
        m_partsLayout->addWidget(row.actions);
        m_parts.append(row);
    }
    QString headline;
    for (int i = 0; i < m_parts.size(); ++i) {
        PartRow &row = m_parts[i];
        const bool shown = i < view.parts.size();
        row.label->setVisible(shown);
        row.amount->setVisible(shown);
        row.state->setVisible(shown && view.stage != Services::ReturnView::Stage::Found);
        if (!shown) {
            row.detail->hide();
            row.why->hide();
            row.actions->hide();
            continue;
        }
        const Services::RefundPartView &part = view.parts.at(i);
        row.label->setText(part.label.isEmpty() ? refundMethodText(part.method) : part.label);
        row.amount->setText(part.amount.toDisplayString());
        QString state;
        const char *stateRole = "pending";
        switch (part.state) {
        case State::Planned:
            state = tr("Next");
            break;
        case State::Pending:
            state = part.method == Core::RefundMethod::Card ? tr("At the terminal")
                                                            : tr("In progress");
            if (part.method == Core::RefundMethod::Card)
                headline = tr("Follow the instructions on the terminal");
            break;
        case State::Done:
            state = tr("Refunded");
            stateRole = "settled";
            break;
        case State::Failed:
            state = tr("Not refunded");
            stateRole = "failed";
            if (headline.isEmpty())
                headline = part.method == Core::RefundMethod::Card
                    ? tr("The card refund did not go through")
                    : tr("This part did not go through");
            break;
        }
        row.state->setText(state);
        if (row.state->property("state").toString() != QLatin1String(stateRole)) {
            row.state->setProperty("state", QString::fromLatin1(stateRole));
            repolish(row.state);
        }
        row.detail->setText(part.detail);
        row.detail->setVisible(!part.detail.isEmpty() && part.detail != headline);
        const bool failed = part.state == State::Failed;
        row.retry->setText(tr("Retry"));
        row.retry->setVisible(failed && part.canRetry);
        row.another->setText(tr("Refund another way"));
        row.another->setVisible(failed && !part.moveTo.isEmpty());
        row.actions->setVisible(failed && (part.canRetry || !part.moveTo.isEmpty()));
        row.why->setText(part.noAlternativeWhy);
        row.why->setVisible(failed && !part.noAlternativeWhy.isEmpty());
    }
    m_partsCaption->setText(
        view.stage == Services::ReturnView::Stage::Found ? tr("Goes back to") : tr("Progress"));
    m_partsCaption->setVisible(!view.parts.isEmpty());
    m_terminal->setText(headline);
    m_terminal->setVisible(!headline.isEmpty());
}

void ReturnScreen::retranslate()
{
    m_title->setText(tr("Return"));
    m_code->setPlaceholderText(tr("Receipt or web order number"));
    m_find->setText(tr("Find"));
    m_noReceipt->setText(tr("No receipt"));
    m_goodsCaption->setText(tr("Goods"));
    m_deliveryCaption->setText(tr("Delivery"));
    m_roundingCaption->setText(tr("Cash rounding"));
    m_totalCaption->setText(tr("Total refund"));
    m_checkAgain->setText(tr("Check again"));
    m_exchange->setText(tr("Exchange"));
    refresh();
}

void ReturnScreen::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    refresh();
}

void ReturnScreen::resizeEvent(QResizeEvent *event)
{
    // Portrait: the order and its lines over the refund.
    const bool portrait = width() < height();
    m_panes->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_panes->setStretch(0, 3);
    m_panes->setStretch(1, 2);
    QWidget::resizeEvent(event);
}

void ReturnScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
