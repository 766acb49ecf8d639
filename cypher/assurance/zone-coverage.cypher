// description: Per zone, the security-level requirements (slFrom set) covered by the controls
//   applied to the zone itself and effectively implemented for OT (DOMAIN.md §5.4). A control
//   applied only to assets or conduits of the zone does not cover it; site-wide controls are
//   read once by assurance/security-level-requirements. Only the controls applied to each zone are
//   expanded, so the cost follows the applied controls, not the catalogue.
// mode: read
// params:
//   $zones: list<string>|null — zone ids; null for every zone
//   $effective: map — "control|domain" → effective status, for every control and domain it covers
// returns:
//   zone: string; name: string; domain: string; purdueLevel: number; safety: boolean
//   slTarget: integer; slAchieved: integer
//   covered: list<string> — requirement ids covered by controls applied to the zone
MATCH (z:Zone)
WHERE $zones IS NULL OR z.id IN $zones
RETURN z.id AS zone, z.name AS name, z.domain AS domain, z.purdueLevel AS purdueLevel, coalesce(z.safety, false) AS safety,
  z.slTarget AS slTarget, z.slAchieved AS slAchieved,
  COLLECT {
    MATCH (z)<-[:APPLIES_TO]-(c:Control)-[:SATISFIES]->(r:Requirement)
    WHERE r.slFrom IS NOT NULL AND $effective[c.id + '|OT'] = 'implemented'
    RETURN DISTINCT r.id
  } AS covered
ORDER BY zone
