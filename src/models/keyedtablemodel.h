#pragma once

// The rows of a table keyed by id, with a version per row — what every channel's model holds —
// and the two ways a channel changes it: a batch of changes (upsertRows: newer versions replace
// rows in place, new ids are appended in one range) and a snapshot (replaceAllRows: a diff, not a
// reset — rows missing from it are removed in ranges, newer or corrected versions change in
// place, new ones are inserted in one range; a row newer than the snapshot's is kept, so the
// selection survives). One dataChanged span for the changed rows goes out before new rows are
// inserted, so a sorted proxy places them against keys it was told about (docs/sync-pattern.md,
// 13–14).
// T needs `id` (QString) and `version`, and operator==.
#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <algorithm>

namespace hearth {

template<typename T>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    const QList<T> &rows() const { return m_rows; }
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    const T *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }
    const T *rowById(const QString &id) const { return rowAt(rowOf(id)); }

protected:
    // Called for every existing row a change replaces, before the views hear of it.
    virtual void rowReplaced(const T &before, const T &after)
    {
        Q_UNUSED(before);
        Q_UNUSED(after);
    }

    void upsertRows(const QList<T> &changes)
    {
        QList<T> added;
        QHash<QString, qsizetype> addedIndex; // a batch may hold several versions of one new row
        QList<int> changed;
        for (const T &entity : changes) {
            if (const auto row = m_rowById.constFind(entity.id); row != m_rowById.cend()) {
                if (entity.version > m_rows.at(*row).version) {
                    rowReplaced(m_rows.at(*row), entity);
                    m_rows[*row] = entity;
                    changed.append(*row);
                }
            } else if (const auto pending = addedIndex.constFind(entity.id); pending != addedIndex.cend()) {
                if (entity.version > added.at(*pending).version)
                    added[*pending] = entity;
            } else {
                addedIndex.insert(entity.id, added.size());
                added.append(entity);
            }
        }
        emitChanged(changed);
        appendRows(std::move(added));
    }

    void replaceAllRows(const QList<T> &snapshot)
    {
        QList<T> fresh;
        QHash<QString, qsizetype> freshIndex;
        for (const T &entity : snapshot) {
            if (const auto seen = freshIndex.constFind(entity.id); seen != freshIndex.cend()) {
                if (entity.version > fresh.at(*seen).version)
                    fresh[*seen] = entity;
                continue;
            }
            freshIndex.insert(entity.id, fresh.size());
            fresh.append(entity);
        }
        QList<int> gone;
        for (int row = 0; row < m_rows.size(); ++row) {
            if (!freshIndex.contains(m_rows.at(row).id))
                gone.append(row);
        }
        removeRowList(std::move(gone));
        QList<int> changed;
        QList<T> added;
        for (T &entity : fresh) {
            const auto row = m_rowById.constFind(entity.id);
            if (row == m_rowById.cend()) {
                added.append(std::move(entity));
                continue;
            }
            const T &current = m_rows.at(*row);
            const bool newer = entity.version > current.version;
            const bool corrected = entity.version == current.version && !(entity == current);
            if (newer || corrected) {
                rowReplaced(current, entity);
                m_rows[*row] = std::move(entity);
                changed.append(*row);
            }
        }
        emitChanged(changed);
        appendRows(std::move(added));
    }

    void clearRows()
    {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        m_rowById.clear();
        endResetModel();
    }

    // Every row's derived columns changed (the day turned, a setting): one dataChanged.
    void emitAllChanged()
    {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
    }

private:
    void appendRows(QList<T> added)
    {
        if (added.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (T &entity : added) {
            m_rowById.insert(entity.id, int(m_rows.size()));
            m_rows.append(std::move(entity));
        }
        endInsertRows();
    }

    void removeRowList(QList<int> rows)
    {
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        // From the end, one contiguous run at a time, so the earlier indexes stay valid.
        qsizetype end = rows.size() - 1;
        while (end >= 0) {
            qsizetype start = end;
            while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
                --start;
            beginRemoveRows({}, rows.at(start), rows.at(end));
            m_rows.remove(rows.at(start), rows.at(end) - rows.at(start) + 1);
            endRemoveRows();
            end = start - 1;
        }
        m_rowById.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_rowById.insert(m_rows.at(row).id, row);
    }

    void emitChanged(const QList<int> &rows)
    {
        if (rows.isEmpty())
            return;
        // One span from the first changed row to the last (docs/sync-pattern.md, 14): a sorted
        // proxy checks a changed row only against its neighbours' current keys, and told about
        // one run at a time it re-sorts one row into a list whose other moved rows it has not
        // heard of yet. Unchanged rows inside the span are merely re-checked.
        const auto [first, last] = std::minmax_element(rows.cbegin(), rows.cend());
        emit dataChanged(index(*first, 0), index(*last, columnCount() - 1));
    }

    QList<T> m_rows;
    QHash<QString, int> m_rowById;
};

} // namespace hearth
