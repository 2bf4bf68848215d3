#include "managerservice.h"

#include "session.h"

#include "app/core/permissions.h"
#include "app/store/localdatabase.h"

#include <QBuffer>
#include <QDebug>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>

namespace Toonbank::Services {

using Core::Error;
using Core::Money;
using Sync::Protocol::DayReport;

namespace {

QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

/// The store's time zone: the tablet runs in its store's (as ReturnService assumes).
QTimeZone storeZone()
{
    return QTimeZone::systemTimeZone();
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

/// What an approval was for, matched to the sale or return it was recorded with.
QString approvalKey(const QString &permission, qint64 approvedBy, const QDateTime &at)
{
    return QStringLiteral("%1|%2|%3").arg(permission).arg(approvedBy).arg(at.toMSecsSinceEpoch());
}

QHash<qint64, QString> staffNames(QSqlDatabase db)
{
    QHash<qint64, QString> names;
    QSqlQuery q(db);
    if (run(q, QStringLiteral("SELECT id, display_name FROM staff"))) {
        while (q.next())
            names.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    return names;
}

} // namespace

ManagerService::ManagerService(
    Store::LocalDatabase &database, Session &session, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_session(session)
    , m_clock(clock)
{ }

ManagerService::~ManagerService() = default;

Core::Result<DayReport> ManagerService::localDay(const QDate &date) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::ViewManagerReport);
        !allowed)
        return allowed.error();
    const QTimeZone zone = storeZone();
    const QDate day = date.isValid() ? date : m_clock.nowUtc().toTimeZone(zone).date();
    const QDateTime start(day, QTime(0, 0), zone);
    const QDateTime end(day.addDays(1), QTime(0, 0), zone);
    const QString from = isoUtc(start);
    const QString to = isoUtc(end);
    const auto within = [&](const QDateTime &at) { return at >= start && at < end; };

    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    const auto failed = [&q]() {
        return Error::make(QStringLiteral("report.store_failed"),
            tr("The day's figures could not be read from this tablet."), q.lastError().text());
    };

    DayReport report;
    report.date = day;
    if (run(q, QStringLiteral("SELECT code FROM locations WHERE id = ?"),
            { m_session.staff()->homeLocationId })
        && q.next())
        report.storeCode = q.value(0).toString();
    const QHash<qint64, QString> names = staffNames(db);

    // Sales (training left out): per hour (store local time) and per staff member.
    QMap<int, DayReport::Hour> hours;
    QHash<qint64, DayReport::Staff> staff;
    const auto staffEntry = [&](qint64 id) -> DayReport::Staff & {
        auto it = staff.find(id);
        if (it == staff.end()) {
            DayReport::Staff entry;
            entry.staffId = id;
            entry.name = names.value(id);
            it = staff.insert(id, entry);
        }
        return it.value();
    };
    if (!run(q,
            QStringLiteral("SELECT staff_id, created_at, total_cents + rounding_cents FROM sales "
                           "WHERE training = 0 AND created_at >= ? AND created_at < ?"),
            { from, to }))
        return failed();
    while (q.next()) {
        const qint64 staffId = q.value(0).toLongLong();
        const int hour = fromIso(q.value(1).toString()).toTimeZone(zone).time().hour();
        const Money paid = Money::fromCents(q.value(2).toLongLong());
        DayReport::Hour &h = hours[hour];
        h.hour = hour;
        ++h.saleCount;
        h.sales += paid;
        DayReport::Staff &s = staffEntry(staffId);
        ++s.saleCount;
        s.sales += paid;
    }
    report.perHour = hours.values();

    if (!run(q,
            QStringLiteral("SELECT p.method, sum(p.amount_cents) FROM sale_payments p "
                           "JOIN sales s ON s.id = p.sale_id WHERE s.training = 0 "
                           "AND s.created_at >= ? AND s.created_at < ? GROUP BY p.method"),
            { from, to }))
        return failed();
    while (q.next())
        report.perTender.insert(q.value(0).toString(), Money::fromCents(q.value(1).toLongLong()));

