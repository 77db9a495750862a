#include "sync/backendsetup.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/adapterfactory.h"
#include "realtime/realtimeservice.h"

namespace hearth::BackendSetup {

bool apply(const BackendProfile &profile, RestClient *rest, RealtimeService *realtime,
           QString *errorMessage)
{
    std::unique_ptr<ProtocolAdapter> adapter = makeProtocolAdapter(profile, errorMessage);
    if (!adapter)
        return false;
    qCInfo(lcSync).noquote() << "backend profile" << profile.name << "- protocol"
                             << protocolName(profile.protocol);
    realtime->setProtocolAdapter(std::move(adapter));
    rest->setBackendProfile(profile);
    return true;
}

void setToken(const BackendProfile &profile, const QString &token, RestClient *rest,
              RealtimeService *realtime)
{
    rest->setToken(token);
    // The adapter adds the token at each handshake (as a query parameter, if the profile says
    // so); the endpoint itself never holds it, so logs of the URL never show it.
    realtime->setEndpoint(profile.url, token);
}

} // namespace hearth::BackendSetup
