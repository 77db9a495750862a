#include "server/firstrunseeder.h"

#include "core/logging.h"
#include "server/accountrepository.h"
#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/passwordhasher.h"

#include <QRandomGenerator>

namespace hearth::server::FirstRunSeeder {

namespace {

QString randomPassword()
{
    quint32 words[4]; // 128 bits from the OS generator, as 22 URL-safe characters
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

bool seedIfEmpty(Database *database, AccountRepository *accounts, int passwordIterations,
                 const QString &restaurantName, const QString &givenPassword, QString *generatedPassword,
                 QString *errorMessage)
{
    const int restaurants = accounts->restaurantCount();
    if (restaurants != 0) {
        if (restaurants < 0 && errorMessage)
            *errorMessage = QStringLiteral("cannot read the restaurants table");
        return restaurants > 0;
    }
    const QString password = givenPassword.isEmpty() ? randomPassword() : givenPassword;
    SqlTransaction transaction(database->connection());
    // The same id as the demo restaurant: one restaurant per server, and the simulator knows it.
    const bool seeded = transaction.isActive()
        && accounts->createRestaurant(QString(DemoAccounts::restaurantId), restaurantName)
        && accounts->createUser(QString(DemoAccounts::restaurantId), QString(adminUsername),
                                QStringLiteral("Administrator"), Role::Manager,
                                PasswordHasher::hash(password, passwordIterations))
        && transaction.commit();
    if (!seeded) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot create the restaurant and its first manager");
        return false;
    }
    if (givenPassword.isEmpty() && generatedPassword)
        *generatedPassword = password;
    qCInfo(lcServer).noquote() << "first start: created the restaurant" << restaurantName << "and the manager"
                               << adminUsername;
    return true;
}

} // namespace hearth::server::FirstRunSeeder
