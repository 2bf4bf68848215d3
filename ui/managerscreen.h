#pragma once

#include "app/core/result.h"
#include "app/devices/receipt.h"
#include "sync/protocol/storeops.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QBoxLayout;
class QLabel;
class QPushButton;

namespace Toonbank::Devices {
class ReceiptPrinter;
} // namespace Toonbank::Devices

namespace Toonbank::Services {
class ManagerService;
class Session;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Sales per hour as bars (painted with QPainter); tapping a bar tells that hour's figures.
class HourChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourChart)
public:
    explicit HourChart(QWidget *parent = nullptr);

    void setHours(const QList<Sync::Protocol::DayReport::Hour> &hours);
    /// The hour chosen (the busiest at first); -1 without sales.
    int chosenHour() const { return m_chosen; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void hourChosen(int hour);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    int firstHour() const;
    int lastHour() const;
    QRect barArea() const;

    QList<Sync::Protocol::DayReport::Hour> m_hours;
    int m_chosen = -1;
};

/// The manager's day (SCREENS.md "Manager"): today's sales per hour, per staff member and per
/// payment method; refunds, overrides and voids with who approved them; the open shifts; said
/// plainly whether the figures are the whole store's (chain-wide, online) or this tablet's only
/// (offline). Print (the receipt printer) and PDF. Supervisors and managers only: the service
/// refuses anyone else, and the screen says so.
class ManagerScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerScreen)
public:
    ManagerScreen(
        Services::ManagerService &manager, Services::Session &session, QWidget *parent = nullptr);

    /// Loads today's figures (from the server when online).
    void start();
    void setPrinter(Devices::ReceiptPrinter *printer) { m_printer = printer; }
    /// Where "PDF" saves the day (default: Documents/Toonbank).
    void setPdfFolder(const QString &folder) { m_pdfFolder = folder; }
    const std::optional<Sync::Protocol::DayReport> &report() const { return m_report; }
    bool fromServer() const { return m_fromServer; }
    const QString &lastPdf() const { return m_lastPdf; }

    /// The day as the receipt printer prints it.
    static QList<Devices::ReceiptLine> dayLines(const Sync::Protocol::DayReport &report,
        bool fromServer, const std::function<QString(qint64)> &staffName);

signals:
    void closed();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void refreshDetail();
    void print();
    void savePdf();
    QString staffName(qint64 staffId) const;
    void setStatus(const QString &text, bool error);

    Services::ManagerService &m_manager;
    Services::Session &m_session;
    Devices::ReceiptPrinter *m_printer = nullptr;
    QString m_pdfFolder;
    QString m_lastPdf;
    std::optional<Sync::Protocol::DayReport> m_report;
    bool m_fromServer = false;
    QString m_loadError;
    QHash<qint64, QString> m_names;

    QBoxLayout *m_panes;
    QLabel *m_title;
    QLabel *m_source;
    QLabel *m_totals;
    QLabel *m_chartCaption;
    HourChart *m_chart;
    QLabel *m_detail;
    QLabel *m_tenderCaption;
    QLabel *m_tenders;
    QLabel *m_staffCaption;
    QLabel *m_staff;
    QLabel *m_refundsCaption;
    QLabel *m_refunds;
    QLabel *m_overridesCaption;
    QLabel *m_overrides;
    QLabel *m_voids;
    QLabel *m_shiftsCaption;
    QLabel *m_shifts;
    QLabel *m_status;
    QPushButton *m_back;
    QPushButton *m_refresh;
    QPushButton *m_print;
    QPushButton *m_pdf;
};

} // namespace Toonbank::Ui
