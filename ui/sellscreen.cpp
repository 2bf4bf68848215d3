#include "sellscreen.h"

#include "basketlinedelegate.h"
#include "scaninterceptor.h"
#include "searchresultsmodel.h"
#include "textcache.h"
#include "uihelpers.h"

#include "app/core/returns.h"
#include "app/services/saleservice.h"

#include <QApplication>
#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

namespace Toonbank::Ui {

namespace {

enum BasketColumn {
    BasketName,
    BasketMinus,
    BasketQuantity,
    BasketPlus,
    BasketPrice,
    BasketRemove,
    BasketColumns
};
constexpr int rowHeight = 64;
// Rows fetched beyond those that fit: a flick shows them at once; more come on scrolling.
constexpr int extraRows = 4;

void makeTouchTable(QTableView *table)
{
    table->setFocusPolicy(Qt::NoFocus);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setWordWrap(true);
    table->setShowGrid(false);
}

QTableWidget *touchTable(QWidget *parent, int columns)
{
    auto *table = new QTableWidget(0, columns, parent);
    makeTouchTable(table);
    return table;
}

QTableWidgetItem *item(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setTextAlignment(align);
    return cell;
}

// The cell at (row, column), created once and reused after: a scan rewrites the basket, and a
// cell whose data did not change then stays as it is (QTableWidgetItem::setData skips equal
// values), so the view repaints and re-measures only what changed.
QTableWidgetItem *cellAt(QTableWidget *table, int row, int column,
    Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    QTableWidgetItem *cell = table->item(row, column);
    if (!cell) {
        cell = item(QString(), align);
        table->setItem(row, column, cell);
    }
    return cell;
}

// A label a scan changes: its text is laid out once, not on every repaint.
QLabel *cachedRoleLabel(QWidget *parent, const char *role)
{
    auto *label = new CachedTextLabel(parent);
    label->setProperty("role", QString::fromLatin1(role));
    return label;
}

// What a scan changes on the right pane (count, sums, VAT, total) fills its own rectangle
// with the pane's white (toonbank.qss: QFrame[role="pane"]): to Qt it is then opaque, and
// repainting it does not repaint the rounded pane, the screen and the window beneath it.
void fillWithPaneWhite(QWidget *widget)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xff, 0xff));
    widget->setPalette(palette);
    widget->setAutoFillBackground(true);
}

// Whether a basket line would be shown exactly as before (everything its cells show).
bool sameLine(const Services::BasketLineView &a, const Services::BasketLineView &b)
{
    if (a.lineId != b.lineId || a.name != b.name || a.quantity != b.quantity
        || a.unitPrice != b.unitPrice || a.regularPrice != b.regularPrice
        || a.grossTotal != b.grossTotal || a.lineTotal != b.lineTotal
        || a.adjustments.size() != b.adjustments.size() || a.ordered != b.ordered
        || a.delivery != b.delivery)
        return false;
    for (qsizetype i = 0; i < a.adjustments.size(); ++i) {
        const Services::AdjustmentView &x = a.adjustments.at(i);
        const Services::AdjustmentView &y = b.adjustments.at(i);
        if (x.kind != y.kind || x.label != y.label || x.amount != y.amount
            || x.approvedBy != y.approvedBy)
            return false;
    }
    return true;
}

} // namespace

