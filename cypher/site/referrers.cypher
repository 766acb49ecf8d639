// description: The site entities that reference the given ones, and through what: a relationship
//   type, or RULE_ENDPOINT for a conduit whose rule names it as source or destination. A delete
//   lists them; an update re-validates those whose validity depends on the fields it changed.
// mode: read
// params:
//   $ids: list<string> — ids of the referenced entities
//   $types: list<string> — relationship types to follow, RULE_ENDPOINT included when wanted
// returns:
//   id: string — the referenced entity
//   referrer: string — the id of an entity referencing it
//   via: string — the relationship type, or RULE_ENDPOINT
UNWIND $ids AS id
MATCH (t:SiteEntity {id: id})
CALL (t) {
  MATCH (s:SiteEntity)-[r]->(t)
  WHERE type(r) IN $types AND NOT s:FirewallRule
  RETURN s.id AS referrer, type(r) AS via
  UNION
  MATCH (rule:FirewallRule {srcAsset: t.id})<-[:HAS_RULE]-(c:Conduit) WHERE 'RULE_ENDPOINT' IN $types RETURN c.id AS referrer, 'RULE_ENDPOINT' AS via
  UNION
  MATCH (rule:FirewallRule {dstAsset: t.id})<-[:HAS_RULE]-(c:Conduit) WHERE 'RULE_ENDPOINT' IN $types RETURN c.id AS referrer, 'RULE_ENDPOINT' AS via
  UNION
  MATCH (rule:FirewallRule {srcZone: t.id})<-[:HAS_RULE]-(c:Conduit) WHERE 'RULE_ENDPOINT' IN $types RETURN c.id AS referrer, 'RULE_ENDPOINT' AS via
  UNION
  MATCH (rule:FirewallRule {dstZone: t.id})<-[:HAS_RULE]-(c:Conduit) WHERE 'RULE_ENDPOINT' IN $types RETURN c.id AS referrer, 'RULE_ENDPOINT' AS via
}
RETURN id, referrer, via
