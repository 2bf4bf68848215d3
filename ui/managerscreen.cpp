#include "managerscreen.h"

#include "uihelpers.h"

#include "app/devices/receiptprinter.h"
#include "app/services/managerservice.h"
#include "app/services/session.h"

#include <QBoxLayout>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace Toonbank::Ui {

namespace {

constexpr int chartLabelHeight = 28;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeOf(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QStringLiteral("HH:mm"));
}

/// A table as rich text: one header row (bold) and the rows; the last column right aligned
/// when `amountLast`.
QString htmlTable(const QStringList &head, const QList<QStringList> &rows, int amountColumn = -1)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">");
    html += QStringLiteral("<tr>");
    for (int c = 0; c < head.size(); ++c)
        html += QStringLiteral("<th align=\"%1\">%2</th>")
                    .arg(c == amountColumn ? QStringLiteral("right") : QStringLiteral("left"),
                        esc(head.at(c)));
    html += QStringLiteral("</tr>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < row.size(); ++c)
            html += QStringLiteral("<td align=\"%1\">%2</td>")
                        .arg(c == amountColumn ? QStringLiteral("right") : QStringLiteral("left"),
                            esc(row.at(c)));
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

QString overrideWhat(const QString &permission)
{
    const std::optional<Core::Permission> which = Core::permissionFromName(permission);
    if (!which)
        return permission;
    switch (*which) {
    case Core::Permission::ApproveManualDiscount:
        return ManagerScreen::tr("Discount above the limit");
    case Core::Permission::ChangePrice:
        return ManagerScreen::tr("Price change");
    case Core::Permission::OpenDrawerNoSale:
        return ManagerScreen::tr("No sale: drawer opened");
    case Core::Permission::RefundWithoutReceipt:
        return ManagerScreen::tr("Refund without receipt");
    case Core::Permission::ApproveReturnException:
        return ManagerScreen::tr("Return outside the rules");
    default:
        return permission;
    }
}

} // namespace

// ---- HourChart --------------------------------------------------------------------------------

