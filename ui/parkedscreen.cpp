#include "parkedscreen.h"

#include "uihelpers.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ParkedScreen::ParkedScreen(Services::SaleService &sale, QWidget *parent)
    : QWidget(parent)
    , m_sale(sale)
    , m_title(roleLabel(this, "title"))
    , m_message(roleLabel(this, "error"))
    , m_table(new QTableWidget(0, 4, this))
    , m_back(touchButton(this))
{
    setObjectName(QStringLiteral("parkedScreen"));
    m_table->setObjectName(QStringLiteral("parkedTable"));
    m_back->setObjectName(QStringLiteral("parkedBack"));
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(64);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) { resume(row); });
    connect(m_back, &QPushButton::clicked, this, &ParkedScreen::closed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_back);
    retranslate();
}

void ParkedScreen::reload()
{
    m_message->clear();
    Core::Result<QList<Services::ParkedSummary>> parked = m_sale.listParked();
    m_parked = parked ? parked.value() : QList<Services::ParkedSummary>();
    if (!parked)
        m_message->setText(parked.error().message);
    m_table->setRowCount(int(m_parked.size()));
    const QLocale locale;
    for (int row = 0; row < m_parked.size(); ++row) {
        const Services::ParkedSummary &summary = m_parked.at(row);
        m_table->setItem(row, 0,
            new QTableWidgetItem(
                locale.toString(summary.parkedAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(
            row, 1, new QTableWidgetItem(tr("%n item(s)", nullptr, summary.itemCount)));
        m_table->setItem(row, 2, new QTableWidgetItem(summary.total.toDisplayString()));
        m_table->setItem(row, 3, new QTableWidgetItem(tr("Resume")));
    }
    if (m_parked.isEmpty() && m_message->text().isEmpty())
        m_message->setText(tr("No parked sales."));
}

void ParkedScreen::resume(int row)
{
    if (row < 0 || row >= m_parked.size())
        return;
    const Core::Status resumed = m_sale.resume(m_parked.at(row).id);
    if (!resumed) {
        m_message->setText(resumed.error().message);
        return;
    }
    emit this->resumed();
}

void ParkedScreen::retranslate()
{
    m_title->setText(tr("Parked sales"));
    m_table->setHorizontalHeaderLabels({ tr("Parked at"), tr("Items"), tr("Total"), QString() });
    m_back->setText(tr("Back"));
}

void ParkedScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (isVisible())
            reload();
    }
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
