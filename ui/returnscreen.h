#pragma once

#include "app/services/returnservice.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace Toonbank::Services {
class SaleService;
class Session;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class ChoiceSheet;
class OverrideSheet;

/// Takes goods back (SCREENS.md "Return"). Left: the number field (typed, or fed by the
/// scanner), the order's header and its lines — sold, returned before, returnable, paid per
/// unit, the return window — each with a −/+ stepper, reason and condition. Right: the refund
/// (goods, delivery, rounding, total), where it goes (the original payment by default, the
/// allowed alternatives as large choices), points, and while refunding each part's progress.
/// Refund · Exchange · Cancel · No receipt. Portrait stacks the panes.
class ReturnScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReturnScreen)
public:
    ReturnScreen(Services::ReturnService &returns, Services::SaleService &sale,
        Services::Session &session, OverrideSheet &overrideSheet, ChoiceSheet &choiceSheet,
        QWidget *parent = nullptr);

    /// Opens the screen; a non-empty `code` (a scanned receipt or web-order QR) is looked up.
    void start(const QString &code = QString());
    /// A scan while the screen shows: a number to find, or (no receipt) a product to add.
    void handleScan(const QString &code);
    void showError(const QString &message);
    void clearMessage();
    /// The tablet has no link to the server: said on the empty screen (only this tablet's own
    /// sales can come back then).
    void setOffline(bool offline);
    /// Follows the service (changed()).
    void refresh();

    /// "Changed mind", "Wrong size", … (the reason a customer gives).
    static QString reasonText(Core::ReturnReason reason);
    /// "Back on the shelf" / "Damaged".
    static QString conditionText(Core::ItemCondition condition);
    /// "Cash", "Card", "Web payment", "Store credit", …
    static QString refundMethodText(Core::RefundMethod method);

signals:
    /// Cancel on an empty screen, or after the return was abandoned: back to selling.
    void closed();
    /// The exchange credit is on the sale in progress: go and sell.
    void exchangeStarted(Core::Money credit);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct LineRow
    {
        QString lineId;
        QWidget *frame = nullptr;
        QLabel *name = nullptr;
        QLabel *facts = nullptr;
        QLabel *window = nullptr;
        QPushButton *minus = nullptr;
        QLabel *quantity = nullptr;
        QPushButton *plus = nullptr;
        QLabel *refund = nullptr;
        QWidget *choices = nullptr;
        QPushButton *reason = nullptr;
        QPushButton *resellable = nullptr;
        QPushButton *damaged = nullptr;
    };
    struct PartRow
    {
        QLabel *label = nullptr;
        QLabel *amount = nullptr;
        QLabel *state = nullptr;
        QLabel *detail = nullptr;
        // A failed part: what staff can do now (ReturnService::retryPart,
        // refundFailedPartWith), or why nothing else is possible.
        QWidget *actions = nullptr;
        QPushButton *retry = nullptr;
        QPushButton *another = nullptr;
        QLabel *why = nullptr;
    };
    enum class NextStep { Refund, Exchange };

    void retranslate();
    void find();
    void addScannedProduct(const QString &code);
    void rebuildLines(const Services::ReturnView &view);
    void refreshHeader(const Services::ReturnView &view);
    void refreshLine(
        LineRow &row, const Services::ReturnLineView &line, const Services::ReturnView &view);
    void refreshSummary(const Services::ReturnView &view);
    void refreshMethods(const Services::ReturnView &view);
    void refreshParts(const Services::ReturnView &view);
    void chooseReason(const QString &lineId);
    void run(NextStep step);
    void askApproval(NextStep step);
    void cancelReturn();
    /// "Refund another way" on failed part `partIndex`: the allowed methods as large choices.
    void refundAnotherWay(int partIndex);
    /// The gift card number field: shown when the refund (or a failed part) goes onto a card.
    void refreshGiftCard(const Services::ReturnView &view);
    void useGiftCard();
    bool report(const Core::Status &status);

    Services::ReturnService &m_returns;
    Services::SaleService &m_sale;
    Services::Session &m_session;
    OverrideSheet &m_overrideSheet;
    ChoiceSheet &m_choiceSheet;
    std::optional<Services::ReturnView::Stage> m_shownStage;
    std::optional<NextStep> m_afterApproval;
    std::optional<QDate> m_headerDeadline; // the order's one deadline, when it has one
    bool m_offline = false;
    QTimer m_checkAgainTimer;
    QElapsedTimer m_waitingSince; // a card part has been waiting at the terminal since
    static constexpr int checkAgainAfterMs = 15000;

    QBoxLayout *m_panes;
    QLabel *m_title;
    QLabel *m_hint;
    QLineEdit *m_code;
    QPushButton *m_find;
    QPushButton *m_noReceipt;
    QLabel *m_message;
    QLabel *m_network;
    QLabel *m_header;
    QScrollArea *m_linesScroll;
    QVBoxLayout *m_linesLayout;
    QList<LineRow> m_rows;

    QLabel *m_summaryTitle;
    QLabel *m_summaryEmpty;
    QWidget *m_summary;
    QLabel *m_goodsCaption;
    QLabel *m_goods;
    QLabel *m_deliveryCaption;
    QLabel *m_delivery;
    QLabel *m_roundingCaption;
    QLabel *m_rounding;
    QLabel *m_totalCaption;
    QLabel *m_total;
    QLabel *m_points;
    QLabel *m_methodCaption;
    QGridLayout *m_methodGrid;
    QList<QPushButton *> m_methodButtons; // [0]: the original payment
    QList<std::optional<Core::RefundMethod>> m_methodValues;
    QLabel *m_partsCaption;
    QVBoxLayout *m_partsLayout;
    QList<PartRow> m_parts;
    QLabel *m_terminal;
    QLabel *m_approval;
    QPushButton *m_refund;
    QPushButton *m_exchange;
    QPushButton *m_checkAgain;
    QPushButton *m_cancel;
    QWidget *m_giftCard;
    QLabel *m_giftCardCaption;
    QLineEdit *m_giftCardNumber;
    QPushButton *m_giftCardUse;
    std::optional<int> m_giftCardForPart; // a failed part goes onto the card entered here
};

} // namespace Toonbank::Ui
