// description: Assets with a vendor and a model, grouped by (vendor, model, version): what an
//   advisory's products are matched against. The matching itself (normalised text, the version
//   label, ranges) is in server/importers/csaf/match-rules.ts, so that one set of rules decides
//   and is tested without a database.
//   Plan: one scan of the Asset label with its zone; 100,000 assets of a generated estate make a
//   few hundred groups, so the rows sent back are few even when the assets are many.
// mode: read
// returns:
//   vendor: string; model: string
//   version: string|null — null when the asset has no version recorded
//   assets: list<map> — {id, name, zone} of the assets with that identity, by id
MATCH (a:Asset)-[:IN_ZONE]->(z:Zone)
WHERE a.vendor IS NOT NULL AND a.model IS NOT NULL
WITH a, z ORDER BY a.id
RETURN a.vendor AS vendor, a.model AS model, a.version AS version, collect({id: a.id, name: a.name, zone: z.id}) AS assets
ORDER BY vendor, model, version
