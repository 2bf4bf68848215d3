#include "productimages.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QSaveFile>
#include <QUrlQuery>

#include <functional>

namespace Toonbank::Sync::Server {

namespace {

const QString imagesPrefix = QStringLiteral("/v1/images/");

// Every shape is drawn in a 100 × 100 box; the painter scales it to the picture's size.
using Shape = std::function<void(QPainter &, const QColor &)>;

QColor edgeOf(const QColor &colour)
{
    return colour.lightnessF() > 0.85 ? QColor(0xb9, 0xb6, 0xb0) : colour.darker(150);
}

// An outline in the 100 × 100 box, written like SVG path data with absolute commands and
// separate tokens: "M x y" moves, "L x y" draws a line, "Q cx cy x y" a quadratic curve, "Z"
// closes the subpath.
QPainterPath outline(const char *data)
{
    QPainterPath path;
    const QList<QByteArray> tokens = QByteArray(data).simplified().split(' ');
    qsizetype i = 0;
    const auto point = [&] {
        const double x = tokens.at(i++).toDouble();
        const double y = tokens.at(i++).toDouble();
        return QPointF(x, y);
    };
    while (i < tokens.size()) {
        switch (tokens.at(i++).at(0)) {
        case 'M':
            path.moveTo(point());
            break;
        case 'L':
            path.lineTo(point());
            break;
        case 'Q': {
            const QPointF control = point();
            path.quadTo(control, point());
            break;
        }
        default: // 'Z'
            path.closeSubpath();
        }
    }
    return path;
}

QPainterPath rect(const QRectF &box)
{
    QPainterPath path;
    path.addRect(box);
    return path;
}

QPainterPath rounded(const QRectF &box, double radius)
{
    QPainterPath path;
    path.addRoundedRect(box, radius, radius);
    return path;
}

// A garment's fill: a little lighter at the top, like light from above.
void fillShape(QPainter &p, const QPainterPath &path, const QColor &colour)
{
    const QRectF box = path.boundingRect();
    QLinearGradient gradient(box.topLeft(), box.bottomLeft());
    gradient.setColorAt(0, colour.lighter(112));
    gradient.setColorAt(1, colour.darker(112));
    p.setBrush(gradient);
    p.setPen(QPen(edgeOf(colour), 0.7));
    p.drawPath(path);
}

void fillShape(QPainter &p, const char *data, const QColor &colour)
{
    fillShape(p, outline(data), colour);
}

void stitch(QPainter &p, const QPainterPath &path, const QColor &colour)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(colour, 0.6, Qt::DashLine));
    p.drawPath(path);
}

void stitch(QPainter &p, const char *data, const QColor &colour)
{
    stitch(p, outline(data), colour);
}

// Flat details (buttons, labels, screens): a fill without an edge.
void solid(QPainter &p, const QBrush &brush)
{
    p.setBrush(brush);
    p.setPen(Qt::NoPen);
}

void drawLines(QPainter &p, const QPen &pen, std::initializer_list<QLineF> lines)
{
    p.setPen(pen);
    for (const QLineF &line : lines)
        p.drawLine(line);
}

QPainterPath longSleevePath(double width = 0)
{
    QPainterPath path;
    path.moveTo(37, 14);
    path.quadTo(50, 24, 63, 14);
    path.lineTo(83 + width, 22);
    path.quadTo(91 + width, 40, 96 + width, 80);
    path.lineTo(85 + width, 83);
    path.lineTo(76 + width, 46);
    path.lineTo(76 + width, 89);
    path.lineTo(24 - width, 89);
    path.lineTo(24 - width, 46);
    path.lineTo(15 - width, 83);
    path.lineTo(4 - width, 80);
    path.quadTo(9 - width, 40, 17 - width, 22);
    path.closeSubpath();
    return path;
}

