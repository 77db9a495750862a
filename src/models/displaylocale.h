#pragma once

// The locale numbers, times and money are shown in. Labels are English until a translation for
// the system's language is loaded, and numbers must agree with the words around them: a German
// system without a German translation gets English number conventions — with its own currency.
#include <QLocale>

namespace hearth {

QLocale displayLocale(const QLocale &system, bool labelsTranslated);

} // namespace hearth
