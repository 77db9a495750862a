#pragma once

// Which copy of an entity (an order, an inventory item, …) a client keeps when another arrives:
// the one rule for every model, cache and sync class, so they never disagree.
//
// Versions only grow, so a higher version wins. An equal version with different content wins
// too: the copy that arrived later is the newer one. Hearth's own versions never tie with
// different content; versions derived from `updated_at` (profiles' version_from_timestamp) do,
// when a backend writes whole seconds and an order is created and marked ready within one
// second — the second frame must not be dropped as a repeat. A backend with a finer source (a
// Rails `lock_version` column) maps `version` from it and never ties. Equal copies change
// nothing, so replayed and repeated frames stay free.
namespace hearth::VersionRule {

template<typename Entity>
bool replaces(const Entity &incoming, const Entity &held)
{
    return incoming.version > held.version || (incoming.version == held.version && incoming != held);
}

} // namespace hearth::VersionRule