void drawTshirt(QPainter &p, const QColor &c)
{
    fillShape(p,
        "M 37 16 Q 50 27 63 16 L 84 24 L 95 44 L 81 51 L 75 41 L 76 88 L 24 88 L 25 41 L 19 51 "
        "L 5 44 L 16 24 Z",
        c);
    stitch(p, "M 25 84 L 75 84 M 40 18.5 Q 50 26 60 18.5", edgeOf(c));
}

void drawSweater(QPainter &p, const QColor &c)
{
    fillShape(p, longSleevePath(), c);
    p.setPen(QPen(edgeOf(c), 0.5));
    for (double x = 26; x < 75; x += 2.5)
        p.drawLine(QPointF(x, 84), QPointF(x, 88.5));
    for (double x : { 6.0, 8.5, 11.0, 87.0, 89.5, 92.0 })
        p.drawLine(QPointF(x + (x < 50 ? 0 : 0.5), x < 50 ? 78 : 79),
            QPointF(x + (x < 50 ? -0.5 : 1), x < 50 ? 81.5 : 82.5));
}

void drawHoodie(QPainter &p, const QColor &c)
{
    fillShape(p, "M 34 20 Q 36 3 50 3 Q 64 3 66 20 Z", c.darker(108));
    fillShape(p, longSleevePath(), c);
    fillShape(p, "M 33 64 L 67 64 L 71 80 L 29 80 Z", c.darker(106));
    drawLines(
        p, QPen(QColor(0xee, 0xee, 0xe8), 0.9), { QLineF(45, 20, 44, 36), QLineF(55, 20, 56, 36) });
}

void drawShirt(QPainter &p, const QColor &c)
{
    fillShape(p, longSleevePath(), c);
    fillShape(p, "M 37 14 L 50 24 L 42 29 Z M 63 14 L 50 24 L 58 29 Z", c.lighter(104));
    drawLines(p, QPen(edgeOf(c), 0.6), { QLineF(50, 24, 50, 89) });
    solid(p, c.lightnessF() > 0.8 ? QColor(0xcf, 0xcc, 0xc5) : QColor(0xf3, 0xf1, 0xec));
    for (double y = 32; y < 88; y += 11)
        p.drawEllipse(QPointF(52, y), 1.1, 1.1);
    stitch(p, rect(QRectF(30, 36, 11, 12)), edgeOf(c));
}

void drawJacket(QPainter &p, const QColor &c)
{
    fillShape(p, longSleevePath(2), c);
    fillShape(
        p, "M 37 14 L 49 50 L 40 30 L 33 26 Z M 63 14 L 51 50 L 60 30 L 67 26 Z", c.darker(115));
    drawLines(p, QPen(edgeOf(c), 0.8), { QLineF(50, 50, 50, 89) });
    solid(p, edgeOf(c));
    p.drawEllipse(QPointF(52.5, 60), 1.3, 1.3);
    p.drawEllipse(QPointF(52.5, 72), 1.3, 1.3);
    p.setPen(QPen(edgeOf(c), 0.9));
    p.setBrush(Qt::NoBrush);
    p.drawPath(outline("M 29 70 L 42 70 M 58 70 L 71 70"));
}

void drawDress(QPainter &p, const QColor &c)
{
    fillShape(p,
        "M 38 8 L 42 8 Q 50 18 58 8 L 62 8 L 64 22 Q 60 32 61 40 Q 74 64 82 92 Q 50 97 18 92 "
        "Q 26 64 39 40 Q 40 32 36 22 Z",
        c);
    drawLines(p, QPen(edgeOf(c), 0.6),
        { QLineF(39, 40, 61, 40), QLineF(45, 44, 38, 90), QLineF(55, 44, 62, 90) });
}

QPainterPath legsPath(double bottom, double spread)
{
    QPainterPath path;
    path.moveTo(28, 12);
    path.lineTo(72, 12);
    path.lineTo(74 + spread, bottom);
    path.lineTo(53, bottom);
    path.lineTo(50, 40);
    path.lineTo(47, bottom);
    path.lineTo(26 - spread, bottom);
    path.closeSubpath();
    return path;
}

