#pragma once

// The always-visible connection line at the bottom of the window: state, transport, round trip,
// age of the last event, and "Reconnect now" while waiting to retry or offline.
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

private:
    void refresh();

    ConnectionStatus *m_status;
    QLabel *m_stateLabel;
    QLabel *m_detailsLabel;
    QToolButton *m_reconnectButton;
    QToolButton *m_diagnosticsButton;
};

} // namespace hearth
