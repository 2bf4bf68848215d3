#pragma once

#include <QList>
#include <QString>

namespace Toonbank::Devices {

/// A QR code's modules, for drawing the receipt preview (the printer draws its own from the
/// GS ( k data). Encoded with libqrencode, error correction M like the printer.
struct QrCode
{
    int size = 0; // modules per side; 0 when encoding failed
    QList<bool> dark; // size * size, row by row

    bool isDark(int x, int y) const { return dark.at(y * size + x); }
    static QrCode encode(const QString &text);
};

} // namespace Toonbank::Devices
