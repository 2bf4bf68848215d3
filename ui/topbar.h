#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QMenu;

namespace Toonbank::Services {
class SaleService;
class Session;
class SyncStatus;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class ElidedLabel;

class CatalogLoadBar;
class SyncChip;

/// Store name · staff and role · sync chip (tap for the Sync screen) · menu, on every screen after
/// login.
class TopBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopBar)
public:
    TopBar(Services::Session &session, Services::SaleService &sale,
        Services::SyncStatus &syncStatus, QWidget *parent = nullptr);

    void refresh();
    /// The customer chip only (cheap: follows every basket change).
    void refreshCustomer();
    /// Shows "Returns" in the menu (once returns are wired).
    void setReturnsAvailable(bool available);
    /// Shows "Pickup" in the menu (once click-and-collect is wired).
    void setPickupAvailable(bool available);
    /// Shows "Shift" in the menu (once shifts are wired).
    void setShiftAvailable(bool available);
    /// Shows "Manager's day" and "Training mode…" to supervisors and managers (once wired; the
    /// services check the permission again).
    void setManagerAvailable(bool available);
    void setTrainingAvailable(bool available);
    /// Whether the orange training band shows (the logged-in staff member is in training).
    bool trainingShown() const;

signals:
    void parkedSalesRequested();
    void returnsRequested();
    void pickupRequested();
    void shiftRequested();
    void managerRequested();
    void trainingRequested();
    void switchUserRequested();
    void syncRequested();
    /// The customer chip was tapped: show that customer's profile.
    void customerRequested(const QString &cardNumber);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void refreshTraining();
    void refreshMenu();

    Services::Session &m_session;
    Services::SaleService &m_sale;
    Services::SyncStatus &m_syncStatus;
    ElidedLabel *m_store;
    ElidedLabel *m_staff;
    QPushButton *m_customer;
    SyncChip *m_sync;
    CatalogLoadBar *m_catalogLoad;
    QPushButton *m_menuButton;
    QMenu *m_menu;
    QAction *m_returnsAction;
    QAction *m_pickupAction;
    QAction *m_shiftAction;
    QAction *m_managerAction;
    QAction *m_trainingAction;
    QLabel *m_trainingBand;
    bool m_shiftAvailable = false;
    bool m_managerAvailable = false;
    bool m_trainingAvailable = false;
    QAction *m_parkedAction;
    QAction *m_syncAction;
    QAction *m_switchAction;
};

} // namespace Toonbank::Ui
