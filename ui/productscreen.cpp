#include "productscreen.h"

#include "flowlayout.h"
#include "uihelpers.h"

#include "app/core/clock.h"
#include "app/services/customerservice.h"
#include "app/services/imagecache.h"
#include "app/services/livestock.h"
#include "app/services/productservice.h"
#include "app/services/saleservice.h"

#include <QDate>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {

constexpr int photoPixels = 240;

/// "800 m", "4,2 km", "35 km": a decimal only where it tells something.
QString distanceText(double km, const QLocale &locale)
{
    if (km < 1.0)
        return ProductScreen::tr("%1 m").arg(locale.toString(qRound(km * 10) * 100));
    if (km < 10.0)
        return ProductScreen::tr("%1 km").arg(locale.toString(km, 'f', 1));
    return ProductScreen::tr("%1 km").arg(locale.toString(qRound(km)));
}

QLabel *wrappedLabel(QWidget *parent, const char *role = nullptr)
{
    QLabel *label = role ? roleLabel(parent, role) : new QLabel(parent);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

} // namespace

/// One location's line in the stock list; kept and refilled when another product is shown.
struct ProductScreen::StockRow
{
    QFrame *frame = nullptr;
    QLabel *name = nullptr;
    QLabel *quantity = nullptr;
    QLabel *where = nullptr;
    QLabel *age = nullptr;
    QWidget *actions = nullptr;
    QPushButton *reserve = nullptr;
    QPushButton *pickup = nullptr;
    QLabel *hint = nullptr;
    qint64 locationId = 0;
};