SellScreen::SellScreen(Services::SaleService &sale, ScanInterceptor *scanner, QWidget *parent)
    : QWidget(parent)
    , m_sale(sale)
    , m_scanner(scanner)
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_search(new QLineEdit(this))
    , m_message(roleLabel(this, "error"))
    , m_shiftButton(touchButton(this, "primary"))
    , m_resultModel(new SearchResultsModel(this))
    , m_resultTable(new QTableView(this))
    , m_basketTitle(cachedRoleLabel(this, "title"))
    , m_basketTable(touchTable(this, BasketColumns))
    , m_customer(roleLabel(this, "basketCustomer"))
    , m_coupons(roleLabel(this, "subtle"))
    , m_subtotalCaption(roleLabel(this, "sum"))
    , m_subtotal(cachedRoleLabel(this, "sum"))
    , m_discountCaption(roleLabel(this, "saving"))
    , m_discount(cachedRoleLabel(this, "saving"))
    , m_vat(new QWidget(this))
    , m_vatGrid(new QGridLayout(m_vat))
    , m_totalCaption(roleLabel(this, "total"))
    , m_total(cachedRoleLabel(this, "total"))
    , m_exchangeCredit(roleLabel(this, "section"))
    , m_pay(touchButton(this, "primary"))
    , m_park(touchButton(this))
    , m_clear(touchButton(this, "danger"))
    , m_customerButton(touchButton(this))
    , m_discountButton(touchButton(this))
    , m_couponButton(touchButton(this))
    , m_giftCardButton(touchButton(this))
{
    setObjectName(QStringLiteral("sellScreen"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_message->setObjectName(QStringLiteral("scanMessage"));
    m_message->setWordWrap(true);
    m_shiftButton->setObjectName(QStringLiteral("sellOpenShift"));
    m_shiftButton->hide();
    connect(m_shiftButton, &QPushButton::clicked, this, [this] {
        clearMessage();
        emit shiftRequested();
    });
    m_resultTable->setObjectName(QStringLiteral("searchResults"));
    m_basketTable->setObjectName(QStringLiteral("basketTable"));
    m_vat->setObjectName(QStringLiteral("vatSummary"));
    m_vatGrid->setContentsMargins(4, 4, 4, 4);
    m_vatGrid->setHorizontalSpacing(16);
    m_vatGrid->setVerticalSpacing(2);
    for (int column = 0; column < int(m_vatHead.size()); ++column) {
        m_vatHead[size_t(column)] = cachedRoleLabel(m_vat, "vatHead");
        m_vatHead[size_t(column)]->setAlignment(
            (column == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
        m_vatGrid->addWidget(m_vatHead[size_t(column)], 0, column);
        m_vatGrid->setColumnStretch(column, 1);
    }
    m_total->setObjectName(QStringLiteral("basketTotal"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_exchangeCredit->setObjectName(QStringLiteral("basketExchangeCredit"));
    m_exchangeCredit->setWordWrap(true);
    m_exchangeCredit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_exchangeCredit->hide();
    m_pay->setObjectName(QStringLiteral("payButton"));
    m_park->setObjectName(QStringLiteral("parkButton"));
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_customerButton->setObjectName(QStringLiteral("customerButton"));
    m_discountButton->setObjectName(QStringLiteral("discountButton"));
    m_couponButton->setObjectName(QStringLiteral("couponButton"));
    m_giftCardButton->setObjectName(QStringLiteral("giftCardButton"));
    m_customer->setObjectName(QStringLiteral("basketCustomer"));
    m_customer->setWordWrap(true);
    m_coupons->setObjectName(QStringLiteral("basketCoupons"));
    m_coupons->setWordWrap(true);
    m_coupons->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_subtotal->setObjectName(QStringLiteral("basketSubtotal"));
    m_discount->setObjectName(QStringLiteral("basketDiscount"));
    for (QLabel *amount : { m_subtotal, m_discount })
        amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // A line is chosen (for Discount) by tapping it; the row shows it.
    m_basketTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_basketTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *lineDelegate = new BasketLineDelegate(m_basketTable);
    m_basketTable->setItemDelegateForColumn(BasketName, lineDelegate);
    m_basketTable->setItemDelegateForColumn(BasketPrice, lineDelegate);
    m_basketTable->viewport()->installEventFilter(this);
    for (QWidget *changing :
        std::initializer_list<QWidget *> { m_basketTitle, m_subtotal, m_discount, m_vat, m_total })
        fillWithPaneWhite(changing);

    makeTouchTable(m_resultTable);
    m_resultTable->setModel(m_resultModel);
    // Fixed widths: measuring every row's text per keystroke (ResizeToContents) costs more
    // than the query.
    QHeaderView *resultHeader = m_resultTable->horizontalHeader();
    resultHeader->setSectionResizeMode(QHeaderView::Fixed);
    resultHeader->setSectionResizeMode(SearchResultsModel::Name, QHeaderView::Stretch);
    resultHeader->resizeSection(SearchResultsModel::Price, 120);
    resultHeader->resizeSection(SearchResultsModel::StockHere, 68);
    resultHeader->resizeSection(SearchResultsModel::Info, 52);
    // Asked for from the view while it lays out: answered on the next turn of the event loop.
    connect(m_resultModel, &SearchResultsModel::moreWanted, this, &SellScreen::fetchMoreResults,
        Qt::QueuedConnection);
    QHeaderView *basketHeader = m_basketTable->horizontalHeader();
    basketHeader->setSectionResizeMode(QHeaderView::Fixed);
    basketHeader->setSectionResizeMode(BasketName, QHeaderView::Stretch);
    basketHeader->resizeSection(BasketMinus, 56);
    basketHeader->resizeSection(BasketQuantity, 80);
    basketHeader->resizeSection(BasketPlus, 56);
    basketHeader->resizeSection(BasketPrice, 124);
    basketHeader->resizeSection(BasketRemove, 56);
    // Lines grow with their adjustments: each row is as tall as its text needs.
    // Not inside the header's own resize: a new height can bring a scroll bar that resizes the
    // column again, a change the header does not report from within itself.
    m_fitRowsTimer.setSingleShot(true);
    connect(&m_fitRowsTimer, &QTimer::timeout, this, &SellScreen::fitBasketRows);
    connect(basketHeader, &QHeaderView::sectionResized, this, [this](int section) {
        if (section == BasketName)
            m_fitRowsTimer.start(0);
    });

    // Scanner bursts wait for their end; a person's keystroke searches at once.
    m_searchTimer.setSingleShot(true);
    connect(&m_searchTimer, &QTimer::timeout, this, &SellScreen::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, &SellScreen::onSearchTextChanged);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_search->text().trimmed();
        bool digitsOnly = !text.isEmpty();
        for (QChar c : text)
            digitsOnly = digitsOnly && c.isDigit();
        const bool returnCode = m_returnsAvailable
            && text.startsWith(QLatin1String("TOONBANK:"), Qt::CaseInsensitive);
        if ((digitsOnly && text.size() >= 8) || returnCode) {
            handleScan(text);
            m_search->clear();
        } else if (m_resultModel->rowCount() == 1) {
            onResultClicked(0, SearchResultsModel::Name);
        }
    });
    m_flashTimer.setSingleShot(true);
    m_flashTimer.setInterval(1500);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_search->setProperty("error", false);
        repolish(m_search);
    });
    connect(m_resultTable, &QTableView::clicked, this,
        [this](const QModelIndex &index) { onResultClicked(index.row(), index.column()); });
    connect(m_basketTable, &QTableWidget::cellClicked, this, &SellScreen::onBasketClicked);
    connect(m_pay, &QPushButton::clicked, this, &SellScreen::payRequested);
    connect(m_park, &QPushButton::clicked, this, &SellScreen::park);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (const Core::Status cleared = m_sale.clear(); !cleared)
            showError(cleared.error().message);
        else
            clearMessage();
    });
    connect(m_customerButton, &QPushButton::clicked, this, &SellScreen::customerRequested);
    connect(m_couponButton, &QPushButton::clicked, this, &SellScreen::couponRequested);
    connect(m_giftCardButton, &QPushButton::clicked, this, &SellScreen::giftCardRequested);
    connect(m_discountButton, &QPushButton::clicked, this, [this] {
        if (!m_selectedLineId.isEmpty())
            emit discountRequested(m_selectedLineId);
    });
    connect(&m_sale, &Services::SaleService::basketChanged, this, &SellScreen::refreshBasket);
    connect(&m_sale, &Services::SaleService::customerChanged, this, &SellScreen::refreshBasket);

    auto *left = new QFrame(this);
    left->setProperty("role", QStringLiteral("pane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_message);
    leftLayout->addWidget(m_shiftButton);
    leftLayout->addWidget(m_resultTable, 1);
    // Customer, Discount, Coupon and Gift card under the results: the basket keeps its height.
    // Two by two: four labels in one row would be cut in the left pane ("Cadeaukaart").
    auto *saleActions = new QGridLayout;
    saleActions->setSpacing(8);
    saleActions->addWidget(m_customerButton, 0, 0);
    saleActions->addWidget(m_discountButton, 0, 1);
    saleActions->addWidget(m_couponButton, 1, 0);
    saleActions->addWidget(m_giftCardButton, 1, 1);
    leftLayout->addLayout(saleActions);

    auto *right = new QFrame(this);
    right->setProperty("role", QStringLiteral("pane"));
    auto *rightLayout = new QVBoxLayout(right);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_basketTitle, 1);
    titleRow->addWidget(m_coupons);
    rightLayout->addLayout(titleRow);
    rightLayout->addWidget(m_customer);
    rightLayout->addWidget(m_basketTable, 1);
    auto *sums = new QHBoxLayout;
    sums->setSpacing(12);
    sums->addWidget(m_subtotalCaption);
    sums->addWidget(m_subtotal);
    sums->addStretch(1);
    sums->addWidget(m_discountCaption);
    sums->addWidget(m_discount);
    rightLayout->addLayout(sums);
    rightLayout->addWidget(m_vat);
    auto *totalRow = new QHBoxLayout;
    totalRow->addWidget(m_totalCaption);
    totalRow->addWidget(m_total, 1);
    rightLayout->addLayout(totalRow);
    rightLayout->addWidget(m_exchangeCredit);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_clear);
    actions->addWidget(m_park);
    actions->addWidget(m_pay, 2);
    rightLayout->addLayout(actions);

    // The basket gets the larger share: its lines carry their adjustments.
    m_panes->addWidget(left, 2);
    m_panes->addWidget(right, 3);
    m_panes->setContentsMargins(12, 12, 12, 12);
    m_panes->setSpacing(12);
    setLayout(m_panes);
    retranslate();
}

