#include "ui/apptranslations.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace hearth {

AppTranslations::~AppTranslations()
{
    remove();
}

bool AppTranslations::install(const QLocale &locale)
{
    remove();
    // English labels are the source text: an English locale must not pick up another language
    // listed after it in the user's preferences.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return false;
    if (m_hearth.load(locale, QStringLiteral("hearth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        m_hearthInstalled = QCoreApplication::installTranslator(&m_hearth);
    if (!m_hearthInstalled) {
        qCInfo(lcUi) << "no translation for" << locale.name() << "- the labels stay English";
        return false;
    }
    // Qt's own strings (Yes/No/Cancel in message boxes, the context menus of text fields) come
    // from the qttranslations package where the system has it; without it those stay English.
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    else
        qCInfo(lcUi) << "Qt's translations for" << locale.name() << "are not installed";
    return true;
}

void AppTranslations::remove()
{
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    if (m_hearthInstalled)
        QCoreApplication::removeTranslator(&m_hearth);
    m_qtInstalled = false;
    m_hearthInstalled = false;
}

QLocale AppTranslations::requestedLocale(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

} // namespace hearth
