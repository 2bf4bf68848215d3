#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QMenu;

namespace Toonbank::Services {
class CheckoutService;
class Session;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Store name · staff and role · sync state · menu, on every screen after login.
class TopBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopBar)
public:
    TopBar(Services::Session &session, Services::CheckoutService &checkout, QWidget *parent = nullptr);

    void refresh();

signals:
    void parkedSalesRequested();
    void switchUserRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Services::Session &m_session;
    Services::CheckoutService &m_checkout;
    QLabel *m_store;
    QLabel *m_staff;
    QLabel *m_sync;
    QPushButton *m_menuButton;
    QMenu *m_menu;
    QAction *m_parkedAction;
    QAction *m_switchAction;
};

} // namespace Toonbank::Ui
