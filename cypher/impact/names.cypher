// description: Display names for ids mentioned in findings, so explanations read "Control room
//   HMI (hmi-01)" rather than bare ids. Rules, which have no name, are given their seq.
// mode: read
// params:
//   $ids: list<string> — any entity ids
// returns:
//   id: string; name: string|null; seq: integer|null — seq for firewall rules
UNWIND $ids AS id
CALL (id) {
  // One labelled branch each, so every lookup is a unique-index seek.
  MATCH (n:Asset {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (n:Zone {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (n:Conduit {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (n:SIF {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (n:Procedure {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (n:Role {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (n:Flow {id: id}) RETURN n.name AS name, null AS seq
  UNION
  MATCH (r:FirewallRule {id: id}) RETURN null AS name, r.seq AS seq
}
RETURN id, name, seq
