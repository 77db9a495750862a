#pragma once

// Picks the ProtocolAdapter a backend profile asks for. The one place that knows every adapter,
// so the application and hearthctl build a link for any profile the same way.
#include "profile/backendprofile.h"
#include "realtime/protocoladapter.h"

#include <memory>

namespace hearth {

// Nothing, with a message a restaurant manager can pass on, when this build cannot speak the
// profile's protocol.
std::unique_ptr<ProtocolAdapter> makeProtocolAdapter(const BackendProfile &profile,
                                                     QString *errorMessage = nullptr);

} // namespace hearth
