#pragma once

#include "app/services/syncstatus.h"

#include <QProgressBar>
#include <QPushButton>

namespace Toonbank::Ui {

/// The sync state as a coloured chip: green "online", amber "offline — 12 waiting" (or
/// "online — 3 waiting" while sending), red "3 rejected". Tap for the Sync screen.
class SyncChip final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncChip)
public:
    explicit SyncChip(Services::SyncStatus &status, QWidget *parent = nullptr);

    /// The words and the stylesheet state ("online", "waiting", "offline", "rejected").
    static QString textFor(const Services::SyncOverview &overview);
    static QString stateFor(const Services::SyncOverview &overview);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showOverview(const Services::SyncOverview &overview);

    Services::SyncStatus &m_status;
};

/// While a first sync loads the catalog in bulk: a bar with its words on it, "Catalog 412,000
/// of 15,250,000 rows · about 40 s left". Hidden otherwise. Shown beside the sync chip (top
/// bar, login) and on the Sync screen; selling goes on meanwhile.
class CatalogLoadBar final : public QProgressBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogLoadBar)
public:
    explicit CatalogLoadBar(Services::SyncStatus &status, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showLoad(const Services::CatalogLoad &load);

    Services::SyncStatus &m_status;
};

} // namespace Toonbank::Ui
