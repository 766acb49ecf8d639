// description: Deletes rules that belong to no conduit: a repair step of a replace import run on a
//   graph that failed its integrity check.
// mode: write
// returns: nothing
MATCH (r:FirewallRule)
WHERE NOT EXISTS { (:Conduit)-[:HAS_RULE]->(r) }
DETACH DELETE r
