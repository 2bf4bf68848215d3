#pragma once

#include "app/core/shift.h"
#include "app/devices/receipt.h"

#include <QWidget>

#include <functional>
#include <optional>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QPushButton;

namespace Toonbank::Services {
class Session;
class ShiftService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class CashCountPanel;
class CashMoveSheet;
class Keypad;
class OverrideSheet;
class ReportPane;

/// The drawer's shift (SCREENS.md "Shift", docs/STOREOPS.md). Without an open shift: count the
/// float per denomination and Open. With one: who opened it and when, the cash the drawer
/// should hold now, Cash in / Cash out (a side sheet with the amount and the reason), No sale
/// (a reason and a manager's approval), the X report, and Close shift: count the drawer, see
/// expected, counted and the variance, confirm, and the numbered Z report with Print and PDF.
/// Errors show where the action was taken; every step clears the previous one's.
class ShiftScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShiftScreen)
public:
    enum class Step {
        CountFloat, // no open shift: count the float, then Open
        Open, // the open shift: cash in / out, no sale, X report, close
        CountClose, // closing: count the drawer
        ReviewClose, // closing: expected, counted, variance; confirm
        Closed, // the Z report of the shift just closed
    };

    ShiftScreen(Services::ShiftService &shifts, Services::Session &session,
        CashMoveSheet &cashSheet, OverrideSheet &overrideSheet, QWidget *parent = nullptr);

    /// Shows the drawer as it is now: the open shift, or the float count when none is open.
    void start();
    Step step() const { return m_step; }
    /// Whether a sale is open (lines in the basket, a payment in progress): the close asks.
    void setSaleInProgress(std::function<bool()> check) { m_saleInProgress = std::move(check); }
    /// Where "PDF" saves reports (default: Documents/Toonbank).
    void setPdfFolder(const QString &folder) { m_pdfFolder = folder; }
    /// The lines of a report, as the screen, printer and PDF show it.
    using ReportLayout = std::function<QList<Devices::ReceiptLine>(const Core::ShiftReport &)>;
    void setReportLayout(ReportLayout layout);
    /// The report shown on the right (X or Z), if any.
    const std::optional<Core::ShiftReport> &shownReport() const { return m_report; }
    const ReportPane *reportPane() const { return m_reportPane; }
    /// The last PDF saved (empty before one).
    const QString &lastPdf() const { return m_lastPdf; }

signals:
    /// "Back to selling".
    void closed();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setStep(Step step);
    void showRight(QWidget *page);
    void applyStretch();
    void retranslate();
    void refreshOpen();
    void refreshCountTotal();
    void refreshReview();
    void refreshClosed();
    void openShift();
    void startClose();
    void review();
    void confirmClose();
    void moveCash(Core::CashMovementKind kind, Core::Money amount, const QString &reason);
    void noSale(const QString &reason);
    void showXReport();
    void showReport(const Core::ShiftReport &report);
    void printReport();
    void savePdf();
    void clearMessages();
    void showActionError(const QString &message);
    QString staffName(qint64 staffId) const;
    QString when(const QDateTime &utc) const;
    QString reportTitle(const Core::ShiftReport &report) const;

    Services::ShiftService &m_shifts;
    Services::Session &m_session;
    CashMoveSheet &m_cashSheet;
    OverrideSheet &m_overrideSheet;
    std::function<bool()> m_saleInProgress;
    ReportLayout m_layout;
    QString m_pdfFolder;
    QString m_lastPdf;
    Step m_step = Step::CountFloat;
    std::optional<Core::Shift> m_shift; // the open shift (Open, CountClose, ReviewClose)
    std::optional<Core::ShiftReport> m_report; // shown on the right
    std::optional<Core::ShiftVariance> m_variance; // ReviewClose: expected and counted
    std::function<QString()> m_info; // what the last action did, in the language shown

    QBoxLayout *m_panes;
    QWidget *m_left; // one page shown: the count or the shift's summary
    QWidget *m_right; // one page shown: keypad, review, hint or report
    // Left: the count.
    QWidget *m_countPage;
    QLabel *m_countTitle;
    QLabel *m_countHint;
    CashCountPanel *m_count;
    // Left: the open shift, or the one just closed.
    QWidget *m_summaryPage;
    QLabel *m_summaryTitle;
    QLabel *m_summaryWho;
    QLabel *m_cashCaption;
    QLabel *m_cash;
    QWidget *m_figures;
    QList<QLabel *> m_figureCaptions; // float, cash sales, cash refunds, cash in, cash out
    QList<QLabel *> m_figureValues;
    QWidget *m_actions;
    QPushButton *m_cashIn;
    QPushButton *m_cashOut;
    QPushButton *m_noSale;
    QPushButton *m_xReport;
    QLabel *m_infoLabel;
    QLabel *m_error;
    QPushButton *m_back;
    QPushButton *m_close;
    QPushButton *m_newShift;
    // Right: the keypad and the total of the count.
    QWidget *m_keypadPage;
    QBoxLayout *m_keypadLayout;
    QBoxLayout *m_countButtons;
    QLabel *m_totalCaption;
    QLabel *m_total;
    Keypad *m_keypad;
    QLabel *m_countError;
    QPushButton *m_countBack;
    QPushButton *m_countNext;
    // Right: expected, counted, variance.
    QWidget *m_reviewPage;
    QLabel *m_reviewTitle;
    QLabel *m_expectedCaption;
    QLabel *m_expected;
    QLabel *m_countedCaption;
    QLabel *m_counted;
    QLabel *m_varianceCaption;
    QLabel *m_varianceValue;
    QLabel *m_varianceText;
    QLabel *m_reviewError;
    QPushButton *m_countAgain;
    QPushButton *m_confirmClose;
    // Right: what the X report is, before it is asked for.
    QWidget *m_hintPage;
    QLabel *m_hint;
    // Right: the X or Z report.
    ReportPane *m_reportPane;
};

} // namespace Toonbank::Ui