void drawJeans(QPainter &p, const QColor &c, double bottom, bool denim)
{
    fillShape(p, legsPath(bottom, bottom > 60 ? 2 : 6), c);
    fillShape(p, rect(QRectF(28, 12, 44, 7)), c.darker(108));
    stitch(p, "M 50 19 L 50 40 M 30 22 Q 38 24 40 33 M 70 22 Q 62 24 60 33 M 28.5 18 L 71.5 18",
        denim ? QColor(0xd9, 0xa4, 0x41) : edgeOf(c));
    solid(p, denim ? QColor(0xb8, 0x8a, 0x3a) : edgeOf(c));
    p.drawEllipse(QPointF(50, 15.5), 1.4, 1.4);
    p.setPen(QPen(c.darker(115), 0.8));
    for (double x : { 33.0, 46.0, 54.0, 67.0 })
        p.drawLine(QPointF(x, 12), QPointF(x, 19));
}

void drawSkirt(QPainter &p, const QColor &c)
{
    fillShape(p, "M 32 16 L 68 16 Q 76 50 82 82 Q 50 88 18 82 Q 24 50 32 16 Z", c);
    fillShape(p, rect(QRectF(32, 16, 36, 6)), c.darker(108));
    p.setPen(QPen(edgeOf(c), 0.5));
    for (double x : { 40.0, 50.0, 60.0 })
        p.drawLine(QPointF(x, 22), QPointF(x + (x - 50) * 0.6, 84));
}

void drawShoe(QPainter &p, const QColor &c, bool sporty, bool boot)
{
    const QColor sole = sporty ? QColor(0xf4, 0xf3, 0xef) : QColor(0x3b, 0x2a, 0x20);
    const char *upper = boot
        ? "M 22 18 L 52 18 L 54 54 Q 80 58 88 66 Q 92 70 90 76 L 16 76 Q 20 50 22 18 Z"
        : "M 10 72 Q 8 56 14 48 Q 30 46 40 40 L 54 38 Q 62 52 78 56 Q 93 60 93 70 L 92 74 "
          "L 10 74 Z";
    fillShape(
        p, rounded(QRectF(boot ? 14 : 7, boot ? 74 : 71, boot ? 78 : 88, sporty ? 9 : 6), 3), sole);
    fillShape(p, upper, c);
    if (sporty) {
        fillShape(p, "M 26 66 Q 50 66 70 54 Q 52 70 28 69 Z",
            c.lightnessF() > 0.8 ? QColor(0xc9, 0xc6, 0xbf) : c.lighter(150));
        p.setPen(QPen(QColor(0xf4, 0xf3, 0xef), 1.2));
        for (int i = 0; i < 4; ++i)
            p.drawLine(QPointF(44 + i * 5, 42 + i * 3.2), QPointF(49 + i * 5, 40 + i * 3.2));
    } else if (boot) {
        p.setPen(QPen(QColor(0xe8, 0xd9, 0x9b), 1.0));
        for (int i = 0; i < 6; ++i)
            p.drawLine(QPointF(40, 24 + i * 6), QPointF(52, 26 + i * 6));
        stitch(p, "M 17 73 L 90 73", QColor(0xe8, 0xd9, 0x9b));
    } else {
        stitch(p, "M 11 70 L 91 70 M 42 42 Q 50 52 60 50", edgeOf(c));
    }
}

void drawBag(QPainter &p, const QColor &c)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(c.darker(125), 4));
    p.drawArc(QRectF(33, 10, 34, 40), 0, 180 * 16);
    fillShape(p, "M 20 32 L 80 32 L 88 88 L 12 88 Z", c);
    fillShape(p, "M 20 32 L 80 32 L 78 50 L 22 50 Z", c.darker(110));
    solid(p, QColor(0xc9, 0xa2, 0x4a));
    p.drawRoundedRect(QRectF(46, 47, 8, 6), 1, 1);
}

