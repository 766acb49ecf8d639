// description: Marks flows safety-required when a SIF or a procedure DEPENDS_ON them, so the
//   impact queries filter on a property instead of re-deriving it. A write recomputes it for the
//   flows it wrote and for the flows its SIFs and procedures depended on before or after.
//   A flow is only written when the flag really changes.
// mode: write
// params:
//   $ids: list<string> — flow ids to recompute
// returns: nothing
UNWIND $ids AS id
MATCH (f:Flow {id: id})
WITH f, EXISTS { (:SIF)-[:DEPENDS_ON]->(f) } OR EXISTS { (:Procedure)-[:DEPENDS_ON]->(f) } AS required
WHERE f.safetyRequired IS NULL OR f.safetyRequired <> required
SET f.safetyRequired = required
