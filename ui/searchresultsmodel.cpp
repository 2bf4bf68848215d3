#include "searchresultsmodel.h"

#include "app/services/imagecache.h"

#include <QColor>

namespace Toonbank::Ui {

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SearchResultsModel::setResults(
    const QString &query, QList<Store::ProductSummary> results, int requested)
{
    beginResetModel();
    m_query = query;
    m_results = std::move(results);
    m_requested = requested;
    m_mayHaveMore = requested > 0 && m_results.size() >= requested;
    m_moreAsked = false;
    endResetModel();
}

void SearchResultsModel::extendResults(QList<Store::ProductSummary> results, int requested)
{
    m_requested = requested;
    m_mayHaveMore = requested > 0 && results.size() >= requested;
    m_moreAsked = false;
    const int first = int(m_results.size());
    if (results.size() <= first)
        return;
    beginInsertRows({}, first, int(results.size()) - 1);
    m_results.append(results.mid(first));
    endInsertRows();
}

void SearchResultsModel::setImageCache(Services::ImageCache *images, int pixels)
{
    if (m_images)
        disconnect(m_images, nullptr, this, nullptr);
    m_images = images;
    m_thumbPixels = pixels;
    m_thumbs.clear();
    m_placeholder = QPixmap::fromImage(Services::ImageCache::placeholder(pixels));
    if (!m_images)
        return;
    connect(m_images, &Services::ImageCache::imageReady, this,
        [this](const QString &ref, Services::ImageCache::Size size) {
            if (size != Services::ImageCache::Size::Thumb)
                return;
            m_thumbs.remove(ref);
            for (int row = 0; row < m_results.size(); ++row) {
                if (m_results.at(row).imageRef == ref)
                    emit dataChanged(index(row, Name), index(row, Name), { Qt::DecorationRole });
            }
        });
}

QPixmap SearchResultsModel::thumbnail(const QString &ref) const
{
    if (ref.isEmpty())
        return m_placeholder;
    const auto kept = m_thumbs.constFind(ref);
    if (kept != m_thumbs.constEnd())
        return *kept;
    // Memory only: a miss starts the load and paints the placeholder meanwhile.
    const QImage image = m_images->image(ref, Services::ImageCache::Size::Thumb);
    if (image.isNull())
        return m_placeholder;
    // Scaled once per ref; the hash holds at most the hits of a few queries.
    if (m_thumbs.size() > 500)
        m_thumbs.clear();
    const QPixmap scaled = QPixmap::fromImage(
        image.scaled(m_thumbPixels, m_thumbPixels, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_thumbs.insert(ref, scaled);
    return scaled;
}

void SearchResultsModel::clear()
{
    setResults({}, {}, 0);
}

void SearchResultsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_results.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_results.size()) - 1, ColumnCount - 1));
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const Store::ProductSummary &product = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return product.brand.isEmpty() ? product.name
                                           : product.name + QLatin1Char('\n') + product.brand;
        case Price:
            if (product.promoPrice)
                return tr("%1\nnow %2")
                    .arg(product.price.toDisplayString(), product.promoPrice->toDisplayString());
            return product.price.toDisplayString();
        case StockHere:
            // No figure for this store at all (never synced, or not stocked here) is not zero.
            return product.stockHereKnown ? QString::number(product.stockHere)
                                          : QStringLiteral("–");
        case Info:
            return QStringLiteral("i");
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Name && m_images)
            return thumbnail(product.imageRef);
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Name:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        case Price:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignCenter);
        }
    case Qt::ForegroundRole:
        if (index.column() == Price && product.promoPrice)
            return QColor(0xa3, 0x14, 0x0f);
        if (index.column() == StockHere && product.stockHereKnown && product.stockHere <= 0)
            return QColor(0xa3, 0x14, 0x0f);
        break;
    case Qt::ToolTipRole:
        if (index.column() == StockHere && !product.stockHereKnown)
            return tr("No stock figure for this store");
        break;
    default:
        break;
    }
    return {};
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Product");
    case Price:
        return tr("Price");
    case StockHere:
        return tr("Here");
    default:
        return QString();
    }
}

bool SearchResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_mayHaveMore && !m_moreAsked;
}

void SearchResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_moreAsked = true; // once per page: the view asks on every scroll step at the end
    emit moreWanted();
}

} // namespace Toonbank::Ui
