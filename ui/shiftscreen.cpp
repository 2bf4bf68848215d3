#include "shiftscreen.h"

#include "cashcountpanel.h"
#include "cashmovesheet.h"
#include "keypad.h"
#include "overridesheet.h"
#include "reportpane.h"
#include "uihelpers.h"

#include "app/devices/shiftreport.h"
#include "app/services/session.h"
#include "app/services/shiftservice.h"

#include <QBoxLayout>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>

namespace Toonbank::Ui {

namespace {

QWidget *paneWidget(QWidget *parent)
{
    auto *pane = new QFrame(parent);
    pane->setProperty("role", QStringLiteral("pane"));
    return pane;
}

} // namespace

ShiftScreen::ShiftScreen(Services::ShiftService &shifts, Services::Session &session,
    CashMoveSheet &cashSheet, OverrideSheet &overrideSheet, QWidget *parent)
    : QWidget(parent)
    , m_shifts(shifts)
    , m_session(session)
    , m_cashSheet(cashSheet)
    , m_overrideSheet(overrideSheet)
    , m_pdfFolder(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                      .filePath(QStringLiteral("Toonbank")))
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_left(new QWidget(this))
    , m_right(new QWidget(this))
{
    setObjectName(QStringLiteral("shiftScreen"));

    // ---- Left: the count ----------------------------------------------------------------------
    m_countPage = paneWidget(m_left);
    m_countTitle = roleLabel(m_countPage, "title");
    m_countTitle->setObjectName(QStringLiteral("shiftCountTitle"));
    m_countTitle->setWordWrap(true);
    m_countHint = roleLabel(m_countPage, "subtle");
    m_countHint->setWordWrap(true);
    m_count = new CashCountPanel(m_countPage);
    auto *countLayout = new QVBoxLayout(m_countPage);
    countLayout->addWidget(m_countTitle);
    countLayout->addWidget(m_countHint);
    countLayout->addWidget(m_count, 1);
    connect(m_count, &CashCountPanel::changed, this, [this] {
        m_countError->clear();
        refreshCountTotal();
    });

    // ---- Left: the open shift (or the one just closed) ---------------------------------------
    m_summaryPage = paneWidget(m_left);
    m_summaryTitle = roleLabel(m_summaryPage, "title");
    m_summaryTitle->setObjectName(QStringLiteral("shiftTitle"));
    m_summaryTitle->setWordWrap(true);
    m_summaryWho = new QLabel(m_summaryPage);
    m_summaryWho->setObjectName(QStringLiteral("shiftWho"));
    m_summaryWho->setWordWrap(true);
    m_cashCaption = roleLabel(m_summaryPage, "payCaption");
    m_cashCaption->setWordWrap(true);
    m_cash = roleLabel(m_summaryPage, "total");
    m_cash->setObjectName(QStringLiteral("shiftCash"));
    m_cash->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_figures = new QWidget(m_summaryPage);
    m_figures->setObjectName(QStringLiteral("shiftFigures"));
    auto *figureGrid = new QGridLayout(m_figures);
    figureGrid->setContentsMargins(0, 0, 0, 0);
    figureGrid->setHorizontalSpacing(16);
    figureGrid->setVerticalSpacing(2);
    for (int row = 0; row < 6; ++row) {
        QLabel *caption = roleLabel(m_figures, "sum");
        QLabel *value = roleLabel(m_figures, "sum");
        value->setObjectName(QStringLiteral("shiftFigure%1").arg(row));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        figureGrid->addWidget(caption, row, 0);
        figureGrid->addWidget(value, row, 1);
        m_figureCaptions.append(caption);
        m_figureValues.append(value);
    }
    figureGrid->setColumnStretch(0, 1);
    m_actions = new QWidget(m_summaryPage);
    m_cashIn = touchButton(m_actions);
    m_cashOut = touchButton(m_actions);
    m_noSale = touchButton(m_actions);
    m_xReport = touchButton(m_actions);
    m_cashIn->setObjectName(QStringLiteral("shiftCashIn"));
    m_cashOut->setObjectName(QStringLiteral("shiftCashOut"));
    m_noSale->setObjectName(QStringLiteral("shiftNoSale"));
    m_xReport->setObjectName(QStringLiteral("shiftXReport"));
    auto *actionGrid = new QGridLayout(m_actions);
    actionGrid->setContentsMargins(0, 0, 0, 0);
    actionGrid->setSpacing(10);
    actionGrid->addWidget(m_cashIn, 0, 0);
    actionGrid->addWidget(m_cashOut, 0, 1);
    actionGrid->addWidget(m_noSale, 1, 0);
    actionGrid->addWidget(m_xReport, 1, 1);
    m_infoLabel = roleLabel(m_summaryPage, "section");
    m_infoLabel->setObjectName(QStringLiteral("shiftInfo"));
    m_infoLabel->setWordWrap(true);
    m_error = roleLabel(m_summaryPage, "error");
    m_error->setObjectName(QStringLiteral("shiftError"));
    m_error->setWordWrap(true);
    m_back = touchButton(m_summaryPage);
    m_back->setObjectName(QStringLiteral("shiftBack"));
    m_close = touchButton(m_summaryPage, "danger");
    m_close->setObjectName(QStringLiteral("shiftClose"));
    m_newShift = touchButton(m_summaryPage, "primary");
    m_newShift->setObjectName(QStringLiteral("shiftNewShift"));
    auto *summaryLayout = new QVBoxLayout(m_summaryPage);
    summaryLayout->addWidget(m_summaryTitle);
    summaryLayout->addWidget(m_summaryWho);
    auto *cashRow = new QHBoxLayout;
    cashRow->addWidget(m_cashCaption, 1);
    cashRow->addWidget(m_cash);
    summaryLayout->addLayout(cashRow);
    summaryLayout->addWidget(m_figures);
    summaryLayout->addSpacing(8);
    summaryLayout->addWidget(m_actions);
    summaryLayout->addWidget(m_error);
    summaryLayout->addWidget(m_infoLabel);
    summaryLayout->addStretch(1);
    auto *summaryButtons = new QHBoxLayout;
    summaryButtons->setSpacing(10);
    summaryButtons->addWidget(m_close, 1);
    summaryButtons->addWidget(m_newShift, 1);
    summaryButtons->addWidget(m_back, 1);
    summaryLayout->addLayout(summaryButtons);
    connect(m_cashIn, &QPushButton::clicked, this, [this] {
        clearMessages();
        if (const Core::Status may = m_session.require(Core::Permission::MoveCash); !may) {
            showActionError(may.error().message);
            return;
        }
        const Core::Result<Core::Money> cash = m_shifts.expectedCash();
        m_cashSheet.start(Core::CashMovementKind::CashIn, cash ? cash.value() : Core::Money());
    });
    connect(m_cashOut, &QPushButton::clicked, this, [this] {
        clearMessages();
        if (const Core::Status may = m_session.require(Core::Permission::MoveCash); !may) {
            showActionError(may.error().message);
            return;
        }
        const Core::Result<Core::Money> cash = m_shifts.expectedCash();
        m_cashSheet.start(Core::CashMovementKind::CashOut, cash ? cash.value() : Core::Money());
    });
    connect(m_noSale, &QPushButton::clicked, this, [this] {
        clearMessages();
        m_cashSheet.start(Core::CashMovementKind::NoSale, Core::Money());
    });
    connect(m_xReport, &QPushButton::clicked, this, &ShiftScreen::showXReport);
    connect(m_back, &QPushButton::clicked, this, &ShiftScreen::closed);
    connect(m_close, &QPushButton::clicked, this, &ShiftScreen::startClose);
    connect(m_newShift, &QPushButton::clicked, this, [this] {
        m_report.reset();
        m_count->clear();
        setStep(Step::CountFloat);
    });
    connect(&m_cashSheet, &CashMoveSheet::submitted, this,
        [this](Core::CashMovementKind kind, Core::Money amount, const QString &reason) {
            if (kind == Core::CashMovementKind::NoSale)
                noSale(reason);
            else
                moveCash(kind, amount, reason);
        });

    // ---- Right: the count's total and keypad --------------------------------------------------
    m_keypadPage = paneWidget(m_right);
    m_totalCaption = roleLabel(m_keypadPage, "payCaption");
    m_totalCaption->setWordWrap(true);
    m_total = roleLabel(m_keypadPage, "total");
    m_total->setObjectName(QStringLiteral("shiftCountTotal"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_keypad = new Keypad(QStringLiteral("count"), m_keypadPage);
    m_countError = roleLabel(m_keypadPage, "error");
    m_countError->setObjectName(QStringLiteral("shiftCountError"));
    m_countError->setWordWrap(true);
    m_countBack = touchButton(m_keypadPage);
    m_countBack->setObjectName(QStringLiteral("shiftCountBack"));
    m_countNext = touchButton(m_keypadPage, "primary");
    m_countNext->setObjectName(QStringLiteral("shiftCountNext"));
    connect(m_keypad, &Keypad::digitPressed, m_count, &CashCountPanel::typeDigit);
    connect(m_keypad, &Keypad::backspacePressed, m_count, &CashCountPanel::backspace);
    connect(m_countBack, &QPushButton::clicked, this, [this] {
        if (m_step == Step::CountFloat)
            emit closed(); // no shift to go back to: back to the sell screen
        else
            setStep(Step::Open);
    });
    connect(m_countNext, &QPushButton::clicked, this, [this] {
        if (m_step == Step::CountFloat)
            openShift();
        else
            review();
    });
    // Landscape: keypad, total and buttons one under the other. Portrait (under the count):
    // the keypad beside the total, the buttons side by side under both, so the count keeps its
    // height and the buttons their whole labels.
    m_keypadLayout = new QBoxLayout(QBoxLayout::TopToBottom);
    auto *keypadBox = new QVBoxLayout;
    keypadBox->addWidget(m_keypad);
    keypadBox->addStretch(1);
    auto *totalBox = new QVBoxLayout;
    totalBox->addWidget(m_totalCaption);
    totalBox->addWidget(m_total);
    totalBox->addWidget(m_countError);
    totalBox->addStretch(1);
    m_keypadLayout->addLayout(keypadBox);
    m_keypadLayout->addLayout(totalBox, 1);
    m_countButtons = new QBoxLayout(QBoxLayout::TopToBottom);
    m_countButtons->setSpacing(10);
    m_countButtons->addWidget(m_countNext, 2);
    m_countButtons->addWidget(m_countBack, 1);
    auto *keypadPageLayout = new QVBoxLayout(m_keypadPage);
    keypadPageLayout->addLayout(m_keypadLayout, 1);
    keypadPageLayout->addLayout(m_countButtons);

    // ---- Right: expected, counted, variance ---------------------------------------------------
    m_reviewPage = paneWidget(m_right);
    m_reviewTitle = roleLabel(m_reviewPage, "title");
    m_reviewTitle->setWordWrap(true);
    m_expectedCaption = roleLabel(m_reviewPage, "payCaption");
    m_expected = roleLabel(m_reviewPage, "payFigure");
    m_expected->setObjectName(QStringLiteral("shiftExpected"));
    m_countedCaption = roleLabel(m_reviewPage, "payCaption");
    m_counted = roleLabel(m_reviewPage, "payFigure");
    m_counted->setObjectName(QStringLiteral("shiftCounted"));
    m_varianceCaption = roleLabel(m_reviewPage, "payCaption");
    m_varianceValue = roleLabel(m_reviewPage, "variance");
    m_varianceValue->setObjectName(QStringLiteral("shiftVariance"));
    m_varianceText = roleLabel(m_reviewPage, "section");
    m_varianceText->setObjectName(QStringLiteral("shiftVarianceText"));
    m_varianceText->setWordWrap(true);
    m_reviewError = roleLabel(m_reviewPage, "error");
    m_reviewError->setObjectName(QStringLiteral("shiftReviewError"));
    m_reviewError->setWordWrap(true);
    m_countAgain = touchButton(m_reviewPage);
    m_countAgain->setObjectName(QStringLiteral("shiftCountAgain"));
    m_confirmClose = touchButton(m_reviewPage, "primary");
    m_confirmClose->setObjectName(QStringLiteral("shiftConfirmClose"));
    for (QLabel *figure : { m_expected, m_counted, m_varianceValue })
        figure->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *figures = new QGridLayout;
    figures->setVerticalSpacing(10);
    figures->addWidget(m_expectedCaption, 0, 0);
    figures->addWidget(m_expected, 0, 1);
    figures->addWidget(m_countedCaption, 1, 0);
    figures->addWidget(m_counted, 1, 1);
    figures->addWidget(m_varianceCaption, 2, 0);
    figures->addWidget(m_varianceValue, 2, 1);
    figures->setColumnStretch(0, 1);
    auto *reviewLayout = new QVBoxLayout(m_reviewPage);
    reviewLayout->addWidget(m_reviewTitle);
    reviewLayout->addLayout(figures);
    reviewLayout->addWidget(m_varianceText);
    reviewLayout->addWidget(m_reviewError);
    reviewLayout->addStretch(1);
    reviewLayout->addWidget(m_confirmClose);
    reviewLayout->addWidget(m_countAgain);
    connect(m_countAgain, &QPushButton::clicked, this, [this] { setStep(Step::CountClose); });
    connect(m_confirmClose, &QPushButton::clicked, this, &ShiftScreen::confirmClose);

    // ---- Right: the X report's place before it is asked for; the report itself --------------
    m_hintPage = paneWidget(m_right);
    m_hint = roleLabel(m_hintPage, "section");
    m_hint->setObjectName(QStringLiteral("shiftHint"));
    m_hint->setWordWrap(true);
    auto *hintLayout = new QVBoxLayout(m_hintPage);
    hintLayout->addWidget(m_hint);
    hintLayout->addStretch(1);
    m_reportPane = new ReportPane(QStringLiteral("shiftReport"), m_right);
    connect(m_reportPane, &ReportPane::printRequested, this, &ShiftScreen::printReport);
    connect(m_reportPane, &ReportPane::pdfRequested, this, &ShiftScreen::savePdf);

    auto *leftLayout = new QVBoxLayout(m_left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_countPage);
    leftLayout->addWidget(m_summaryPage);
    m_summaryPage->hide();
    // One right-hand page at a time; hidden ones take no room, so the count keeps its width
    // next to the keypad while a report gets the room it needs.
    auto *rightLayout = new QVBoxLayout(m_right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *page :
        { m_keypadPage, m_reviewPage, m_hintPage, static_cast<QWidget *>(m_reportPane) }) {
        rightLayout->addWidget(page);
        page->hide();
    }

    m_panes->setContentsMargins(12, 12, 12, 12);
    m_panes->setSpacing(12);
    m_panes->addWidget(m_left, 3);
    m_panes->addWidget(m_right, 2);
    setLayout(m_panes);
    retranslate();
}

void ShiftScreen::setReportLayout(ReportLayout layout)
{
    m_layout = std::move(layout);
    if (m_report)
        showReport(*m_report);
}

void ShiftScreen::start()
{
    m_report.reset();
    m_variance.reset();
    m_info = nullptr;
    const Core::Result<std::optional<Core::Shift>> open = m_shifts.openShift();
    if (!open) {
        m_shift.reset();
        setStep(Step::CountFloat);
        m_countError->setText(open.error().message);
        return;
    }
    m_shift = open.value();
    if (m_shift) {
        setStep(Step::Open);
    } else {
        m_count->clear();
        setStep(Step::CountFloat);
    }
}

void ShiftScreen::clearMessages()
{
    m_error->clear();
    m_countError->clear();
    m_reviewError->clear();
    m_info = nullptr;
    m_infoLabel->clear();
}

void ShiftScreen::showActionError(const QString &message)
{
    m_info = nullptr;
    m_infoLabel->clear();
    m_error->setText(message);
}

void ShiftScreen::setStep(Step step)
{
    // A new step: the last one's errors go.
    m_step = step;
    m_error->clear();
    m_countError->clear();
    m_reviewError->clear();
    switch (step) {
    case Step::CountFloat:
    case Step::CountClose:
        m_count->setLocked(false);
        m_countPage->setVisible(true);
        m_summaryPage->setVisible(false);
        showRight(m_keypadPage);
        break;
    case Step::ReviewClose:
        m_count->setLocked(true);
        m_countPage->setVisible(true);
        m_summaryPage->setVisible(false);
        showRight(m_reviewPage);
        break;
    case Step::Open:
        m_countPage->setVisible(false);
        m_summaryPage->setVisible(true);
        showRight(m_report ? static_cast<QWidget *>(m_reportPane) : m_hintPage);
        break;
    case Step::Closed:
        m_countPage->setVisible(false);
        m_summaryPage->setVisible(true);
        showRight(m_reportPane);
        break;
    }
    retranslate();
}

void ShiftScreen::showRight(QWidget *page)
{
    for (QWidget *each :
        { m_keypadPage, m_reviewPage, m_hintPage, static_cast<QWidget *>(m_reportPane) })
        each->setVisible(each == page);
    applyStretch();
}

void ShiftScreen::applyStretch()
{
    // Counting: the count takes what the keypad leaves. Otherwise both share the width; in
    // portrait the summary keeps its natural height and the report gets the rest.
    const bool counting = m_keypadPage->isVisibleTo(m_right) || m_reviewPage->isVisibleTo(m_right);
    const bool portrait = width() < height();
    m_panes->setStretch(0, counting ? 1 : portrait ? 0 : 3);
    m_panes->setStretch(1, counting ? 0 : portrait ? 1 : 2);
}

QString ShiftScreen::staffName(qint64 staffId) const
{
    if (const auto &me = m_session.staff(); me && me->id == staffId)
        return me->displayName;
    if (const auto staff = m_session.staffHere()) {
        for (const Store::StaffMember &member : staff.value()) {
            if (member.id == staffId)
                return member.displayName;
        }
    }
    return tr("staff member %1").arg(staffId);
}

QString ShiftScreen::when(const QDateTime &utc) const
{
    return QLocale().toString(utc.toLocalTime(), QStringLiteral("ddd d MMM, HH:mm"));
}

QString ShiftScreen::reportTitle(const Core::ShiftReport &report) const
{
    return report.kind == Core::ShiftReport::Kind::Z ? tr("Z report %1").arg(report.zNumber)
                                                     : tr("X report (changes nothing)");
}

void ShiftScreen::refreshCountTotal()
{
    m_total->setText(m_count->total().toDisplayString());
}

void ShiftScreen::refreshOpen()
{
    if (!m_shift)
        return;
    m_summaryTitle->setText(tr("Shift open — drawer %1").arg(m_shift->drawerId));
    m_summaryWho->setText(
        tr("Opened by %1 on %2.").arg(staffName(m_shift->openedBy), when(m_shift->openedAt)));
    m_cashCaption->setText(tr("Cash in the drawer now"));
    if (m_cash->property("role").toString() != QLatin1String("total"))
        setRole(m_cash, "total");
    const Core::Result<Core::ShiftReport> x = m_shifts.xReport();
    if (!x) {
        m_cash->setText(QStringLiteral("—"));
        m_figures->hide();
        if (m_error->text().isEmpty())
            m_error->setText(x.error().message);
        return;
    }
    const Core::ShiftTotals &totals = x.value().totals;
    m_cash->setText(totals.expectedCash().toDisplayString());
    const QStringList captions = { tr("Float"), tr("Cash sales"), tr("Cash refunds"), tr("Cash in"),
        tr("Cash out"), tr("Sales") };
    const QStringList values = { totals.openingFloat.toDisplayString(),
        totals.cashSales.toDisplayString(), totals.cashRefunds.toDisplayString(),
        totals.cashIn.toDisplayString(), totals.cashOut.toDisplayString(),
        tr("%n sale(s), %1", nullptr, totals.saleCount).arg(totals.grossSales.toDisplayString()) };
    for (int row = 0; row < m_figureCaptions.size(); ++row) {
        m_figureCaptions.at(row)->setText(captions.at(row));
        m_figureValues.at(row)->setText(values.at(row));
    }
    m_figures->show();
}

void ShiftScreen::refreshReview()
{
    if (!m_variance)
        return;
    const Core::Money variance = m_variance->variance();
    m_reviewTitle->setText(tr("Check the count"));
    m_expectedCaption->setText(tr("Expected"));
    m_expected->setText(m_variance->expected.toDisplayString());
    m_countedCaption->setText(tr("Counted"));
    m_counted->setText(m_variance->counted.toDisplayString());
    m_varianceCaption->setText(tr("Variance"));
    m_varianceValue->setText(variance.toDisplayString());
    const char *state = variance.cents() < 0 ? "short" : variance.cents() > 0 ? "over" : "even";
    if (m_varianceValue->property("state").toString() != QLatin1String(state)) {
        m_varianceValue->setProperty("state", QString::fromLatin1(state));
        repolish(m_varianceValue);
    }
    if (variance.cents() < 0)
        m_varianceText->setText(
            tr("%1 is missing from the drawer. Count again to be sure.")
                .arg(Core::Money::fromCents(-variance.cents()).toDisplayString()));
    else if (variance.cents() > 0)
        m_varianceText->setText(
            tr("The drawer holds %1 more than expected. Count again to be sure.")
                .arg(variance.toDisplayString()));
    else
        m_varianceText->setText(tr("The count matches what the drawer should hold."));
    m_varianceText->setText(m_varianceText->text() + QStringLiteral("\n\n")
        + tr("Close the shift to make the Z report with this count and variance. Selling then "
             "waits for the next shift."));
    m_countAgain->setText(tr("Count again"));
    m_confirmClose->setText(tr("Close the shift"));
}

void ShiftScreen::refreshClosed()
{
    if (!m_report)
        return;
    const Core::ShiftReport &z = *m_report;
    m_summaryTitle->setText(tr("Shift closed — Z report %1").arg(z.zNumber));
    m_summaryWho->setText(tr("Opened by %1 on %2, closed by %3 on %4.")
                              .arg(staffName(z.shift.openedBy), when(z.shift.openedAt),
                                  staffName(z.shift.closedBy), when(z.shift.closedAt)));
    const Core::ShiftVariance variance
        = z.variance.value_or(Core::ShiftVariance { z.totals.expectedCash(), {} });
    m_cashCaption->setText(tr("Variance"));
    m_cash->setText(variance.variance().toDisplayString());
    const qint64 cents = variance.variance().cents();
    setRole(m_cash, "variance");
    m_cash->setProperty("state",
        cents < 0       ? QStringLiteral("short")
            : cents > 0 ? QStringLiteral("over")
                        : QStringLiteral("even"));
    repolish(m_cash);
    const QStringList captions = { tr("Expected"), tr("Counted"), tr("Float"), tr("Cash in"),
        tr("Cash out"), tr("Sales") };
    const QStringList values = {
        variance.expected.toDisplayString(), variance.counted.toDisplayString(),
        z.totals.openingFloat.toDisplayString(), z.totals.cashIn.toDisplayString(),
        z.totals.cashOut.toDisplayString(),
        tr("%n sale(s), %1", nullptr, z.totals.saleCount).arg(z.totals.grossSales.toDisplayString())
    };
    for (int row = 0; row < m_figureCaptions.size(); ++row) {
        m_figureCaptions.at(row)->setText(captions.at(row));
        m_figureValues.at(row)->setText(values.at(row));
    }
    m_figures->show();
}

void ShiftScreen::retranslate()
{
    const bool closing = m_step == Step::CountClose || m_step == Step::ReviewClose;
    m_countTitle->setText(closing ? tr("Close the shift: count the cash in the drawer")
                                  : tr("Open a shift: count the float"));
    m_countHint->setText(closing
            ? tr("Count every note and coin in the drawer. Tap a row, then type the number of "
                 "pieces or use − and +. The expected amount shows after the count.")
            : tr("Count the notes and coins the drawer starts with. Tap a row, then type the "
                 "number of pieces or use − and +. No float: open with € 0,00."));
    m_totalCaption->setText(closing ? tr("Counted") : tr("Float"));
    m_countNext->setText(closing ? tr("Check the count") : tr("Open shift"));
    m_countBack->setText(closing ? tr("Go back") : tr("Back to selling"));
    refreshCountTotal();

    m_cashIn->setText(tr("Cash in"));
    m_cashOut->setText(tr("Cash out"));
    m_noSale->setText(tr("No sale"));
    m_xReport->setText(tr("X report"));
    m_back->setText(tr("Back to selling"));
    m_close->setText(tr("Close shift"));
    m_newShift->setText(tr("Open the next shift"));
    m_hint->setText(tr("X report: the figures of this shift so far — sales, refunds, cash in "
                       "and out, and the cash the drawer should hold. It changes nothing.\n\n"
                       "At the end of the shift, Close shift: count the drawer, compare, and the "
                       "Z report is made."));

    const bool open = m_step == Step::Open;
    // The next step stands out: selling on while the shift is open, the next shift once closed.
    setRole(m_back, open ? "primary" : "");
    m_actions->setVisible(open);
    m_close->setVisible(open);
    m_back->setVisible(open || m_step == Step::Closed);
    m_newShift->setVisible(m_step == Step::Closed);
    if (open)
        refreshOpen();
    else if (m_step == Step::Closed)
        refreshClosed();
    if (m_step == Step::ReviewClose)
        refreshReview();
    m_infoLabel->setText(m_info ? m_info() : QString());
    if (m_report) {
        m_reportPane->setTitle(reportTitle(*m_report));
        showReport(*m_report);
    }
}

void ShiftScreen::openShift()
{
    const Core::Result<Core::CashCount> count = Core::parseCashCount(m_count->typed());
    if (!count) {
        m_countError->setText(count.error().message);
        return;
    }
    const Core::Result<Core::Shift> opened = m_shifts.open(count.value());
    if (!opened) {
        m_countError->setText(opened.error().message);
        return;
    }
    m_shift = opened.value();
    m_report.reset();
    setStep(Step::Open);
    const Core::Money float_ = count.value().total();
    m_info = [float_] {
        return tr("Shift opened with a float of %1. The drawer is open: put the float in.")
            .arg(float_.toDisplayString());
    };
    m_infoLabel->setText(m_info());
}

void ShiftScreen::startClose()
{
    clearMessages();
    if (m_saleInProgress && m_saleInProgress()) {
        showActionError(tr("A sale is open. Finish or clear it on the sell screen first, then "
                           "close the shift."));
        return;
    }
    m_count->clear();
    m_variance.reset();
    setStep(Step::CountClose);
}

void ShiftScreen::review()
{
    const Core::Result<Core::CashCount> count = Core::parseCashCount(m_count->typed());
    if (!count) {
        m_countError->setText(count.error().message);
        return;
    }
    const Core::Result<Core::Money> expected = m_shifts.expectedCash();
    if (!expected) {
        m_countError->setText(expected.error().message);
        return;
    }
    m_variance = Core::ShiftVariance { expected.value(), count.value().total() };
    setStep(Step::ReviewClose);
}

void ShiftScreen::confirmClose()
{
    const Core::Result<Core::CashCount> count = Core::parseCashCount(m_count->typed());
    if (!count) {
        m_reviewError->setText(count.error().message);
        return;
    }
    const bool saleOpen = m_saleInProgress && m_saleInProgress();
    const Core::Result<Core::ShiftReport> closed = m_shifts.close(count.value(), saleOpen);
    if (!closed) {
        m_reviewError->setText(closed.error().message);
        return;
    }
    m_shift.reset();
    m_variance.reset();
    m_report = closed.value();
    m_reportPane->setStatus(QString());
    setStep(Step::Closed);
    m_count->clear();
}

void ShiftScreen::moveCash(Core::CashMovementKind kind, Core::Money amount, const QString &reason)
{
    const Core::Result<Core::CashMovement> moved = m_shifts.moveCash(kind, amount, reason);
    if (!moved) {
        m_cashSheet.showError(moved.error().message);
        return;
    }
    m_cashSheet.close();
    clearMessages();
    const Core::Result<Core::Money> now = m_shifts.expectedCash();
    const Core::Money drawer = now ? now.value() : Core::Money();
    m_info = [kind, amount, reason, drawer] {
        return kind == Core::CashMovementKind::CashIn
            ? tr("%1 put in (%2). The drawer should hold %3 now.")
                  .arg(amount.toDisplayString(), reason, drawer.toDisplayString())
            : tr("%1 taken out (%2). The drawer should hold %3 now.")
                  .arg(amount.toDisplayString(), reason, drawer.toDisplayString());
    };
    if (m_report && m_report->kind == Core::ShiftReport::Kind::X)
        m_report.reset(); // an X report from before the move would be stale
    setStep(Step::Open);
}

void ShiftScreen::noSale(const QString &reason)
{
    // A manager's own no-sale needs nobody else; anyone else asks a manager on the override
    // sheet (the service says which).
    const Core::Result<Core::CashMovement> own = m_shifts.noSale(reason, std::nullopt);
    if (own) {
        m_cashSheet.close();
        clearMessages();
        m_info = [reason] { return tr("The drawer is open (no sale: %1).").arg(reason); };
        setStep(Step::Open);
        return;
    }
    if (own.error().code != QLatin1String("approval.missing")) {
        m_cashSheet.showError(own.error().message);
        return;
    }
    m_cashSheet.close();
    Services::ApprovalRequest request;
    request.permission = Core::Permission::OpenDrawerNoSale;
    request.what = tr("Open the drawer without a sale");
    QString requester;
    if (const auto &staff = m_session.staff())
        requester = QStringLiteral("%1, %2").arg(
            staff->displayName, Services::Session::roleDisplayName(staff->role));
    m_overrideSheet.start(
        request, reason, requester, [this, reason](const Core::Authorisation &approval) {
            const Core::Result<Core::CashMovement> done = m_shifts.noSale(reason, approval);
            if (!done)
                return Core::Status(done.error());
            clearMessages();
            const QString approver = staffName(approval.approvedBy);
            m_info = [reason, approver] {
                return tr("The drawer is open (no sale: %1), approved by %2.")
                    .arg(reason, approver);
            };
            setStep(Step::Open);
            return Core::success();
        });
}

void ShiftScreen::showXReport()
{
    clearMessages();
    const Core::Result<Core::ShiftReport> x = m_shifts.xReport();
    if (!x) {
        showActionError(x.error().message);
        return;
    }
    m_reportPane->setStatus(QString());
    m_report = x.value();
    setStep(Step::Open);
}

void ShiftScreen::showReport(const Core::ShiftReport &report)
{
    m_reportPane->setTitle(reportTitle(report));
    // The one layout of a report (printer, PDF and screen), unless another was set.
    m_reportPane->setLines(
        m_layout ? m_layout(report) : Devices::ShiftReportLayout::layout(report));
}

void ShiftScreen::printReport()
{
    if (!m_report)
        return;
    const Core::Status printed = m_shifts.print(*m_report);
    if (!printed)
        m_reportPane->setStatus(printed.error().message, true);
    else
        m_reportPane->setStatus(m_report->kind == Core::ShiftReport::Kind::Z
                ? tr("Z report %1 printed. Keep it with the counted cash.").arg(m_report->zNumber)
                : tr("X report printed."));
}

void ShiftScreen::savePdf()
{
    if (!m_report)
        return;
    const Core::Result<QByteArray> pdf = m_shifts.pdf(*m_report);
    if (!pdf) {
        m_reportPane->setStatus(pdf.error().message, true);
        return;
    }
    const Core::ShiftReport &report = *m_report;
    const QString name = report.kind == Core::ShiftReport::Kind::Z
        ? QStringLiteral("Z-report-%1-%2.pdf")
              .arg(report.shift.drawerId)
              .arg(report.zNumber, 4, 10, QLatin1Char('0'))
        : QStringLiteral("X-report-%1-%2.pdf")
              .arg(report.shift.drawerId,
                  report.printedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QDir().mkpath(m_pdfFolder);
    const QString path = QDir(m_pdfFolder).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) != pdf.value().size()) {
        m_reportPane->setStatus(
            tr("The PDF could not be saved in %1. Is the storage full?").arg(m_pdfFolder), true);
        return;
    }
    m_lastPdf = path;
    m_reportPane->setStatus(tr("Saved as PDF: %1").arg(QDir::toNativeSeparators(path)));
}

void ShiftScreen::resizeEvent(QResizeEvent *event)
{
    const bool portrait = width() < height();
    m_panes->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_keypadLayout->setDirection(portrait ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    // Side by side in portrait, "Go back" first (left) as everywhere else.
    m_countButtons->setDirection(portrait ? QBoxLayout::RightToLeft : QBoxLayout::TopToBottom);
    m_count->setCompact(portrait);
    applyStretch();
    QWidget::resizeEvent(event);
}

void ShiftScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
