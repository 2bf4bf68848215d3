#include "receiptprinter.h"

#include "app/core/tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace Toonbank::Devices {

namespace {

constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char LF = 0x0A;

QByteArray command(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (int byte : bytes)
        out.append(char(byte));
    return out;
}

QByteArray qrCode(const QByteArray &data)
{
    QByteArray out;
    out += command({ GS, '(', 'k', 4, 0, '1', 'A', '2', 0 }); // fn 165: model 2
    out += command({ GS, '(', 'k', 3, 0, '1', 'C', 6 }); // fn 167: module size 6 dots
    out += command({ GS, '(', 'k', 3, 0, '1', 'E', '1' }); // fn 169: error correction M
    const int length = int(data.size()) + 3;
    out += command(
        { GS, '(', 'k', length & 0xFF, (length >> 8) & 0xFF, '1', 'P', '0' }); // fn 180: store
    out += data;
    out += command({ GS, '(', 'k', 3, 0, '1', 'Q', '0' }); // fn 181: print
    return out;
}

} // namespace

EscPosPrinterSimulator::EscPosPrinterSimulator(QString outputPath, int width)
    : m_outputPath(std::move(outputPath))
    , m_width(width)
{ }

QByteArray EscPosPrinterSimulator::toPc858(const QString &text)
{
    // The characters a Dutch or Belgian receipt needs beyond ASCII.
    static const QHash<char16_t, char> table = {
        { u'€', char(0xD5) },
        { u'é', char(0x82) },
        { u'ë', char(0x89) },
        { u'è', char(0x8A) },
        { u'ï', char(0x8B) },
        { u'à', char(0x85) },
        { u'ç', char(0x87) },
        { u'ê', char(0x88) },
        { u'ö', char(0x94) },
        { u'ü', char(0x81) },
        { u'ä', char(0x84) },
        { u'É', char(0x90) },
        { u'×', char(0x9E) },
        { u'—', '-' },
        { u'★', '*' },
    };
    QByteArray out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.unicode() < 0x80)
            out.append(char(c.unicode()));
        else
            out.append(table.value(c.unicode(), '?'));
    }
    return out;
}

QByteArray EscPosPrinterSimulator::encode(const QList<ReceiptLine> &lines, int width)
{
    QByteArray out;
    out += command({ ESC, '@' }); // initialise
    out += command({ ESC, 't', 19 }); // code page PC858
    for (const ReceiptLine &line : lines) {
        const int align = line.align == ReceiptLine::Align::Center ? 1
            : line.align == ReceiptLine::Align::Right              ? 2
                                                                   : 0;
        out += command({ ESC, 'a', align });
        switch (line.kind) {
        case ReceiptLine::Kind::Rule:
            out += QByteArray(width, '-');
            out += LF;
            break;
        case ReceiptLine::Kind::Qr:
            out += qrCode(line.text.toUtf8());
            out += LF;
            break;
        case ReceiptLine::Kind::Text:
            out += command({ ESC, 'E', line.bold ? 1 : 0 });
            out += command({ GS, '!', line.large ? 0x11 : 0x00 });
            out += toPc858(line.text);
            out += LF;
            if (line.bold)
                out += command({ ESC, 'E', 0 });
            if (line.large)
                out += command({ GS, '!', 0 });
            break;
        }
    }
    out += command({ ESC, 'a', 0 });
    out += command({ ESC, 'd', 4 }); // feed 4 lines past the cutter
    out += command({ GS, 'V', 66, 0 }); // partial cut
    return out;
}

Core::Status EscPosPrinterSimulator::print(const QList<ReceiptLine> &lines)
{
    QDir().mkpath(QFileInfo(m_outputPath).absolutePath());
    QFile file(m_outputPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Core::Error::make(QStringLiteral("printer.offline"),
            Core::Tr::tr("The receipt printer is not reachable."), file.errorString());
    const QByteArray bytes = encode(lines, m_width);
    if (file.write(bytes) != bytes.size())
        return Core::Error::make(QStringLiteral("printer.offline"),
            Core::Tr::tr("The receipt printer is not reachable."), file.errorString());
    return Core::success();
}

} // namespace Toonbank::Devices
