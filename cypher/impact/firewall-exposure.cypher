// description: Traffic newly allowed by a proposed rule-set change into a safety zone, or to a
//   SIF element, across an edited conduit: (source, destination, protocol, port interval) probes
//   that the conduit denies before the change and allows after it. Destinations: assets with an
//   address in a zone the conduit connects that is a safety zone or holds SIF elements. Sources:
//   assets of the zone on the other side, assets outside the destination zone named by a changed
//   rule's source range, and `any` — an address that only rules with source `any` match.
//   Only pairs that some changed rule (or a changed default action) could affect are probed, and
//   ports are split into the elementary intervals the relevant rules' boundaries define, so
//   each interval is decided by one rule and the probe count stays small.
// mode: read
// params:
//   $edits: list<map> — as in impact/firewall-flow-decisions
// returns:
//   conduit: string — edited conduit id
//   destination, destinationZone: string — asset and zone now reachable
//   destinationSlTarget: integer — SL-T of the destination zone
//   source: string — asset id or 'any'
//   sourceZone: string|null; sourceSlAchieved: integer|null — null for 'any'
//   protocol: string — tcp, udp or icmp
//   lo, hi: integer — the port interval (0..0 for icmp)
//   rule: string|null — the rule that now allows it, null for the default action
UNWIND $edits AS edit
MATCH (c:Conduit {id: edit.conduit})
WITH edit, c, COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule)
                        RETURN r {.id, .seq, .action, .protocol, .srcLo, .srcHi, .dstLo, .dstHi, .portLo, .portHi} } AS stored
WITH edit, c, stored,
  [r IN stored WHERE r.id IN edit.replaced] + edit.rules AS changed,
  coalesce(edit.defaultAction, c.defaultAction) <> c.defaultAction AS defaultChanged
MATCH (c)-[:CONNECTS]->(dz:Zone)
MATCH (c)-[:CONNECTS]->(sz:Zone) WHERE sz <> dz
MATCH (d:Asset)-[:IN_ZONE]->(dz)
WHERE d.ipInt IS NOT NULL
  AND (dz.safety OR EXISTS { (:SIF)-[:HAS_ELEMENT]->(d) })
  AND (defaultChanged OR any(r IN changed WHERE r.dstLo <= d.ipInt <= r.dstHi))
CALL (sz, dz, changed, defaultChanged) {
  MATCH (s:Asset)-[:IN_ZONE]->(sz)
  WHERE s.ipInt IS NOT NULL AND (defaultChanged OR any(r IN changed WHERE r.srcLo <= s.ipInt <= r.srcHi))
  RETURN s.id AS source, s.ipInt AS sourceIp, sz.id AS sourceZone, sz.slAchieved AS sourceSlAchieved
  UNION
  UNWIND [r IN changed WHERE NOT (r.srcLo = 0 AND r.srcHi = 4294967295)] AS r
  MATCH (s:Asset)
  WHERE s.ipInt >= r.srcLo AND s.ipInt <= r.srcHi
  MATCH (s)-[:IN_ZONE]->(z:Zone) WHERE z <> dz
  RETURN s.id AS source, s.ipInt AS sourceIp, z.id AS sourceZone, z.slAchieved AS sourceSlAchieved
  UNION
  RETURN 'any' AS source, null AS sourceIp, null AS sourceZone, null AS sourceSlAchieved
}
UNWIND ['tcp', 'udp', 'icmp'] AS protocol
WITH edit, c, dz, d, source, sourceIp, sourceZone, sourceSlAchieved, protocol, defaultChanged,
  [r IN stored + edit.rules
    WHERE (r.protocol = 'any' OR r.protocol = protocol)
      AND CASE WHEN sourceIp IS NULL THEN r.srcLo = 0 AND r.srcHi = 4294967295
               ELSE r.srcLo <= sourceIp <= r.srcHi END
      AND r.dstLo <= d.ipInt <= r.dstHi] AS relevant
WHERE defaultChanged OR any(r IN relevant WHERE r.proposed OR r.id IN edit.replaced)
WITH edit, c, dz, d, source, sourceZone, sourceSlAchieved, protocol, relevant,
  CASE protocol WHEN 'icmp' THEN [0]
    ELSE COLLECT { UNWIND [1] + [r IN relevant | r.portLo] + [r IN relevant | r.portHi + 1] AS p
                   WITH p WHERE 1 <= p <= 65535 RETURN DISTINCT p ORDER BY p } END AS points
UNWIND range(0, size(points) - 1) AS i
WITH edit, c, dz, d, source, sourceZone, sourceSlAchieved, protocol, relevant, points[i] AS lo,
  CASE WHEN protocol = 'icmp' THEN 0 WHEN i + 1 < size(points) THEN points[i + 1] - 1 ELSE 65535 END AS hi
WITH edit, c, dz, d, source, sourceZone, sourceSlAchieved, protocol, lo, hi,
  [r IN relevant WHERE r.portLo <= lo <= r.portHi] AS covering
WITH edit, c, dz, d, source, sourceZone, sourceSlAchieved, protocol, lo, hi,
  reduce(best = null, r IN [x IN covering WHERE x.proposed IS NULL] |
    CASE WHEN best IS NULL OR r.seq < best.seq THEN r ELSE best END) AS beforeRule,
  reduce(best = null, r IN [x IN covering WHERE x.proposed OR NOT x.id IN edit.replaced] |
    CASE WHEN best IS NULL OR r.seq < best.seq THEN r ELSE best END) AS afterRule
WHERE coalesce(beforeRule.action, c.defaultAction) = 'deny'
  AND coalesce(afterRule.action, edit.defaultAction, c.defaultAction) = 'allow'
RETURN c.id AS conduit, d.id AS destination, dz.id AS destinationZone, dz.slTarget AS destinationSlTarget,
  source, sourceZone, sourceSlAchieved, protocol, lo, hi, afterRule.id AS rule
ORDER BY conduit, destination, source, protocol, lo
