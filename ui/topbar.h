#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QMenu;

namespace Toonbank::Services {
class CheckoutService;
class Session;
class SyncStatus;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class ElidedLabel;

class SyncChip;

/// Store name · staff and role · sync chip (tap for the Sync screen) · menu, on every screen after
/// login.
class TopBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopBar)
public:
    TopBar(Services::Session &session, Services::CheckoutService &checkout,
        Services::SyncStatus &syncStatus, QWidget *parent = nullptr);

    void refresh();

signals:
    void parkedSalesRequested();
    void switchUserRequested();
    void syncRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Services::Session &m_session;
    Services::CheckoutService &m_checkout;
    Services::SyncStatus &m_syncStatus;
    ElidedLabel *m_store;
    QLabel *m_staff;
    SyncChip *m_sync;
    QPushButton *m_menuButton;
    QMenu *m_menu;
    QAction *m_parkedAction;
    QAction *m_syncAction;
    QAction *m_switchAction;
};

} // namespace Toonbank::Ui
