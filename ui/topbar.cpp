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
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {

// The customer chip: name · tier · points on a round button. It can give way in a narrow bar
// (portrait): then the name ends in "…", while tier and points always show whole — the text
// is never cut off at the chip's edges.
class CustomerChipButton final : public QPushButton
{
public:
    using QPushButton::QPushButton;

    void setParts(const QString &name, const QString &rest)
    {
        if (name == m_name && rest == m_rest && text() == name + rest)
            return; // every scan lands here: nothing to lay out or repaint again
        m_name = name;
        m_rest = rest;
        setText(name + rest); // the size hint: room for all of it
        updateGeometry();
        update();
    }
    QSize minimumSizeHint() const override
    {
        const QFontMetrics metrics = fontMetrics();
        return { metrics.horizontalAdvance(QStringLiteral("Mmm…") + m_rest) + padding,
            QPushButton::minimumSizeHint().height() };
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QStylePainter painter(this);
        QStyleOptionButton option;
        initStyleOption(&option);
        const QFontMetrics metrics = fontMetrics();
        const int room = width() - padding - metrics.horizontalAdvance(m_rest);
        option.text = metrics.elidedText(m_name, Qt::ElideRight, qMax(0, room)) + m_rest;
        painter.drawControl(QStyle::CE_PushButton, option);
    }

private:
    static constexpr int padding = 44; // the stylesheet's padding and border, both sides
    QString m_name;
    QString m_rest;
};

} // namespace

