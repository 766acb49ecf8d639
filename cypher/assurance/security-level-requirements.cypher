// description: The requirements that gate zone security levels (DOMAIN.md §5.4): the assessable
//   requirements with slFrom of a framework with securityLevels (IEC 62443-3-3 SRs and REs), each
//   with its foundational requirement (the root of its CHILD_OF chain), and whether a site-wide
//   control (one with no APPLIES_TO) effectively implemented for OT satisfies it — which covers it
//   for every zone.
// mode: read
// params:
//   $effective: map — "control|domain" → effective status, for every control and domain it covers
// returns:
//   requirement: string; slFrom: integer; uncertain: boolean — the catalogue flags its slFrom
//   fr: string; ref: string — its FR's id and ref
//   siteWide: boolean — covered for every zone
MATCH (:Framework {securityLevels: true})<-[:PART_OF]-(r:Requirement)-[:CHILD_OF*0..]->(root:Requirement)
WHERE r.assessable AND r.slFrom IS NOT NULL AND NOT (root)-[:CHILD_OF]->()
RETURN r.id AS requirement, r.slFrom AS slFrom, r.uncertain IS NOT NULL AS uncertain, root.id AS fr, root.ref AS ref,
  EXISTS {
    MATCH (c:Control)-[:SATISFIES]->(r)
    WHERE $effective[c.id + '|OT'] = 'implemented' AND NOT (c)-[:APPLIES_TO]->()
  } AS siteWide
ORDER BY requirement
