#pragma once

// The restaurant and accounts seeded into a new database. The desktop demo (`hearth --demo`)
// signs in with these, so they are constants rather than configuration.
#include <QLatin1StringView>

namespace hearth::server::DemoAccounts {

inline constexpr QLatin1StringView restaurantId{"1"};
inline constexpr QLatin1StringView restaurantName{"Demo Bistro"};

inline constexpr QLatin1StringView staffUsername{"staff"};
inline constexpr QLatin1StringView staffPassword{"staff-demo"};
inline constexpr QLatin1StringView staffDisplayName{"Sam Staff"};

inline constexpr QLatin1StringView managerUsername{"manager"};
inline constexpr QLatin1StringView managerPassword{"manager-demo"};
inline constexpr QLatin1StringView managerDisplayName{"Morgan Manager"};

// The passwords above are published: hashing them slowly protects nothing and only delays a
// demo's first start (a sign-in raises them to the server's work factor, as any older hash).
inline constexpr int passwordIterations = 1000;

} // namespace hearth::server::DemoAccounts
