#include "qrcode.h"

#include <qrencode.h>

#include <memory>

namespace Toonbank::Devices {

QrCode QrCode::encode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    QrCode result;
    if (!code)
        return result;
    result.size = code->width;
    result.dark.resize(qsizetype(code->width) * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        result.dark[i] = (code->data[i] & 1) != 0; // bit 0: the module is dark
    return result;
}

} // namespace Toonbank::Devices
