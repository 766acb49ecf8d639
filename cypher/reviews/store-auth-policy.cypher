// description: Stores an implemented authentication policy as Interlock's own data (AuthPolicy is no
//   site label: the site document has no field for it, and a replace import leaves it alone), with
//   the ids of the zones, assets and roles it applies to.
// mode: write
// params:
//   $policy: map — {id, request, zones, assets, roles, mfaAddedSeconds, lockoutThreshold, sessionTimeoutMinutes, implementedAt, revision}
// returns: nothing
CREATE (p:AuthPolicy)
SET p = $policy
