#include "ui/startatlogin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <utility>

namespace hearth {

namespace {

[[maybe_unused]] const QString runKey = QStringLiteral(R"(HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run)");
[[maybe_unused]] const QString entryName = QStringLiteral("Hearth");

// An argument of a desktop entry's Exec line: quoted, with the characters the specification
// reserves inside quotes escaped.
[[maybe_unused]] QString desktopExecArgument(const QString &argument)
{
    QString quoted;
    for (const QChar c : argument) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    // A desktop entry's values unescape "\\" once more, so each backslash is written twice again.
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    return u'"' + quoted + u'"';
}

} // namespace

StartAtLogin::StartAtLogin(QString program, QString folder)
    : m_program(std::move(program))
    , m_folder(std::move(folder))
{
}

QString StartAtLogin::currentProgram()
{
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    return appImage.isEmpty() ? QCoreApplication::applicationFilePath() : appImage;
}

QString StartAtLogin::defaultFolder()
{
#if defined(Q_OS_MACOS)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents");
#else
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart");
#endif
}

QString StartAtLogin::entryPath() const
{
#if defined(Q_OS_WIN)
    return runKey + u'\\' + entryName;
#elif defined(Q_OS_MACOS)
    return m_folder + QStringLiteral("/org.hearth.Hearth.plist");
#else
    return m_folder + QStringLiteral("/org.hearth.Hearth.desktop");
#endif
}

QString StartAtLogin::entryText() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n<dict>\n"
                          "    <key>Label</key>\n    <string>org.hearth.Hearth</string>\n"
                          "    <key>ProgramArguments</key>\n    <array>\n        <string>%1</string>\n    </array>\n"
                          "    <key>RunAtLoad</key>\n    <true/>\n"
                          "</dict>\n</plist>\n")
        .arg(m_program.toHtmlEscaped());
#else
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Hearth\n"
                          "Comment=Live orders for the restaurant back office\n"
                          "Exec=%1\n"
                          "Icon=org.hearth.Hearth\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(desktopExecArgument(m_program));
#endif
}

bool StartAtLogin::isEnabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(runKey, QSettings::NativeFormat).contains(entryName);
#else
    return QFile::exists(entryPath());
#endif
}

bool StartAtLogin::setEnabled(bool enabled, QString *error)
{
#if defined(Q_OS_WIN)
    QSettings run(runKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(entryName, u'"' + QDir::toNativeSeparators(m_program) + u'"');
    else
        run.remove(entryName);
    run.sync();
    if (run.status() != QSettings::NoError) {
        if (error)
            *error = QCoreApplication::translate("StartAtLogin", "Could not change %1.").arg(runKey);
        return false;
    }
    return true;
#else
    if (!enabled) {
        if (!QFile::exists(entryPath()) || QFile::remove(entryPath()))
            return true;
        if (error)
            *error = QCoreApplication::translate("StartAtLogin", "Could not remove %1.").arg(entryPath());
        return false;
    }
    QSaveFile file(entryPath());
    if (!QDir().mkpath(m_folder) || !file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("StartAtLogin", "Could not write %1.").arg(entryPath());
        return false;
    }
    file.write(entryText().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("StartAtLogin", "Could not write %1.").arg(entryPath());
        return false;
    }
    return true;
#endif
}

} // namespace hearth
