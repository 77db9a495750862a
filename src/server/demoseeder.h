#pragma once

// Fills a brand-new database with the demo restaurant and its two accounts (DemoAccounts), so
// a first start is usable at once. A database that has any restaurant is left alone.
#include <QString>

namespace hearth::server {

class AccountRepository;
class Database;

namespace DemoSeeder {

bool seedIfEmpty(Database *database, AccountRepository *accounts, int passwordIterations,
                 QString *errorMessage);

} // namespace DemoSeeder

} // namespace hearth::server
