#pragma once

// The window's menu bar. File: print the kitchen ticket, export the view, sign out, quit
// (Ctrl+Q). View: kitchen mode, text bigger/smaller, the columns shown, the chime and tray
// messages for new orders. Help: about Hearth, copy diagnostics. Preferences go straight to
// OrdersPageSettings; the rest leaves as signals for whoever owns that job.
#include <QObject>

class QAbstractItemModel;
class QAction;
class QMainWindow;
class QMenu;

namespace hearth {

class OrdersPageSettings;

class MainMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainMenu)

public:
    // `columns` gives the names of the columns that can be hidden (its horizontal header).
    MainMenu(QMainWindow *window, OrdersPageSettings *settings, const QAbstractItemModel *columns);

    QAction *printTicketAction() const { return m_printTicket; }
    QAction *exportAction() const { return m_export; }
    QAction *signOutAction() const { return m_signOut; }

signals:
    void printTicketRequested();
    void exportRequested();
    void signOutRequested();
    void copyDiagnosticsRequested();

private:
    void buildFileMenu(QMainWindow *window);
    void buildViewMenu(const QAbstractItemModel *columns);
    void buildHelpMenu(QMainWindow *window);
    void followSettings();

    QMainWindow *m_window;
    OrdersPageSettings *m_settings;
    QAction *m_printTicket = nullptr;
    QAction *m_export = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_kitchenMode = nullptr;
    QAction *m_chime = nullptr;
    QAction *m_tray = nullptr;
    QList<QAction *> m_columnActions; // index = column
};

} // namespace hearth
