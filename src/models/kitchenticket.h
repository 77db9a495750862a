#pragma once

// The kitchen ticket of one order, as a QTextDocument for QPrinter (a receipt printer or a PDF):
// the number large, type and customer, every item with its quantity, and the note in a box —
// an allergy in bold red capitals, impossible to miss. A ticket printed before says "REPRINT"
// at its head, so a second copy is never cooked twice.
#include "core/order.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QTextDocument;

namespace hearth {

class KitchenTicket final
{
    Q_DECLARE_TR_FUNCTIONS(KitchenTicket)

public:
    // `restaurant` heads the ticket; `printedAt` is when it is printed (local time).
    static QString html(const Order &order, const QString &restaurant, bool reprint, const QDateTime &printedAt);
    static std::unique_ptr<QTextDocument> document(const Order &order, const QString &restaurant, bool reprint,
                                                   const QDateTime &printedAt);
};

} // namespace hearth
