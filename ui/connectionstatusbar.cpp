#include "ui/connectionstatusbar.h"

#include "models/connectionstatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace hearth {

namespace {

QString stateColor(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Live: return QStringLiteral("#1b8a3a");
    case ConnectionState::Connecting:
    case ConnectionState::WaitingToRetry: return QStringLiteral("#b26a00");
    case ConnectionState::Offline:
    case ConnectionState::SignedOut: return QStringLiteral("#b00020");
    }
    return {};
}

} // namespace

ConnectionStatusBar::ConnectionStatusBar(ConnectionStatus *status, QWidget *parent)
    : QWidget(parent),
      m_status(status),
      m_stateLabel(new QLabel(this)),
      m_detailsLabel(new QLabel(this)),
      m_reconnectButton(new QToolButton(this)),
      m_diagnosticsButton(new QToolButton(this))
{
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_detailsLabel->setObjectName(QStringLiteral("connectionDetails"));
    m_reconnectButton->setObjectName(QStringLiteral("reconnectNow"));
    m_reconnectButton->setText(tr("Reconnect now"));
    m_reconnectButton->setAutoRaise(true);
    connect(m_reconnectButton, &QToolButton::clicked, m_status, &ConnectionStatus::reconnectNow);
    m_diagnosticsButton->setObjectName(QStringLiteral("showDiagnostics"));
    m_diagnosticsButton->setText(tr("Details…"));
    m_diagnosticsButton->setToolTip(tr("Connection diagnostics: sockets, subscriptions, events, errors"));
    m_diagnosticsButton->setAutoRaise(true);
    connect(m_diagnosticsButton, &QToolButton::clicked, this, &ConnectionStatusBar::diagnosticsRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_detailsLabel);
    layout->addWidget(m_reconnectButton);
    layout->addWidget(m_diagnosticsButton);

    connect(m_status, &ConnectionStatus::changed, this, &ConnectionStatusBar::refresh);
    refresh();
}

QString ConnectionStatusBar::stateText() const
{
    return m_status->stateText();
}

void ConnectionStatusBar::refresh()
{
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> <b>%2</b>")
                              .arg(stateColor(m_status->state()), m_status->stateText().toHtmlEscaped()));

    QString details = tr("Transport: %1", "live / polling / offline").arg(m_status->transportText());
    if (const QString rtt = m_status->roundTripText(); !rtt.isEmpty())
        details += QStringLiteral("  ·  ") + tr("Round trip: %1").arg(rtt);
    details += QStringLiteral("  ·  ") + m_status->freshnessText();
    m_detailsLabel->setText(details);

    const QString problem = m_status->problemText();
    setToolTip(problem);
    m_reconnectButton->setVisible(m_status->canReconnectNow());
}

} // namespace hearth
