#pragma once

// Whether Hearth opens by itself when the user signs in, kept where each desktop looks for it: an
// XDG autostart entry on Linux (~/.config/autostart), a launch agent on macOS
// (~/Library/LaunchAgents), the user's Run key on Windows. The MSI's "Start at login" feature
// does the same for every user of a PC; this is one user's choice.
#include <QString>

namespace hearth {

class StartAtLogin final
{
public:
    // program: what to start (currentProgram()); folder: where the entry goes (defaultFolder();
    // tests use their own). Windows ignores the folder: the entry is a registry value.
    explicit StartAtLogin(QString program, QString folder = defaultFolder());

    bool isEnabled() const;
    bool setEnabled(bool enabled, QString *error = nullptr);

    QString entryPath() const;

    // The AppImage's own path when running from one (the executable inside is mounted anew at
    // each start), otherwise this executable.
    static QString currentProgram();
    static QString defaultFolder();

private:
    QString entryText() const;

    QString m_program;
    QString m_folder;
};

} // namespace hearth
