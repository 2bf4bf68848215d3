#pragma once

#include "app/services/saleservice.h"
#include "app/store/catalogtypes.h"

#include <QFont>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>
#include <optional>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace Toonbank::Services {
class ImageCache;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class ScanInterceptor;
class SearchResultsModel;

/// Search (always live) and results on the left; the basket on the right: each line with its
/// adjustments under it, the customer and coupons, subtotal, discount total, VAT summary and
/// the large total; Customer, Discount, Coupon, Clear, Park and Pay. Portrait stacks the panes.
class SellScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SellScreen)
public:
    SellScreen(Services::SaleService &sale, ScanInterceptor *scanner, QWidget *parent = nullptr);

    /// A barcode from the scanner (or typed and confirmed with Enter). A receipt or web-order
    /// QR (Core::parseReturnCode) is handed on with returnCodeScanned() once returns are wired.
    void handleScan(const QString &code);
    void setReturnsAvailable(bool available) { m_returnsAvailable = available; }
    /// Shows a failure: red flash on the search field, a tone, and the reason.
    void showError(const QString &message);
    void showInfo(const QString &message);
    /// A sale refused because no shift is open ("shift.not_open"): the message, and a button
    /// that opens the Shift screen (shiftRequested()). `message` says it in the language shown
    /// (asked again when the language changes; empty once a shift is open).
    void showShiftNeeded(std::function<QString()> message);
    /// Clears the scan message (if one is shown).
    void clearMessage();
    void refreshBasket();
    void focusSearch();
    /// True while a search waits to run (a scanner burst, or keystrokes not yet coalesced).
    bool searchPending() const { return m_searchTimer.isActive(); }
    const SearchResultsModel *searchResults() const { return m_resultModel; }
    /// Thumbnails in the search results (docs/STOCK.md §3); null: none.
    void setImageCache(Services::ImageCache *images);
    /// The line chosen for Discount (empty when none).
    QString selectedLineId() const { return m_selectedLineId; }

signals:
    void payRequested();
    void productRequested(qint64 productId);
    void customerRequested();
    void discountRequested(const QString &lineId);
    void couponRequested();
    /// Sell or top up a gift card (a line of the sale).
    void giftCardRequested();
    /// A receipt, web-order or return-receipt QR was scanned: open the return screen with it.
    void returnCodeScanned(const QString &code);
    /// "Open the Shift screen" under a refusal for want of an open shift.
    void shiftRequested();
    /// The results on screen now answer `text` (one per query run, for tests and the bench).
    void searchShown(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void runSearch();
    void fetchMoreResults();
    int rowsThatFit() const;
    void onSearchTextChanged();
    void onResultClicked(int row, int column);
    void onBasketClicked(int row, int column);
    void park();
    void refreshVatSummary(const QList<Services::VatView> &perRate);
    void fitBasketRows();
    void selectLine(const QString &lineId);
    void makeBasketOpaque();
    /// `amount` as the current locale shows it.
    QString money(Core::Money amount);

    Services::SaleService &m_sale;
    QString m_selectedLineId;
    bool m_returnsAvailable = false;
    ScanInterceptor *m_scanner;
    QTimer m_searchTimer;
    QTimer m_flashTimer;
    QTimer m_fitRowsTimer; // row heights follow the name column's width, once it has settled
    // Row heights already measured, by the line's text (its accessible text: name, unit price and
    // adjustments), valid for this width and font.
    QHash<QString, int> m_measuredHeights;
    // The lines the basket's cells show now, by row: a refresh rewrites only those that differ.
    QList<std::optional<Services::BasketLineView>> m_shownLines;
    QHash<qint64, QString> m_moneyTexts; // by cents, for the current locale
    int m_measuredWidth = -1;
    QFont m_measuredFont;

    QBoxLayout *m_panes;
    QLineEdit *m_search;
    QLabel *m_message;
    QPushButton *m_shiftButton;
    std::function<QString()> m_shiftMessage;
    SearchResultsModel *m_resultModel;
    QTableView *m_resultTable;
    QLabel *m_basketTitle;
    QTableWidget *m_basketTable;
    QLabel *m_customer;
    QLabel *m_coupons;
    QLabel *m_subtotalCaption;
    QLabel *m_subtotal;
    QLabel *m_discountCaption;
    QLabel *m_discount;
    QWidget *m_vat;
    QGridLayout *m_vatGrid;
    std::array<QLabel *, 4> m_vatHead {};
    QList<std::array<QLabel *, 4>> m_vatRows; // rate, net, VAT, incl.; reused, never rebuilt
    QLabel *m_totalCaption;
    QLabel *m_total;
    QLabel *m_exchangeCredit;
    QPushButton *m_pay;
    QPushButton *m_park;
    QPushButton *m_clear;
    QPushButton *m_customerButton;
    QPushButton *m_discountButton;
    QPushButton *m_couponButton;
    QPushButton *m_giftCardButton;
};

} // namespace Toonbank::Ui
