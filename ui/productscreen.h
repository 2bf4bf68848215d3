#pragma once

#include "app/store/catalogtypes.h"

#include <QWidget>

#include <memory>
#include <vector>

class QBoxLayout;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace Toonbank::Core {
class Clock;
} // namespace Toonbank::Core

namespace Toonbank::Services {
class CustomerService;
class ImageCache;
class LiveStock;
class ProductService;
class SaleService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class FlowLayout;

/// Everything about one product (SCREENS.md "Product", docs/STOCK.md §3): photo (from the
/// image cache, a neutral drawing until it arrives), price and promo, rating, barcodes,
/// attributes, variants with their whole labels (a flow layout that wraps); stock here, in the
/// other stores nearest first with their distance and in the web warehouse with its delivery
/// time, each figure with its age in words; Refresh asks the server (LiveStock) and repaints.
/// Another store's row offers "Reserve in …" and "Pick up in …"; "Order for home" sends from
/// the web warehouse — online only, and only when there is stock.
class ProductScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductScreen)
public:
    ProductScreen(Services::ProductService &products, Services::SaleService &sale,
        Services::CustomerService &customers, QWidget *parent = nullptr);
    ~ProductScreen() override;

    /// Optional parts main() (or a test) wires in; none of them owned.
    void setLiveStock(Services::LiveStock *live);
    void setImageCache(Services::ImageCache *images);
    /// Where the figures' ages are counted from (default: the wall clock).
    void setClock(const Core::Clock *clock);

    void showProduct(qint64 productId);
    qint64 productId() const { return m_detail.record.id; }
    /// Refresh: live figures from the server (what the button does).
    void refreshStock();

signals:
    void closed();
    void added();
    /// "Reserve in <store>" on another store's row with stock (online only).
    void reserveRequested(qint64 productId, qint64 locationId);
    /// "Order for home" (pickupLocationId 0: home delivery from the web warehouse) or
    /// "Pick up in <store>" on another store's row (that store's id). Online only.
    void orderRequested(qint64 productId, qint64 pickupLocationId);

protected:
    void changeEvent(QEvent *event) override;
    /// Portrait: the stock list goes under the product instead of beside it.
    void resizeEvent(QResizeEvent *event) override;

private:
    struct StockRow;
    void retranslate();
    void render();
    void renderPhoto();
    void renderStock();
    bool online() const;
    StockRow &stockRow(int index);

    Services::ProductService &m_products;
    Services::SaleService &m_sale;
    Services::CustomerService &m_customers;
    Services::LiveStock *m_live = nullptr;
    Services::ImageCache *m_images = nullptr;
    const Core::Clock *m_clock;
    Store::ProductDetail m_detail;
    QList<Store::StockFigure> m_stock;
    QString m_error;
    QString m_notice;
    QString m_stockMessage;

    QLabel *m_photo;
    QLabel *m_name;
    QLabel *m_brand;
    QLabel *m_price;
    QLabel *m_rating;
    QLabel *m_facts;
    QLabel *m_variantsCaption;
    QWidget *m_variantBox;
    FlowLayout *m_variants;
    QLabel *m_stockCaption;
    QPushButton *m_refresh;
    QLabel *m_stockNote;
    QScrollArea *m_stockScroll;
    QWidget *m_stockList;
    QVBoxLayout *m_stockLayout;
    std::vector<std::unique_ptr<StockRow>> m_rows;
    QPushButton *m_back;
    QPushButton *m_add;
    QPushButton *m_orderHome;
    QPushButton *m_wish;
    QBoxLayout *m_columns = nullptr;
    qint64 m_photoKey = 0; // QImage::cacheKey of the picture shown
};

} // namespace Toonbank::Ui