void SellScreen::focusSearch()
{
    m_search->setFocus();
}

void SellScreen::handleScan(const QString &code)
{
    // The one scan path: a product adds a unit, a loyalty card or app QR attaches the customer,
    // a receipt's or web order's QR starts a return.
    if (m_returnsAvailable) {
        switch (Core::parseReturnCode(code).kind) {
        case Core::ReturnCode::Kind::Receipt:
        case Core::ReturnCode::Kind::WebOrder:
        case Core::ReturnCode::Kind::ReturnReceipt:
            clearMessage();
            emit returnCodeScanned(code);
            return;
        case Core::ReturnCode::Kind::Typed:
        case Core::ReturnCode::Kind::Invalid:
            break;
        }
    }
    Core::Result<Services::ScanResult> scanned = m_sale.scan(code);
    if (!scanned) {
        showError(scanned.error().message);
        return;
    }
    if (scanned.value().kind == Services::ScanResult::Kind::CustomerAttached) {
        const auto &customer = m_sale.view().customer;
        showInfo(tr("Customer attached: %1.")
                     .arg(customer ? customer->name : scanned.value().cardNumber));
        return;
    }
    clearMessage();
    const QList<Services::BasketLineView> &lines = m_sale.view().lines;
    for (int row = 0; row < lines.size(); ++row) {
        if (lines.at(row).lineId == scanned.value().lineId)
            m_basketTable->scrollToItem(m_basketTable->item(row, BasketQuantity));
    }
}

