#pragma once

// Turns SIGINT/SIGTERM (Ctrl+C, `kill`, systemd stop; console close on Windows) into a Qt
// signal delivered on the thread that created it, so shutdown runs as ordinary event-loop code.
// SIGHUP (Unix) becomes reloadRequested: the server reads its TLS certificate again.
// The operating system has one handler per signal: create at most one of these at a time.
#include <QObject>

namespace hearth::server {

class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;
    Q_DISABLE_COPY_MOVE(TerminationSignals)

    // False when the handlers could not be installed (then only a hard kill stops the process).
    bool isActive() const { return m_active; }

signals:
    void terminationRequested();
    void reloadRequested();

private:
    void onNotified();

    bool m_active = false;
};

} // namespace hearth::server
