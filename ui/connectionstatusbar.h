#pragma once

// The always-visible connection line at the bottom of the window: whether the orders are
// updating (live, polling, reconnecting, offline, signed out), the round trip, the age of the
// last good data, "Reconnect now" while waiting or offline, and "Sign in…" without a session.
#include <QWidget>

class QLabel;
class QToolButton;

namespace hearth {

class ConnectionStatus;

class ConnectionStatusBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStatusBar)

public:
    explicit ConnectionStatusBar(ConnectionStatus *status, QWidget *parent = nullptr);

    QString stateText() const;

signals:
    void diagnosticsRequested();
    void signInRequested();

private:
    void refresh();

    ConnectionStatus *m_status;
    QLabel *m_stateLabel;
    QLabel *m_detailsLabel;
    QToolButton *m_reconnectButton;
    QToolButton *m_signInButton;
    QToolButton *m_diagnosticsButton;
};

} // namespace hearth
