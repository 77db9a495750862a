#pragma once

// Keeps one dashboard per user: the first `hearth` listens on a local socket named after a key
// (the user's application-data folder); a later launch finds it there, asks it to come to the
// front and exits. A crashed first instance leaves at most a stale socket file, which the next
// launch replaces.
#include <QObject>
#include <QString>

class QLocalServer;

namespace hearth {

class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True for the first instance, which now listens for later ones; false when another instance
    // was found and has been asked to show itself (the caller then exits).
    bool claim(int timeoutMs = 1000);

    QString serverName() const { return m_serverName; }
    static QString serverNameFor(const QString &key);

signals:
    void activationRequested(); // a later launch wants this instance's window in front

private:
    void onNewConnection();

    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace hearth
