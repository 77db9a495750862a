#pragma once

// Points the REST client and the realtime service at the backend a profile describes, the same
// way for the dashboard (`hearth --profile FILE`, the sign-in dialog) and hearthctl.
#include "profile/backendprofile.h"

#include <QString>

namespace hearth {

class RealtimeService;
class RestClient;

namespace BackendSetup {

// Configures both for `profile`: the protocol adapter, the REST base URL, how the token travels,
// the REST lists and field mapping of a backend without the Hearth API. Call before start(), then
// setToken() (or SignIn for hearth-server). False, with a message a restaurant manager can pass
// on, when this build cannot speak the profile's protocol; nothing is changed then.
bool apply(const BackendProfile &profile, RestClient *rest, RealtimeService *realtime,
           QString *errorMessage);

// For a backend without Hearth's sign-in (/api/login): the token an installer was given goes to
// both, and the realtime service gets the profile's WebSocket URL. An empty token for a profile
// whose auth is "none". hearth-server profiles sign in with SignIn as before.
void setToken(const BackendProfile &profile, const QString &token, RestClient *rest,
              RealtimeService *realtime);

} // namespace BackendSetup

} // namespace hearth
