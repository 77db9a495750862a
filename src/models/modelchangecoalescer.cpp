#include "models/modelchangecoalescer.h"

#include <QAbstractItemModel>

namespace hearth {

ModelChangeCoalescer::ModelChangeCoalescer(const QAbstractItemModel *source, QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ModelChangeCoalescer::due);
    connect(source, &QAbstractItemModel::rowsInserted, this, &ModelChangeCoalescer::schedule);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &ModelChangeCoalescer::schedule);
    connect(source, &QAbstractItemModel::dataChanged, this, &ModelChangeCoalescer::schedule);
    connect(source, &QAbstractItemModel::modelReset, this, &ModelChangeCoalescer::schedule);
}

} // namespace hearth
