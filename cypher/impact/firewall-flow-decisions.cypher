// description: The firewall decision for flows, before and after a proposed rule-set change,
//   conduit by conduit. The change is overlaid on the stored rules inside the query: a conduit's
//   rules after the change are its stored rules minus those replaced (removed or modified) plus
//   the proposed rows (added rules and the new versions of modified ones). On each conduit the
//   first matching rule by seq decides, else the conduit's default action; a flow is allowed
//   end-to-end only when every conduit it crosses allows it. Writes nothing.
//   Plan: anchored on the edited conduits (unique-index seek) and expanded to the flows crossing
//   them; each conduit's rules are collected once per crossing and filtered in memory, which is
//   cheaper than a per-rule expansion for rule sets of tens of rules.
// mode: read
// params:
//   $edits: list<map> — one per edited conduit: {conduit: id, replaced: [rule ids removed or
//     modified], rules: [proposed rule rows {id, seq, action, protocol, srcLo, srcHi, dstLo, dstHi,
//     portLo, portHi, proposed: true}], defaultAction: 'allow'|'deny'|null}
//   $flowIds: list<string> — flows to decide even if they cross no edited conduit (explain)
// returns:
//   flow: string — flow id
//   from, to: string — endpoint asset ids
//   fromZone, toZone: string — the endpoints' zones
//   protocol: string; port: integer|null
//   safetyRequired: boolean — a SIF or a procedure depends on it
//   crossings: list<map> — in crossing order: {conduit, zones: [zone, zone], edited: boolean,
//     before: {rule: id|null, action}, after: {rule: id|null, action}}; rule null = default action
//   allowedBefore, allowedAfter: boolean — every crossing allows it
CALL () {
  UNWIND $edits AS e
  MATCH (f:Flow)-[:VIA]->(:Conduit {id: e.conduit})
  RETURN f
  UNION
  UNWIND $flowIds AS id
  MATCH (f:Flow {id: id})
  RETURN f
}
MATCH (fz:Zone)<-[:IN_ZONE]-(src:Asset)<-[:FROM]-(f)-[:TO]->(dst:Asset)-[:IN_ZONE]->(tz:Zone)
CALL (f, src, dst) {
  OPTIONAL MATCH (f)-[v:VIA]->(c:Conduit)
  WITH f, src, dst, v, c, [e IN $edits WHERE e.conduit = c.id] AS hits
  WITH f, src, dst, v, c, CASE WHEN size(hits) > 0 THEN hits[0] END AS edit,
    COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule)
              RETURN r {.id, .seq, .action, .protocol, .srcLo, .srcHi, .dstLo, .dstHi, .portLo, .portHi} } AS stored
  // One predicate over stored and proposed rules alike; before/after are then just filters.
  WITH f, v, c, edit,
    [r IN stored + coalesce(edit.rules, [])
      WHERE (r.protocol = 'any' OR r.protocol = f.protocol)
        AND r.srcLo <= src.ipInt <= r.srcHi
        AND r.dstLo <= dst.ipInt <= r.dstHi
        AND r.portLo <= coalesce(f.port, 0) <= r.portHi] AS hits
  WITH f, v, c, edit,
    reduce(best = null, r IN [x IN hits WHERE x.proposed IS NULL] |
      CASE WHEN best IS NULL OR r.seq < best.seq THEN r ELSE best END) AS beforeRule,
    reduce(best = null, r IN [x IN hits WHERE x.proposed OR edit IS NULL OR NOT x.id IN edit.replaced] |
      CASE WHEN best IS NULL OR r.seq < best.seq THEN r ELSE best END) AS afterRule
  ORDER BY v.seq
  WITH collect(CASE WHEN c IS NOT NULL THEN {
    conduit: c.id,
    zones: COLLECT { MATCH (c)-[e:CONNECTS]->(z:Zone) RETURN z.id ORDER BY e.end },
    edited: edit IS NOT NULL,
    before: {rule: beforeRule.id, action: coalesce(beforeRule.action, c.defaultAction)},
    after: {rule: afterRule.id, action: coalesce(afterRule.action, edit.defaultAction, c.defaultAction)}
  } END) AS crossings
  RETURN crossings
}
RETURN f.id AS flow, src.id AS from, dst.id AS to, fz.id AS fromZone, tz.id AS toZone,
  f.protocol AS protocol, f.port AS port, coalesce(f.safetyRequired, false) AS safetyRequired, crossings,
  all(x IN crossings WHERE x.before.action = 'allow') AS allowedBefore,
  all(x IN crossings WHERE x.after.action = 'allow') AS allowedAfter
ORDER BY flow
