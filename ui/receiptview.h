#pragma once

#include "app/devices/receipt.h"

#include <QWidget>

namespace Toonbank::Ui {

/// Paints a receipt as the printer would: the same ReceiptLayout lines, a monospaced font,
/// double size where the printer prints double size, and the QR code.
class ReceiptView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiptView)
public:
    explicit ReceiptView(QWidget *parent = nullptr);

    void setLines(const QList<Devices::ReceiptLine> &lines);
    const QList<Devices::ReceiptLine> &lines() const { return m_lines; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int lineHeight(const Devices::ReceiptLine &line) const;

    QList<Devices::ReceiptLine> m_lines;
    QFont m_font;
    QFont m_largeFont;
};

} // namespace Toonbank::Ui
