// description: Marks each flow safety-required when a SIF or a procedure DEPENDS_ON it, so the
//   impact queries can filter on a property instead of re-deriving it per query. Run at the end
//   of every import (and every edit goes through import), so it never goes stale.
// mode: write
// returns: nothing
MATCH (f:Flow)
SET f.safetyRequired = EXISTS { (:SIF)-[:DEPENDS_ON]->(f) } OR EXISTS { (:Procedure)-[:DEPENDS_ON]->(f) }
