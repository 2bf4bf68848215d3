#include "topbar.h"

#include "uihelpers.h"

#include "app/services/checkoutservice.h"
#include "app/services/session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>

namespace Toonbank::Ui {

TopBar::TopBar(Services::Session &session, Services::CheckoutService &checkout, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_checkout(checkout)
    , m_store(new QLabel(this))
    , m_staff(new QLabel(this))
    , m_sync(new QLabel(this))
    , m_menuButton(touchButton(this))
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("topBar"));
    m_store->setObjectName(QStringLiteral("storeLabel"));
    m_staff->setObjectName(QStringLiteral("staffLabel"));
    m_sync->setObjectName(QStringLiteral("syncLabel"));
    m_menuButton->setObjectName(QStringLiteral("menuButton"));
    // Long store or staff names must not force the window wider than a portrait tablet.
    m_staff->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_parkedAction = m_menu->addAction(QString(), this, &TopBar::parkedSalesRequested);
    m_switchAction = m_menu->addAction(QString(), this, &TopBar::switchUserRequested);
    connect(m_menuButton, &QPushButton::clicked, this, [this] {
        m_menu->popup(m_menuButton->mapToGlobal(QPoint(m_menuButton->width() - m_menu->sizeHint().width(),
                                                       m_menuButton->height())));
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 6, 16, 6);
    layout->setSpacing(24);
    layout->addWidget(m_store);
    layout->addWidget(m_staff, 1);
    layout->addWidget(m_sync);
    layout->addWidget(m_menuButton);
    retranslate();
}

void TopBar::refresh()
{
    m_store->setText(m_checkout.location().name);
    if (const auto &staff = m_session.staff())
        m_staff->setText(QStringLiteral("%1 · %2").arg(staff->displayName, Services::Session::roleDisplayName(staff->role)));
    else
        m_staff->clear();
    // The sync engine is not connected yet: what is waiting in the outbox is what we know.
    const int waiting = m_checkout.waitingEventCount();
    m_sync->setText(waiting > 0 ? tr("offline — %n waiting", nullptr, waiting) : tr("offline"));
    m_sync->setProperty("state", waiting > 0 ? QStringLiteral("waiting") : QStringLiteral("offline"));
    repolish(m_sync);
}

void TopBar::retranslate()
{
    m_menuButton->setText(tr("Menu"));
    m_parkedAction->setText(tr("Parked sales"));
    m_switchAction->setText(tr("Switch user"));
    refresh();
}

void TopBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace Toonbank::Ui
