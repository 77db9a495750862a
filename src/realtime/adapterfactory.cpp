#include "realtime/adapterfactory.h"

#include "realtime/actioncableadapter.h"
#include "realtime/phoenixadapter.h"

#include <QCoreApplication>

namespace hearth {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::RealtimeService)
};

} // namespace

std::unique_ptr<ProtocolAdapter> makeProtocolAdapter(const BackendProfile &profile,
                                                     QString *errorMessage)
{
    switch (profile.protocol) {
    case BackendProtocol::Hearth:
        return std::make_unique<HearthAdapter>(profile.auth);
    case BackendProtocol::ActionCable:
        return std::make_unique<ActionCableAdapter>(profile);
    case BackendProtocol::Phoenix:
        return std::make_unique<PhoenixAdapter>(profile);
    }
    if (errorMessage) {
        //: %1 is the name of a backend profile, e.g. "Supabase project"
        *errorMessage = Text::tr("This version of Hearth cannot connect to %1 yet: it speaks "
                                 "Phoenix channels, which Hearth does not support so far.")
                            .arg(profile.name.isEmpty() ? Text::tr("this backend") : profile.name);
    }
    return nullptr;
}

} // namespace hearth