void drawCap(QPainter &p, const QColor &c)
{
    fillShape(p, "M 48 64 Q 80 60 94 72 Q 78 78 52 74 Z", c.darker(112));
    fillShape(p, "M 10 70 Q 10 28 46 26 Q 72 28 74 66 Q 40 74 10 70", c);
    p.setPen(QPen(edgeOf(c), 0.6));
    p.setBrush(Qt::NoBrush);
    p.drawLine(QPointF(44, 27), QPointF(40, 70));
    p.setBrush(c.darker(120));
    p.drawEllipse(QPointF(45, 27), 2, 1.4);
}

void drawSocks(QPainter &p, const QColor &c)
{
    for (int i = 0; i < 2; ++i) {
        p.save();
        p.translate(i * 16, i * 4);
        fillShape(p, "M 22 10 L 44 10 L 46 56 Q 70 62 72 74 Q 72 86 58 86 L 34 82 Q 20 78 22 60 Z",
            i == 0 ? c.darker(108) : c);
        p.setPen(QPen(edgeOf(c), 0.5));
        for (double y = 12; y < 22; y += 2)
            p.drawLine(QPointF(22.5, y), QPointF(44, y));
        p.restore();
    }
}

void drawHeadphones(QPainter &p, const QColor &c)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(c.darker(115), 6, Qt::SolidLine, Qt::RoundCap));
    p.drawArc(QRectF(20, 12, 60, 70), 20 * 16, 140 * 16);
    QPainterPath cups = rounded(QRectF(12, 44, 18, 34), 8);
    cups.addRoundedRect(70, 44, 18, 34, 8, 8);
    fillShape(p, cups, c);
    solid(p, c.darker(140));
    p.drawRoundedRect(QRectF(26, 48, 5, 26), 2, 2);
    p.drawRoundedRect(QRectF(69, 48, 5, 26), 2, 2);
}

void drawEarbuds(QPainter &p, const QColor &c)
{
    fillShape(p, rounded(QRectF(22, 46, 56, 40), 16), c);
    drawLines(p, QPen(edgeOf(c), 0.8), { QLineF(23, 58, 77, 58) });
    for (int i = 0; i < 2; ++i) {
        QPainterPath bud;
        bud.addEllipse(QPointF(36 + i * 28, 26), 9, 9);
        bud.addRoundedRect(33 + i * 28, 28, 6, 16, 3, 3);
        fillShape(p, bud, c.lighter(110));
    }
}

void drawSpeaker(QPainter &p, const QColor &c)
{
    fillShape(p, rounded(QRectF(10, 32, 80, 40), 20), c);
    solid(p, c.darker(130));
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 14; ++col)
            p.drawEllipse(QPointF(22 + col * 4.3, 42 + row * 6.5), 0.8, 0.8);
    p.setBrush(c.lightnessF() > 0.7 ? QColor(0x55, 0x55, 0x55) : QColor(0xee, 0xee, 0xee));
    p.drawRoundedRect(QRectF(44, 66, 12, 2.5), 1, 1);
}

void drawDevice(QPainter &p, const QColor &c)
{
    fillShape(p, rounded(QRectF(18, 10, 64, 82), 7), c);
    QLinearGradient screen(QPointF(22, 16), QPointF(78, 84));
    screen.setColorAt(0, QColor(0x2a, 0x3b, 0x55));
    screen.setColorAt(1, QColor(0x10, 0x16, 0x22));
    solid(p, screen);
    p.drawRoundedRect(QRectF(22, 15, 56, 72), 3, 3);
    p.setBrush(QColor(255, 255, 255, 40));
    p.drawPath(outline("M 22 15 L 54 15 L 22 55 Z"));
}

