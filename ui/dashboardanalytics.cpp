// The Dashboard's analytics wiring (the composition root, split so that the analytics' lines
// stay together): the page, who may see it, and when its summaries start loading.
#include "ui/dashboard.h"

#include "ui/analyticspage.h"
#include "ui/kitchenpanel.h"
#include "ui/widgetspage.h"
#include "ui/mainwindow.h"

#include <QStatusBar>

namespace hearth {

void Dashboard::wireAnalytics()
{
    m_window->setAnalyticsPage(new AnalyticsPage(&m_analytics, &m_widgetModel));
    // Loaded when the page is first opened, then kept current, also while other pages show.
    connect(m_window.get(), &MainWindow::pageChanged, this, [this](MainWindow::Page page) {
        if (page == MainWindow::Page::Analytics)
            m_analytics.start();
    });
    // The kitchen's load under the widget editor (ordering widgets).
    if (auto *widgetsPage = m_window->findChild<WidgetsPage *>())
        widgetsPage->setKitchenPanel(new KitchenPanel(&m_client.rest(), &m_widgetModel));
    m_diagnostics.addRow(QStringLiteral("analyticsFrames"), tr("Analytics frames kept during a load"),
                         [this] { return QLocale().toString(m_analytics.keptTicks()); });
}

void Dashboard::updateAnalyticsAccess(const QString &role)
{
    // Figures of the website's business are for managers; the server refuses them to staff too.
    const bool manager = role == QLatin1StringView("manager") && m_analytics.isAvailable();
    m_window->setAnalyticsVisible(manager);
    if (auto *kitchen = m_window->findChild<KitchenPanel *>())
        kitchen->setCanConfigure(role == QLatin1StringView("manager"));
    if (!manager)
        m_analytics.stop();
    else if (m_window->currentPage() == MainWindow::Page::Analytics)
        m_analytics.start();
}

} // namespace hearth
