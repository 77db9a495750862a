#pragma once

// A real restaurant's first start (no --demo): the restaurant and one manager, `admin`, whose
// password is the one given (--admin-password-file, HEARTH_ADMIN_PASSWORD) or a random one that
// the caller shows once. Nothing happens when the database already has a restaurant.
#include <QString>

namespace hearth::server {

class AccountRepository;
class Database;

namespace FirstRunSeeder {

inline constexpr QLatin1StringView adminUsername{"admin"};

// True when the database is usable afterwards; `generatedPassword` is set only when a random
// password was made just now.
bool seedIfEmpty(Database *database, AccountRepository *accounts, int passwordIterations,
                 const QString &restaurantName, const QString &givenPassword, QString *generatedPassword,
                 QString *errorMessage);

} // namespace FirstRunSeeder
} // namespace hearth::server
