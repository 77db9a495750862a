#include "models/ordernotesproxy.h"

#include "models/ordersmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace hearth {

OrderNotesProxy::OrderNotesProxy(QObject *parent) : QIdentityProxyModel(parent) {}

bool OrderNotesProxy::soundsLikeAllergy(const QString &note)
{
    // English words only, as the notes customers type are; a false alarm costs a second look.
    static const QStringList words{QStringLiteral("allerg"), QStringLiteral("gluten"), QStringLiteral("coeliac"),
                                   QStringLiteral("celiac"), QStringLiteral("nut"), QStringLiteral("lactose"),
                                   QStringLiteral("dairy"), QStringLiteral("shellfish"), QStringLiteral("anaphyla")};
    for (const QString &word : words)
        if (note.contains(word, Qt::CaseInsensitive))
            return true;
    return false;
}

QString OrderNotesProxy::noteText(const QString &note)
{
    return soundsLikeAllergy(note) ? tr("⚠ %1", "an allergy note").arg(note) : tr("✎ %1", "a note").arg(note);
}

QVariant OrderNotesProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role != NoteRole && role != IsAllergyRole && index.column() != OrdersModel::ItemsColumn)
        return QIdentityProxyModel::data(index, role);
    const QString note = QIdentityProxyModel::data(index, OrdersModel::NotesRole).toString().trimmed();
    switch (role) {
    case NoteRole: return note;
    case IsAllergyRole: return soundsLikeAllergy(note);
    default: break;
    }
    if (note.isEmpty())
        return QIdentityProxyModel::data(index, role);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2", "note, items").arg(noteText(note), QIdentityProxyModel::data(index, role).toString());
    case Qt::ForegroundRole:
        if (soundsLikeAllergy(note))
            return QBrush(QColor(0x9B, 0x00, 0x14));
        break;
    default: break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace hearth
