#pragma once

#include "app/services/syncstatus.h"

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

} // namespace Toonbank::Ui
