#pragma once

// PBKDF2-SHA256 password hashes with a random salt. The encoded form carries its own iteration
// count ("pbkdf2-sha256$<iterations>$<salt>$<key>"), so the work factor can grow later without
// invalidating stored hashes.
#include <QString>

namespace hearth::server::PasswordHasher {

// OWASP's figure for PBKDF2-HMAC-SHA256 (2023); about 0.8 s of one core per check.
inline constexpr int defaultIterations = 600000;

QString hash(const QString &password, int iterations = defaultIterations);
// Constant-time comparison of the derived key; false for any malformed encoding.
bool verify(const QString &password, const QString &encoded);
// The work factor an encoded hash was made with; 0 when it is not one of ours.
int iterationsOf(const QString &encoded);

} // namespace hearth::server::PasswordHasher
