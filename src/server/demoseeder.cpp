#include "server/demoseeder.h"

#include "core/logging.h"
#include "server/accountrepository.h"
#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/passwordhasher.h"

namespace hearth::server::DemoSeeder {

bool seedIfEmpty(Database *database, AccountRepository *accounts, int passwordIterations, QString *errorMessage)
{
    const int restaurants = accounts->restaurantCount();
    if (restaurants != 0) {
        if (restaurants < 0 && errorMessage)
            *errorMessage = QStringLiteral("cannot read the restaurants table");
        return restaurants > 0;
    }
    SqlTransaction transaction(database->connection());
    const bool seeded = transaction.isActive()
        && accounts->createRestaurant(QString(DemoAccounts::restaurantId), QString(DemoAccounts::restaurantName))
        && accounts->createUser(QString(DemoAccounts::restaurantId), QString(DemoAccounts::staffUsername),
                                QString(DemoAccounts::staffDisplayName), Role::Staff,
                                PasswordHasher::hash(QString(DemoAccounts::staffPassword), passwordIterations))
        && accounts->createUser(QString(DemoAccounts::restaurantId), QString(DemoAccounts::managerUsername),
                                QString(DemoAccounts::managerDisplayName), Role::Manager,
                                PasswordHasher::hash(QString(DemoAccounts::managerPassword), passwordIterations))
        && transaction.commit();
    if (!seeded) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot create the demo restaurant and accounts");
        return false;
    }
    qCInfo(lcServer).noquote() << "seeded the demo restaurant" << DemoAccounts::restaurantName << "with users"
                               << DemoAccounts::staffUsername << "and" << DemoAccounts::managerUsername;
    return true;
}

} // namespace hearth::server::DemoSeeder
