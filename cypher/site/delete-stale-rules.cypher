// description: Deletes the rules of rewritten conduits that their new rule sets no longer hold.
//   Runs before the conduits are unlinked, while HAS_RULE still says whose each rule is.
// mode: write
// params:
//   $conduits: list<string> — ids of the conduits being written
//   $keep: list<string> — ids of every rule the written conduits hold after the write
// returns: nothing
UNWIND $conduits AS id
MATCH (:Conduit {id: id})-[:HAS_RULE]->(rule:FirewallRule)
WHERE NOT rule.id IN $keep
DETACH DELETE rule
