#pragma once

// Turns SIGINT/SIGTERM (Ctrl+C, `kill`, systemd stop; console close on Windows) into a Qt
// signal delivered on the main thread, so shutdown runs as ordinary event-loop code.
#include <QObject>

class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

signals:
    void terminationRequested();

private:
    void onNotified();
};
