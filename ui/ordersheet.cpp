#include "ordersheet.h"

#include "uihelpers.h"

#include "app/services/orderservice.h"
#include "app/store/catalog.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

OrderSheet::OrderSheet(Services::OrderService &orders, QWidget *host)
    : SideSheet(host)
    , m_orders(orders)
    , m_product(roleLabel(panel(), "sheetWhat"))
    , m_homeButton(touchButton(panel()))
    , m_pickupButton(touchButton(panel()))
    , m_homePart(new QWidget(panel()))
    , m_pickupPart(new QWidget(panel()))
    , m_optionsCaption(roleLabel(panel(), "caption"))
    , m_optionGroup(new QButtonGroup(this))
    , m_storesCaption(roleLabel(panel(), "caption"))
    , m_storeGroup(new QButtonGroup(this))
    , m_countryNl(touchButton(panel()))
    , m_countryBe(touchButton(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_cancel(touchButton(panel()))
    , m_confirm(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("orderSheet"));
    m_product->setObjectName(QStringLiteral("orderProduct"));
    m_product->setWordWrap(true);
    m_homeButton->setObjectName(QStringLiteral("orderHome"));
    m_pickupButton->setObjectName(QStringLiteral("orderPickup"));
    m_countryNl->setObjectName(QStringLiteral("orderCountryNL"));
    m_countryBe->setObjectName(QStringLiteral("orderCountryBE"));
    m_error->setObjectName(QStringLiteral("orderError"));
    m_error->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("orderCancel"));
    m_confirm->setObjectName(QStringLiteral("orderConfirm"));
    for (QPushButton *button : { m_homeButton, m_pickupButton, m_countryNl, m_countryBe }) {
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
    }
    auto *kindGroup = new QButtonGroup(this);
    kindGroup->addButton(m_homeButton);
    kindGroup->addButton(m_pickupButton);
    auto *countryGroup = new QButtonGroup(this);
    countryGroup->addButton(m_countryNl);
    countryGroup->addButton(m_countryBe);
    m_countryNl->setChecked(true);
    m_countryNl->setText(QStringLiteral("NL"));
    m_countryBe->setText(QStringLiteral("BE"));

    // A caption, the field and its own error line under it.
    auto addField = [this](const QString &key, QGridLayout *grid, int row, int column,
                        Qt::InputMethodHints hints) {
        QLabel *caption = roleLabel(panel(), "caption");
        caption->setWordWrap(true);
        auto *field = new QLineEdit(panel());
        field->setObjectName(QStringLiteral("orderField_") + key);
        field->setInputMethodHints(hints);
        QLabel *error = roleLabel(panel(), "error");
        error->setObjectName(QStringLiteral("orderError_") + key);
        error->setWordWrap(true);
        error->hide();
        grid->addWidget(caption, row * 3, column);
        grid->addWidget(field, row * 3 + 1, column);
        grid->addWidget(error, row * 3 + 2, column);
        m_captions.insert(key, caption);
        m_fields.insert(key, field);
        m_errors.insert(key, error);
        connect(field, &QLineEdit::textEdited, error, [error]() { error->hide(); });
    };

    // Home: the delivery options, then the address.
    auto *homeLayout = new QVBoxLayout(m_homePart);
    homeLayout->setContentsMargins(0, 0, 0, 0);
    homeLayout->setSpacing(6);
    homeLayout->addWidget(m_optionsCaption);
    for (const Core::DeliveryOption &option : m_orders.options(Core::DeliveryKind::Home)) {
        auto *radio = new QRadioButton(m_homePart);
        radio->setObjectName(QStringLiteral("orderOption_") + option.code);
        radio->setFocusPolicy(Qt::NoFocus);
        m_optionGroup->addButton(radio);
        m_optionButtons.append(radio);
        m_optionCodes.append(option.code);
        homeLayout->addWidget(radio);
    }
    if (!m_optionButtons.isEmpty())
        m_optionButtons.first()->setChecked(true);
    auto *address = new QGridLayout;
    address->setHorizontalSpacing(16);
    address->setVerticalSpacing(2);
    addField(QStringLiteral("name"), address, 0, 0, Qt::ImhNone);
    addField(QStringLiteral("street"), address, 0, 1, Qt::ImhNone);
    addField(QStringLiteral("postcode"), address, 1, 0, Qt::ImhPreferUppercase);
    addField(QStringLiteral("city"), address, 1, 1, Qt::ImhNone);
    address->setColumnStretch(0, 1);
    address->setColumnStretch(1, 1);
    homeLayout->addSpacing(6);
    homeLayout->addLayout(address);
    QLabel *countryCaption = roleLabel(panel(), "caption");
    m_captions.insert(QStringLiteral("country"), countryCaption);
    QLabel *countryError = roleLabel(panel(), "error");
    countryError->setObjectName(QStringLiteral("orderError_country"));
    countryError->setWordWrap(true);
    countryError->hide();
    m_errors.insert(QStringLiteral("country"), countryError);
    auto *countries = new QHBoxLayout;
    countries->addWidget(m_countryNl);
    countries->addWidget(m_countryBe);
    countries->addStretch(1);
    homeLayout->addWidget(countryCaption);
    homeLayout->addLayout(countries);
    homeLayout->addWidget(countryError);

    // Pickup: the store.
    auto *pickupLayout = new QVBoxLayout(m_pickupPart);
    pickupLayout->setContentsMargins(0, 0, 0, 0);
    pickupLayout->setSpacing(6);
    pickupLayout->addWidget(m_storesCaption);
    for (const Store::Location &store : m_orders.pickupStores()) {
        auto *radio = new QRadioButton(m_pickupPart);
        radio->setObjectName(QStringLiteral("orderStore_") + store.code);
        radio->setFocusPolicy(Qt::NoFocus);
        radio->setText(store.city.isEmpty() || store.name.contains(store.city)
                ? store.name
                : QStringLiteral("%1, %2").arg(store.name, store.city));
        m_storeGroup->addButton(radio);
        m_storeButtons.append(radio);
        m_storeCodes.append(store.code);
        pickupLayout->addWidget(radio);
    }

    // The customer (both): name (pickup; home takes the address's name) and phone. Home shows
    // the phone alone in the first column (showKind moves it), under the address.
    m_customerGrid = new QGridLayout;
    m_customerGrid->setHorizontalSpacing(16);
    m_customerGrid->setVerticalSpacing(2);
    addField(QStringLiteral("customer"), m_customerGrid, 0, 0, Qt::ImhNone);
    addField(QStringLiteral("phone"), m_customerGrid, 0, 1, Qt::ImhDialableCharactersOnly);
    m_customerGrid->setColumnStretch(0, 1);
    m_customerGrid->setColumnStretch(1, 1);
    QLayout *customer = m_customerGrid;

    auto *form = new QWidget;
    form->setObjectName(QStringLiteral("sheetForm"));
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 8, 0);
    formLayout->setSpacing(8);
    formLayout->addWidget(m_product);
    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_homeButton, 1);
    kinds->addWidget(m_pickupButton, 1);
    formLayout->addLayout(kinds);
    formLayout->addWidget(m_homePart);
    formLayout->addWidget(m_pickupPart);
    formLayout->addLayout(customer);
    formLayout->addStretch(1);
    QScrollArea *scroll = scrollingForm(form);

    connect(m_homeButton, &QPushButton::clicked, this, [this]() {
        m_kind = Core::DeliveryKind::Home;
        showKind();
    });
    connect(m_pickupButton, &QPushButton::clicked, this, [this]() {
        m_kind = Core::DeliveryKind::StorePickup;
        showKind();
    });
    connect(m_cancel, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_confirm, &QPushButton::clicked, this, &OrderSheet::confirm);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel, 1);
    buttons->addWidget(m_confirm, 2);
    content()->addWidget(scroll, 1);
    content()->addWidget(m_error);
    content()->addLayout(buttons);
    retranslate();
}

