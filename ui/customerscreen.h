#pragma once

#include "app/services/customerservice.h"

#include <QWidget>

#include <functional>
#include <optional>

class QBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Toonbank::Services {
class SaleService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class CustomerFormSheet;

/// Find a customer by card or app QR (scan), phone, e-mail or name; enrol a new one with
/// explicit consent; the profile (tier, points with what is still pending, personal offers,
/// points history, purchases, wish list, consent and its history); Attach to the sale and
/// Edit consent. Each purchase (store or web) has a "Return…" action when returns are on
/// (PRODUCT.md journey 2: a web order found via the customer). Portrait stacks the two panes.
class CustomerScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerScreen)
public:
    CustomerScreen(Services::CustomerService &customers, Services::SaleService &sale,
        CustomerFormSheet &form, QWidget *parent = nullptr);

    /// Opens the screen fresh, or on the profile of `cardNumber` (the customer chip).
    void start(const QString &cardNumber = {});
    /// A card or app QR scanned while the screen is up.
    void handleScan(const QString &code);
    /// What the search field holds is looked up: a card number, phone, e-mail or name.
    void find();
    void showProfile(const QString &cardNumber);
    QString shownCard() const { return m_profile ? m_profile->customer.cardNumber : QString(); }

    /// Returns are on this tablet: every purchase gets its "Return…" action.
    void setReturnsAvailable(bool available);
    /// Without the network only this tablet's own sales can come back: the action of any other
    /// purchase says so instead of opening the return screen.
    void setOffline(bool offline);
    /// Whether a receipt number is one of this tablet's own sales (ReturnsLedger::ownSale).
    void setOwnSaleCheck(std::function<bool(const QString &receiptNumber)> isOwnSale);

signals:
    void closed();
    void attached();
    /// "Return…" on a purchase: open the return screen on that receipt / order number.
    void returnRequested(const QString &number);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void showResults(const QList<Services::CustomerSummary> &found);
    void showError(const QString &message);
    void showInfo(const QString &message);
    void renderProfile();
    void attach();
    void editConsent();
    void renderPurchases();
    void requestReturn(const QString &number, bool ownSale);

    Services::CustomerService &m_customers;
    Services::SaleService &m_sale;
    CustomerFormSheet &m_form;
    QList<Services::CustomerSummary> m_results;
    std::optional<Services::CustomerProfile> m_profile;
    bool m_returnsAvailable = false;
    bool m_offline = false;
    std::function<bool(const QString &)> m_isOwnSale;

    QBoxLayout *m_panes;
    QLabel *m_findTitle;
    QLabel *m_findHint;
    QLineEdit *m_search;
    QPushButton *m_find;
    QLabel *m_message;
    QListWidget *m_resultList;
    QPushButton *m_enrol;
    QPushButton *m_back;
    QLabel *m_empty;
    QWidget *m_profilePane;
    QWidget *m_profileScroll;
    QLabel *m_name;
    QLabel *m_tier;
    QLabel *m_points;
    QLabel *m_pointsDetail;
    QLabel *m_offers;
    QLabel *m_ledger;
    QLabel *m_purchases;
    QWidget *m_purchaseRows;
    QLabel *m_purchaseNotes;
    QLabel *m_purchaseMessage;
    QLabel *m_wishlist;
    QLabel *m_consent;
    QPushButton *m_editConsent;
    QPushButton *m_attach;
};

} // namespace Toonbank::Ui