void drawBox(QPainter &p, const QColor &c)
{
    fillShape(p, rect(QRectF(16, 36, 50, 50)), c);
    fillShape(p, "M 16 36 L 34 20 L 84 20 L 66 36 Z", c.lighter(120));
    fillShape(p, "M 66 36 L 84 20 L 84 70 L 66 86 Z", c.darker(125));
    solid(p, QColor(255, 255, 255, 170));
    p.drawRoundedRect(QRectF(24, 50, 34, 20), 3, 3);
}

void drawToy(QPainter &p, const QColor &c)
{
    for (int layer = 0; layer < 2; ++layer) {
        const double y = 58 - layer * 26;
        const double x = 14 + layer * 14;
        const double w = 72 - layer * 28;
        const QColor colour = layer == 0 ? c : c.lighter(125);
        fillShape(p, rounded(QRectF(x, y, w, 26), 2), colour);
        for (double sx = x + 5; sx < x + w - 6; sx += 11)
            fillShape(p, rounded(QRectF(sx, y - 5, 8, 6), 1.5), colour.lighter(108));
    }
}

void drawBottle(QPainter &p, const QColor &c)
{
    fillShape(
        p, "M 30 40 Q 30 30 42 28 L 42 18 L 58 18 L 58 28 Q 70 30 70 40 L 70 88 L 30 88 Z", c);
    fillShape(p, rounded(QRectF(40, 6, 20, 13), 2),
        c.lightnessF() > 0.6 ? QColor(0x44, 0x44, 0x44) : QColor(0xe8, 0xe6, 0xe0));
    solid(p, QColor(255, 255, 255, 190));
    p.drawRoundedRect(QRectF(35, 50, 30, 26), 2, 2);
    p.setBrush(c.darker(120));
    p.drawRect(QRectF(40, 58, 20, 2.5));
    p.drawRect(QRectF(40, 64, 14, 2));
}

void drawPot(QPainter &p, const QColor &c)
{
    QPainterPath handles = rounded(QRectF(4, 44, 14, 8), 4);
    handles.addRoundedRect(82, 44, 14, 8, 4, 4);
    fillShape(p, handles, c.darker(115));
    fillShape(p, "M 16 40 L 84 40 L 82 76 Q 80 86 68 86 L 32 86 Q 20 86 18 76 Z", c);
    fillShape(p, "M 14 40 Q 50 20 86 40 Z", c.lighter(110));
    fillShape(p, rounded(QRectF(44, 22, 12, 7), 3), QColor(0x3a, 0x3a, 0x3a));
}

void drawMug(QPainter &p, const QColor &c)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(c.darker(110), 7));
    p.drawEllipse(QRectF(62, 38, 24, 28));
    fillShape(p, "M 18 24 L 72 24 L 70 82 Q 70 88 62 88 L 28 88 Q 20 88 20 82 Z", c);
    QPainterPath rim;
    rim.addEllipse(QRectF(18, 20, 54, 9));
    fillShape(p, rim, c.darker(140));
}

void drawBook(QPainter &p, const QColor &c)
{
    fillShape(p, rect(QRectF(26, 12, 56, 80)), QColor(0xf6, 0xf2, 0xe6));
    fillShape(p, rect(QRectF(20, 8, 58, 80)), c);
    fillShape(p, rect(QRectF(20, 8, 7, 80)), c.darker(120));
    solid(p, QColor(255, 255, 255, 200));
    p.drawRect(QRectF(34, 22, 36, 4));
    p.drawRect(QRectF(34, 30, 26, 3));
    p.setBrush(c.lighter(140));
    p.drawEllipse(QPointF(52, 60), 12, 12);
}

// A flat thing lying turned by `degrees` round the box's centre.
void turned(QPainter &p, double degrees, const std::function<void()> &draw)
{
    p.save();
    p.translate(50, 50);
    p.rotate(degrees);
    draw();
    p.restore();
}

