#pragma once

// The labels in the user's language: Hearth's own translations (compiled in at :/i18n) and Qt's
// (the buttons of its standard dialogs), installed on the application for as long as this object
// lives. English is the source language and needs no translation.
#include <QLocale>
#include <QTranslator>

namespace hearth {

class AppTranslations final
{
    Q_DISABLE_COPY_MOVE(AppTranslations)

public:
    AppTranslations() = default;
    ~AppTranslations();

    // Loads the translations for the locale's languages (its uiLanguages, in order) and installs
    // them. True when Hearth's own labels are now in that language; false for English and for
    // languages Hearth has no translation for, which keep the English labels.
    bool install(const QLocale &locale);
    bool labelsTranslated() const { return m_hearthInstalled; }

    // The locale `--lang` names (de, de_DE, en…), or the system's when it names none.
    static QLocale requestedLocale(const QString &language);

private:
    void remove();

    QTranslator m_hearth;
    QTranslator m_qt;
    bool m_hearthInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace hearth