void SellScreen::showError(const QString &message)
{
    m_shiftButton->hide();
    setRole(m_message, "error");
    m_message->setText(message);
    m_search->setProperty("error", true);
    repolish(m_search);
    m_flashTimer.start();
    QApplication::beep();
}

void SellScreen::clearMessage()
{
    if (!m_shiftButton->isHidden())
        m_shiftButton->hide();
    // QLabel::clear() re-lays out and repaints the label even when it shows nothing: a scan
    // would repaint the left pane for a message that is not there.
    if (!m_message->text().isEmpty())
        m_message->clear();
}

QString SellScreen::money(Core::Money amount)
{
    // A scan shows the same few amounts again (prices, savings, totals): each is formatted once
    // for the current locale.
    const auto found = m_moneyTexts.constFind(amount.cents());
    if (found != m_moneyTexts.constEnd())
        return found.value();
    if (m_moneyTexts.size() > 4096)
        m_moneyTexts.clear();
    return m_moneyTexts.insert(amount.cents(), amount.toDisplayString()).value();
}

void SellScreen::showShiftNeeded(std::function<QString()> message)
{
    m_shiftMessage = std::move(message);
    showError(m_shiftMessage ? m_shiftMessage() : QString());
    m_shiftButton->show();
}

void SellScreen::showInfo(const QString &message)
{
    m_shiftButton->hide();
    setRole(m_message, "subtle");
    m_message->setText(message);
}