    // The sale or return each approval was recorded with (its reference), and the approvals
    // that belong to a training sale or return (left out).
    QHash<QString, QString> approvalReference;
    QSet<QString> trainingApprovals;
    if (!run(q,
            QStringLiteral("SELECT a.permission, a.approved_by, a.approved_at, s.receipt_number, "
                           "s.training FROM sale_authorisations a JOIN sales s ON s.id = a.sale_id "
                           "WHERE s.created_at >= ?"),
            { isoUtc(start.addDays(-1)) }))
        return failed();
    while (q.next()) {
        const QString key = approvalKey(
            q.value(0).toString(), q.value(1).toLongLong(), fromIso(q.value(2).toString()));
        approvalReference.insert(key, q.value(3).toString());
        if (q.value(4).toInt() != 0)
            trainingApprovals.insert(key);
    }

    // Returns: refunds with who approved, per staff member.
    if (!run(q,
            QStringLiteral("SELECT receipt_number, returned_at, staff_id, "
                           "total_cents + rounding_cents, return_json, training FROM returns "
                           "WHERE returned_at >= ? AND returned_at < ? ORDER BY returned_at, id"),
            { from, to }))
        return failed();
    while (q.next()) {
        const bool training = q.value(5).toInt() != 0;
        const QJsonArray authorisations = QJsonDocument::fromJson(q.value(4).toString().toUtf8())
                                              .object()
                                              .value(QStringLiteral("authorisations"))
                                              .toArray();
        qint64 approver = 0;
        for (const QJsonValue &value : authorisations) {
            const QJsonObject a = value.toObject();
            const qint64 approvedBy = a.value(QStringLiteral("approvedBy")).toInteger();
            const QString key = approvalKey(a.value(QStringLiteral("permission")).toString(),
                approvedBy, fromIso(a.value(QStringLiteral("approvedAt")).toString()));
            approvalReference.insert(key, q.value(0).toString());
            if (training)
                trainingApprovals.insert(key);
            if (approver == 0)
                approver = approvedBy;
        }
        if (training)
            continue;
        DayReport::Refund refund;
        refund.receiptNumber = q.value(0).toString();
        refund.at = fromIso(q.value(1).toString());
        refund.staffId = q.value(2).toLongLong();
        refund.amount = Money::fromCents(q.value(3).toLongLong());
        refund.approvedBy = approver > 0 ? names.value(approver) : QString();
        report.refunds.append(refund);
        DayReport::Staff &s = staffEntry(refund.staffId);
        ++s.returnCount;
        s.refunds += refund.amount;
    }

    report.perStaff = staff.values();
    std::sort(report.perStaff.begin(), report.perStaff.end(),
        [](const DayReport::Staff &a, const DayReport::Staff &b) {
            if (a.sales != b.sales)
                return a.sales > b.sales;
            return a.staffId < b.staffId;
        });

    // Overrides: the journal's approval entries (who asked, who approved, why) ...
    QList<DayReport::Override> approvals;
    if (!run(q,
            QStringLiteral("SELECT recorded_at, body FROM journal WHERE kind = 'approval' "
                           "AND recorded_at >= ? AND recorded_at < ? ORDER BY seq"),
            { from, to }))
        return failed();
    while (q.next()) {
        const QJsonObject event = QJsonDocument::fromJson(q.value(1).toString().toUtf8())
                                      .object()
                                      .value(QStringLiteral("event"))
                                      .toObject();
        DayReport::Override o;
        o.at = fromIso(q.value(0).toString());
        o.what = event.value(QStringLiteral("permission")).toString();
        o.requestedBy = event.value(QStringLiteral("requestedBy")).toInteger();
        o.approvedBy = event.value(QStringLiteral("approvedBy")).toInteger();
        o.approverName = names.value(o.approvedBy);
        o.reason = event.value(QStringLiteral("reason")).toString();
        const QString key = approvalKey(o.what, o.approvedBy, o.at);
        if (trainingApprovals.contains(key))
            continue;
        o.reference = approvalReference.value(key);
        approvals.append(o);
    }
    // ... and the no-sale drawer opens, each replacing the approval it was given with.
    if (!run(q,
            QStringLiteral("SELECT at, shift_id, staff_id, approved_by, reason FROM "
                           "cash_movements WHERE kind = 'no_sale' ORDER BY at")))
        return failed();
    const QString noSale = Core::name(Core::Permission::OpenDrawerNoSale);
    while (q.next()) {
        DayReport::Override o;
        o.at = fromIso(q.value(0).toString());
        if (!within(o.at))
            continue;
        o.what = noSale;
        o.reference = q.value(1).toString();
        o.requestedBy = q.value(2).toLongLong();
        o.approvedBy = q.value(3).toLongLong();
        o.approverName = names.value(o.approvedBy);
        o.reason = q.value(4).toString();
        for (qsizetype i = approvals.size() - 1; i >= 0; --i) {
            const DayReport::Override &a = approvals.at(i);
            if (a.what == noSale && a.approvedBy == o.approvedBy && a.requestedBy == o.requestedBy
                && a.at <= o.at && a.reference.isEmpty()) {
                approvals.removeAt(i);
                break;
            }
        }
        approvals.append(o);
    }
    std::stable_sort(approvals.begin(), approvals.end(),
        [](const DayReport::Override &a, const DayReport::Override &b) { return a.at < b.at; });
    report.overrides = approvals;

