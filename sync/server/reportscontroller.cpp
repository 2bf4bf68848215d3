#include "reportscontroller.h"

#include "serverdatabase.h"

#include "sync/protocol/storeops.h"

#include "app/core/permissions.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>
#include <map>

namespace Toonbank::Sync::Server {

using Core::Money;

namespace {

ApiReply internal(const Core::Error &error)
{
    return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, error));
}

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    return at.toUTC();
}

// Reads the whole report; an error is a database failure.
Core::Result<Protocol::DayReport> readDay(
    ServerDatabase &db, const QString &store, qint64 locationId, QDate date)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QString from = isoTime(QDateTime(date, QTime(0, 0), zone));
    const QString until = isoTime(QDateTime(date.addDays(1), QTime(0, 0), zone));

    Protocol::DayReport report;
    report.storeCode = store;
    report.date = date;
    QSet<qint64> staffIds;

    // Sales per local hour and per staff member.
    std::map<int, Protocol::DayReport::Hour> hours;
    std::map<qint64, Protocol::DayReport::Staff> staff;
    {
        auto rows = db.exec(QStringLiteral("SELECT staff_id, sold_at, total_cents, rounding_cents "
                                           "FROM sales WHERE location_id = ? AND training = 0 AND "
                                           "sold_at >= ? AND sold_at < ?"),
            { locationId, from, until });
        if (!rows)
            return rows.error();
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            const qint64 staffId = q.value(0).toLongLong();
            const int hour = fromIso(q.value(1).toString()).toTimeZone(zone).time().hour();
            const Money paid = Money::fromCents(q.value(2).toLongLong() + q.value(3).toLongLong());
            Protocol::DayReport::Hour &h = hours[hour];
            h.hour = hour;
            ++h.saleCount;
            h.sales += paid;
            Protocol::DayReport::Staff &s = staff[staffId];
            s.staffId = staffId;
            ++s.saleCount;
            s.sales += paid;
            staffIds.insert(staffId);
        }
    }
    for (const auto &[hour, h] : hours)
        report.perHour.append(h);

    // Per tender.
    {
        auto rows = db.exec(
            QStringLiteral("SELECT t.method, SUM(t.amount_cents) FROM sale_tenders t JOIN sales s "
                           "ON s.sale_id = t.sale_id WHERE s.location_id = ? AND s.training = 0 "
                           "AND s.sold_at >= ? AND s.sold_at < ? GROUP BY t.method"),
            { locationId, from, until });
        if (!rows)
            return rows.error();
        while (rows.value().next())
            report.perTender.insert(rows.value().value(0).toString(),
                Money::fromCents(rows.value().value(1).toLongLong()));
    }

    // Refunds, with the manager who approved each (the first approval recorded on it).
    {
        auto rows = db.exec(
            QStringLiteral("SELECT r.receipt_number, r.returned_at, r.staff_id, r.total_cents + "
                           "r.rounding_cents, (SELECT a.approved_by FROM return_authorisations a "
                           "WHERE a.return_id = r.return_id ORDER BY a.authorisation_no LIMIT 1) "
                           "FROM returns r WHERE r.store_code = ? AND r.training = 0 AND "
                           "r.returned_at >= ? AND r.returned_at < ? ORDER BY r.returned_at"),
            { store, from, until });
        if (!rows)
            return rows.error();
        QList<std::pair<qsizetype, qint64>> approvers;
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            Protocol::DayReport::Refund refund;
            refund.receiptNumber = q.value(0).toString();
            refund.at = fromIso(q.value(1).toString());
            refund.staffId = q.value(2).toLongLong();
            refund.amount = Money::fromCents(q.value(3).toLongLong());
            if (!q.value(4).isNull() && q.value(4).toLongLong() != 0) {
                approvers.append({ report.refunds.size(), q.value(4).toLongLong() });
                staffIds.insert(q.value(4).toLongLong());
            }
            report.refunds.append(refund);
            Protocol::DayReport::Staff &s = staff[refund.staffId];
            s.staffId = refund.staffId;
            ++s.returnCount;
            s.refunds += refund.amount;
            staffIds.insert(refund.staffId);
        }
        rows.value().finish();
        // Names are filled in below; remember who approved which refund.
        for (const auto &[index, approver] : approvers)
            report.refunds[index].approvedBy = QString::number(approver);
    }

    // Overrides: approvals recorded on sales and returns, and the no-sales.
    // (sales by location: the index sales_location(location_id, sold_at) finds the day)
    const QList<std::pair<QString, QVariant>> approvalSources {
        { QStringLiteral("SELECT a.approved_at, a.permission, s.receipt_number, a.requested_by, "
                         "a.approved_by, a.reason, s.sold_at FROM sale_authorisations a JOIN "
                         "sales s ON s.sale_id = a.sale_id WHERE s.location_id = ? AND s.training "
                         "= 0 AND s.sold_at >= ? AND s.sold_at < ?"),
            locationId },
        { QStringLiteral("SELECT a.approved_at, a.permission, r.receipt_number, a.requested_by, "
                         "a.approved_by, a.reason, r.returned_at FROM return_authorisations a "
                         "JOIN returns r ON r.return_id = a.return_id WHERE r.store_code = ? AND "
                         "r.training = 0 AND r.returned_at >= ? AND r.returned_at < ?"),
            store },
        { QStringLiteral("SELECT m.at, 'open_drawer_no_sale', m.shift_id, m.staff_id, "
                         "m.approved_by, m.reason, m.at FROM cash_movements m JOIN shifts h ON "
                         "h.shift_id = m.shift_id WHERE h.store_code = ? AND m.kind = 'no_sale' "
                         "AND m.at >= ? AND m.at < ?"),
            store },
    };
    for (const auto &[sql, key] : approvalSources) {
        auto rows = db.exec(sql, { key, from, until });
        if (!rows)
            return rows.error();
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            Protocol::DayReport::Override o;
            o.at = fromIso(q.value(0).toString());
            if (!o.at.isValid())
                o.at = fromIso(q.value(6).toString());
            o.what = q.value(1).toString();
            o.reference = q.value(2).toString();
            o.requestedBy = q.value(3).toLongLong();
            o.approvedBy = q.value(4).toLongLong();
            o.reason = q.value(5).toString();
            staffIds.insert(o.approvedBy);
            report.overrides.append(o);
        }
    }
    std::stable_sort(report.overrides.begin(), report.overrides.end(),
        [](const auto &a, const auto &b) { return a.at < b.at; });

    // Shifts of the store still open (opened before the end of the day).
    {
        auto rows = db.exec(QStringLiteral("SELECT shift_id, drawer_id, opened_by, opened_at FROM "
                                           "shifts WHERE store_code = ? AND state = 'open' AND "
                                           "opened_at < ? ORDER BY opened_at, drawer_id"),
            { store, until });
        if (!rows)
            return rows.error();
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            Protocol::DayReport::OpenShift s;
            s.shiftId = q.value(0).toString();
            s.drawerId = q.value(1).toString();
            s.openedBy = q.value(2).toLongLong();
            s.openedAt = fromIso(q.value(3).toString());
            report.openShifts.append(s);
        }
    }

    // Names of everyone named.
    QHash<qint64, QString> names;
    staffIds.remove(0);
    if (!staffIds.isEmpty()) {
        const QVariantList ids(staffIds.cbegin(), staffIds.cend());
        auto rows = db.exec(QStringLiteral("SELECT id, display_name FROM staff WHERE id IN (")
                + QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(','))
                + QStringLiteral(")"),
            ids);
        if (!rows)
            return rows.error();
        while (rows.value().next())
            names.insert(rows.value().value(0).toLongLong(), rows.value().value(1).toString());
    }
    for (auto &[id, s] : staff) {
        s.name = names.value(id);
        report.perStaff.append(s);
    }
    std::stable_sort(report.perStaff.begin(), report.perStaff.end(),
        [](const auto &a, const auto &b) { return a.sales > b.sales; });
    for (Protocol::DayReport::Refund &refund : report.refunds) {
        if (!refund.approvedBy.isEmpty())
            refund.approvedBy = names.value(refund.approvedBy.toLongLong(), refund.approvedBy);
    }
    for (Protocol::DayReport::Override &o : report.overrides)
        o.approverName = names.value(o.approvedBy);
    report.voidCount = 0; // the server holds no voided sales (cancelled ones never travel)
    return report;
}

} // namespace

