// description: Invariant: a flow is marked safety-required exactly when a SIF or a procedure
//   depends on it (the impact queries filter on the mark).
// mode: read
// returns:
//   id: string — the flow
//   detail: string — the stale mark
MATCH (f:Flow)
WITH f, EXISTS { (:SIF)-[:DEPENDS_ON]->(f) } OR EXISTS { (:Procedure)-[:DEPENDS_ON]->(f) } AS required
WHERE f.safetyRequired IS NULL OR f.safetyRequired <> required
RETURN f.id AS id, 'safetyRequired is ' + coalesce(toString(f.safetyRequired), 'missing') + ' but should be ' + toString(required) AS detail
