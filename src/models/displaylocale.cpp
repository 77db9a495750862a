#include "models/displaylocale.h"

namespace hearth {

QLocale displayLocale(const QLocale &system, bool labelsTranslated)
{
    // A system with no locale set (C/POSIX) is taken as US English rather than showing money
    // without a currency.
    if (system.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (labelsTranslated || system.language() == QLocale::English)
        return system;
    // English as spoken in the system's country, where CLDR knows such a variant (its currency
    // comes with it); otherwise plain English.
    const QLocale english(QLocale::English, system.territory());
    return english.territory() == system.territory() ? english : QLocale(QLocale::English);
}

} // namespace hearth
