#include "reservesheet.h"

#include "uihelpers.h"

#include "app/core/pickup.h"
#include "app/services/saleservice.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ReserveSheet::ReserveSheet(
    Services::ReservationService &reservations, Services::SaleService &sale, QWidget *host)
    : SideSheet(host)
    , m_reservations(reservations)
    , m_sale(sale)
    , m_pages(new QStackedWidget(panel()))
    , m_what(roleLabel(panel(), "section"))
    , m_where(roleLabel(panel(), "subtle"))
    , m_quantityCaption(roleLabel(panel(), "caption"))
    , m_minus(touchButton(panel(), "step"))
    , m_quantityValue(roleLabel(panel(), "total"))
    , m_plus(touchButton(panel(), "step"))
    , m_customerCaption(roleLabel(panel(), "caption"))
    , m_attached(roleLabel(panel(), "section"))
    , m_otherCustomer(touchButton(panel()))
    , m_nameCaption(roleLabel(panel(), "caption"))
    , m_name(new QLineEdit(panel()))
    , m_phoneCaption(roleLabel(panel(), "caption"))
    , m_phone(new QLineEdit(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_cancel(touchButton(panel()))
    , m_confirm(touchButton(panel(), "primary"))
    , m_doneWhat(roleLabel(panel(), "section"))
    , m_codeCaption(roleLabel(panel(), "caption"))
    , m_code(roleLabel(panel(), "payFigure"))
    , m_until(roleLabel(panel(), "section"))
    , m_hint(roleLabel(panel(), "subtle"))
    , m_close(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("reserveSheet"));
    m_what->setObjectName(QStringLiteral("reserveWhat"));
    m_where->setObjectName(QStringLiteral("reserveWhere"));
    m_minus->setObjectName(QStringLiteral("reserveMinus"));
    m_plus->setObjectName(QStringLiteral("reservePlus"));
    m_quantityValue->setObjectName(QStringLiteral("reserveQuantity"));
    m_attached->setObjectName(QStringLiteral("reserveAttached"));
    m_otherCustomer->setObjectName(QStringLiteral("reserveOtherCustomer"));
    m_name->setObjectName(QStringLiteral("reserveName"));
    m_phone->setObjectName(QStringLiteral("reservePhone"));
    m_error->setObjectName(QStringLiteral("reserveError"));
    m_cancel->setObjectName(QStringLiteral("reserveCancel"));
    m_confirm->setObjectName(QStringLiteral("reserveConfirm"));
    m_code->setObjectName(QStringLiteral("reserveCode"));
    m_until->setObjectName(QStringLiteral("reserveUntil"));
    m_close->setObjectName(QStringLiteral("reserveClose"));
    for (QLabel *label : { m_what, m_where, m_attached, m_error, m_doneWhat, m_until, m_hint,
             m_customerCaption, m_quantityCaption })
        label->setWordWrap(true);
    m_minus->setText(QStringLiteral("−"));
    m_plus->setText(QStringLiteral("+"));
    m_quantityValue->setAlignment(Qt::AlignCenter);
    m_quantityValue->setMinimumWidth(64);
    m_name->setMaxLength(120);
    m_phone->setMaxLength(32);
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The form page.
    auto *form = new QWidget(m_pages);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->setSpacing(10);
    formLayout->addWidget(m_what);
    formLayout->addWidget(m_where);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_quantityCaption);
    auto *quantity = new QHBoxLayout;
    quantity->addWidget(m_minus);
    quantity->addWidget(m_quantityValue);
    quantity->addWidget(m_plus);
    quantity->addStretch(1);
    formLayout->addLayout(quantity);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_customerCaption);
    formLayout->addWidget(m_attached);
    formLayout->addWidget(m_otherCustomer);
    formLayout->addWidget(m_nameCaption);
    formLayout->addWidget(m_name);
    formLayout->addWidget(m_phoneCaption);
    formLayout->addWidget(m_phone);
    formLayout->addStretch(1);
    formLayout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel, 1);
    buttons->addWidget(m_confirm, 2);
    formLayout->addLayout(buttons);
    m_pages->addWidget(form);

    // The answer page.
    auto *done = new QWidget(m_pages);
    auto *doneLayout = new QVBoxLayout(done);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    doneLayout->setSpacing(12);
    doneLayout->addWidget(m_doneWhat);
    doneLayout->addSpacing(8);
    doneLayout->addWidget(m_codeCaption);
    doneLayout->addWidget(m_code);
    doneLayout->addWidget(m_until);
    doneLayout->addWidget(m_hint);
    doneLayout->addStretch(1);
    doneLayout->addWidget(m_close);
    m_pages->addWidget(done);
    content()->addWidget(m_pages, 1);

    connect(m_minus, &QPushButton::clicked, this, [this] {
        m_quantity = std::max(1, m_quantity - 1);
        refreshQuantity();
    });
    connect(m_plus, &QPushButton::clicked, this, [this] {
        m_quantity = std::min(Core::maxHoldQuantity, m_quantity + 1);
        refreshQuantity();
    });
    connect(m_otherCustomer, &QPushButton::clicked, this, [this] {
        m_cardNumber.clear();
        m_attached->hide();
        m_otherCustomer->hide();
        for (QWidget *w :
            std::initializer_list<QWidget *> { m_nameCaption, m_name, m_phoneCaption, m_phone })
            w->show();
        m_name->setFocus();
    });
    connect(m_name, &QLineEdit::textEdited, m_error, &QLabel::clear);
    connect(m_phone, &QLineEdit::textEdited, m_error, &QLabel::clear);
    connect(m_cancel, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_confirm, &QPushButton::clicked, this, &ReserveSheet::submit);
    connect(m_close, &QPushButton::clicked, this, &SideSheet::close);
    retranslate();
}