TopBar::TopBar(Services::Session &session, Services::SaleService &sale,
    Services::SyncStatus &syncStatus, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_sale(sale)
    , m_syncStatus(syncStatus)
    , m_store(new ElidedLabel(this))
    , m_staff(new ElidedLabel(this))
    , m_customer(new CustomerChipButton(this))
    , m_sync(new SyncChip(syncStatus, this))
    , m_catalogLoad(new CatalogLoadBar(syncStatus, this))
    , m_menuButton(touchButton(this))
    , m_menu(new QMenu(this))
    , m_trainingBand(new QLabel(this))
{
    setObjectName(QStringLiteral("topBar"));
    m_store->setObjectName(QStringLiteral("storeLabel"));
    m_staff->setObjectName(QStringLiteral("staffLabel"));
    m_customer->setObjectName(QStringLiteral("customerChip"));
    m_customer->setFocusPolicy(Qt::NoFocus);
    m_customer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
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
    m_shiftAction = m_menu->addAction(QString(), this, &TopBar::shiftRequested);
    m_shiftAction->setVisible(false);
    m_returnsAction = m_menu->addAction(QString(), this, &TopBar::returnsRequested);
    m_returnsAction->setVisible(false);
    m_pickupAction = m_menu->addAction(QString(), this, &TopBar::pickupRequested);
    m_pickupAction->setVisible(false);
    m_parkedAction = m_menu->addAction(QString(), this, &TopBar::parkedSalesRequested);
    m_syncAction = m_menu->addAction(QString(), this, &TopBar::syncRequested);
    m_managerAction = m_menu->addAction(QString(), this, &TopBar::managerRequested);
    m_managerAction->setVisible(false);
    m_trainingAction = m_menu->addAction(QString(), this, &TopBar::trainingRequested);
    m_trainingAction->setVisible(false);
    m_switchAction = m_menu->addAction(QString(), this, &TopBar::switchUserRequested);
    connect(m_menuButton, &QPushButton::clicked, this, [this] {
        m_menu->popup(m_menuButton->mapToGlobal(
            QPoint(m_menuButton->width() - m_menu->sizeHint().width(), m_menuButton->height())));
    });

    // Training: an orange band across the whole bar, under its row, on every screen.
    m_trainingBand->setObjectName(QStringLiteral("trainingBand"));
    m_trainingBand->setAlignment(Qt::AlignCenter);
    m_trainingBand->setWordWrap(true);
    m_trainingBand->hide();
    connect(&m_session, &Services::Session::trainingChanged, this, &TopBar::refreshTraining);
    connect(&m_session, &Services::Session::loggedIn, this, &TopBar::refresh);
    connect(&m_session, &Services::Session::loggedOut, this, &TopBar::refreshTraining);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(16, 6, 16, 6);
    row->setSpacing(16);
    row->addWidget(m_store);
    row->addWidget(m_staff, 1);
    row->addWidget(m_customer);
    row->addWidget(m_catalogLoad);
    row->addWidget(m_sync);
    row->addWidget(m_menuButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(row);
    layout->addWidget(m_trainingBand);
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
    refreshTraining();
    refreshMenu();
    m_syncStatus.refresh(); // the chip follows it
}

void TopBar::refreshTraining()
{
    m_trainingBand->setVisible(m_session.isLoggedIn() && m_session.isTraining());
}

bool TopBar::trainingShown() const
{
    return !m_trainingBand->isHidden();
}

void TopBar::refreshMenu()
{
    // Offered to those who may use them; the services check again.
    m_shiftAction->setVisible(m_shiftAvailable);
    m_managerAction->setVisible(
        m_managerAvailable && Core::allows(m_session.role(), Core::Permission::ViewManagerReport));
    m_trainingAction->setVisible(
        m_trainingAvailable && Core::allows(m_session.role(), Core::Permission::SwitchTraining));
}

void TopBar::setShiftAvailable(bool available)
{
    m_shiftAvailable = available;
    refreshMenu();
}

void TopBar::setManagerAvailable(bool available)
{
    m_managerAvailable = available;
    refreshMenu();
}

void TopBar::setTrainingAvailable(bool available)
{
    m_trainingAvailable = available;
    refreshMenu();
}

void TopBar::refreshCustomer()
{
    if (const auto &customer = m_sale.view().customer) {
        // Name · tier · points: who the sale is for; tap for the profile. When the bar is narrow
        // (portrait) the name gives way with "…"; tier and points always show whole.
        const QString rest = QStringLiteral(" · %1 · %2")
                                 .arg(tierDisplayName(customer->tier),
                                     tr("%1 pts").arg(QLocale().toString(customer->points)));
        static_cast<CustomerChipButton *>(m_customer)->setParts(customer->name, rest);
        if (m_customer->property("tier").toString() != customer->tier) {
            m_customer->setProperty("tier", customer->tier);
            repolish(m_customer);
        }
        m_customer->show();
        m_store->setMaximumWidth(width() < 1000 ? 200 : QWIDGETSIZE_MAX);
    } else {
        m_customer->hide();
        m_store->setMaximumWidth(QWIDGETSIZE_MAX);
    }
}

void TopBar::setReturnsAvailable(bool available)
{
    m_returnsAction->setVisible(available);
}

void TopBar::setPickupAvailable(bool available)
{
    m_pickupAction->setVisible(available);
}

void TopBar::retranslate()
{
    m_menuButton->setText(tr("Menu"));
    m_menuButton->setMinimumWidth(m_menuButton->sizeHint().width());
    m_returnsAction->setText(tr("Returns"));
    m_pickupAction->setText(tr("Pickup"));
    m_shiftAction->setText(tr("Shift"));
    m_managerAction->setText(tr("Manager's day"));
    m_trainingAction->setText(tr("Training mode…"));
    m_trainingBand->setText(
        tr("TRAINING — practice only: nothing is really sold, paid or counted"));
    m_parkedAction->setText(tr("Parked sales"));
    m_syncAction->setText(tr("Sync"));
    m_switchAction->setText(tr("Switch user"));
    refresh();
}

void TopBar::resizeEvent(QResizeEvent *event)
{
    // A narrow bar (portrait) with a customer attached: the store name (known to everyone in
    // it) gives way before the customer's name does.
    const bool narrow = width() < 1000 && !m_customer->isHidden();
    m_store->setMaximumWidth(narrow ? 200 : QWIDGETSIZE_MAX);
    QFrame::resizeEvent(event);
}

void TopBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace Toonbank::Ui