    // Voids: payments cancelled after a part of them was settled (given back since).
    if (!run(q,
            QStringLiteral("SELECT s.sale_json FROM payment_sessions s WHERE s.state = "
                           "'cancelled' AND s.started_at >= ? AND s.started_at < ? AND EXISTS("
                           "SELECT 1 FROM payment_tenders t WHERE t.session_id = s.id "
                           "AND t.state IN ('reversing', 'reversed'))"),
            { from, to }))
        return failed();
    while (q.next()) {
        const QJsonObject sale = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        if (!sale.value(QStringLiteral("training")).toBool())
            ++report.voidCount;
    }

    // The shifts open now, whatever day they opened.
    if (!run(q,
            QStringLiteral("SELECT shift_id, drawer_id, opened_by, opened_at FROM shifts "
                           "WHERE state = 'open' ORDER BY opened_at")))
        return failed();
    while (q.next()) {
        report.openShifts.append({ q.value(0).toString(), q.value(1).toString(),
            q.value(2).toLongLong(), fromIso(q.value(3).toString()) });
    }
    return report;
}

Core::Result<DayReport> ManagerService::day(const QDate &date, bool *fromServer) const
{
    if (fromServer)
        *fromServer = false;
    if (const Core::Status allowed = m_session.require(Core::Permission::ViewManagerReport);
        !allowed)
        return allowed.error();
    const QDate day = date.isValid() ? date : m_clock.nowUtc().toTimeZone(storeZone()).date();
    if (m_chain) {
        QString storeCode;
        QSqlQuery q(m_db.connection());
        if (run(q, QStringLiteral("SELECT code FROM locations WHERE id = ?"),
                { m_session.staff()->homeLocationId })
            && q.next())
            storeCode = q.value(0).toString();
        Core::Result<DayReport> chain = m_chain(storeCode, day);
        if (chain) {
            if (fromServer)
                *fromServer = true;
            return chain;
        }
        qInfo().noquote() << "manager: the store's day from this tablet only:" << chain.error().code
                          << chain.error().detail;
    }
    return localDay(day);
}

// --- PDF -------------------------------------------------------------------------------------

namespace {

constexpr int dpi = 300;
constexpr double marginMm = 15.0;

constexpr double mmToDots(double mm)
{
    return mm * dpi / 25.4;
}

/// Writes rows of columns down A4 pages.
class PageWriter
{
public:
    PageWriter(QPdfWriter &writer, QPainter &painter)
        : m_writer(writer)
        , m_painter(painter)
        , m_width(writer.width())
        , m_bottom(writer.height())
    {
        m_font = QFont(QStringLiteral("DejaVu Sans"));
        m_font.setPointSizeF(9.5);
        m_line = QFontMetricsF(m_font, &writer).lineSpacing();
    }

    double width() const { return m_width; }