void drawBar(QPainter &p, const QColor &c)
{
    turned(p, -18, [&] {
        fillShape(p, rounded(QRectF(-40, -18, 80, 36), 3), c);
        solid(p, QColor(0x5a, 0x35, 0x22));
        p.drawRect(QRectF(-40, -5, 80, 10));
        p.setBrush(QColor(255, 255, 255, 200));
        p.drawRoundedRect(QRectF(-14, -14, 28, 6), 2, 2);
    });
}

void drawCard(QPainter &p, const QColor &c)
{
    turned(p, -8, [&] {
        fillShape(p, rounded(QRectF(-40, -25, 80, 50), 5), c);
        solid(p, QColor(0xd8, 0xb2, 0x4c));
        p.drawRoundedRect(QRectF(-30, -12, 13, 10), 2, 2);
        p.setBrush(QColor(255, 255, 255, 170));
        p.drawRect(QRectF(-30, 8, 44, 3));
        p.drawRect(QRectF(-30, 14, 28, 3));
    });
}

const QHash<QString, Shape> &shapes()
{
    static const QHash<QString, Shape> all {
        { QStringLiteral("tshirt"), drawTshirt },
        { QStringLiteral("sweater"), drawSweater },
        { QStringLiteral("hoodie"), drawHoodie },
        { QStringLiteral("shirt"), drawShirt },
        { QStringLiteral("jacket"), drawJacket },
        { QStringLiteral("dress"), drawDress },
        { QStringLiteral("jeans"),
            [](QPainter &p, const QColor &c) { drawJeans(p, c, 94, true); } },
        { QStringLiteral("trousers"),
            [](QPainter &p, const QColor &c) { drawJeans(p, c, 94, false); } },
        { QStringLiteral("shorts"),
            [](QPainter &p, const QColor &c) {
                p.translate(0, 18); // short legs: stand on the shadow like the rest
                drawJeans(p, c, 58, false);
            } },
        { QStringLiteral("skirt"), drawSkirt },
        { QStringLiteral("sneakers"),
            [](QPainter &p, const QColor &c) { drawShoe(p, c, true, false); } },
        { QStringLiteral("shoes"),
            [](QPainter &p, const QColor &c) { drawShoe(p, c, false, false); } },
        { QStringLiteral("boots"),
            [](QPainter &p, const QColor &c) { drawShoe(p, c, false, true); } },
        { QStringLiteral("bag"), drawBag },
        { QStringLiteral("cap"), drawCap },
        { QStringLiteral("socks"), drawSocks },
        { QStringLiteral("headphones"), drawHeadphones },
        { QStringLiteral("earbuds"), drawEarbuds },
        { QStringLiteral("speaker"), drawSpeaker },
        { QStringLiteral("device"), drawDevice },
        { QStringLiteral("box"), drawBox },
        { QStringLiteral("toy"), drawToy },
        { QStringLiteral("bottle"), drawBottle },
        { QStringLiteral("pot"), drawPot },
        { QStringLiteral("mug"), drawMug },
        { QStringLiteral("book"), drawBook },
        { QStringLiteral("bar"), drawBar },
        { QStringLiteral("card"), drawCard },
    };
    return all;
}

QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A photo from the data folder, scaled to fit a white square of `size`.
QImage fitted(const QImage &photo, int size)
{
    QImage out(size, size, QImage::Format_RGB32);
    out.fill(Qt::white);
    const QImage scaled = photo.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter p(&out);
    p.drawImage((size - scaled.width()) / 2, (size - scaled.height()) / 2, scaled);
    return out;
}

} // namespace

ProductImages::ProductImages(QString dataDir)
    : m_dataDir(std::move(dataDir))
{ }

