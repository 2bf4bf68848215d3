#pragma once

#include "app/devices/receipt.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QScrollArea;

namespace Toonbank::Ui {

class ReceiptView;

/// A report as the printer prints it (an X or Z report, the manager's day) with Print and PDF
/// under it and what became of the last print or PDF. `prefix` names the widgets
/// (`<prefix>Print`, `<prefix>Pdf`, `<prefix>Status`, `<prefix>View`).
class ReportPane final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportPane)
public:
    ReportPane(const QString &prefix, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setLines(const QList<Devices::ReceiptLine> &lines);
    const QList<Devices::ReceiptLine> &lines() const;
    /// What happened to the last print or PDF; `error` shows it in red.
    void setStatus(const QString &text, bool error = false);
    void setPrintAvailable(bool available);

signals:
    void printRequested();
    void pdfRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title;
    QScrollArea *m_scroll;
    ReceiptView *m_view;
    QLabel *m_status;
    QPushButton *m_print;
    QPushButton *m_pdf;
};

} // namespace Toonbank::Ui