    void title(const QString &text, double scale)
    {
        QFont font = m_font;
        font.setBold(true);
        font.setPointSizeF(m_font.pointSizeF() * scale);
        const double height = QFontMetricsF(font, &m_writer).lineSpacing();
        room(height);
        m_painter.setFont(font);
        m_painter.drawText(QRectF(0, m_y, m_width, height), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += height;
    }

    void gap() { m_y += m_line / 2; }

    /// One row: each column gets a share of the width; the first is left aligned, the others
    /// right aligned unless `leftColumns` says otherwise.
    void row(const QStringList &cells, const QList<double> &shares, bool bold = false,
        int leftColumns = 1)
    {
        room(m_line);
        QFont font = m_font;
        font.setBold(bold);
        m_painter.setFont(font);
        double x = 0;
        for (qsizetype i = 0; i < cells.size() && i < shares.size(); ++i) {
            const double w = shares.at(i) * m_width;
            const QRectF cell(x, m_y, w - mmToDots(1), m_line);
            const Qt::Alignment align
                = (i < leftColumns ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter;
            const QString text = QFontMetricsF(font, &m_writer)
                                     .elidedText(cells.at(i), Qt::ElideRight, cell.width());
            m_painter.drawText(cell, int(align), text);
            x += w;
        }
        m_y += m_line;
    }

    void rule()
    {
        room(m_line / 2);
        m_painter.drawLine(QPointF(0, m_y + m_line / 4), QPointF(m_width, m_y + m_line / 4));
        m_y += m_line / 2;
    }

private:
    void room(double height)
    {
        if (m_y + height <= m_bottom)
            return;
        m_writer.newPage();
        m_y = 0;
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    QFont m_font;
    double m_line = 0;
    double m_width = 0;
    double m_bottom = 0;
    double m_y = 0;
};

QString tenderLabel(const QString &method)
{
    if (method == QLatin1String("cash"))
        return ManagerService::tr("Cash");
    if (method == QLatin1String("card"))
        return ManagerService::tr("Card");
    if (method == QLatin1String("gift_card"))
        return ManagerService::tr("Gift card");
    if (method == QLatin1String("store_credit"))
        return ManagerService::tr("Store credit");
    if (method == QLatin1String("loyalty_points"))
        return ManagerService::tr("Loyalty points");
    if (method == QLatin1String("return_credit"))
        return ManagerService::tr("Exchange credit");
    return method;
}

QString overrideLabel(const QString &permission)
{
    switch (Core::permissionFromName(permission).value_or(Core::Permission::Sell)) {
    case Core::Permission::ApproveManualDiscount:
        return ManagerService::tr("Manual discount");
    case Core::Permission::ChangePrice:
        return ManagerService::tr("Price change");
    case Core::Permission::RefundWithoutReceipt:
        return ManagerService::tr("Refund without receipt");
    case Core::Permission::ApproveReturnException:
        return ManagerService::tr("Return exception");
    case Core::Permission::OpenDrawerNoSale:
        return ManagerService::tr("No-sale drawer open");
    default:
        return permission;
    }
}

} // namespace

Core::Result<QByteArray> ManagerService::pdf(const DayReport &report) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::ViewManagerReport);
        !allowed)
        return allowed.error();
    const auto failed = [](const QString &detail) {
        return Error::make(QStringLiteral("report.pdf_failed"),
            tr("The manager's day could not be made into a PDF."), detail);
    };
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return failed(QStringLiteral("no QGuiApplication: fonts are not available"));

    const QLocale locale;
    const QTimeZone zone = storeZone();
    const QHash<qint64, QString> names = staffNames(m_db.connection());
    const auto nameOf = [&](qint64 id) {
        const QString name = names.value(id);
        return name.isEmpty() ? QString::number(id) : name;
    };
    const auto timeOf = [&](const QDateTime &at) {
        return locale.toString(at.toTimeZone(zone).time(), QStringLiteral("HH:mm"));
    };

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(dpi);
    writer.setTitle(
        tr("Manager's day %1 %2").arg(report.storeCode, report.date.toString(Qt::ISODate)));
    writer.setCreator(QStringLiteral("Toonbank"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(marginMm, marginMm, marginMm, marginMm), QPageLayout::Millimeter));

    QPainter painter;
    if (!painter.begin(&writer))
        return failed(QStringLiteral("QPainter::begin on the PDF writer failed"));
    painter.setPen(Qt::black);
    PageWriter page(writer, painter);

    page.title(tr("Manager's day"), 2.0);
    page.row(
        { tr("Store %1").arg(report.storeCode), locale.toString(report.date, QLocale::LongFormat) },
        { 0.5, 0.5 });
    page.rule();

