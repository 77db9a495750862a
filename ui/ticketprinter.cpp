#include "ui/ticketprinter.h"

#include "core/logging.h"
#include "models/kitchenticket.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QStandardPaths>
#include <QTextDocument>

namespace hearth {

TicketPrinter::TicketPrinter(QObject *parent) : QObject(parent) {}

void TicketPrinter::openStore(const QString &path)
{
    if (path != m_printed.path())
        m_printed.open(path); // another restaurant's prints are none of this one's business
}

std::unique_ptr<QTextDocument> TicketPrinter::ticketFor(const Order &order) const
{
    return KitchenTicket::document(order, m_restaurant, wasPrinted(order.id), QDateTime::currentDateTime());
}

void TicketPrinter::print(const Order &order, QPrinter *printer)
{
    const bool reprint = wasPrinted(order.id);
    const std::unique_ptr<QTextDocument> ticket = ticketFor(order);
    ticket->print(printer);
    m_printed.add(order.id);
    qCInfo(lcUi) << "printed the ticket of order" << order.number << (reprint ? "(reprint)" : "");
    emit printed(order.id, reprint);
}

bool TicketPrinter::printToPdf(const Order &order, const QString &path, QString *error)
{
    if (!QFileInfo(path).absoluteDir().exists()) {
        if (error)
            *error = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setDocName(tr("Order #%1").arg(order.number));
    print(order, &printer);
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = tr("The ticket could not be written to %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void TicketPrinter::printWithDialog(const Order &order, QWidget *parent)
{
    if (QPrinterInfo::availablePrinters().isEmpty()) {
        // No printer on this PC: a PDF to print elsewhere or send to the kitchen screen.
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(
            parent, tr("Save the kitchen ticket as PDF (no printer found)"),
            QDir(folder).filePath(tr("ticket-%1.pdf", "file name").arg(order.number)), tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        if (QString error; !printToPdf(order, path, &error))
            QMessageBox::warning(parent, tr("Ticket not saved"), error);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Order #%1").arg(order.number));
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(wasPrinted(order.id) ? tr("Reprint the ticket of order #%1").arg(order.number)
                                              : tr("Print the ticket of order #%1").arg(order.number));
    if (dialog.exec() == QDialog::Accepted)
        print(order, &printer);
}

} // namespace hearth
