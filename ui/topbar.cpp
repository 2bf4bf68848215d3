#include "topbar.h"

#include "elidedlabel.h"
#include "syncchip.h"
#include "uihelpers.h"

#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>

namespace Toonbank::Ui {

TopBar::TopBar(Services::Session &session, Services::SaleService &sale,
    Services::SyncStatus &syncStatus, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_sale(sale)
    , m_syncStatus(syncStatus)
    , m_store(new ElidedLabel(this))
    , m_staff(new QLabel(this))
    , m_customer(touchButton(this))
    , m_sync(new SyncChip(syncStatus, this))
    , m_menuButton(touchButton(this))
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("topBar"));
    m_store->setObjectName(QStringLiteral("storeLabel"));
    m_staff->setObjectName(QStringLiteral("staffLabel"));
    m_customer->setObjectName(QStringLiteral("customerChip"));
    m_customer->hide();
    connect(m_customer, &QPushButton::clicked, this, [this] {
        if (const auto &customer = m_sale.view().customer)
            emit customerRequested(customer->cardNumber);
    });
    connect(&m_sale, &Services::SaleService::customerChanged, this, &TopBar::refreshCustomer);
    connect(&m_sale, &Services::SaleService::basketChanged, this, &TopBar::refreshCustomer);
    connect(m_sync, &SyncChip::clicked, this, &TopBar::syncRequested);
    m_menuButton->setObjectName(QStringLiteral("menuButton"));
    // Long store or staff names must not force the window wider than a portrait tablet: the
    // names give way (staff first), the sync chip and the menu never do — they are what staff
    // tap.
    m_staff->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_parkedAction = m_menu->addAction(QString(), this, &TopBar::parkedSalesRequested);
    m_syncAction = m_menu->addAction(QString(), this, &TopBar::syncRequested);
    m_switchAction = m_menu->addAction(QString(), this, &TopBar::switchUserRequested);
    connect(m_menuButton, &QPushButton::clicked, this, [this] {
        m_menu->popup(m_menuButton->mapToGlobal(
            QPoint(m_menuButton->width() - m_menu->sizeHint().width(), m_menuButton->height())));
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 6, 16, 6);
    layout->setSpacing(24);
    layout->addWidget(m_store);
    layout->addWidget(m_staff, 1);
    layout->addWidget(m_customer);
    layout->addWidget(m_sync);
    layout->addWidget(m_menuButton);
    retranslate();
}

void TopBar::refresh()
{
    m_store->setText(m_sale.location().name);
    if (const auto &staff = m_session.staff())
        m_staff->setText(QStringLiteral("%1 · %2").arg(
            staff->displayName, Services::Session::roleDisplayName(staff->role)));
    else
        m_staff->clear();
    refreshCustomer();
    m_syncStatus.refresh(); // the chip follows it
}

void TopBar::refreshCustomer()
{
    if (const auto &customer = m_sale.view().customer) {
        // Name · tier · points: who the sale is for, at a glance; tap for the profile.
        m_customer->setText(QStringLiteral("%1 · %2 · %3")
                                .arg(customer->name, tierDisplayName(customer->tier),
                                    tr("%1 pts").arg(QLocale().toString(customer->points))));
        if (m_customer->property("tier").toString() != customer->tier) {
            m_customer->setProperty("tier", customer->tier);
            repolish(m_customer);
        }
        m_customer->show();
    } else {
        m_customer->hide();
    }
}

void TopBar::retranslate()
{
    m_menuButton->setText(tr("Menu"));
    m_menuButton->setMinimumWidth(m_menuButton->sizeHint().width());
    m_parkedAction->setText(tr("Parked sales"));
    m_syncAction->setText(tr("Sync"));
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