HourChart::HourChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("hourChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HourChart::setHours(const QList<Sync::Protocol::DayReport::Hour> &hours)
{
    m_hours = hours;
    m_chosen = -1;
    Core::Money busiest;
    for (const Sync::Protocol::DayReport::Hour &hour : hours) {
        if (m_chosen < 0 || hour.sales > busiest) {
            busiest = hour.sales;
            m_chosen = hour.hour;
        }
    }
    update();
}

QSize HourChart::sizeHint() const
{
    return { 640, 240 };
}

QSize HourChart::minimumSizeHint() const
{
    return { 360, 180 };
}

int HourChart::firstHour() const
{
    // A store's usual day (9 to 18) at least, so a quiet morning still reads as a day.
    int first = 9;
    for (const auto &hour : m_hours)
        first = std::min(first, hour.hour);
    return first;
}

int HourChart::lastHour() const
{
    int last = 18;
    for (const auto &hour : m_hours)
        last = std::max(last, hour.hour);
    return last;
}

QRect HourChart::barArea() const
{
    return rect().adjusted(4, 8, -4, -chartLabelHeight - 4);
}

void HourChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Qt::white);
    const QRect area = barArea();
    const int first = firstHour();
    const int count = lastHour() - first + 1;
    const double slot = double(area.width()) / count;
    qint64 top = 1;
    for (const auto &hour : m_hours)
        top = std::max(top, hour.sales.cents());
    painter.setPen(QPen(QColor(0xc4, 0xc9, 0xd2), 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    QFont font = this->font();
    font.setPixelSize(18);
    painter.setFont(font);
    // Every hour gets its label when there is room, else every second one.
    const int labelEvery
        = slot >= QFontMetrics(font).horizontalAdvance(QStringLiteral("00")) + 8 ? 1 : 2;
    for (int i = 0; i < count; ++i) {
        const int hour = first + i;
        const QRectF slotRect(area.left() + i * slot, area.top(), slot, area.height());
        for (const auto &h : m_hours) {
            if (h.hour != hour)
                continue;
            const double height = double(area.height()) * double(h.sales.cents()) / double(top);
            const QRectF bar(slotRect.left() + slot * 0.15, area.bottom() - height, slot * 0.7,
                std::max(2.0, height));
            painter.fillRect(
                bar, hour == m_chosen ? QColor(0x0b, 0x3d, 0x86) : QColor(0x6d, 0x93, 0xd4));
        }
        if (i % labelEvery == 0 || hour == m_chosen) {
            painter.setPen(hour == m_chosen ? QColor(0x0b, 0x3d, 0x86) : QColor(0x3b, 0x42, 0x50));
            painter.drawText(
                QRectF(slotRect.left() - 8, area.bottom() + 4, slot + 16, chartLabelHeight),
                Qt::AlignHCenter | Qt::AlignTop,
                QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')));
        }
    }
    if (m_hours.isEmpty()) {
        painter.setPen(QColor(0x3b, 0x42, 0x50));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("No sales yet today."));
    }
}

void HourChart::mousePressEvent(QMouseEvent *event)
{
    const QRect area = barArea();
    const int first = firstHour();
    const int count = lastHour() - first + 1;
    const double slot = double(area.width()) / count;
    const int index = int((event->position().x() - area.left()) / slot);
    if (index < 0 || index >= count)
        return;
    m_chosen = first + index;
    update();
    emit hourChosen(m_chosen);
}

// ---- ManagerScreen ----------------------------------------------------------------------------

ManagerScreen::ManagerScreen(
    Services::ManagerService &manager, Services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_session(session)
    , m_pdfFolder(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                      .filePath(QStringLiteral("Toonbank")))
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_title(roleLabel(this, "title"))
    , m_source(roleLabel(this, "source"))
    , m_totals(roleLabel(this, "payCaption"))
    , m_chartCaption(roleLabel(this, "caption"))
    , m_chart(new HourChart(this))
    , m_detail(roleLabel(this, "section"))
    , m_tenderCaption(roleLabel(this, "caption"))
    , m_tenders(roleLabel(this, "section"))
    , m_staffCaption(roleLabel(this, "caption"))
    , m_staff(roleLabel(this, "section"))
    , m_refundsCaption(roleLabel(this, "caption"))
    , m_refunds(roleLabel(this, "section"))
    , m_overridesCaption(roleLabel(this, "caption"))
    , m_overrides(roleLabel(this, "section"))
    , m_voids(roleLabel(this, "section"))
    , m_shiftsCaption(roleLabel(this, "caption"))
    , m_shifts(roleLabel(this, "section"))
    , m_status(roleLabel(this, "subtle"))
    , m_back(touchButton(this))
    , m_refresh(touchButton(this))
    , m_print(touchButton(this))
    , m_pdf(touchButton(this))
{
    setObjectName(QStringLiteral("managerScreen"));
    m_title->setObjectName(QStringLiteral("managerTitle"));
    m_source->setObjectName(QStringLiteral("managerSource"));
    m_totals->setObjectName(QStringLiteral("managerTotals"));
    m_detail->setObjectName(QStringLiteral("managerHourDetail"));
    m_tenders->setObjectName(QStringLiteral("managerTenders"));
    m_staff->setObjectName(QStringLiteral("managerStaff"));
    m_refunds->setObjectName(QStringLiteral("managerRefunds"));
    m_overrides->setObjectName(QStringLiteral("managerOverrides"));
    m_voids->setObjectName(QStringLiteral("managerVoids"));
    m_shifts->setObjectName(QStringLiteral("managerShifts"));
    m_status->setObjectName(QStringLiteral("managerStatus"));
    m_back->setObjectName(QStringLiteral("managerBack"));
    m_refresh->setObjectName(QStringLiteral("managerRefresh"));
    m_print->setObjectName(QStringLiteral("managerPrint"));
    m_pdf->setObjectName(QStringLiteral("managerPdf"));
    for (QLabel *label : { m_title, m_source, m_totals, m_detail, m_tenders, m_staff, m_refunds,
             m_overrides, m_voids, m_shifts, m_status })
        label->setWordWrap(true);
    for (QLabel *table : { m_tenders, m_staff, m_refunds, m_overrides, m_shifts })
        table->setTextFormat(Qt::RichText);
    m_status->setTextFormat(Qt::PlainText);
    connect(m_chart, &HourChart::hourChosen, this, &ManagerScreen::refreshDetail);
    connect(m_back, &QPushButton::clicked, this, &ManagerScreen::closed);
    connect(m_refresh, &QPushButton::clicked, this, &ManagerScreen::start);
    connect(m_print, &QPushButton::clicked, this, &ManagerScreen::print);
    connect(m_pdf, &QPushButton::clicked, this, &ManagerScreen::savePdf);

    auto *left = new QFrame(this);
    left->setProperty("role", QStringLiteral("pane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_source);
    leftLayout->addWidget(m_totals);
    leftLayout->addWidget(m_chartCaption);
    leftLayout->addWidget(m_chart, 1);
    leftLayout->addWidget(m_detail);
    leftLayout->addWidget(m_tenderCaption);
    leftLayout->addWidget(m_tenders);

    // The lists can grow long (a busy day's refunds and overrides): they scroll, the buttons
    // stay in place.
    auto *lists = new QWidget(this);
    lists->setObjectName(QStringLiteral("managerLists"));
    auto *listLayout = new QVBoxLayout(lists);
    listLayout->setContentsMargins(0, 0, 8, 0);
    for (QLabel *label : { m_staffCaption, m_staff, m_refundsCaption, m_refunds, m_overridesCaption,
             m_overrides, m_voids, m_shiftsCaption, m_shifts })
        listLayout->addWidget(label);
    listLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("managerScroll"));
    scroll->setWidget(lists);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *right = new QFrame(this);
    right->setProperty("role", QStringLiteral("pane"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(scroll, 1);
    rightLayout->addWidget(m_status);
    auto *buttons = new QGridLayout;
    buttons->setSpacing(10);
    buttons->addWidget(m_print, 0, 0);
    buttons->addWidget(m_pdf, 0, 1);
    buttons->addWidget(m_refresh, 1, 0);
    buttons->addWidget(m_back, 1, 1);
    rightLayout->addLayout(buttons);

    m_panes->setContentsMargins(12, 12, 12, 12);
    m_panes->setSpacing(12);
    m_panes->addWidget(left, 1);
    m_panes->addWidget(right, 1);
    setLayout(m_panes);
    retranslate();
}

void ManagerScreen::start()
{
    m_names.clear();
    if (const auto staff = m_session.staffHere()) {
        for (const Store::StaffMember &member : staff.value())
            m_names.insert(member.id, member.displayName);
    }
    m_loadError.clear();
    m_status->clear();
    bool fromServer = false;
    Core::Result<Sync::Protocol::DayReport> day = m_manager.day(QDate(), &fromServer);
    if (!day) {
        m_report.reset();
        m_fromServer = false;
        m_loadError = day.error().message;
    } else {
        m_report = day.value();
        m_fromServer = fromServer;
    }
    m_chart->setHours(m_report ? m_report->perHour : QList<Sync::Protocol::DayReport::Hour>());
    retranslate();
}

QString ManagerScreen::staffName(qint64 staffId) const
{
    if (staffId == 0)
        return QString();
    if (const auto found = m_names.constFind(staffId); found != m_names.constEnd())
        return found.value();
    if (m_report) {
        for (const auto &staff : m_report->perStaff) {
            if (staff.staffId == staffId && !staff.name.isEmpty())
                return staff.name;
        }
    }
    return tr("staff member %1").arg(staffId);
}

void ManagerScreen::setStatus(const QString &text, bool error)
{
    setRole(m_status, error ? "error" : "subtle");
    m_status->setText(text);
}

void ManagerScreen::refreshDetail()
{
    const int chosen = m_chart->chosenHour();
    if (!m_report || chosen < 0) {
        m_detail->clear();
        return;
    }
    for (const auto &hour : m_report->perHour) {
        if (hour.hour == chosen) {
            m_detail->setText(tr("%1:00–%2:00: %n sale(s), %3", nullptr, hour.saleCount)
                                  .arg(chosen, 2, 10, QLatin1Char('0'))
                                  .arg(chosen + 1, 2, 10, QLatin1Char('0'))
                                  .arg(hour.sales.toDisplayString()));
            return;
        }
    }
    m_detail->setText(tr("%1:00–%2:00: no sales")
                          .arg(chosen, 2, 10, QLatin1Char('0'))
                          .arg(chosen + 1, 2, 10, QLatin1Char('0')));
}

void ManagerScreen::retranslate()
{
    m_back->setText(tr("Back to selling"));
    m_refresh->setText(tr("Refresh"));
    m_print->setText(tr("Print"));
    m_pdf->setText(tr("PDF"));
    m_chartCaption->setText(tr("Sales per hour (tap a bar)"));
    m_tenderCaption->setText(tr("Per payment method"));
    m_staffCaption->setText(tr("Per staff member"));
    m_refundsCaption->setText(tr("Refunds"));
    m_overridesCaption->setText(tr("Overrides and no-sales"));
    m_shiftsCaption->setText(tr("Open shifts"));
    m_print->setEnabled(m_report && m_printer);
    m_pdf->setEnabled(m_report.has_value());
    if (!m_report) {
        m_title->setText(tr("Manager's day"));
        m_source->hide();
        m_totals->setText(m_loadError);
        setRole(m_totals, "error");
        for (QLabel *label : { m_tenders, m_staff, m_refunds, m_overrides, m_voids, m_shifts })
            label->clear();
        m_detail->clear();
        return;
    }
    setRole(m_totals, "payCaption");
    const Sync::Protocol::DayReport &day = *m_report;
    m_title->setText(tr("Manager's day — %1")
                         .arg(QLocale().toString(day.date, QStringLiteral("dddd d MMMM yyyy"))));
    m_source->setText(m_fromServer
            ? tr("Chain-wide: every tablet of this store")
            : tr("This tablet only (offline): other tablets' sales are not in these figures"));
    m_source->setProperty(
        "state", m_fromServer ? QStringLiteral("online") : QStringLiteral("offline"));
    repolish(m_source);
    m_source->show();
    int sales = 0;
    Core::Money amount;
    for (const auto &hour : day.perHour) {
        sales += hour.saleCount;
        amount = amount + hour.sales;
    }
    m_totals->setText(tr("%n sale(s), %1", nullptr, sales).arg(amount.toDisplayString()));
    refreshDetail();

    QList<QStringList> tenderRows;
    for (auto it = day.perTender.constBegin(); it != day.perTender.constEnd(); ++it)
        tenderRows.append({ tenderDisplayName(it.key()), it.value().toDisplayString() });
    m_tenders->setText(tenderRows.isEmpty()
            ? esc(tr("No payments yet."))
            : htmlTable({ tr("Method"), tr("Amount") }, tenderRows, 1));

    QList<QStringList> staffRows;
    for (const auto &staff : day.perStaff)
        staffRows.append({ staff.name.isEmpty() ? staffName(staff.staffId) : staff.name,
            QString::number(staff.saleCount), staff.sales.toDisplayString(),
            staff.returnCount > 0 ? staff.refunds.toDisplayString() : QStringLiteral("—") });
    m_staff->setText(staffRows.isEmpty()
            ? esc(tr("Nobody has sold anything yet."))
            : htmlTable({ tr("Name"), tr("Sales"), tr("Amount"), tr("Refunds") }, staffRows, 2));

    QList<QStringList> refundRows;
    for (const auto &refund : day.refunds)
        refundRows.append({ timeOf(refund.at), refund.receiptNumber, staffName(refund.staffId),
            refund.approvedBy.isEmpty() ? tr("not needed") : refund.approvedBy,
            refund.amount.toDisplayString() });
    m_refunds->setText(refundRows.isEmpty()
            ? esc(tr("No refunds today."))
            : htmlTable({ tr("Time"), tr("Return"), tr("By"), tr("Approved by"), tr("Amount") },
                refundRows, 4));

    QList<QStringList> overrideRows;
    for (const auto &item : day.overrides)
        overrideRows.append({ timeOf(item.at), overrideWhat(item.what), staffName(item.requestedBy),
            item.approverName.isEmpty() ? staffName(item.approvedBy) : item.approverName,
            item.reason });
    m_overrides->setText(overrideRows.isEmpty()
            ? esc(tr("No overrides today."))
            : htmlTable({ tr("Time"), tr("What"), tr("Asked by"), tr("Approved by"), tr("Reason") },
                overrideRows));

    m_voids->setText(day.voidCount == 0
            ? tr("No sales were cancelled after a payment.")
            : tr("%n sale(s) cancelled after a payment part (the part was given back at once).",
                nullptr, day.voidCount));

    QList<QStringList> shiftRows;
    for (const auto &shift : day.openShifts)
        shiftRows.append({ shift.drawerId, staffName(shift.openedBy),
            QLocale().toString(shift.openedAt.toLocalTime(), QStringLiteral("ddd d MMM, HH:mm")) });
    m_shifts->setText(shiftRows.isEmpty()
            ? esc(tr("No shift is open."))
            : htmlTable({ tr("Drawer"), tr("Opened by"), tr("Since") }, shiftRows));
}

QList<Devices::ReceiptLine> ManagerScreen::dayLines(const Sync::Protocol::DayReport &report,
    bool fromServer, const std::function<QString(qint64)> &staffName)
{
    using Line = Devices::ReceiptLine;
    const int width = Devices::ReceiptLayout::defaultWidth;
    QList<Line> lines;
    auto text = [&lines](const QString &t, bool bold = false) {
        Line line;
        line.text = t;
        line.bold = bold;
        lines.append(line);
    };
    auto pair = [&lines, width](const QString &left, const QString &right) {
        Line line;
        const int room = width - int(right.size()) - 1;
        line.text = left.left(std::max(0, room)).leftJustified(std::max(0, room)) + QLatin1Char(' ')
            + right;
        lines.append(line);
    };
    auto rule = [&lines] {
        Line line;
        line.kind = Line::Kind::Rule;
        lines.append(line);
    };
    lines.append(Devices::ReceiptLayout::headline(tr("Manager's day"), width));
    text(QStringLiteral("%1 · %2").arg(
        report.storeCode, QLocale().toString(report.date, QLocale::ShortFormat)));
    text(fromServer ? tr("Chain-wide: every tablet of this store")
                    : tr("This tablet only (offline)"));
    rule();
    text(tr("Sales per hour"), true);
    for (const auto &hour : report.perHour)
        pair(QStringLiteral("%1:00  %2×")
                 .arg(hour.hour, 2, 10, QLatin1Char('0'))
                 .arg(hour.saleCount),
            hour.sales.toDisplayString());
    rule();
    text(tr("Per payment method"), true);
    for (auto it = report.perTender.constBegin(); it != report.perTender.constEnd(); ++it)
        pair(tenderDisplayName(it.key()), it.value().toDisplayString());
    rule();
    text(tr("Per staff member"), true);
    for (const auto &staff : report.perStaff)
        pair(QStringLiteral("%1 (%2)")
                 .arg(staff.name.isEmpty() ? staffName(staff.staffId) : staff.name)
                 .arg(staff.saleCount),
            staff.sales.toDisplayString());
    rule();
    text(tr("Refunds"), true);
    for (const auto &refund : report.refunds) {
        pair(QStringLiteral("%1 %2").arg(timeOf(refund.at), refund.receiptNumber),
            refund.amount.toDisplayString());
        if (!refund.approvedBy.isEmpty())
            text(QStringLiteral("  ") + tr("Approved by %1").arg(refund.approvedBy));
    }
    rule();
    text(tr("Overrides and no-sales"), true);
    for (const auto &item : report.overrides) {
        text(QStringLiteral("%1 %2").arg(timeOf(item.at), overrideWhat(item.what)));
        text(QStringLiteral("  ")
            + tr("Asked by %1, approved by %2")
                  .arg(staffName(item.requestedBy),
                      item.approverName.isEmpty() ? staffName(item.approvedBy)
                                                  : item.approverName));
    }
    pair(tr("Cancelled after payment"), QString::number(report.voidCount));
    rule();
    text(tr("Open shifts"), true);
    for (const auto &shift : report.openShifts)
        pair(QStringLiteral("%1 %2").arg(shift.drawerId, staffName(shift.openedBy)),
            timeOf(shift.openedAt));
    return lines;
}

void ManagerScreen::print()
{
    if (!m_report || !m_printer)
        return;
    const Core::Status printed = m_printer->print(
        dayLines(*m_report, m_fromServer, [this](qint64 id) { return staffName(id); }));
    if (!printed)
        setStatus(printed.error().message, true);
    else
        setStatus(tr("The day's figures have been printed."), false);
}

void ManagerScreen::savePdf()
{
    if (!m_report)
        return;
    const Core::Result<QByteArray> pdf = m_manager.pdf(*m_report);
    if (!pdf) {
        setStatus(pdf.error().message, true);
        return;
    }
    QDir().mkpath(m_pdfFolder);
    const QString path
        = QDir(m_pdfFolder)
              .filePath(QStringLiteral("day-%1-%2.pdf")
                            .arg(m_report->storeCode,
                                m_report->date.toString(QStringLiteral("yyyy-MM-dd"))));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) != pdf.value().size()) {
        setStatus(
            tr("The PDF could not be saved in %1. Is the storage full?").arg(m_pdfFolder), true);
        return;
    }
    m_lastPdf = path;
    setStatus(tr("Saved as PDF: %1").arg(QDir::toNativeSeparators(path)), false);
}

void ManagerScreen::resizeEvent(QResizeEvent *event)
{
    // Portrait: the chart and payment methods at their natural height, the lists get the rest
    // (they scroll only on a busy day).
    const bool portrait = width() < height();
    m_panes->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_panes->setStretch(0, portrait ? 0 : 1);
    m_panes->setStretch(1, 1);
    QWidget::resizeEvent(event);
}

void ManagerScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
