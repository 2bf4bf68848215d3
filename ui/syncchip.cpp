#include "syncchip.h"

#include "uihelpers.h"

#include <QEvent>

namespace Toonbank::Ui {

SyncChip::SyncChip(Services::SyncStatus &status, QWidget *parent)
    : QPushButton(parent)
    , m_status(status)
{
    setObjectName(QStringLiteral("syncChip"));
    setFocusPolicy(Qt::NoFocus); // the scanner's keys never land on it
    connect(&status, &Services::SyncStatus::changed, this, &SyncChip::showOverview);
    showOverview(status.overview());
}

QString SyncChip::textFor(const Services::SyncOverview &overview)
{
    if (overview.rejectedEvents > 0) {
        const QString rejected = tr("%n rejected", nullptr, overview.rejectedEvents);
        return overview.pendingEvents > 0
            ? tr("%1 · %2").arg(rejected, tr("%n waiting", nullptr, overview.pendingEvents))
            : rejected;
    }
    if (overview.online) {
        return overview.pendingEvents > 0
            ? tr("online — %n waiting", nullptr, overview.pendingEvents)
            : tr("online");
    }
    return overview.pendingEvents > 0 ? tr("offline — %n waiting", nullptr, overview.pendingEvents)
                                      : tr("offline");
}

QString SyncChip::stateFor(const Services::SyncOverview &overview)
{
    if (overview.rejectedEvents > 0)
        return QStringLiteral("rejected");
    if (!overview.online)
        return QStringLiteral("offline");
    return overview.pendingEvents > 0 ? QStringLiteral("waiting") : QStringLiteral("online");
}

void SyncChip::showOverview(const Services::SyncOverview &overview)
{
    setText(textFor(overview));
    const QString state = stateFor(overview);
    if (property("state").toString() != state) {
        setProperty("state", state);
        repolish(this);
    }
    // The chip is what staff look at and tap: a narrow (portrait) top bar squeezes the names
    // beside it, never the chip's own text.
    setMinimumWidth(sizeHint().width());
}

void SyncChip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showOverview(m_status.overview());
    QPushButton::changeEvent(event);
}

CatalogLoadBar::CatalogLoadBar(Services::SyncStatus &status, QWidget *parent)
    : QProgressBar(parent)
    , m_status(status)
{
    setObjectName(QStringLiteral("catalogLoadBar"));
    setRange(0, 1000);
    setTextVisible(true);
    setAlignment(Qt::AlignCenter);
    setFocusPolicy(Qt::NoFocus);
    setMinimumHeight(32);
    connect(&status, &Services::SyncStatus::changed, this,
        [this](const Services::SyncOverview &overview) { showLoad(overview.catalogLoad); });
    showLoad(status.overview().catalogLoad);
}

void CatalogLoadBar::showLoad(const Services::CatalogLoad &load)
{
    if (!load.active()) {
        hide();
        return;
    }
    // Verify has no measure: the bar moves to and fro meanwhile.
    if (load.phase == Services::CatalogLoad::Phase::Verify)
        setRange(0, 0);
    else
        setRange(0, 1000);
    setValue(load.permille());
    const QString words = load.text();
    setFormat(QString(words).replace(QLatin1Char('%'), QLatin1String("%%")));
    setToolTip(words);
    setMinimumWidth(fontMetrics().horizontalAdvance(words) + 32);
    show();
}

void CatalogLoadBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showLoad(m_status.overview().catalogLoad);
    QProgressBar::changeEvent(event);
}

} // namespace Toonbank::Ui
