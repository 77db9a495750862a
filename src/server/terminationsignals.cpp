#include "server/terminationsignals.h"

#include "core/logging.h"

#include <QMetaObject>
#include <QPointer>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace hearth::server {

namespace {

#ifdef Q_OS_UNIX
// A signal handler may only do async-signal-safe work: it writes one byte into a socket pair
// (the "self-pipe" trick) and the QSocketNotifier on the other end wakes the event loop.
int signalPipe[2] = {-1, -1};

void onUnixSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, sizeof(byte));
}
#endif

#ifdef Q_OS_WIN
QPointer<TerminationSignals> instance;

BOOL WINAPI onConsoleEvent(DWORD)
{
    // Runs on a thread of its own: hand over to the main thread through the event queue.
    if (instance)
        QMetaObject::invokeMethod(instance.data(), &TerminationSignals::terminationRequested, Qt::QueuedConnection);
    return TRUE;
}
#endif

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (signalPipe[0] >= 0) {
        qCWarning(lcServer) << "termination signals are already handled by another object";
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        qCWarning(lcServer) << "cannot create the termination signal pipe";
        signalPipe[0] = signalPipe[1] = -1;
        return;
    }
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, &TerminationSignals::onNotified);
    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
    m_active = true;
#endif
#ifdef Q_OS_WIN
    instance = this;
    m_active = SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
#endif
}

TerminationSignals::~TerminationSignals()
{
    if (!m_active)
        return;
#ifdef Q_OS_UNIX
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGHUP, SIG_DFL);
    // The notifier (a child) still watches signalPipe[1]; it goes first, then the pipe.
    qDeleteAll(findChildren<QSocketNotifier *>(Qt::FindDirectChildrenOnly));
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    signalPipe[0] = signalPipe[1] = -1;
#endif
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#endif
}

void TerminationSignals::onNotified()
{
#ifdef Q_OS_UNIX
    char byte = 0;
    [[maybe_unused]] const auto bytesRead = ::read(signalPipe[1], &byte, sizeof(byte));
    if (byte == char(SIGHUP)) {
        emit reloadRequested();
        return;
    }
#endif
    emit terminationRequested();
}

} // namespace hearth::server
