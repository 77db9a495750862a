#pragma once

// Puts an order's note where staff look, at the start of its Items cell with a mark in front —
// "⚠ Allergic to nuts · 2× Margherita" in red for what sounds like an allergy, "✎ No onions · …"
// otherwise — rather than only in a tooltip.
#include <QIdentityProxyModel>

namespace hearth {

class OrderNotesProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderNotesProxy)

public:
    enum Role { NoteRole = Qt::UserRole + 120, IsAllergyRole };

    explicit OrderNotesProxy(QObject *parent = nullptr);

    static bool soundsLikeAllergy(const QString &note);
    static QString noteText(const QString &note); // with its mark, as the row shows it

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace hearth
