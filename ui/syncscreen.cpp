#include "syncscreen.h"

#include "syncchip.h"
#include "uihelpers.h"

#include "app/services/productservice.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

namespace Toonbank::Ui {

SyncScreen::SyncScreen(Services::SyncStatus &status, QWidget *parent)
    : QWidget(parent)
    , m_status(status)
    , m_title(roleLabel(this, "title"))
    , m_state(new QLabel(this))
    , m_waitingCaption(roleLabel(this, "subtle"))
    , m_waiting(new QLabel(this))
    , m_lastPullCaption(roleLabel(this, "subtle"))
    , m_lastPull(new QLabel(this))
    , m_lastErrorCaption(roleLabel(this, "subtle"))
    , m_lastError(new QLabel(this))
    , m_rejectedCaption(roleLabel(this, "subtle"))
    , m_table(new QTableWidget(0, 3, this))
    , m_detailsTitle(roleLabel(this, "title"))
    , m_details(new QLabel(this))
    , m_message(roleLabel(this, "error"))
    , m_retry(touchButton(this, "primary"))
    , m_back(touchButton(this))
    , m_ageTimer(new QTimer(this))
    , m_mailCaption(roleLabel(this, "subtle"))
    , m_mail(new QLabel(this))
{
    setObjectName(QStringLiteral("syncScreen"));
    m_state->setObjectName(QStringLiteral("syncState"));
    m_waiting->setObjectName(QStringLiteral("syncWaiting"));
    m_lastPull->setObjectName(QStringLiteral("syncLastPull"));
    m_lastError->setObjectName(QStringLiteral("syncLastError"));
    m_table->setObjectName(QStringLiteral("rejectedTable"));
    m_details->setObjectName(QStringLiteral("rejectedDetails"));
    m_message->setObjectName(QStringLiteral("syncMessage"));
    m_retry->setObjectName(QStringLiteral("syncRetry"));
    m_back->setObjectName(QStringLiteral("syncBack"));
    m_mail->setObjectName(QStringLiteral("failedMail"));
    m_mail->setWordWrap(true);
    m_mail->setTextFormat(Qt::PlainText);
    m_mailCaption->hide();
    m_mail->hide();
    for (QLabel *label : { m_lastError, m_details, m_message, m_state })
        label->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextFormat(Qt::PlainText);
    m_lastError->setTextFormat(Qt::PlainText);

    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setMinimumSectionSize(64);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) { showDetails(row); });
    connect(m_retry, &QPushButton::clicked, this, &SyncScreen::retry);
    connect(m_back, &QPushButton::clicked, this, &SyncScreen::closed);
    connect(&status, &Services::SyncStatus::changed, this,
        [this](const Services::SyncOverview &overview) { showOverview(overview); });
    // "3 min ago" grows older while the screen is open.
    m_ageTimer->setInterval(30000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            showOverview(m_status.overview());
        else
            m_ageTimer->stop();
    });

    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(24);
    facts->setVerticalSpacing(8);
    facts->addWidget(m_waitingCaption, 0, 0);
    facts->addWidget(m_waiting, 0, 1);
    facts->addWidget(m_lastPullCaption, 1, 0);
    facts->addWidget(m_lastPull, 1, 1);
    facts->addWidget(m_lastErrorCaption, 2, 0, Qt::AlignTop);
    facts->addWidget(m_lastError, 2, 1);
    facts->setColumnStretch(1, 1);

    auto *main = new QFrame(this);
    main->setProperty("role", QStringLiteral("pane"));
    auto *left = new QVBoxLayout(main);
    left->setContentsMargins(20, 16, 20, 16);
    left->addWidget(m_title);
    left->addWidget(m_state);
    // The first sync's bulk catalog: rows and time left while it loads (hidden otherwise).
    left->addWidget(new CatalogLoadBar(status, main));
    left->addLayout(facts);
    left->addSpacing(8);
    left->addWidget(m_rejectedCaption);
    left->addWidget(m_table, 1);
    left->addWidget(m_mailCaption);
    left->addWidget(m_mail);

    auto *side = new QFrame(this);
    side->setProperty("role", QStringLiteral("pane"));
    auto *right = new QVBoxLayout(side);
    right->setContentsMargins(20, 16, 20, 16);
    right->addWidget(m_detailsTitle);
    right->addWidget(m_details, 1);
    right->addWidget(m_message);
    right->addWidget(m_retry);
    right->addWidget(m_back);

    auto *layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(24);
    layout->addWidget(main, 3);
    layout->addWidget(side, 2);
    retranslate();
}

