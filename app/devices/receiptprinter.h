#pragma once

#include "receipt.h"

#include "app/core/result.h"

namespace Toonbank::Devices {

/// A receipt printer. The real one talks ESC/POS over USB or the network; tests and the demo
/// use EscPosPrinterSimulator.
class ReceiptPrinter
{
public:
    virtual ~ReceiptPrinter() = default;
    /// Errors: "printer.*" with a message staff can act on (paper, cover, connection).
    virtual Core::Status print(const QList<ReceiptLine> &lines) = 0;
};

/// Writes exactly the bytes a real ESC/POS printer would receive to a file (appending one
/// receipt after another), so a test or a person can inspect or replay them.
class EscPosPrinterSimulator final : public ReceiptPrinter
{
    Q_DISABLE_COPY_MOVE(EscPosPrinterSimulator)
public:
    explicit EscPosPrinterSimulator(QString outputPath, int width = ReceiptLayout::defaultWidth);

    Core::Status print(const QList<ReceiptLine> &lines) override;
    const QString &outputPath() const { return m_outputPath; }

    /// The ESC/POS byte stream for one receipt: ESC @, code page PC858, ESC a / ESC E / GS !
    /// per line, GS ( k for the QR code, feed and GS V cut.
    static QByteArray encode(
        const QList<ReceiptLine> &lines, int width = ReceiptLayout::defaultWidth);
    /// Text in code page PC858 (has the euro sign at 0xD5); unmappable characters become '?'.
    static QByteArray toPc858(const QString &text);

private:
    QString m_outputPath;
    int m_width;
};

} // namespace Toonbank::Devices