ApiReply ReportsController::day(const ApiRequest &request)
{
    const QUrlQuery query(request.http.url());
    const QString store = query.hasQueryItem(QStringLiteral("store"))
        ? query.queryItemValue(QStringLiteral("store"), QUrl::FullyDecoded)
        : request.device->locationCode;
    if (store != request.device->locationCode)
        return ApiReply::error({ ApiErrorKind::Forbidden, QStringLiteral("scope.location"),
            QStringLiteral("a device sees the day of its own store only") });
    const QString dateText = query.queryItemValue(QStringLiteral("date"), QUrl::FullyDecoded);
    const QDate date = QDate::fromString(dateText, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_value"),
            QStringLiteral("date must be a date as yyyy-MM-dd, not \"%1\"")
                .arg(dateText.left(40)) });
    bool staffOk = false;
    const qint64 staffId
        = query.queryItemValue(QStringLiteral("staff"), QUrl::FullyDecoded).toLongLong(&staffOk);
    if (!staffOk || staffId <= 0)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_value"),
            QStringLiteral("staff must name the staff member asking (a staff id)") });

    auto member
        = m_db.exec(QStringLiteral("SELECT role, active, home_location_id FROM staff WHERE id = ?"),
            { staffId });
    if (!member)
        return internal(member.error());
    bool allowed = false;
    if (member.value().next()) {
        const auto role = Core::roleFromName(member.value().value(0).toString());
        allowed = role && Core::allows(*role, Core::Permission::ViewManagerReport)
            && member.value().value(1).toInt() != 0
            && member.value().value(2).toLongLong() == request.device->locationId;
    }
    member.value().finish();
    if (!allowed)
        return ApiReply::error({ ApiErrorKind::Forbidden, QStringLiteral("permission.denied"),
            QStringLiteral("only a supervisor or manager of this store sees the manager's day") });

    Core::Result<Protocol::DayReport> report
        = readDay(m_db, store, request.device->locationId, date);
    if (!report)
        return internal(report.error());
    return ApiReply::json(report->toJson());
}

} // namespace Toonbank::Sync::Server