bool ProductImages::validRef(const QString &ref)
{
    if (ref.isEmpty() || ref.size() > 200 || ref.contains(QLatin1String(".."))
        || ref.startsWith(QLatin1Char('/')) || ref.endsWith(QLatin1Char('/'))
        || ref.contains(QLatin1String("//")))
        return false;
    for (const QChar ch : ref) {
        const char16_t u = ch.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'/'
            || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

QStringList ProductImages::demoTypes()
{
    QStringList types = shapes().keys();
    types.sort();
    return types;
}

QColor ProductImages::colourFor(const QString &slug)
{
    static const QHash<QString, QColor> colours {
        { QStringLiteral("indigo"), QColor(0x2c, 0x3e, 0x66) },
        { QStringLiteral("rinse"), QColor(0x1f, 0x2a, 0x44) },
        { QStringLiteral("stonewash"), QColor(0x7d, 0x93, 0xb2) },
        { QStringLiteral("black"), QColor(0x26, 0x26, 0x28) },
        { QStringLiteral("matt-black"), QColor(0x2e, 0x2e, 0x2e) },
        { QStringLiteral("dark-blue"), QColor(0x1d, 0x2f, 0x5a) },
        { QStringLiteral("light-blue"), QColor(0x9f, 0xb8, 0xd8) },
        { QStringLiteral("sky-blue"), QColor(0x8c, 0xc3, 0xeb) },
        { QStringLiteral("blue"), QColor(0x2f, 0x66, 0xb3) },
        { QStringLiteral("navy"), QColor(0x1f, 0x2b, 0x4d) },
        { QStringLiteral("grey"), QColor(0x8a, 0x8d, 0x91) },
        { QStringLiteral("heather-grey"), QColor(0xa7, 0xa9, 0xac) },
        { QStringLiteral("grey-navy"), QColor(0x5d, 0x66, 0x78) },
        { QStringLiteral("graphite"), QColor(0x4a, 0x4d, 0x52) },
        { QStringLiteral("white"), QColor(0xf4, 0xf4, 0xf1) },
        { QStringLiteral("triple-white"), QColor(0xf7, 0xf7, 0xf5) },
        { QStringLiteral("olive"), QColor(0x6b, 0x6b, 0x3a) },
        { QStringLiteral("sand"), QColor(0xd8, 0xc7, 0xa3) },
        { QStringLiteral("beige"), QColor(0xd9, 0xc8, 0xa9) },
        { QStringLiteral("wheat"), QColor(0xd4, 0xa7, 0x62) },
        { QStringLiteral("burgundy"), QColor(0x6d, 0x1f, 0x2f) },
        { QStringLiteral("red"), QColor(0xb8, 0x28, 0x2e) },
        { QStringLiteral("silver"), QColor(0xc0, 0xc4, 0xc8) },
        { QStringLiteral("platinum"), QColor(0xd6, 0xd4, 0xcf) },
        { QStringLiteral("stainless-steel"), QColor(0xb8, 0xbc, 0xc0) },
        { QStringLiteral("sage"), QColor(0xa3, 0xb1, 0x8a) },
        { QStringLiteral("sage-green"), QColor(0x9c, 0xaf, 0x88) },
        { QStringLiteral("volcanic"), QColor(0xc8, 0x47, 0x1f) },
        { QStringLiteral("brown"), QColor(0x7a, 0x4e, 0x2d) },
        { QStringLiteral("orange"), QColor(0xe0, 0x7b, 0x24) },
        { QStringLiteral("green"), QColor(0x3f, 0x8a, 0x4f) },
        { QStringLiteral("yellow"), QColor(0xe8, 0xc5, 0x3a) },
    };
    return colours.value(slug, QColor(0x9a, 0x96, 0x8e));
}

QImage ProductImages::productPicture(const QString &type, const QColor &colour, int size)
{
    const auto shape = shapes().constFind(type);
    if (shape == shapes().constEnd() || size <= 0)
        return {};
    QImage image(size, size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 100.0, size / 100.0);
    // Soft studio background, a shadow under the product.
    QRadialGradient background(QPointF(50, 40), 75);
    background.setColorAt(0, QColor(0xfa, 0xf9, 0xf7));
    background.setColorAt(1, QColor(0xe4, 0xe1, 0xdc));
    p.fillRect(QRectF(0, 0, 100, 100), background);
    QRadialGradient shadow(QPointF(50, 93), 40);
    shadow.setColorAt(0, QColor(0, 0, 0, 70));
    shadow.setColorAt(1, QColor(0, 0, 0, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(shadow);
    p.drawEllipse(QPointF(50, 93), 42, 5.5);
    // Leave a margin round the product.
    p.translate(8, 6);
    p.scale(0.84, 0.84);
    (*shape)(p, colour);
    p.end();
    return image;
}

QByteArray ProductImages::png(const QString &ref, int size)
{
    if (!validRef(ref))
        return {};
    const QDir images(QDir(m_dataDir).filePath(QStringLiteral("images")));
    QString source;
    for (const QString &suffix : { QStringLiteral(".png"), QStringLiteral(".jpg") }) {
        if (QFileInfo::exists(images.filePath(ref + suffix))) {
            source = images.filePath(ref + suffix);
            break;
        }
    }
    const QStringList parts = ref.split(QLatin1Char('/'));
    const bool demo = parts.size() == 3 && parts.at(0) == QLatin1String("demo")
        && shapes().contains(parts.at(1));
    if (source.isEmpty() && !demo)
        return {};

    QString cacheName = ref;
    cacheName.replace(QLatin1Char('/'), QLatin1Char('_'));
    const QString cached
        = images.filePath(QStringLiteral("cache/%1.%2.png").arg(cacheName, QString::number(size)));
    const QFileInfo cachedInfo(cached);
    if (cachedInfo.exists()
        && (source.isEmpty() || cachedInfo.lastModified() >= QFileInfo(source).lastModified())) {
        QFile file(cached);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            if (!bytes.isEmpty())
                return bytes;
        }
    }

    QImage image;
    if (!source.isEmpty()) {
        const QImage photo(source);
        if (photo.isNull())
            return {};
        image = fitted(photo, size);
    } else {
        image = productPicture(parts.at(1), colourFor(parts.at(2)), size);
    }
    const QByteArray bytes = encodePng(image);
    // Kept for the next ask; a failed write only costs drawing it again.
    if (images.mkpath(QStringLiteral("cache"))) {
        QSaveFile file(cached);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(bytes);
            file.commit();
        }
    }
    return bytes;
}

ApiReply ProductImages::image(const ApiRequest &request)
{
    const QString path = request.http.url().path();
    const QString ref = path.startsWith(imagesPrefix) ? path.mid(imagesPrefix.size()) : QString();
    if (!validRef(ref))
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("image.bad_ref"),
            QStringLiteral("an image ref is [a-z0-9/_-] segments") });
    const QString sizeName = QUrlQuery(request.http.url()).queryItemValue(QStringLiteral("size"));
    int size = largeSize;
    if (sizeName == QLatin1String("thumb"))
        size = thumbSize;
    else if (!sizeName.isEmpty() && sizeName != QLatin1String("large"))
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("image.bad_size"),
            QStringLiteral("size is thumb or large") });
    const QByteArray bytes = png(ref, size);
    if (bytes.isEmpty())
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("image.unknown"),
            QStringLiteral("no image %1").arg(ref) });
    const QByteArray etag
        = '"' + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32) + '"';
    ApiReply reply;
    reply.contentType = QByteArrayLiteral("image/png");
    reply.cacheControl = QByteArrayLiteral("max-age=86400");
    reply.headers.append({ QByteArrayLiteral("ETag"), etag });
    if (request.http.value("If-None-Match") == etag) {
        reply.status = 304;
        return reply;
    }
    reply.body = bytes;
    return reply;
}

} // namespace Toonbank::Sync::Server
