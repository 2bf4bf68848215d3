#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QLabel>
#include <QList>
#include <QString>
#include <QTextLayout>

#include <cmath>
#include <memory>

class QPainter;

namespace Toonbank::Ui {

// One piece of text laid out once, the way QPainter::drawText(rect, flags, text) lays it out
// (same lines, same line positions, same height as QFontMetrics::boundingRect), and kept with
// its shaped glyphs: measuring it again costs nothing and painting it again only draws glyphs.
// A scan repaints the basket; without this every paint shaped every line's text again.
struct TextBlock
{
    QTextLayout layout;
    qreal width = 0; // the widest line
    qreal height = 0;
};

/// Laid-out texts by font, wrap width and text (one per application: textCache()).
class TextCache
{
public:
    using Block = std::shared_ptr<const TextBlock>;

    // `wrapWidth` < 0: one line, never wrapped. Shared: stays valid while the cache forgets.
    Block block(const QFont &font, int wrapWidth, const QString &text)
    {
        const Key key { fontId(font), wrapWidth, text };
        if (const auto found = m_blocks.constFind(key); found != m_blocks.constEnd())
            return found.value();
        // The basket shows a few dozen lines; the texts of many baskets fit. Forgetting all
        // now and then keeps it bounded (what is on screen comes back on its next paint).
        if (m_blocks.size() > 4096)
            m_blocks.clear();
        auto made = std::make_shared<TextBlock>();
        lay(*made, font, wrapWidth, text);
        m_blocks.insert(key, made);
        return made;
    }

    int lineHeight(const QFont &font) { return m_fonts.at(fontId(font)).lineHeight; }

private:
    struct Key
    {
        int font = 0;
        int width = 0;
        QString text;
        bool operator==(const Key &other) const
        {
            return font == other.font && width == other.width && text == other.text;
        }
    };
    friend size_t qHash(const Key &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.font, key.width, key.text);
    }
    struct KnownFont
    {
        QFont font;
        int lineHeight = 0;
    };

    static void lay(TextBlock &block, const QFont &font, int wrapWidth, const QString &text)
    {
        QString shown = text;
        shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
        block.layout.setText(shown);
        block.layout.setFont(font);
        block.layout.setCacheEnabled(true);
        QTextOption option;
        option.setAlignment(Qt::AlignLeft); // aligned per line when drawn
        option.setWrapMode(QTextOption::WordWrap);
        block.layout.setTextOption(option);
        const qreal lineWidth = wrapWidth < 0 ? qreal(0x01000000) : qreal(qMax(0, wrapWidth));
        const qreal leading = QFontMetricsF(font).leading();
        qreal height = -leading;
        block.layout.beginLayout();
        for (QTextLine line = block.layout.createLine(); line.isValid();
             line = block.layout.createLine()) {
            line.setLineWidth(lineWidth);
            height = std::ceil(height + leading); // lines on whole pixels
            line.setPosition(QPointF(0, height));
            height += line.ascent() + line.descent();
            block.width = qMax(block.width, line.naturalTextWidth());
        }
        block.layout.endLayout();
        block.height = shown.isEmpty() ? QFontMetricsF(font).height() : height;
    }

    // A small number for each font a basket uses (normal, bold, struck through).
    int fontId(const QFont &font)
    {
        for (int id = 0; id < m_fonts.size(); ++id) {
            if (m_fonts.at(id).font == font)
                return id;
        }
        if (m_fonts.size() >= 16) { // fonts change rarely (a new stylesheet): start over
            m_fonts.clear();
            m_blocks.clear();
        }
        m_fonts.append({ font, QFontMetrics(font).height() });
        return int(m_fonts.size()) - 1;
    }

    QHash<Key, Block> m_blocks;
    QList<KnownFont> m_fonts;
};

/// The application's one text cache (the basket and its sums use it; GUI thread only).
TextCache &textCache();

/// The height QFontMetrics::boundingRect(QRect(0, 0, width, big), flags, text) reports.
int blockHeight(const TextBlock &block);

/// Draws `block` into `room` as QPainter::drawText(room, align, text) would (left, right or
/// centred; top, bottom or vertically centred), with the painter's pen.
void drawBlock(QPainter *painter, const TextBlock &block, const QRect &room, Qt::Alignment align);

/// A QLabel that paints its plain, one-line text from textCache(): the same pixels as QLabel,
/// without shaping the text again on every paint (a scan repaints the basket's sums and total).
/// Anything else (rich text, word wrap, a frame, disabled) is painted by QLabel itself.
class CachedTextLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachedTextLabel)
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Toonbank::Ui
