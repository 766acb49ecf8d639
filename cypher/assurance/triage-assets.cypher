// description: For the assets an advisory names (DOMAIN.md §5.5 shared-system triage): where each
//   sits, the risks covering it — naming it or its zone — with register and owner, and the
//   controls involved: those applied to it or its zone, and those mitigating its risks.
// mode: read
// params:
//   $assets: list<string> — asset ids
// returns:
//   asset: string; name: string; type: string; zone: string; zoneDomain: string; purdueLevel: number
//   vendor: string|null; model: string|null; version: string|null
//   risks: list<map> — {risk, title, register, owner, treatment, via: the asset or zone id it names}, by risk
//   controls: list<map> — {control, name, domain, why: applies-to | mitigates}, by control
UNWIND $assets AS id
MATCH (a:Asset {id: id})-[:IN_ZONE]->(z:Zone)
CALL (a, z) {
  OPTIONAL MATCH (k:Risk)-[:AFFECTS]->(n) WHERE n = a OR n = z
  WITH k, min(n.id) AS via ORDER BY k.id
  RETURN collect(CASE WHEN k IS NOT NULL THEN {risk: k.id, title: k.title, register: k.register, owner: k.owner, treatment: k.treatment, via: via} END) AS risks,
    collect(k) AS riskNodes
}
CALL (a, z, riskNodes) {
  CALL (a, z, riskNodes) {
    MATCH (c:Control)-[:APPLIES_TO]->(n) WHERE n = a OR n = z
    RETURN c, 'applies-to' AS why
    UNION
    UNWIND riskNodes AS k
    MATCH (c:Control)-[:MITIGATES]->(k)
    RETURN c, 'mitigates' AS why
  }
  WITH c, why ORDER BY c.id, why
  RETURN collect({control: c.id, name: c.name, domain: c.domain, why: why}) AS controls
}
RETURN a.id AS asset, a.name AS name, a.type AS type, z.id AS zone, z.domain AS zoneDomain, z.purdueLevel AS purdueLevel,
  a.vendor AS vendor, a.model AS model, a.version AS version, risks, controls
ORDER BY asset
