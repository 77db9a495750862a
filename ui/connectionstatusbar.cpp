#include "ui/connectionstatusbar.h"

#include "models/connectionstatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace hearth {

namespace {

QString healthColor(ConnectionStatus::Health health)
{
    switch (health) {
    case ConnectionStatus::Health::Live: return QStringLiteral("#1b8a3a");
    case ConnectionStatus::Health::Polling:
    case ConnectionStatus::Health::Reconnecting: return QStringLiteral("#b26a00");
    case ConnectionStatus::Health::Offline:
    case ConnectionStatus::Health::SignedOut: return QStringLiteral("#b00020");
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
      m_signInButton(new QToolButton(this)),
      m_diagnosticsButton(new QToolButton(this))
{
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_detailsLabel->setObjectName(QStringLiteral("connectionDetails"));
    m_reconnectButton->setObjectName(QStringLiteral("reconnectNow"));
    m_reconnectButton->setText(tr("Reconnect now"));
    m_reconnectButton->setAutoRaise(true);
    connect(m_reconnectButton, &QToolButton::clicked, m_status, &ConnectionStatus::reconnectNow);
    m_signInButton->setObjectName(QStringLiteral("signIn"));
    m_signInButton->setText(tr("Sign in…"));
    m_signInButton->setToolTip(tr("Sign in again so the orders update"));
    m_signInButton->setAutoRaise(true);
    connect(m_signInButton, &QToolButton::clicked, this, &ConnectionStatusBar::signInRequested);
    m_diagnosticsButton->setObjectName(QStringLiteral("showDiagnostics"));
    m_diagnosticsButton->setText(tr("Details…"));
    m_diagnosticsButton->setToolTip(tr("Connection details, and a report to copy for support"));
    m_diagnosticsButton->setAutoRaise(true);
    connect(m_diagnosticsButton, &QToolButton::clicked, this, &ConnectionStatusBar::diagnosticsRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_stateLabel);
    layout->addSpacing(12);
    layout->addWidget(m_detailsLabel);
    layout->addStretch(1); // the details read on from the state; the buttons keep to the right
    layout->addWidget(m_reconnectButton);
    layout->addWidget(m_signInButton);
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
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> <b style=\"color:%1\">%2</b>")
                              .arg(healthColor(m_status->health()), m_status->stateText().toHtmlEscaped()));

    QStringList details{tr("Connection: %1", "live updates / checking every few seconds / offline")
                            .arg(m_status->transportText())};
    if (const QString rtt = m_status->roundTripText(); !rtt.isEmpty())
        details.append(tr("Round trip: %1").arg(rtt));
    details.append(m_status->freshnessText());
    if (const QString retry = m_status->retryText(); !retry.isEmpty())
        details.append(retry);
    m_detailsLabel->setText(details.join(QStringLiteral("  ·  ")));

    const QString problem = m_status->problemText();
    setToolTip(problem);
    m_reconnectButton->setVisible(m_status->canReconnectNow());
    m_signInButton->setVisible(m_status->canSignIn());
}

} // namespace hearth
