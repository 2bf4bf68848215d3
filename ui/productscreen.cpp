#include "productscreen.h"

#include "uihelpers.h"

#include "app/services/customerservice.h"
#include "app/services/productservice.h"
#include "app/services/saleservice.h"

#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {

enum StockColumn { StockLocation, StockDistance, StockQuantity, StockAsOf, StockColumns };

/// "800 m", "4,2 km", "35 km": a decimal only where it tells something.
QString distanceText(double km, const QLocale &locale)
{
    if (km < 1.0)
        return ProductScreen::tr("%1 m").arg(locale.toString(qRound(km * 10) * 100));
    if (km < 10.0)
        return ProductScreen::tr("%1 km").arg(locale.toString(km, 'f', 1));
    return ProductScreen::tr("%1 km").arg(locale.toString(qRound(km)));
}

QPixmap placeholderPhoto(const QString &text)
{
    QPixmap pixmap(280, 280);
    pixmap.fill(QColor(0xe4, 0xe7, 0xec));
    QPainter painter(&pixmap);
    painter.setPen(QPen(QColor(0x6b, 0x6f, 0x76), 3));
    painter.drawRect(pixmap.rect().adjusted(2, 2, -3, -3));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(22);
    painter.setFont(font);
    painter.drawText(pixmap.rect(), Qt::AlignCenter | Qt::TextWordWrap, text);
    return pixmap;
}

} // namespace

