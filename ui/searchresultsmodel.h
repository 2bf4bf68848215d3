#pragma once

#include "app/store/catalogtypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>

namespace Toonbank::Services {
class ImageCache;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// The search hits of the sell screen as a table model: the view paints only the rows on
/// screen and formats each cell when it is painted, so a keystroke costs one query and one
/// model reset, never a widget or an item per cell.
class SearchResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultsModel)
public:
    enum Column { Name, Price, StockHere, Info, ColumnCount };

    explicit SearchResultsModel(QObject *parent = nullptr);

    /// Replaces the hits. `requested` is how many were asked for: a full answer means the
    /// query may have more, which the view asks for when it is scrolled to the end.
    void setResults(const QString &query, QList<Store::ProductSummary> results, int requested);
    /// The same query asked again with a larger limit: its first rows are the ones shown (the
    /// order is stable), so only the new ones are appended.
    void extendResults(QList<Store::ProductSummary> results, int requested);
    void clear();
    /// Thumbnails left of each hit's name (Qt::DecorationRole), from the cache's memory only —
    /// a placeholder until the picture arrives, then that row repaints. Null: no thumbnails.
    void setImageCache(Services::ImageCache *images, int pixels = 56);

    const QString &query() const { return m_query; }
    int requested() const { return m_requested; }
    const Store::ProductSummary &product(int row) const { return m_results.at(row); }
    /// Header texts follow the UI language.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// The view reached the last hit and the query may have more.
    void moreWanted();

private:
    QPixmap thumbnail(const QString &ref) const;
    QString m_query;
    QList<Store::ProductSummary> m_results;
    int m_requested = 0;
    bool m_mayHaveMore = false;
    bool m_moreAsked = false;
    Services::ImageCache *m_images = nullptr;
    int m_thumbPixels = 56;
    mutable QHash<QString, QPixmap> m_thumbs; // ref → scaled thumbnail (the hits' only)
    QPixmap m_placeholder;
};

} // namespace Toonbank::Ui
