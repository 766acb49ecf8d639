// description: Deletes site entities, a conduit's rules with it, and every relationship touching
//   them.
// mode: write
// params:
//   $ids: list<string> — ids of the entities to delete
// returns: nothing
UNWIND $ids AS id
MATCH (n:SiteEntity {id: id})
OPTIONAL MATCH (n)-[:HAS_RULE]->(rule:FirewallRule)
DETACH DELETE rule, n
