#pragma once

#include "app/store/catalogtypes.h"

#include <QWidget>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace Toonbank::Services {
class CustomerService;
class ProductService;
class SaleService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Everything about one product: photo (or a placeholder), price and promo, rating, barcodes,
/// attributes, variants to switch between; stock here, in the other stores (nearest first,
/// with the figure's age) and on the web with its delivery time.
class ProductScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductScreen)
public:
    ProductScreen(Services::ProductService &products, Services::SaleService &sale,
        Services::CustomerService &customers, QWidget *parent = nullptr);

    void showProduct(qint64 productId);
    qint64 productId() const { return m_detail.record.id; }

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

private:
    void retranslate();
    void render();

    Services::ProductService &m_products;
    Services::SaleService &m_sale;
    Services::CustomerService &m_customers;
    Store::ProductDetail m_detail;
    QList<Store::StockFigure> m_stock;
    QString m_error;
    QString m_notice;

    QLabel *m_photo;
    QLabel *m_name;
    QLabel *m_brand;
    QLabel *m_price;
    QLabel *m_rating;
    QLabel *m_facts;
    QLabel *m_variantsCaption;
    QHBoxLayout *m_variants;
    QLabel *m_stockCaption;
    QTableWidget *m_stockTable;
    QLabel *m_web;
    QPushButton *m_back;
    QPushButton *m_add;
    QPushButton *m_wish;
};

} // namespace Toonbank::Ui