void SellScreen::onSearchTextChanged()
{
    // Never searches inside the keystroke: keys that arrive while a search runs (or in one
    // burst) all land first, and one search for the newest text follows. A scanner burst
    // waits for its end instead of searching for every digit of a barcode.
    if (m_scanner && m_scanner->burstInProgress())
        m_searchTimer.start(ScanInterceptor::maximumGapMs + 10);
    else
        m_searchTimer.start(0);
}

int SellScreen::rowsThatFit() const
{
    const int height = m_resultTable->viewport()->height();
    return qMax(8, (height + rowHeight - 1) / rowHeight + extraRows);
}

void SellScreen::runSearch()
{
    m_searchTimer.stop();
    const QString text = m_search->text();
    if (text.trimmed().isEmpty()) {
        // After every scan the field is empty again: results already empty are not reset (a
        // reset repaints the whole results pane).
        if (m_resultModel->rowCount() > 0 || !m_resultModel->query().isEmpty())
            m_resultModel->clear();
        emit searchShown(text);
        return;
    }
    const int limit = rowsThatFit();
    Core::Result<QList<Store::ProductSummary>> found = m_sale.search(text, limit);
    if (found) {
        m_resultModel->setResults(text, std::move(found).value(), limit);
    } else {
        m_resultModel->clear();
        showError(found.error().message);
    }
    m_resultTable->scrollToTop();
    emit searchShown(text);
}

void SellScreen::fetchMoreResults()
{
    const QString text = m_resultModel->query();
    if (text != m_search->text() || text.trimmed().isEmpty())
        return; // a newer search is on its way
    const int limit = m_resultModel->requested() + rowsThatFit();
    Core::Result<QList<Store::ProductSummary>> found = m_sale.search(text, limit);
    if (found)
        m_resultModel->extendResults(std::move(found).value(), limit);
}

void SellScreen::onResultClicked(int row, int column)
{
    if (row < 0 || row >= m_resultModel->rowCount())
        return;
    const qint64 productId = m_resultModel->product(row).id;
    if (column == SearchResultsModel::Info) {
        emit productRequested(productId);
        return;
    }
    Core::Result<QString> added = m_sale.addProduct(productId);
    if (!added)
        showError(added.error().message);
    else
        clearMessage();
}

void SellScreen::onBasketClicked(int row, int column)
{
    const QList<Services::BasketLineView> lines = m_sale.view().lines;
    if (row < 0 || row >= lines.size())
        return;
    const Services::BasketLineView &line = lines.at(row);
    selectLine(line.lineId);
    Core::Status status = Core::success();
    if (column == BasketMinus)
        status = m_sale.setQuantity(line.lineId, line.quantity - 1);
    else if (column == BasketPlus)
        status = m_sale.setQuantity(line.lineId, line.quantity + 1);
    else if (column == BasketRemove)
        status = m_sale.removeLine(line.lineId);
    if (!status)
        showError(status.error().message);
}