void ReserveSheet::start(qint64 productId, qint64 locationId)
{
    m_productId = productId;
    m_locationId = locationId;
    m_quantity = 1;
    m_done.reset();
    m_error->clear();
    m_name->clear();
    m_phone->clear();
    m_pages->setCurrentIndex(0);
    Core::Result<Services::ReserveTarget> target = m_reservations.target(productId, locationId);
    m_target = target ? std::optional(target.value()) : std::nullopt;
    const auto &customer = m_sale.view().customer;
    m_cardNumber = customer ? customer->cardNumber : QString();
    const bool attached = customer.has_value();
    m_attached->setVisible(attached);
    m_otherCustomer->setVisible(attached);
    for (QWidget *w :
        std::initializer_list<QWidget *> { m_nameCaption, m_name, m_phoneCaption, m_phone })
        w->setVisible(!attached);
    if (attached)
        m_attached->setText(QStringLiteral("%1 · %2").arg(customer->name, customer->cardNumber));
    retranslate();
    if (!target)
        showError(target.error().message);
    else if (!m_reservations.isOnline())
        showError(tr("The tablet is offline: reserving needs the network. Call the store "
                     "instead, or try again in a moment."));
    refreshQuantity();
    open();
}

void ReserveSheet::showError(const QString &message)
{
    m_error->setText(message);
}

void ReserveSheet::refreshQuantity()
{
    m_quantityValue->setText(QString::number(m_quantity));
    m_minus->setEnabled(m_quantity > 1);
    m_plus->setEnabled(m_quantity < Core::maxHoldQuantity);
    m_confirm->setText(tr("Reserve %n piece(s)", nullptr, m_quantity));
}

void ReserveSheet::submit()
{
    Services::ReservationRequest request;
    request.productId = m_productId;
    request.locationId = m_locationId;
    request.quantity = m_quantity;
    request.cardNumber = m_cardNumber;
    if (m_cardNumber.isEmpty()) {
        request.customerName = m_name->text();
        request.customerPhone = m_phone->text();
    } else if (const auto &customer = m_sale.view().customer) {
        request.customerName = customer->name;
    }
    m_error->clear();
    m_confirm->setEnabled(false);
    Core::Result<Services::Reservation> done = m_reservations.reserve(request);
    m_confirm->setEnabled(true);
    if (!done)
        return showError(done.error().message);
    showDone(done.value());
    emit reserved(done.value());
}

void ReserveSheet::showDone(const Services::Reservation &reservation)
{
    m_done = reservation;
    const QLocale locale;
    const QString product = m_target ? m_target->productName : QString();
    setTitle(tr("Reserved"));
    m_doneWhat->setText(tr("%n × %1 is held for the customer at %2.", nullptr, reservation.quantity)
                            .arg(product, reservation.locationName));
    m_codeCaption->setText(tr("Pickup code — give it to the customer"));
    QString code = reservation.pickupCode;
    if (code.size() == 6)
        code = code.left(3) + QLatin1Char(' ') + code.mid(3);
    m_code->setText(code.isEmpty() ? tr("(already reserved — code given before)") : code);
    m_until->setText(
        tr("Held until %1")
            .arg(locale.toString(reservation.expiresAt.toLocalTime(),
                // The day in words, no seconds or time zone: "Tuesday 1 December, 17:03".
                QStringLiteral("dddd d MMMM, HH:mm"))));
    m_hint->setText(tr("The customer pays when they pick it up. They show this code or their "
                       "ID at the counter."));
    m_close->setText(tr("Done"));
    m_pages->setCurrentIndex(1);
}

void ReserveSheet::retranslate()
{
    if (m_pages->currentIndex() == 1 && m_done) {
        showDone(*m_done);
        return;
    }
    const QLocale locale;
    if (m_target) {
        setTitle(tr("Reserve in %1").arg(m_target->locationName));
        m_what->setText(QStringLiteral("%1 (%2)").arg(m_target->productName, m_target->sku));
        m_where->setText(m_target->cachedQuantity >= 0
                ? tr("%1: %2 in stock (last known figure). The server checks what is still "
                     "available.")
                      .arg(m_target->locationName)
                      .arg(m_target->cachedQuantity)
                : tr("%1: no figure known here; the server checks what is available.")
                      .arg(m_target->locationName));
    } else {
        setTitle(tr("Reserve"));
        m_what->clear();
        m_where->clear();
    }
    m_quantityCaption->setText(tr("How many"));
    m_customerCaption->setText(tr("For which customer"));
    m_otherCustomer->setText(tr("Someone else: type a name and phone"));
    m_nameCaption->setText(tr("Name"));
    m_phoneCaption->setText(tr("Phone (the store calls when it is ready)"));
    m_name->setPlaceholderText(tr("e.g. Sanne de Jong"));
    m_phone->setPlaceholderText(tr("e.g. 06 12345678"));
    m_cancel->setText(tr("Cancel"));
    refreshQuantity();
}

void ReserveSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