void OrderSheet::start(qint64 productId, qint64 pickupLocationId)
{
    m_productId = productId;
    m_productName.clear();
    for (QLineEdit *field : std::as_const(m_fields))
        field->clear();
    m_countryNl->setChecked(true);
    if (!m_optionButtons.isEmpty())
        m_optionButtons.first()->setChecked(true);
    m_kind = pickupLocationId == 0 ? Core::DeliveryKind::Home : Core::DeliveryKind::StorePickup;
    if (QAbstractButton *checked = m_storeGroup->checkedButton()) {
        m_storeGroup->setExclusive(false);
        checked->setChecked(false);
        m_storeGroup->setExclusive(true);
    }
    for (qsizetype i = 0; i < m_storeButtons.size(); ++i) {
        const auto stores = m_orders.pickupStores();
        if (i < stores.size() && stores.at(i).id == pickupLocationId)
            m_storeButtons.at(i)->setChecked(true);
    }
    clearErrors();
    retranslate();
    showKind();
    open();
}

QString OrderSheet::errorText(const QString &field) const
{
    if (field.isEmpty())
        return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void OrderSheet::showKind()
{
    const bool home = m_kind == Core::DeliveryKind::Home;
    m_homeButton->setChecked(home);
    m_pickupButton->setChecked(!home);
    m_homePart->setVisible(home);
    m_pickupPart->setVisible(!home);
    // Home: the receiver's name is the customer's; pickup asks it.
    m_captions.value(QStringLiteral("customer"))->setVisible(!home);
    m_fields.value(QStringLiteral("customer"))->setVisible(!home);
    if (home)
        m_errors.value(QStringLiteral("customer"))->hide();
    // The phone stands next to the customer's name (pickup), or alone in the first column.
    const int phoneColumn = home ? 0 : 1;
    int row = 0;
    for (QWidget *widget : { static_cast<QWidget *>(m_captions.value(QStringLiteral("phone"))),
             static_cast<QWidget *>(m_fields.value(QStringLiteral("phone"))),
             static_cast<QWidget *>(m_errors.value(QStringLiteral("phone"))) }) {
        m_customerGrid->removeWidget(widget);
        m_customerGrid->addWidget(widget, row++, phoneColumn);
    }
    retranslate();
}

void OrderSheet::refreshOptions()
{
    const Core::Money goods = m_orders.goodsTotal({ { m_productId, 1 } });
    const QList<Core::DeliveryOption> options = m_orders.options(Core::DeliveryKind::Home);
    for (qsizetype i = 0; i < m_optionButtons.size() && i < options.size(); ++i)
        m_optionButtons.at(i)->setText(Services::OrderService::optionText(options.at(i), goods));
}

void OrderSheet::clearErrors()
{
    for (QLabel *error : std::as_const(m_errors)) {
        error->clear();
        error->hide();
    }
    m_error->clear();
}

void OrderSheet::showError(const QString &code, const QString &message)
{
    QString field;
    if (code.startsWith(QLatin1String("address."))) {
        field = code.mid(int(qstrlen("address.")));
    } else if (code == QLatin1String("order.customer")) {
        field = m_kind == Core::DeliveryKind::Home ? QStringLiteral("name")
                                                   : QStringLiteral("customer");
    } else if (code == QLatin1String("order.phone")) {
        field = QStringLiteral("phone");
    }
    if (QLabel *label = m_errors.value(field)) {
        label->setText(message);
        label->show();
        if (QLineEdit *edit = m_fields.value(field))
            edit->setFocus();
        return;
    }
    m_error->setText(message);
}

void OrderSheet::confirm()
{
    clearErrors();
    Services::OrderChoice choice;
    choice.items = { { m_productId, 1 } };
    choice.delivery.kind = m_kind;
    if (m_kind == Core::DeliveryKind::Home) {
        const int checked = int(
            m_optionButtons.indexOf(qobject_cast<QRadioButton *>(m_optionGroup->checkedButton())));
        choice.delivery.optionCode = checked >= 0 ? m_optionCodes.at(checked) : QString();
        choice.delivery.address.name = m_fields.value(QStringLiteral("name"))->text().trimmed();
        choice.delivery.address.street = m_fields.value(QStringLiteral("street"))->text().trimmed();
        choice.delivery.address.postcode
            = m_fields.value(QStringLiteral("postcode"))->text().trimmed();
        choice.delivery.address.city = m_fields.value(QStringLiteral("city"))->text().trimmed();
        choice.delivery.address.country
            = m_countryBe->isChecked() ? QStringLiteral("BE") : QStringLiteral("NL");
    } else {
        choice.delivery.optionCode = QStringLiteral("store_pickup");
        const int checked = int(
            m_storeButtons.indexOf(qobject_cast<QRadioButton *>(m_storeGroup->checkedButton())));
        choice.delivery.pickupStoreCode = checked >= 0 ? m_storeCodes.at(checked) : QString();
        choice.customerName = m_fields.value(QStringLiteral("customer"))->text().trimmed();
    }
    choice.customerPhone = m_fields.value(QStringLiteral("phone"))->text().trimmed();
    Core::Result<Services::PlacedOrder> placed = m_orders.placeOrder(choice);
    if (!placed) {
        showError(placed.error().code, placed.error().message);
        return;
    }
    hide();
    emit orderPlaced(placed->orderNumber);
    emit closed();
}

void OrderSheet::retranslate()
{
    const bool home = m_kind == Core::DeliveryKind::Home;
    setTitle(home ? tr("Order for home delivery") : tr("Order for pickup in another store"));
    if (m_productId != 0 && m_productName.isEmpty()) {
        // The name and price as the basket will show them.
        const Core::Money price = m_orders.goodsTotal({ { m_productId, 1 } });
        m_productName = m_orders.productName(m_productId);
        m_product->setText(QStringLiteral("%1 · %2").arg(m_productName, price.toDisplayString()));
    } else if (m_productId != 0) {
        const Core::Money price = m_orders.goodsTotal({ { m_productId, 1 } });
        m_product->setText(QStringLiteral("%1 · %2").arg(m_productName, price.toDisplayString()));
    }
    m_homeButton->setText(tr("Deliver to home"));
    m_pickupButton->setText(tr("Pick up in store"));
    m_optionsCaption->setText(tr("Delivery"));
    m_storesCaption->setText(tr("Store where the customer picks it up"));
    m_captions.value(QStringLiteral("name"))->setText(tr("Name"));
    m_captions.value(QStringLiteral("street"))->setText(tr("Street and house number"));
    m_captions.value(QStringLiteral("postcode"))->setText(tr("Postcode"));
    m_captions.value(QStringLiteral("city"))->setText(tr("City"));
    m_captions.value(QStringLiteral("country"))->setText(tr("Country"));
    m_captions.value(QStringLiteral("customer"))->setText(tr("Customer's name"));
    m_captions.value(QStringLiteral("phone"))->setText(tr("Phone number"));
    m_cancel->setText(tr("Cancel"));
    m_confirm->setText(tr("Place order"));
    refreshOptions();
}

void OrderSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