void SellScreen::selectLine(const QString &lineId)
{
    m_selectedLineId = lineId;
    const QList<Services::BasketLineView> &lines = m_sale.view().lines;
    int selectedRow = -1;
    for (int row = 0; row < lines.size(); ++row) {
        if (lines.at(row).lineId == lineId)
            selectedRow = row;
    }
    if (selectedRow < 0) {
        m_selectedLineId.clear();
        m_basketTable->clearSelection();
    } else {
        m_basketTable->selectRow(selectedRow);
        // The chosen line whole in view (its adjustments too), once the view has taken in the
        // new row heights (its scroll range follows on the next turn of the event loop).
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (QTableWidgetItem *chosen = m_basketTable->currentItem())
                    m_basketTable->scrollToItem(m_basketTable->item(chosen->row(), BasketQuantity));
            },
            Qt::QueuedConnection);
    }
    m_discountButton->setEnabled(!m_selectedLineId.isEmpty());
}

void SellScreen::park()
{
    const Core::Status parked = m_sale.park();
    if (!parked)
        showError(parked.error().message);
    else
        showInfo(tr("Sale parked. Find it under Menu → Parked sales."));
}

void SellScreen::refreshBasket()
{
    const Services::BasketView &view = m_sale.view();
    const QList<Services::BasketLineView> &lines = view.lines;
    // Updates stay on: a changed cell marks only itself for repainting (turning updates back
    // on would mark the whole table, its header and scroll bar included).
    m_basketTable->setRowCount(int(lines.size()));
    m_shownLines.resize(lines.size());
    for (int row = 0; row < lines.size(); ++row) {
        const Services::BasketLineView &line = lines.at(row);
        // A scan changes one line (and the lines a promotion ties to it): the others keep
        // their cells as they are.
        if (m_shownLines.at(row) && sameLine(*m_shownLines.at(row), line))
            continue;
        m_shownLines[row] = line;
        // Name, then "2 × € 4,99", then every adjustment with what it takes off: the saving
        // stands under the line it belongs to (painted by BasketLineDelegate).
        QString unit = QStringLiteral("%1 × %2").arg(line.quantity).arg(money(line.unitPrice));
        if (line.regularPrice > line.unitPrice)
            unit += QLatin1Char(' ') + tr("(was %1)").arg(money(line.regularPrice));
        // Endless aisle: ordered for delivery or pickup elsewhere, not taken home.
        if (line.ordered)
            unit += QStringLiteral(" · ") + tr("ordered, not taken home");
        QString plain = line.name + QLatin1Char('\n') + unit;
        QStringList labels;
        QStringList amounts;
        for (const Services::AdjustmentView &adjustment : line.adjustments) {
            QString label = adjustment.label;
            if (adjustment.kind == Core::AdjustmentKind::Manual)
                label = tr("Manual discount: %1").arg(label);
            if (!adjustment.approvedBy.isEmpty())
                label += QLatin1Char(' ') + tr("(approved by %1)").arg(adjustment.approvedBy);
            const QString amount = QStringLiteral("−") + money(adjustment.amount);
            plain += QLatin1Char('\n') + QStringLiteral("%1 · %2").arg(label, amount);
            labels.append(label);
            amounts.append(amount);
        }
        QTableWidgetItem *nameCell = cellAt(m_basketTable, row, BasketName);
        nameCell->setData(Qt::AccessibleTextRole, plain);
        nameCell->setData(Qt::UserRole, line.lineId);
        nameCell->setData(BasketLineDelegate::NameRole, line.name);
        nameCell->setData(BasketLineDelegate::UnitRole, unit);
        nameCell->setData(BasketLineDelegate::AdjustmentLabelsRole, labels);
        nameCell->setData(BasketLineDelegate::AdjustmentAmountsRole, amounts);
        cellAt(m_basketTable, row, BasketMinus, Qt::AlignCenter)->setText(QStringLiteral("−"));
        cellAt(m_basketTable, row, BasketQuantity, Qt::AlignCenter)
            ->setText(QString::number(line.quantity));
        cellAt(m_basketTable, row, BasketPlus, Qt::AlignCenter)->setText(QStringLiteral("+"));
        // What the line costs now; when something came off, the price before it struck
        // through above it.
        QTableWidgetItem *priceCell = cellAt(m_basketTable, row, BasketPrice);
        const QString total = money(line.lineTotal);
        priceCell->setData(Qt::AccessibleTextRole, total);
        priceCell->setData(BasketLineDelegate::TotalRole, total);
        priceCell->setData(BasketLineDelegate::GrossRole,
            line.lineTotal != line.grossTotal ? QVariant(money(line.grossTotal)) : QVariant());
        cellAt(m_basketTable, row, BasketRemove, Qt::AlignCenter)->setText(QStringLiteral("✕"));
    }
    fitBasketRows();
    selectLine(m_selectedLineId);

    if (view.customer) {
        // Tier and balance are on the chip in the top bar; here what this sale brings.
        QString text = tr("Customer: %1").arg(view.customer->name);
        if (view.pointsToEarn > 0)
            text += QStringLiteral(" · ")
                + tr("+%1 points with this sale").arg(QLocale().toString(view.pointsToEarn));
        m_customer->setText(text);
    }
    m_customer->setVisible(view.customer.has_value());
    m_coupons->setText(tr("Coupon: %1").arg(view.couponCodes.join(QStringLiteral(", "))));
    m_coupons->setVisible(!view.couponCodes.isEmpty());
    const bool discounted = view.discountTotal.cents() != 0;
    m_subtotal->setText(money(view.grossTotal));
    m_discount->setText(QStringLiteral("−") + money(view.discountTotal));
    for (QLabel *label : { m_subtotalCaption, m_subtotal, m_discountCaption, m_discount })
        label->setVisible(discounted);

    refreshVatSummary(view.vat);
    m_total->setText(money(view.total));
    // An exchange: the returned goods' value goes towards this sale; the pay screen takes it.
    if (const auto &credit = m_sale.exchangeCredit()) {
        const Core::Money rest = view.total - credit->amount;
        m_exchangeCredit->setText(rest.isNegative()
                ? tr("Exchange credit −%1 · %2 goes back to the customer")
                      .arg(money(credit->amount), money(-rest))
                : tr("Exchange credit −%1 · to pay %2").arg(money(credit->amount), money(rest)));
        m_exchangeCredit->show();
    } else {
        m_exchangeCredit->hide();
    }
    m_basketTitle->setText(tr("Basket (%n item(s))", nullptr, view.itemCount));
    m_pay->setEnabled(!lines.isEmpty());
    // An exchange's credit belongs to this sale: it is paid now, not parked.
    m_park->setEnabled(!lines.isEmpty() && !m_sale.exchangeCredit());
    m_clear->setEnabled(!lines.isEmpty() || view.customer.has_value());
    m_couponButton->setEnabled(!lines.isEmpty());
}

