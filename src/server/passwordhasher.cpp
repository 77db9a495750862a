#include "server/passwordhasher.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

namespace hearth::server::PasswordHasher {

namespace {

constexpr int saltBytes = 16;
constexpr int keyBytes = 32;
constexpr auto encoding = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                              iterations, keyBytes);
}

bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

QString hash(const QString &password, int iterations)
{
    QByteArray salt(saltBytes, Qt::Uninitialized);
    for (char &byte : salt)
        byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64(encoding)),
             QString::fromLatin1(derive(password, salt, iterations).toBase64(encoding)));
}

bool verify(const QString &password, const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1(), encoding);
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1(), encoding);
    if (salt.isEmpty() || expected.size() != keyBytes)
        return false;
    return equalInConstantTime(derive(password, salt, iterations), expected);
}

int iterationsOf(const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256")
        return 0;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    return ok && iterations > 0 ? iterations : 0;
}

} // namespace hearth::server::PasswordHasher
