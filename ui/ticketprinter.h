#pragma once

// Prints kitchen tickets (KitchenTicket) on a printer, or into a PDF file where the PC has no
// printer. Remembers which orders it has printed (PrintedTickets: in a file once openStore() is
// called), so the second ticket of an order says "REPRINT", after a restart too.
#include "core/order.h"
#include "store/printedtickets.h"

#include <QObject>

#include <memory>

class QPrinter;
class QTextDocument;
class QWidget;

namespace hearth {

class TicketPrinter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketPrinter)

public:
    explicit TicketPrinter(QObject *parent = nullptr);

    void setRestaurantName(const QString &name) { m_restaurant = name; }
    // Where the prints of this server and restaurant are remembered (a JSON file).
    void openStore(const QString &path);
    bool wasPrinted(const QString &orderId) const { return m_printed.contains(orderId); }
    // The ticket the next print of `order` gives ("REPRINT" once it has been printed).
    std::unique_ptr<QTextDocument> ticketFor(const Order &order) const;
    // Prints on `printer` (set up by the caller: a device, or PDF output); the order counts as
    // printed from then on.
    void print(const Order &order, QPrinter *printer);
    // Into a PDF at `path`; false with a sentence when the file cannot be written.
    bool printToPdf(const Order &order, const QString &path, QString *error = nullptr);
    // As from the File menu: the print dialog, or a PDF file name where there is no printer.
    void printWithDialog(const Order &order, QWidget *parent);

signals:
    void printed(const QString &orderId, bool reprint);

private:
    QString m_restaurant;
    PrintedTickets m_printed;
};

} // namespace hearth