void SellScreen::fitBasketRows()
{
    const int width = m_basketTable->columnWidth(BasketName);
    m_basketTable->ensurePolished(); // measured in the stylesheet's font
    const QFont font = m_basketTable->font();
    // Measuring a line shapes its text, the costly part of a scan: a line is measured again
    // only when its text, the column's width or the font changed.
    if (width != m_measuredWidth || font != m_measuredFont) {
        m_measuredHeights.clear();
        m_measuredWidth = width;
        m_measuredFont = font;
    }
    QHash<QString, int> heights;
    for (int row = 0; row < m_basketTable->rowCount(); ++row) {
        const QModelIndex index = m_basketTable->model()->index(row, BasketName);
        const QString key = index.data(Qt::AccessibleTextRole).toString();
        int height = m_measuredHeights.value(key, -1);
        if (height < 0)
            height = qMax(rowHeight, BasketLineDelegate::nameCellHeight(font, width, index));
        heights.insert(key, height);
        if (m_basketTable->rowHeight(row) != height)
            m_basketTable->setRowHeight(row, height);
    }
    m_measuredHeights = heights; // only the lines in the basket now
}

void SellScreen::refreshVatSummary(const QList<Services::VatView> &perRate)
{
    // A scan lands here: the labels are reused, a row is only ever added for a new rate.
    while (m_vatRows.size() < perRate.size()) {
        std::array<QLabel *, 4> row {};
        const int gridRow = int(m_vatRows.size()) + 1;
        for (int column = 0; column < int(row.size()); ++column) {
            row[size_t(column)] = cachedRoleLabel(m_vat, "vatCell");
            row[size_t(column)]->setAlignment(
                (column == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
            m_vatGrid->addWidget(row[size_t(column)], gridRow, column);
        }
        m_vatRows.append(row);
    }
    for (int index = 0; index < m_vatRows.size(); ++index) {
        const std::array<QLabel *, 4> &row = m_vatRows.at(index);
        const bool used = index < perRate.size();
        for (QLabel *cell : row)
            cell->setVisible(used);
        if (!used)
            continue;
        const Services::VatView &vat = perRate.at(index);
        row[0]->setText(tr("VAT %1").arg(vat.rateLabel));
        row[1]->setText(money(vat.net));
        row[2]->setText(money(vat.vat));
        row[3]->setText(money(vat.gross));
    }
    for (QLabel *head : m_vatHead)
        head->setVisible(!perRate.isEmpty());
}

void SellScreen::retranslate()
{
    m_vatHead[0]->setText(tr("VAT rate"));
    m_vatHead[1]->setText(tr("Excl. VAT"));
    m_vatHead[2]->setText(tr("VAT"));
    m_vatHead[3]->setText(tr("Incl. VAT"));
    m_search->setPlaceholderText(tr("Search name, brand, SKU or barcode"));
    m_shiftButton->setText(tr("Open the Shift screen"));
    m_resultModel->retranslate();
    m_basketTable->setHorizontalHeaderLabels(
        { tr("Product"), QString(), tr("Qty"), QString(), tr("Amount"), QString() });
    m_totalCaption->setText(tr("Total"));
    m_pay->setText(tr("Pay"));
    m_park->setText(tr("Park"));
    m_clear->setText(tr("Clear"));
    m_customerButton->setText(tr("Customer"));
    m_discountButton->setText(tr("Discount"));
    m_couponButton->setText(tr("Coupon"));
    m_giftCardButton->setText(tr("Gift card"));
    m_subtotalCaption->setText(tr("Subtotal"));
    m_discountCaption->setText(tr("Your saving"));
    m_shownLines.clear(); // every line's text follows the language
    m_moneyTexts.clear(); // and every amount the locale
    refreshBasket();
    if (!m_search->text().trimmed().isEmpty())
        runSearch(); // prices and promo texts follow the locale
}

void SellScreen::makeBasketOpaque()
{
    // The stylesheet paints the basket's white through the style (a "styled background", never
    // opaque to Qt): every repaint of the basket would first paint the window, the screen and
    // the rounded pane beneath it. The same white as an opaque fill lets a scan repaint only
    // the basket itself.
    QWidget *viewport = m_basketTable->viewport();
    viewport->setAttribute(Qt::WA_StyledBackground, false);
    viewport->setAutoFillBackground(true);
}

bool SellScreen::eventFilter(QObject *watched, QEvent *event)
{
    // A new stylesheet (or style) polishes the viewport again: keep it opaque after that.
    if (watched == m_basketTable->viewport()
        && (event->type() == QEvent::StyleChange || event->type() == QEvent::Polish))
        QMetaObject::invokeMethod(this, &SellScreen::makeBasketOpaque, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void SellScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    makeBasketOpaque(); // after the stylesheet has polished it
}

void SellScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // A message said in the old language would stay on screen untranslated: drop it. A
        // refusal for want of a shift is said again in the new one, with its button.
        const bool shiftNeeded = !m_shiftButton->isHidden() && m_shiftMessage;
        m_message->clear();
        retranslate();
        if (shiftNeeded) {
            const QString again = m_shiftMessage();
            m_message->setText(again);
            m_shiftButton->setVisible(!again.isEmpty());
        }
    }
    QWidget::changeEvent(event);
}

void SellScreen::resizeEvent(QResizeEvent *event)
{
    m_panes->setDirection(width() < height() ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

void SellScreen::setImageCache(Services::ImageCache *images)
{
    const int pixels = rowHeight - 8;
    m_resultModel->setImageCache(images, pixels);
    m_resultTable->setIconSize(QSize(pixels, pixels));
}

} // namespace Toonbank::Ui
