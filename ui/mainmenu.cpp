#include "ui/mainmenu.h"

#include "models/orderspagesettings.h"
#include "models/ordersmodel.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace hearth {

MainMenu::MainMenu(QMainWindow *window, OrdersPageSettings *settings, const QAbstractItemModel *columns)
    : QObject(window), m_window(window), m_settings(settings)
{
    window->menuBar()->setAccessibleName(tr("Menu bar"));
    buildFileMenu(window);
    buildViewMenu(columns);
    buildHelpMenu(window);
    connect(settings, &OrdersPageSettings::changed, this, &MainMenu::followSettings);
    followSettings();
}

void MainMenu::buildFileMenu(QMainWindow *window)
{
    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    m_printTicket = file->addAction(tr("&Print kitchen ticket…"), this, &MainMenu::printTicketRequested);
    m_printTicket->setObjectName(QStringLiteral("printTicketAction"));
    m_printTicket->setShortcut(QKeySequence::Print);
    m_printTicket->setToolTip(tr("Print the selected order for the kitchen (to a PDF file where there is no printer)"));
    m_export = file->addAction(tr("&Export view as CSV…"), this, &MainMenu::exportRequested);
    m_export->setObjectName(QStringLiteral("exportCsvAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    m_signOut = file->addAction(tr("Sign &out"), this, &MainMenu::signOutRequested);
    m_signOut->setObjectName(QStringLiteral("signOutAction"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // also where the platform has no Quit key
    quit->setMenuRole(QAction::QuitRole);
}

void MainMenu::buildViewMenu(const QAbstractItemModel *columns)
{
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_kitchenMode = view->addAction(tr("&Kitchen mode (large, high contrast)"));
    m_kitchenMode->setObjectName(QStringLiteral("kitchenModeAction"));
    m_kitchenMode->setCheckable(true);
    m_kitchenMode->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_kitchenMode, &QAction::toggled, m_settings, &OrdersPageSettings::setKitchenMode);

    QAction *bigger = view->addAction(tr("&Bigger text"), this, [this] { m_settings->setFontStep(m_settings->fontStep() + 1); });
    bigger->setObjectName(QStringLiteral("biggerTextAction"));
    bigger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *smaller = view->addAction(tr("&Smaller text"), this, [this] { m_settings->setFontStep(m_settings->fontStep() - 1); });
    smaller->setObjectName(QStringLiteral("smallerTextAction"));
    smaller->setShortcut(QKeySequence::ZoomOut);
    QAction *normal = view->addAction(tr("&Normal text size"), this, [this] { m_settings->setFontStep(0); });
    normal->setObjectName(QStringLiteral("normalTextAction"));
    normal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    QMenu *shown = view->addMenu(tr("&Columns"));
    shown->setObjectName(QStringLiteral("columnsMenu"));
    for (int column = 0; column < columns->columnCount(); ++column) {
        auto *action = shown->addAction(columns->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("showColumn%1").arg(column));
        action->setCheckable(true);
        // The order number says which order a row is: it cannot go.
        action->setEnabled(column != OrdersModel::NumberColumn);
        connect(action, &QAction::toggled, m_settings, [this, column](bool on) { m_settings->setColumnShown(column, on); });
        m_columnActions << action;
    }

    view->addSeparator();
    m_chime = view->addAction(tr("C&hime for new orders"));
    m_chime->setObjectName(QStringLiteral("chimeAction"));
    m_chime->setCheckable(true);
    connect(m_chime, &QAction::toggled, m_settings, &OrdersPageSettings::setChime);
    m_tray = view->addAction(tr("&Desktop notice for new orders"));
    m_tray->setObjectName(QStringLiteral("trayMessagesAction"));
    m_tray->setCheckable(true);
    connect(m_tray, &QAction::toggled, m_settings, &OrdersPageSettings::setTrayMessages);
}

void MainMenu::buildHelpMenu(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *copy = help->addAction(tr("&Copy diagnostics"), this, &MainMenu::copyDiagnosticsRequested);
    copy->setObjectName(QStringLiteral("copyDiagnosticsAction"));
    copy->setToolTip(tr("Copy a report on the connection for whoever supports this PC"));
    QAction *about = help->addAction(tr("&About Hearth"), this, [this] {
        QMessageBox::about(m_window, tr("About Hearth"),
                           tr("<h3>Hearth %1</h3><p>Live orders and website widgets for the restaurant's back office.</p>"
                              "<p>Built with Qt %2.</p>")
                               .arg(QApplication::applicationVersion(), QLatin1StringView(qVersion())));
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainMenu::followSettings()
{
    // Set from elsewhere (another window, a test) or at start: the ticks say what is applied.
    const QSignalBlocker kitchen(m_kitchenMode);
    m_kitchenMode->setChecked(m_settings->kitchenMode());
    const QSignalBlocker chime(m_chime);
    m_chime->setChecked(m_settings->chime());
    const QSignalBlocker tray(m_tray);
    m_tray->setChecked(m_settings->trayMessages());
    for (int column = 0; column < m_columnActions.size(); ++column) {
        const QSignalBlocker blocker(m_columnActions.at(column));
        m_columnActions.at(column)->setChecked(m_settings->isColumnShown(column));
    }
}

} // namespace hearth
