#include "shiftreport.h"

#include "receiptlines_p.h"
#include "receiptpdf.h"
#include "receiptprinter.h"

namespace Toonbank::Devices {

using namespace Internal;

namespace {

QString localTime(const QDateTime &when, const QLocale &locale)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + locale.toString(local.time(), QStringLiteral("HH:mm"));
}

} // namespace

QString ShiftReportLayout::tenderName(const QString &methodName)
{
    const std::optional<Core::TenderMethod> method = Core::tenderMethodFromName(methodName);
    if (!method)
        return methodName;
    switch (*method) {
    case Core::TenderMethod::Cash:
        return tr("Cash");
    case Core::TenderMethod::Card:
        return tr("Card");
    case Core::TenderMethod::GiftCard:
        return tr("Gift card");
    case Core::TenderMethod::StoreCredit:
        return tr("Store credit");
    case Core::TenderMethod::LoyaltyPoints:
        return tr("Loyalty points");
    case Core::TenderMethod::ReturnCredit:
        return tr("Exchange credit");
    }
    return methodName;
}

QList<ReceiptLine> ShiftReportLayout::layout(
    const Core::ShiftReport &report, int width, const QLocale &locale)
{
    using Align = ReceiptLine::Align;
    const Core::Shift &shift = report.shift;
    const Core::ShiftTotals &t = report.totals;
    const bool isZ = report.kind == Core::ShiftReport::Kind::Z;
    auto money = [&locale](Core::Money amount) { return amount.toDisplayString(locale); };
    auto number = [&locale](qint64 n) { return locale.toString(n); };

    QList<ReceiptLine> lines;
    auto row = [&lines, width](const QString &left, const QString &right, bool bold = false) {
        lines.append(text(leftRight(left, right, width), Align::Left, bold));
    };
    auto heading = [&lines](const QString &title) {
        lines.append(rule());
        lines.append(text(title, Align::Left, true));
    };

    if (!report.storeName.isEmpty())
        lines.append(ReceiptLayout::headline(report.storeName, width));
    lines.append(ReceiptLayout::headline(
        isZ ? tr("Z REPORT nr %1").arg(report.zNumber) : tr("X REPORT"), width));
    if (report.training)
        lines.append(ReceiptLayout::headline(tr("TRAINING"), width));
    if (!isZ)
        lines.append(text(tr("Interim report: the shift stays open"), Align::Center));
    lines.append(rule());
    row(tr("Store"), shift.storeCode);
    row(tr("Drawer"), shift.drawerId);
    row(tr("Business date"),
        shift.openedAt.isValid()
            ? locale.toString(shift.openedAt.toLocalTime().date(), QLocale::ShortFormat)
            : QString());
    row(tr("Opened"), localTime(shift.openedAt, locale));
    row(tr("Opened by"),
        report.openedByName.isEmpty() ? tr("staff %1").arg(shift.openedBy) : report.openedByName);
    if (shift.state == Core::ShiftState::Closed || isZ) {
        row(tr("Closed"), localTime(shift.closedAt, locale));
        row(tr("Closed by"),
            report.closedByName.isEmpty() ? tr("staff %1").arg(shift.closedBy)
                                          : report.closedByName);
    }
    row(tr("Printed"), localTime(report.printedAt, locale));
    if (!report.staffName.isEmpty())
        row(tr("Printed by"), report.staffName);

    heading(tr("Takings"));
    row(tr("Sales (%1)").arg(number(t.saleCount)), money(t.grossSales));
    row(tr("Items sold"), number(t.itemsSold));
    row(tr("Returns (%1)").arg(number(t.returnCount)), money(-t.refunds));
    row(tr("Net takings"), money(t.grossSales - t.refunds), true);
    row(tr("Cash rounding"), money(t.rounding));
    row(tr("Voided sales"), number(t.voidCount));
    row(tr("Training sales and returns (not counted)"), number(t.trainingCount));

    heading(tr("Sales per tender"));
    if (t.salesByTender.isEmpty())
        lines.append(text(tr("None")));
    for (auto it = t.salesByTender.constBegin(); it != t.salesByTender.constEnd(); ++it)
        row(tenderName(it.key()), money(it.value()));
    if (!t.refundsByTender.isEmpty()) {
        heading(tr("Refunds per tender"));
        for (auto it = t.refundsByTender.constBegin(); it != t.refundsByTender.constEnd(); ++it)
            row(tenderName(it.key()), money(-it.value()));
    }

    heading(tr("VAT per rate"));
    lines.append(text(vatColumns(tr("Rate"), tr("Net"), tr("VAT"), tr("Incl."), width)));
    for (const Core::VatBreakdown &vat : t.vat)
        lines.append(text(vatColumns(
            vat.rate.toDisplayString(), money(vat.net), money(vat.vat), money(vat.gross), width)));

    heading(tr("Cash drawer"));
    row(tr("Opening float"), money(t.openingFloat));
    row(tr("Cash sales"), money(t.cashSales));
    row(tr("Cash refunds"), money(-t.cashRefunds));
    row(tr("Cash in"), money(t.cashIn));
    row(tr("Cash out"), money(-t.cashOut));
    row(tr("No-sale drawer opens"), number(t.noSaleCount));
    row(tr("Expected in drawer"), money(t.expectedCash()), true);

    if (isZ) {
        heading(tr("Counted"));
        const QMap<qint64, qint64> &pieces = shift.closingCount.pieces;
        // Largest first, as the drawer is counted.
        for (auto it = pieces.constEnd(); it != pieces.constBegin();) {
            --it;
            if (it.value() == 0)
                continue;
            row(QStringLiteral("%1 × %2").arg(
                    number(it.value()), money(Core::Money::fromCents(it.key()))),
                money(Core::Money::fromCents(it.key()) * it.value()));
        }
        if (shift.closingCount.isEmpty())
            lines.append(text(tr("Nothing counted")));
        const Core::Money counted
            = report.variance ? report.variance->counted : shift.closingCount.total();
        const Core::Money expected = report.variance ? report.variance->expected : t.expectedCash();
        row(tr("Counted total"), money(counted), true);
        row(tr("Expected"), money(expected));
        const Core::Money variance = counted - expected;
        const QString signedVariance
            = variance.cents() > 0 ? QStringLiteral("+") + money(variance) : money(variance);
        lines.append(rule());
        row(tr("Variance"), signedVariance, true);
        if (variance.isNegative())
            lines.append(text(tr("Cash short"), Align::Right));
        else if (!variance.isZero())
            lines.append(text(tr("Cash over"), Align::Right));
    }
    lines.append(rule());
    if (report.training)
        lines.append(text(tr("TRAINING"), Align::Center, true));
    lines.append(text(isZ ? tr("End of Z report nr %1").arg(report.zNumber) : tr("End of X report"),
        Align::Center));
    return lines;
}

QByteArray shiftReportEscPos(const Core::ShiftReport &report, int columns)
{
    return EscPosPrinterSimulator::encode(ShiftReportLayout::layout(report, columns), columns);
}

Core::Result<QByteArray> shiftReportPdf(const Core::ShiftReport &report)
{
    const QString title = report.kind == Core::ShiftReport::Kind::Z
        ? ShiftReportLayout::tr("Z REPORT nr %1").arg(report.zNumber)
        : ShiftReportLayout::tr("X REPORT");
    return ReceiptPdf::render(ShiftReportLayout::layout(report), title);
}

} // namespace Toonbank::Devices