void SyncScreen::reload()
{
    m_message->clear();
    m_status.refresh();
    Core::Result<QList<Services::RejectedEvent>> rejected = m_status.rejectedEvents();
    m_rejected = rejected ? rejected.value() : QList<Services::RejectedEvent>();
    if (!rejected)
        m_message->setText(rejected.error().message);
    m_table->clearContents();
    m_table->setRowCount(int(m_rejected.size()));
    const QLocale locale;
    for (int row = 0; row < m_rejected.size(); ++row) {
        const Services::RejectedEvent &event = m_rejected.at(row);
        m_table->setItem(row, 0,
            new QTableWidgetItem(
                locale.toString(event.occurredAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, 1, new QTableWidgetItem(typeName(event.type)));
        m_table->setItem(row, 2, new QTableWidgetItem(event.reason));
    }
    m_retry->setEnabled(!m_rejected.isEmpty());
    showOverview(m_status.overview());
    if (!m_rejected.isEmpty()) {
        m_table->selectRow(0);
        showDetails(0);
    } else {
        showDetails(-1);
    }
    showFailedMail();
    if (isVisible())
        m_ageTimer->start();
}

void SyncScreen::showFailedMail()
{
    if (!m_failedMailSource) {
        m_mailCaption->hide();
        m_mail->hide();
        return;
    }
    const Core::Result<QList<Services::FailedReceiptMail>> mails = m_failedMailSource();
    m_mailCaption->show();
    m_mail->show();
    if (!mails) {
        m_mailCaption->setText(tr("E-mailed receipts"));
        m_mail->setText(tr("Not known right now: %1").arg(mails.error().message));
        return;
    }
    if (mails->isEmpty()) {
        m_mailCaption->setText(tr("Every e-mailed receipt was sent."));
        m_mail->clear();
        m_mail->hide();
        return;
    }
    m_mailCaption->setText(
        tr("E-mailed receipts that could not be sent (%n):", nullptr, int(mails->size())));
    const QLocale locale;
    QStringList lines;
    for (const Services::FailedReceiptMail &mail : mails.value())
        lines << tr("%1 to %2 (%3): %4")
                     .arg(mail.receiptNumber, mail.address,
                         locale.toString(mail.createdAt.toLocalTime(), QLocale::ShortFormat),
                         mail.lastError);
    m_mail->setText(lines.join(QLatin1Char('\n')));
}

void SyncScreen::showOverview(const Services::SyncOverview &overview)
{
    m_state->setText(SyncChip::textFor(overview));
    m_waiting->setText(tr("%n event(s)", nullptr, overview.pendingEvents));
    m_lastPull->setText(overview.lastPullAt.isValid() ? Services::ProductService::ageText(
                            overview.lastPullAt, QDateTime::currentDateTimeUtc())
                                                      : tr("never"));
    if (!overview.lastError.isEmpty())
        m_lastError->setText(overview.lastError);
    else
        m_lastError->setText(
            overview.online ? tr("none") : tr("none, but the server has not answered yet"));
    m_rejectedCaption->setText(overview.rejectedEvents > 0
            ? tr("Rejected by the server (%n):", nullptr, overview.rejectedEvents)
            : tr("The server has rejected nothing."));
}

void SyncScreen::showDetails(int row)
{
    if (row < 0 || row >= m_rejected.size()) {
        m_details->setText(m_rejected.isEmpty() ? tr("Nothing to retry.")
                                                : tr("Tap an event to see its details."));
        return;
    }
    const Services::RejectedEvent &event = m_rejected.at(row);
    const QLocale locale;
    QStringList lines;
    lines << tr("%1, %2").arg(
        typeName(event.type), locale.toString(event.occurredAt.toLocalTime(), QLocale::LongFormat));
    lines << tr("Reason: %1").arg(event.reason);
    if (!event.reasonCode.isEmpty())
        lines << tr("Code: %1").arg(event.reasonCode);
    lines << tr("Attempts: %1").arg(event.attempts);
    lines << tr("Number on this tablet: %1").arg(event.deviceSeq);
    lines << tr("Event: %1").arg(event.eventId);
    m_details->setText(lines.join(QLatin1Char('\n')));
}

void SyncScreen::retry()
{
    const Core::Result<int> requeued = m_status.retryRejected();
    if (!requeued) {
        m_message->setText(requeued.error().message);
        setRole(m_message, "error");
        return;
    }
    reload();
    m_message->setText(tr("%n event(s) will be sent again.", nullptr, requeued.value()));
    setRole(m_message, "subtle");
}

QString SyncScreen::typeName(const QString &type)
{
    if (type == QLatin1String("sale"))
        return tr("Sale");
    return type;
}

void SyncScreen::retranslate()
{
    m_title->setText(tr("Sync"));
    m_waitingCaption->setText(tr("Waiting to be sent"));
    m_lastPullCaption->setText(tr("Last update from the server"));
    m_lastErrorCaption->setText(tr("Last problem"));
    m_table->setHorizontalHeaderLabels({ tr("When"), tr("What"), tr("Reason") });
    m_detailsTitle->setText(tr("Details"));
    m_retry->setText(tr("Retry"));
    m_back->setText(tr("Back"));
}

void SyncScreen::resizeEvent(QResizeEvent *event)
{
    // Portrait stacks the panes.
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->setDirection(width() < height() ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

void SyncScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (isVisible())
            reload();
    }
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