    int saleCount = 0;
    Money sales;
    for (const DayReport::Hour &hour : report.perHour) {
        saleCount += hour.saleCount;
        sales += hour.sales;
    }
    Money refunded;
    for (const DayReport::Refund &refund : report.refunds)
        refunded += refund.amount;
    page.row({ tr("Sales"), QString::number(saleCount), sales.toDisplayString() },
        { 0.5, 0.2, 0.3 }, true);
    page.row({ tr("Refunds"), QString::number(report.refunds.size()), refunded.toDisplayString() },
        { 0.5, 0.2, 0.3 }, true);
    page.row({ tr("Voids"), QString::number(report.voidCount) }, { 0.5, 0.2 }, true);
    page.gap();

    page.title(tr("Sales per hour"), 1.3);
    page.row({ tr("Hour"), tr("Sales"), tr("Amount") }, { 0.5, 0.2, 0.3 }, true);
    for (const DayReport::Hour &hour : report.perHour) {
        page.row({ tr("%1:00–%2:00")
                         .arg(hour.hour, 2, 10, QLatin1Char('0'))
                         .arg((hour.hour + 1) % 24, 2, 10, QLatin1Char('0')),
                     QString::number(hour.saleCount), hour.sales.toDisplayString() },
            { 0.5, 0.2, 0.3 });
    }
    if (report.perHour.isEmpty())
        page.row({ tr("No sales") }, { 1.0 });
    page.gap();

    page.title(tr("Per staff member"), 1.3);
    const QList<double> staffColumns { 0.36, 0.12, 0.2, 0.12, 0.2 };
    page.row({ tr("Name"), tr("Sales"), tr("Amount"), tr("Returns"), tr("Refunded") }, staffColumns,
        true);
    for (const DayReport::Staff &s : report.perStaff) {
        page.row({ s.name.isEmpty() ? nameOf(s.staffId) : s.name, QString::number(s.saleCount),
                     s.sales.toDisplayString(), QString::number(s.returnCount),
                     s.refunds.toDisplayString() },
            staffColumns);
    }
    page.gap();

    page.title(tr("Per tender"), 1.3);
    for (auto it = report.perTender.cbegin(); it != report.perTender.cend(); ++it)
        page.row({ tenderLabel(it.key()), it.value().toDisplayString() }, { 0.7, 0.3 });
    page.gap();

    page.title(tr("Refunds"), 1.3);
    const QList<double> refundColumns { 0.28, 0.1, 0.22, 0.16, 0.24 };
    page.row({ tr("Receipt"), tr("Time"), tr("Staff"), tr("Amount"), tr("Approved by") },
        refundColumns, true, 3);
    for (const DayReport::Refund &refund : report.refunds) {
        page.row({ refund.receiptNumber, timeOf(refund.at), nameOf(refund.staffId),
                     refund.amount.toDisplayString(), refund.approvedBy },
            refundColumns, false, 3);
    }
    page.gap();

    page.title(tr("Overrides"), 1.3);
    const QList<double> overrideColumns { 0.08, 0.2, 0.2, 0.15, 0.15, 0.22 };
    page.row({ tr("Time"), tr("What"), tr("Reference"), tr("Asked by"), tr("Approved by"),
                 tr("Reason") },
        overrideColumns, true, 6);
    for (const DayReport::Override &o : report.overrides) {
        page.row({ timeOf(o.at), overrideLabel(o.what), o.reference, nameOf(o.requestedBy),
                     o.approverName.isEmpty() ? nameOf(o.approvedBy) : o.approverName, o.reason },
            overrideColumns, false, 6);
    }
    page.gap();

    page.title(tr("Open shifts"), 1.3);
    for (const DayReport::OpenShift &shift : report.openShifts) {
        page.row({ tr("Drawer %1").arg(shift.drawerId), nameOf(shift.openedBy),
                     locale.toString(shift.openedAt.toTimeZone(zone), QLocale::ShortFormat) },
            { 0.3, 0.35, 0.35 }, false, 2);
    }
    if (report.openShifts.isEmpty())
        page.row({ tr("No shift is open") }, { 1.0 });

    if (!painter.end())
        return failed(QStringLiteral("QPainter::end on the PDF writer failed"));
    buffer.close();
    if (!pdf.startsWith("%PDF"))
        return failed(QStringLiteral("the writer produced no PDF"));
    return pdf;
}

} // namespace Toonbank::Services
