#include "sellscreen.h"

#include "scaninterceptor.h"
#include "searchresultsmodel.h"
#include "uihelpers.h"

#include "app/services/checkoutservice.h"

#include <QApplication>
#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

} // namespace

SellScreen::SellScreen(
    Services::CheckoutService &checkout, ScanInterceptor *scanner, QWidget *parent)
    : QWidget(parent)
    , m_checkout(checkout)
    , m_scanner(scanner)
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_search(new QLineEdit(this))
    , m_message(roleLabel(this, "error"))
    , m_resultModel(new SearchResultsModel(this))
    , m_resultTable(new QTableView(this))
    , m_basketTitle(roleLabel(this, "title"))
    , m_basketTable(touchTable(this, BasketColumns))
    , m_vat(new QWidget(this))
    , m_vatGrid(new QGridLayout(m_vat))
    , m_totalCaption(roleLabel(this, "total"))
    , m_total(roleLabel(this, "total"))
    , m_pay(touchButton(this, "primary"))
    , m_park(touchButton(this))
    , m_clear(touchButton(this, "danger"))
{
    setObjectName(QStringLiteral("sellScreen"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_message->setObjectName(QStringLiteral("scanMessage"));
    m_message->setWordWrap(true);
    m_resultTable->setObjectName(QStringLiteral("searchResults"));
    m_basketTable->setObjectName(QStringLiteral("basketTable"));
    m_vat->setObjectName(QStringLiteral("vatSummary"));
    m_vatGrid->setContentsMargins(4, 4, 4, 4);
    m_vatGrid->setHorizontalSpacing(16);
    m_vatGrid->setVerticalSpacing(2);
    for (int column = 0; column < int(m_vatHead.size()); ++column) {
        m_vatHead[size_t(column)] = roleLabel(m_vat, "vatHead");
        m_vatHead[size_t(column)]->setAlignment(
            (column == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
        m_vatGrid->addWidget(m_vatHead[size_t(column)], 0, column);
        m_vatGrid->setColumnStretch(column, 1);
    }
    m_total->setObjectName(QStringLiteral("basketTotal"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_pay->setObjectName(QStringLiteral("payButton"));
    m_park->setObjectName(QStringLiteral("parkButton"));
    m_clear->setObjectName(QStringLiteral("clearButton"));

    makeTouchTable(m_resultTable);
    m_resultTable->setModel(m_resultModel);
    // Fixed widths: measuring every row's text per keystroke (ResizeToContents) costs more
    // than the query.
    QHeaderView *resultHeader = m_resultTable->horizontalHeader();
    resultHeader->setSectionResizeMode(QHeaderView::Fixed);
    resultHeader->setSectionResizeMode(SearchResultsModel::Name, QHeaderView::Stretch);
    resultHeader->resizeSection(SearchResultsModel::Price, 150);
    resultHeader->resizeSection(SearchResultsModel::StockHere, 84);
    resultHeader->resizeSection(SearchResultsModel::Info, 64);
    // Asked for from the view while it lays out: answered on the next turn of the event loop.
    connect(m_resultModel, &SearchResultsModel::moreWanted, this, &SellScreen::fetchMoreResults,
        Qt::QueuedConnection);
    QHeaderView *basketHeader = m_basketTable->horizontalHeader();
    basketHeader->setSectionResizeMode(QHeaderView::Fixed);
    basketHeader->setSectionResizeMode(BasketName, QHeaderView::Stretch);
    basketHeader->resizeSection(BasketMinus, 60);
    basketHeader->resizeSection(BasketQuantity, 84);
    basketHeader->resizeSection(BasketPlus, 60);
    basketHeader->resizeSection(BasketPrice, 130);
    basketHeader->resizeSection(BasketRemove, 60);

    // Scanner bursts wait for their end; a person's keystroke searches at once.
    m_searchTimer.setSingleShot(true);
    connect(&m_searchTimer, &QTimer::timeout, this, &SellScreen::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, &SellScreen::onSearchTextChanged);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_search->text().trimmed();
        bool digitsOnly = !text.isEmpty();
        for (QChar c : text)
            digitsOnly = digitsOnly && c.isDigit();
        if (digitsOnly && text.size() >= 8) {
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
        if (const Core::Status cleared = m_checkout.clear(); !cleared)
            showError(cleared.error().message);
    });
    connect(
        &m_checkout, &Services::CheckoutService::basketChanged, this, &SellScreen::refreshBasket);

    auto *left = new QFrame(this);
    left->setProperty("role", QStringLiteral("pane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_message);
    leftLayout->addWidget(m_resultTable, 1);

    auto *right = new QFrame(this);
    right->setProperty("role", QStringLiteral("pane"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_basketTitle);
    rightLayout->addWidget(m_basketTable, 1);
    rightLayout->addWidget(m_vat);
    auto *totalRow = new QHBoxLayout;
    totalRow->addWidget(m_totalCaption);
    totalRow->addWidget(m_total, 1);
    rightLayout->addLayout(totalRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_clear);
    actions->addWidget(m_park);
    actions->addWidget(m_pay, 2);
    rightLayout->addLayout(actions);

    m_panes->addWidget(left, 1);
    m_panes->addWidget(right, 1);
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
    Core::Result<int> added = m_checkout.addScannedCode(code);
    if (!added) {
        showError(added.error().message);
        return;
    }
    m_message->clear();
    m_basketTable->scrollToItem(m_basketTable->item(added.value(), BasketName));
}

void SellScreen::showError(const QString &message)
{
    setRole(m_message, "error");
    m_message->setText(message);
    m_search->setProperty("error", true);
    repolish(m_search);
    m_flashTimer.start();
    QApplication::beep();
}

void SellScreen::showInfo(const QString &message)
{
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
        m_resultModel->clear();
        emit searchShown(text);
        return;
    }
    const int limit = rowsThatFit();
    Core::Result<QList<Store::ProductSummary>> found = m_checkout.search(text, limit);
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
    Core::Result<QList<Store::ProductSummary>> found = m_checkout.search(text, limit);
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
    Core::Result<int> added = m_checkout.addProduct(productId);
    if (!added)
        showError(added.error().message);
    else
        m_message->clear();
}

void SellScreen::onBasketClicked(int row, int column)
{
    const QList<Core::BasketLine> &lines = m_checkout.basket().lines();
    if (row < 0 || row >= lines.size())
        return;
    Core::Status status = Core::success();
    if (column == BasketMinus)
        status = m_checkout.setQuantity(row, lines.at(row).quantity - 1);
    else if (column == BasketPlus)
        status = m_checkout.setQuantity(row, lines.at(row).quantity + 1);
    else if (column == BasketRemove)
        status = m_checkout.remove(row);
    else if (column == BasketName)
        emit productRequested(lines.at(row).productId);
    if (!status)
        showError(status.error().message);
}

void SellScreen::park()
{
    const Core::Status parked = m_checkout.park();
    if (!parked)
        showError(parked.error().message);
    else
        showInfo(tr("Sale parked. Find it under Menu → Parked sales."));
}

void SellScreen::refreshBasket()
{
    const QList<Core::BasketLine> &lines = m_checkout.basket().lines();
    const Core::BasketTotals totals = m_checkout.totals();
    m_basketTable->setUpdatesEnabled(false);
    m_basketTable->setRowCount(int(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        const Core::BasketLine &line = lines.at(row);
        QString name = QStringLiteral("%1\n%2 × %3")
                           .arg(line.name)
                           .arg(line.quantity)
                           .arg(line.unitPrice.toDisplayString());
        if (line.regularPrice > line.unitPrice)
            name += QLatin1Char(' ') + tr("(was %1)").arg(line.regularPrice.toDisplayString());
        m_basketTable->setItem(row, BasketName, item(name));
        m_basketTable->setItem(row, BasketMinus, item(QStringLiteral("−"), Qt::AlignCenter));
        m_basketTable->setItem(
            row, BasketQuantity, item(QString::number(line.quantity), Qt::AlignCenter));
        m_basketTable->setItem(row, BasketPlus, item(QStringLiteral("+"), Qt::AlignCenter));
        m_basketTable->setItem(row, BasketPrice,
            item(line.lineTotal().toDisplayString(), Qt::AlignRight | Qt::AlignVCenter));
        m_basketTable->setItem(row, BasketRemove, item(QStringLiteral("✕"), Qt::AlignCenter));
    }
    m_basketTable->setUpdatesEnabled(true);

    refreshVatSummary(totals.perRate);
    m_total->setText(totals.total.toDisplayString());
    m_basketTitle->setText(tr("Basket (%n item(s))", nullptr, totals.itemCount));
    m_pay->setEnabled(!lines.isEmpty());
    m_park->setEnabled(!lines.isEmpty());
    m_clear->setEnabled(!lines.isEmpty());
}

void SellScreen::refreshVatSummary(const QList<Core::VatBreakdown> &perRate)
{
    // A scan lands here: the labels are reused, a row is only ever added for a new rate.
    while (m_vatRows.size() < perRate.size()) {
        std::array<QLabel *, 4> row {};
        const int gridRow = int(m_vatRows.size()) + 1;
        for (int column = 0; column < int(row.size()); ++column) {
            row[size_t(column)] = roleLabel(m_vat, "vatCell");
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
        const Core::VatBreakdown &vat = perRate.at(index);
        row[0]->setText(tr("VAT %1").arg(vat.rate.toDisplayString()));
        row[1]->setText(vat.net.toDisplayString());
        row[2]->setText(vat.vat.toDisplayString());
        row[3]->setText(vat.gross.toDisplayString());
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
    m_resultModel->retranslate();
    m_basketTable->setHorizontalHeaderLabels(
        { tr("Product"), QString(), tr("Qty"), QString(), tr("Amount"), QString() });
    m_totalCaption->setText(tr("Total"));
    m_pay->setText(tr("Pay"));
    m_park->setText(tr("Park"));
    m_clear->setText(tr("Clear"));
    refreshBasket();
    if (!m_search->text().trimmed().isEmpty())
        runSearch(); // prices and promo texts follow the locale
}

void SellScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SellScreen::resizeEvent(QResizeEvent *event)
{
    m_panes->setDirection(width() < height() ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

} // namespace Toonbank::Ui