ProductScreen::ProductScreen(Services::ProductService &products, Services::SaleService &sale,
    Services::CustomerService &customers, QWidget *parent)
    : QWidget(parent)
    , m_products(products)
    , m_sale(sale)
    , m_customers(customers)
    , m_photo(new QLabel(this))
    , m_name(roleLabel(this, "title"))
    , m_brand(roleLabel(this, "subtle"))
    , m_price(roleLabel(this, "total"))
    , m_rating(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_variantsCaption(roleLabel(this, "subtle"))
    , m_variants(new QHBoxLayout)
    , m_stockCaption(roleLabel(this, "title"))
    , m_stockTable(new QTableWidget(0, StockColumns, this))
    , m_web(new QLabel(this))
    , m_back(touchButton(this))
    , m_add(touchButton(this, "primary"))
    , m_wish(touchButton(this))
{
    setObjectName(QStringLiteral("productScreen"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_price->setObjectName(QStringLiteral("productPrice"));
    m_stockTable->setObjectName(QStringLiteral("stockTable"));
    m_add->setObjectName(QStringLiteral("productAdd"));
    m_back->setObjectName(QStringLiteral("productBack"));
    m_wish->setObjectName(QStringLiteral("productWish"));
    m_name->setWordWrap(true);
    m_facts->setWordWrap(true);
    m_web->setWordWrap(true);
    m_stockTable->setFocusPolicy(Qt::NoFocus);
    m_stockTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stockTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_stockTable->verticalHeader()->hide();
    m_stockTable->verticalHeader()->setDefaultSectionSize(64);
    m_stockTable->setWordWrap(true);
    m_stockTable->horizontalHeader()->setSectionResizeMode(StockLocation, QHeaderView::Stretch);
    // Fixed figure columns leave the store's name the rest; its row grows to fit the name.
    m_stockTable->horizontalHeader()->setSectionResizeMode(StockDistance, QHeaderView::Fixed);
    m_stockTable->horizontalHeader()->setSectionResizeMode(StockQuantity, QHeaderView::Fixed);
    m_stockTable->horizontalHeader()->setSectionResizeMode(
        StockAsOf, QHeaderView::ResizeToContents);
    m_stockTable->horizontalHeader()->resizeSection(StockDistance, 96);
    m_stockTable->horizontalHeader()->resizeSection(StockQuantity, 84);
    m_stockTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stockTable->verticalHeader()->setMinimumSectionSize(64);

    auto *info = new QVBoxLayout;
    info->addWidget(m_name);
    info->addWidget(m_brand);
    info->addWidget(m_price);
    info->addWidget(m_rating);
    info->addStretch(1);
    auto *head = new QHBoxLayout;
    head->addWidget(m_photo);
    head->addLayout(info, 1);

    auto *left = new QVBoxLayout;
    left->addLayout(head);
    left->addWidget(m_facts);
    left->addWidget(m_variantsCaption);
    left->addLayout(m_variants);
    left->addStretch(1);
    left->addWidget(m_wish);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_add, 2);
    left->addLayout(buttons);

    auto *right = new QVBoxLayout;
    right->addWidget(m_stockCaption);
    right->addWidget(m_stockTable, 1);
    right->addWidget(m_web);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(32);
    // Even halves: the stock table needs room for a store's name next to its distance.
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    connect(m_back, &QPushButton::clicked, this, &ProductScreen::closed);
    connect(m_add, &QPushButton::clicked, this, [this] {
        Core::Result<QString> line = m_sale.addProduct(m_detail.record.id);
        if (!line) {
            m_error = line.error().message;
            render();
            return;
        }
        emit added();
    });
    // Only with a customer attached: the wish goes to that customer's list.
    connect(m_wish, &QPushButton::clicked, this, [this] {
        const auto &customer = m_sale.view().customer;
        if (!customer)
            return;
        const Core::Status wished
            = m_customers.addToWishlist(customer->cardNumber, m_detail.record.id);
        m_error = wished ? QString() : wished.error().message;
        m_notice = wished ? tr("On %1's wish list.").arg(customer->name) : QString();
        render();
    });
    retranslate();
}

void ProductScreen::showProduct(qint64 productId)
{
    m_error.clear();
    m_notice.clear();
    Core::Result<Store::ProductDetail> detail = m_products.product(productId);
    if (!detail) {
        m_detail = {};
        m_error = detail.error().message;
    } else {
        m_detail = detail.value();
    }
    Core::Result<QList<Store::StockFigure>> stock = m_products.stockEverywhere(productId);
    m_stock = stock ? stock.value() : QList<Store::StockFigure>();
    render();
}

void ProductScreen::render()
{
    const Store::ProductRecord &record = m_detail.record;
    const QDate today = QDate::currentDate();
    m_photo->setPixmap(placeholderPhoto(
        record.imageRef.isEmpty() ? tr("No photo") : tr("Photo not in the cache")));
    m_name->setText(record.name);
    m_brand->setText(record.brand);
    if (record.promoActiveOn(today) && record.promoPrice)
        m_price->setText(
            tr("%1 (was %2)")
                .arg(record.promoPrice->toDisplayString(), record.price.toDisplayString()));
    else
        m_price->setText(record.price.toDisplayString());
    if (record.ratingTenths >= 0) {
        const int stars = (record.ratingTenths + 5) / 10;
        m_rating->setText(tr("%1 %2 out of 5 · %n review(s)", nullptr, record.reviewCount)
                              .arg(QString(stars, QChar(u'★')) + QString(5 - stars, QChar(u'☆')),
                                  QLocale().toString(record.ratingTenths / 10.0, 'f', 1)));
    } else {
        m_rating->setText(tr("No reviews yet"));
    }
    QStringList facts;
    if (!m_error.isEmpty())
        facts.append(
            QStringLiteral("<b style='color:#a3140f'>%1</b>").arg(m_error.toHtmlEscaped()));
    if (!m_notice.isEmpty())
        facts.append(
            QStringLiteral("<b style='color:#11703a'>%1</b>").arg(m_notice.toHtmlEscaped()));
    facts.append(tr("<b>SKU</b> %1").arg(record.sku.toHtmlEscaped()));
    if (!record.barcodes.isEmpty())
        facts.append(tr("<b>Barcodes</b> %1")
                         .arg(record.barcodes.join(QStringLiteral(", ")).toHtmlEscaped()));
    for (const auto &attribute : record.attributes)
        facts.append(QStringLiteral("<b>%1</b> %2")
                         .arg(attribute.first.toHtmlEscaped(), attribute.second.toHtmlEscaped()));
    m_facts->setText(facts.join(QStringLiteral("<br>")));

    while (QLayoutItem *item = m_variants->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater(); // may be the button whose click is being handled
        }
        delete item;
    }
    m_variantsCaption->setVisible(m_detail.variants.size() > 1);
    if (m_detail.variants.size() > 1) {
        for (const Store::Variant &variant : std::as_const(m_detail.variants)) {
            QPushButton *button = touchButton(this);
            button->setObjectName(QStringLiteral("variant%1").arg(variant.productId));
            button->setText(variant.label.isEmpty() ? variant.sku : variant.label);
            button->setCheckable(true);
            button->setChecked(variant.productId == record.id);
            const qint64 id = variant.productId;
            connect(button, &QPushButton::clicked, this, [this, id] { showProduct(id); });
            m_variants->addWidget(button);
        }
        m_variants->addStretch(1);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_stockTable->setRowCount(int(m_stock.size()));
    QLocale locale;
    for (int row = 0; row < m_stock.size(); ++row) {
        const Store::StockFigure &figure = m_stock.at(row);
        const bool here = figure.location.id == m_sale.location().id;
        const bool web = figure.location.kind == Store::LocationKind::WebWarehouse;
        // Nearest first (the catalog's order); the distance has its own column so a long
        // store name can never push it out of sight.
        QString where = figure.location.name;
        if (here)
            where = tr("%1 (here)").arg(where);
        m_stockTable->setItem(row, StockLocation, new QTableWidgetItem(where));
        auto *distance = new QTableWidgetItem(
            here || web ? QString() : distanceText(figure.distanceKm, locale));
        distance->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_stockTable->setItem(row, StockDistance, distance);
        auto *quantity = new QTableWidgetItem(QString::number(figure.quantity));
        quantity->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_stockTable->setItem(row, StockQuantity, quantity);
        m_stockTable->setItem(row, StockAsOf,
            new QTableWidgetItem(Services::ProductService::ageText(figure.asOf, now)));
    }
    const auto &customer = m_sale.view().customer;
    m_wish->setVisible(customer.has_value() && record.id != 0);
    if (customer)
        m_wish->setText(tr("Add to %1's wish list").arg(customer->name));
    m_web->setText(record.webDeliveryDays < 0
            ? tr("Not sold in the web shop.")
            : tr("Web shop delivery: %n working day(s).", nullptr, record.webDeliveryDays));
}

void ProductScreen::retranslate()
{
    m_variantsCaption->setText(tr("Variants"));
    m_stockCaption->setText(tr("Stock"));
    m_stockTable->setHorizontalHeaderLabels(
        { tr("Location"), tr("Distance"), tr("Qty"), tr("As of") });
    m_back->setText(tr("Back"));
    m_add->setText(tr("Add to basket"));
    if (m_detail.record.id != 0 || !m_error.isEmpty())
        render();
}

void ProductScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
