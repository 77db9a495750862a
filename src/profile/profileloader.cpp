#include "profile/profileloader.h"

#include "core/logging.h"
#include "profile/profileparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace hearth::ProfileLoader {

namespace {

using namespace Qt::StringLiterals;

class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::ProfileLoader)
};

// "channels.orders is missing", "channels.orders.identifier: must be an object"
QString describe(const FieldError &error)
{
    if (error.field.isEmpty())
        return error.message;
    if (error.message.startsWith("is "_L1))
        return error.field + u' ' + error.message;
    return error.field + u": " + error.message;
}

QString allProblems(const FieldErrors &errors)
{
    QStringList lines;
    for (const FieldError &error : errors)
        lines.append(describe(error));
    return lines.join(u'\n');
}

} // namespace

std::optional<BackendProfile> loadData(const QByteArray &json, const QString &displayName,
                                       Failure *failure)
{
    Decoded<BackendProfile> decoded = ProfileParser::parse(json);
    if (decoded.ok())
        return std::move(decoded.value);
    const QString first = describe(decoded.errors.constFirst());
    const qsizetype more = decoded.errors.size() - 1;
    if (failure) {
        if (more > 0) {
            //: %1 is a file name, %2 the first problem (a setting and what is wrong with it),
            //: %n the number of further problems
            failure->message = Text::tr("The backend profile %1 is not valid: %2 (and %n more "
                                        "problem(s)).", nullptr, int(more))
                                   .arg(displayName, first);
        } else {
            //: %1 is a file name, %2 the problem (a setting and what is wrong with it)
            failure->message = Text::tr("The backend profile %1 is not valid: %2.").arg(displayName, first);
        }
        failure->details = allProblems(decoded.errors);
    }
    qCWarning(lcCore).noquote() << "backend profile" << displayName << "rejected:"
                                << decoded.errorString();
    return std::nullopt;
}

std::optional<BackendProfile> loadFile(const QString &path, Failure *failure)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (failure) {
            //: %1 is a file name
            failure->message = Text::tr("Hearth could not open the backend profile %1. Check that "
                                        "the file exists and can be read.").arg(name);
            failure->details = u"%1: %2"_s.arg(path, file.errorString());
        }
        return std::nullopt;
    }
    // Read one byte past the limit, so an oversized file is recognised without reading it all.
    const QByteArray json = file.read(ProfileParser::maxFileBytes + 1);
    return loadData(json, name, failure);
}

} // namespace hearth::ProfileLoader
