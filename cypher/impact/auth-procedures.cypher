// description: Procedures an authentication policy reaches — through an asset they use (directly,
//   or because it sits in a zone in scope) or a role that performs them — with their time
//   budget, the SIFs they back up, and which always-manned consoles in scope they use.
//   Plan: anchored on the policy's scope (unique-index seeks on the zones, assets and roles) and
//   expanded to the procedures, rather than testing every procedure of the estate against it.
// mode: read
// params:
//   $zones: list<string> — zone ids in scope
//   $assets: list<string> — asset ids in scope
//   $roles: list<string> — role ids in scope
// returns:
//   procedure: string; name: string; emergency: boolean
//   nominalSeconds, maxSeconds: number — time budget; slack is their difference
//   viaAssets: list<string> — assets in scope the procedure uses
//   viaRoles: list<string> — roles in scope that perform it
//   mannedConsoles: list<string> — always-manned assets in scope it uses
//   sifs: list<map> — {id, sil} of SIFs it backs up
//   mfaInForce: list<map> — {id, request, mfaAddedSeconds} of implemented MFA policies (AuthPolicy,
//     stored by change requests) that already reach it through its assets, their zones or its roles
//   lockoutInForce: list<map> — {id, request, lockoutThreshold} of implemented lockout policies reaching it so
//   sessionTimeoutInForce: list<map> — {id, request, sessionTimeoutMinutes} of implemented session timeouts reaching it so
CALL () {
  UNWIND $assets AS id
  MATCH (:Asset {id: id})<-[:USES]-(p:Procedure)
  RETURN p
  UNION
  UNWIND $zones AS id
  MATCH (:Zone {id: id})<-[:IN_ZONE]-(:Asset)<-[:USES]-(p:Procedure)
  RETURN p
  UNION
  UNWIND $roles AS id
  MATCH (:Role {id: id})<-[:PERFORMED_BY]-(p:Procedure)
  RETURN p
}
WITH p, COLLECT { MATCH (p)-[:USES]->(a:Asset)-[:IN_ZONE]->(z:Zone)
                  WHERE a.id IN $assets OR z.id IN $zones RETURN a ORDER BY a.id } AS used,
  COLLECT { MATCH (p)-[:USES]->(a:Asset) RETURN a.id } AS allAssets,
  COLLECT { MATCH (p)-[:USES]->(:Asset)-[:IN_ZONE]->(z:Zone) RETURN DISTINCT z.id } AS allZones,
  COLLECT { MATCH (p)-[:PERFORMED_BY]->(r:Role) RETURN r.id } AS allRoles
RETURN p.id AS procedure, p.name AS name, coalesce(p.emergency, false) AS emergency,
  p.nominalSeconds AS nominalSeconds, p.maxSeconds AS maxSeconds,
  [a IN used | a.id] AS viaAssets,
  COLLECT { MATCH (p)-[:PERFORMED_BY]->(r:Role) WHERE r.id IN $roles RETURN r.id ORDER BY r.id } AS viaRoles,
  [a IN used WHERE a.manned | a.id] AS mannedConsoles,
  COLLECT { MATCH (p)-[:BACKS_UP]->(s:SIF) RETURN s {.id, .sil} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (ap:AuthPolicy) WHERE ap.mfaAddedSeconds IS NOT NULL
              AND (any(x IN ap.assets WHERE x IN allAssets) OR any(x IN ap.zones WHERE x IN allZones) OR any(x IN ap.roles WHERE x IN allRoles))
            RETURN ap {.id, .request, .mfaAddedSeconds} ORDER BY ap.id } AS mfaInForce,
  COLLECT { MATCH (ap:AuthPolicy) WHERE ap.lockoutThreshold IS NOT NULL
              AND (any(x IN ap.assets WHERE x IN allAssets) OR any(x IN ap.zones WHERE x IN allZones) OR any(x IN ap.roles WHERE x IN allRoles))
            RETURN ap {.id, .request, .lockoutThreshold} ORDER BY ap.id } AS lockoutInForce,
  COLLECT { MATCH (ap:AuthPolicy) WHERE ap.sessionTimeoutMinutes IS NOT NULL
              AND (any(x IN ap.assets WHERE x IN allAssets) OR any(x IN ap.zones WHERE x IN allZones) OR any(x IN ap.roles WHERE x IN allRoles))
            RETURN ap {.id, .request, .sessionTimeoutMinutes} ORDER BY ap.id } AS sessionTimeoutInForce
ORDER BY procedure