ProductScreen::ProductScreen(Services::ProductService &products, Services::SaleService &sale,
    Services::CustomerService &customers, QWidget *parent)
    : QWidget(parent)
    , m_products(products)
    , m_sale(sale)
    , m_customers(customers)
    , m_clock(&Core::SystemClock::instance())
    , m_photo(new QLabel(this))
    , m_name(wrappedLabel(this, "title"))
    , m_brand(wrappedLabel(this, "subtle"))
    , m_price(wrappedLabel(this, "total"))
    , m_rating(wrappedLabel(this))
    , m_facts(wrappedLabel(this))
    , m_variantsCaption(roleLabel(this, "caption"))
    , m_variantBox(new QWidget(this))
    , m_variants(new FlowLayout(m_variantBox))
    , m_stockCaption(roleLabel(this, "title"))
    , m_refresh(touchButton(this))
    , m_stockNote(wrappedLabel(this))
    , m_stockScroll(new QScrollArea(this))
    , m_stockList(new QWidget)
    , m_stockLayout(new QVBoxLayout(m_stockList))
    , m_back(touchButton(this))
    , m_add(touchButton(this, "primary"))
    , m_orderHome(touchButton(this))
    , m_wish(touchButton(this))
{
    setObjectName(QStringLiteral("productScreen"));
    m_photo->setObjectName(QStringLiteral("productPhoto"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_price->setObjectName(QStringLiteral("productPrice"));
    m_variantBox->setObjectName(QStringLiteral("productVariants"));
    m_stockList->setObjectName(QStringLiteral("stockList"));
    m_refresh->setObjectName(QStringLiteral("stockRefresh"));
    m_stockNote->setObjectName(QStringLiteral("stockNote"));
    m_add->setObjectName(QStringLiteral("productAdd"));
    m_back->setObjectName(QStringLiteral("productBack"));
    m_orderHome->setObjectName(QStringLiteral("productOrderHome"));
    m_wish->setObjectName(QStringLiteral("productWish"));
    m_photo->setFixedSize(photoPixels, photoPixels);
    m_facts->setTextFormat(Qt::RichText);
    m_stockNote->setTextFormat(Qt::RichText);
    m_stockNote->hide();

    auto *info = new QVBoxLayout;
    info->addWidget(m_name);
    info->addWidget(m_brand);
    info->addWidget(m_price);
    info->addWidget(m_rating);
    info->addStretch(1);
    auto *head = new QHBoxLayout;
    head->setSpacing(16);
    head->addWidget(m_photo, 0, Qt::AlignTop);
    head->addLayout(info, 1);

    // The product's side scrolls (long attribute lists, many variants); its buttons stay put.
    auto *details = new QWidget;
    details->setObjectName(QStringLiteral("productDetails"));
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 8, 0);
    detailsLayout->addLayout(head);
    detailsLayout->addWidget(m_facts);
    detailsLayout->addWidget(m_variantsCaption);
    detailsLayout->addWidget(m_variantBox);
    detailsLayout->addWidget(m_wish);
    detailsLayout->addStretch(1);
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    detailsScroll->setWidget(details);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_orderHome, 1);
    buttons->addWidget(m_add, 1);

    auto *left = new QVBoxLayout;
    left->addWidget(detailsScroll, 1);
    left->addLayout(buttons);

    auto *stockHead = new QHBoxLayout;
    stockHead->addWidget(m_stockCaption, 1);
    stockHead->addWidget(m_refresh);
    m_stockLayout->setContentsMargins(0, 0, 8, 0);
    m_stockLayout->setSpacing(8);
    m_stockLayout->addStretch(1);
    m_stockScroll->setWidgetResizable(true);
    m_stockScroll->setFrameShape(QFrame::NoFrame);
    m_stockScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stockScroll->setWidget(m_stockList);
    auto *right = new QVBoxLayout;
    right->addLayout(stockHead);
    right->addWidget(m_stockNote);
    right->addWidget(m_stockScroll, 1);

    m_columns = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_columns->setContentsMargins(24, 16, 24, 16);
    m_columns->setSpacing(24);
    m_columns->addLayout(left, 1);
    m_columns->addLayout(right, 1);

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
    connect(m_orderHome, &QPushButton::clicked, this,
        [this] { emit orderRequested(m_detail.record.id, 0); });
    connect(m_refresh, &QPushButton::clicked, this, &ProductScreen::refreshStock);
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

ProductScreen::~ProductScreen() = default;

void ProductScreen::setLiveStock(Services::LiveStock *live)
{
    m_live = live;
    if (m_detail.record.id != 0)
        renderStock();
}

void ProductScreen::setImageCache(Services::ImageCache *images)
{
    if (m_images)
        disconnect(m_images, nullptr, this, nullptr);
    m_images = images;
    if (m_images) {
        connect(m_images, &Services::ImageCache::imageReady, this,
            [this](const QString &ref, Services::ImageCache::Size size) {
                if (size == Services::ImageCache::Size::Large && ref == m_detail.record.imageRef)
                    renderPhoto();
            });
    }
    renderPhoto();
}

void ProductScreen::setClock(const Core::Clock *clock)
{
    m_clock = clock ? clock : &Core::SystemClock::instance();
}

bool ProductScreen::online() const
{
    return m_live && m_live->isOnline();
}

void ProductScreen::showProduct(qint64 productId)
{
    m_error.clear();
    m_notice.clear();
    m_stockMessage.clear();
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

void ProductScreen::refreshStock()
{
    const qint64 id = m_detail.record.id;
    if (id == 0)
        return;
    if (!m_live) {
        m_stockMessage = tr("No connection to the server: these are the last figures this "
                            "tablet received.");
        renderStock();
        return;
    }
    m_refresh->setEnabled(false);
    auto refreshed = m_live->refresh(id);
    m_refresh->setEnabled(true);
    if (!refreshed) {
        m_stockMessage = refreshed.error().message;
    } else {
        m_stockMessage.clear();
        Core::Result<QList<Store::StockFigure>> stock = m_products.stockEverywhere(id);
        if (stock)
            m_stock = stock.value();
    }
    if (id == m_detail.record.id)
        renderStock();
}

void ProductScreen::renderPhoto()
{
    const QString &ref = m_detail.record.imageRef;
    const QImage image = m_images
        ? m_images->imageOrPlaceholder(ref, Services::ImageCache::Size::Large)
        : Services::ImageCache::placeholder(photoPixels);
    // Scaled once per picture: opening the screen again costs no smoothing.
    if (image.cacheKey() != m_photoKey) {
        m_photoKey = image.cacheKey();
        m_photo->setPixmap(QPixmap::fromImage(image.width() == photoPixels
                ? image
                : image.scaled(
                    photoPixels, photoPixels, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    m_photo->setToolTip(ref);
}

void ProductScreen::render()
{
    const Store::ProductRecord &record = m_detail.record;
    const QDate today = m_clock->nowLocal().date();
    renderPhoto();
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
    const bool hasVariants = m_detail.variants.size() > 1;
    m_variantsCaption->setVisible(hasVariants);
    m_variantBox->setVisible(hasVariants);
    if (hasVariants) {
        for (const Store::Variant &variant : std::as_const(m_detail.variants)) {
            QPushButton *button = touchButton(m_variantBox);
            button->setObjectName(QStringLiteral("variant%1").arg(variant.productId));
            // The whole label, always: the flow layout wraps to the next line instead.
            button->setText(variant.label.isEmpty() ? variant.sku : variant.label);
            button->setCheckable(true);
            button->setChecked(variant.productId == record.id);
            const qint64 id = variant.productId;
            connect(button, &QPushButton::clicked, this, [this, id] { showProduct(id); });
            m_variants->addWidget(button);
        }
    }
    m_variantBox->updateGeometry();

    const auto &customer = m_sale.view().customer;
    m_wish->setVisible(customer.has_value() && record.id != 0);
    if (customer)
        m_wish->setText(tr("Add to %1's wish list").arg(customer->name));
    renderStock();
}

ProductScreen::StockRow &ProductScreen::stockRow(int index)
{
    while (int(m_rows.size()) <= index) {
        auto row = std::make_unique<StockRow>();
        row->frame = new QFrame(m_stockList);
        setRole(row->frame, "pane");
        auto *grid = new QGridLayout(row->frame);
        grid->setContentsMargins(14, 10, 14, 10);
        grid->setHorizontalSpacing(12);
        grid->setVerticalSpacing(4);
        row->name = wrappedLabel(row->frame, "tileName");
        row->quantity = roleLabel(row->frame, "tileName");
        row->quantity->setAlignment(Qt::AlignRight | Qt::AlignTop);
        row->where = wrappedLabel(row->frame, "subtle");
        row->age = roleLabel(row->frame, "subtle");
        row->age->setAlignment(Qt::AlignRight | Qt::AlignTop);
        row->actions = new QWidget(row->frame);
        auto *flow = new FlowLayout(row->actions);
        row->reserve = touchButton(row->actions);
        row->pickup = touchButton(row->actions);
        row->hint = roleLabel(row->actions, "subtle");
        flow->addWidget(row->reserve);
        flow->addWidget(row->pickup);
        flow->addWidget(row->hint);
        grid->addWidget(row->name, 0, 0);
        grid->addWidget(row->quantity, 0, 1);
        grid->addWidget(row->where, 1, 0);
        grid->addWidget(row->age, 1, 1);
        grid->addWidget(row->actions, 2, 0, 1, 2);
        grid->setColumnStretch(0, 1);
        StockRow *raw = row.get();
        connect(row->reserve, &QPushButton::clicked, this,
            [this, raw] { emit reserveRequested(m_detail.record.id, raw->locationId); });
        connect(row->pickup, &QPushButton::clicked, this,
            [this, raw] { emit orderRequested(m_detail.record.id, raw->locationId); });
        m_stockLayout->insertWidget(int(m_rows.size()), row->frame);
        m_rows.push_back(std::move(row));
    }
    return *m_rows.at(size_t(index));
}

void ProductScreen::renderStock()
{
    const QDateTime now = m_clock->nowUtc();
    const QLocale locale;
    const bool isOnline = online();
    const Store::ProductRecord &record = m_detail.record;
    int webAvailable = 0;
    bool webListed = false;
    for (int i = 0; i < m_stock.size(); ++i) {
        const Store::StockFigure &figure = m_stock.at(i);
        StockRow &row = stockRow(i);
        const bool here = figure.location.id == m_sale.location().id;
        const bool web = figure.location.kind == Store::LocationKind::WebWarehouse;
        row.locationId = figure.location.id;
        row.frame->setObjectName(QStringLiteral("stockRow%1").arg(figure.location.id));
        row.name->setObjectName(QStringLiteral("stockName%1").arg(figure.location.id));
        // The whole name, wrapped: never "Toonba…".
        row.name->setText(
            here ? tr("%1 (this store)").arg(figure.location.name) : figure.location.name);
        row.quantity->setText(tr("%n in stock", nullptr, figure.quantity));
        if (web) {
            webListed = true;
            webAvailable = figure.quantity;
            row.where->setText(record.webDeliveryDays < 0
                    ? tr("Not sold in the web shop")
                    : tr("Delivered in %n day(s)", nullptr, record.webDeliveryDays));
        } else if (here) {
            row.where->setText(figure.location.city);
        } else {
            row.where->setText(
                tr("%1 · %2").arg(distanceText(figure.distanceKm, locale), figure.location.city));
        }
        row.where->setObjectName(QStringLiteral("stockWhere%1").arg(figure.location.id));
        row.age->setText(Services::ProductService::ageText(figure.asOf, now));
        row.age->setObjectName(QStringLiteral("stockAge%1").arg(figure.location.id));
        const bool otherStore = !here && !web;
        row.actions->setVisible(otherStore);
        if (otherStore) {
            const bool canAct = isOnline && figure.quantity > 0;
            row.reserve->setObjectName(QStringLiteral("reserve%1").arg(figure.location.id));
            row.pickup->setObjectName(QStringLiteral("pickup%1").arg(figure.location.id));
            // Two lines: the whole store name fits the button in a half-screen column.
            row.reserve->setText(tr("Reserve in\n%1").arg(figure.location.name));
            row.pickup->setText(tr("Pick up in\n%1").arg(figure.location.name));
            row.reserve->setEnabled(canAct);
            row.pickup->setEnabled(canAct);
            row.hint->setText(figure.quantity <= 0 ? tr("None to reserve")
                    : !isOnline                    ? tr("Needs a connection")
                                                   : QString());
            row.hint->setVisible(!canAct);
        }
        row.frame->show();
    }
    for (size_t i = size_t(m_stock.size()); i < m_rows.size(); ++i)
        m_rows.at(i)->frame->hide();

    const bool canOrder = isOnline && webListed && webAvailable > 0 && record.webDeliveryDays >= 0;
    m_orderHome->setEnabled(canOrder && record.id != 0);
    QStringList notes;
    if (!m_stockMessage.isEmpty())
        notes.append(
            QStringLiteral("<b style='color:#a3140f'>%1</b>").arg(m_stockMessage.toHtmlEscaped()));
    if (!isOnline)
        notes.append(tr("Offline: reserving and ordering need a connection to the server."));
    m_stockNote->setText(notes.join(QStringLiteral("<br>")));
    m_stockNote->setVisible(!notes.isEmpty());
}

void ProductScreen::retranslate()
{
    m_variantsCaption->setText(tr("Variants"));
    m_stockCaption->setText(tr("Stock"));
    m_refresh->setText(tr("Refresh"));
    m_back->setText(tr("Back"));
    m_add->setText(tr("Add to basket"));
    m_orderHome->setText(tr("Order for home"));
    if (m_detail.record.id != 0 || !m_error.isEmpty())
        render();
}

void ProductScreen::resizeEvent(QResizeEvent *event)
{
    const bool portrait = event->size().height() > event->size().width();
    m_columns->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

void ProductScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
