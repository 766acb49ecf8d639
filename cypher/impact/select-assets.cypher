// description: Assets matching a patch selector's vendor and/or model (exact, case-sensitive),
//   by installed version; the version comparison happens in TypeScript, where dotted versions
//   compare part by part.
//   Plan: one branch per selector shape, each an index seek, the model first (asset_model: a
//   model is rarer than its vendor); the form "$vendor IS NULL OR a.vendor = $vendor" cannot use
//   an index and scanned every asset (80 ms at 100,000). One row per version, not per asset: an
//   estate-wide advisory matches ~10,000 assets of a few versions.
// mode: read
// params:
//   $vendor: string|null — vendor, null for any
//   $model: string|null — model, null for any (a selector names at least one of the two)
// returns:
//   version: string|null — an installed version
//   ids: list<string> — the matching assets with that version
CALL () {
  MATCH (a:Asset) WHERE a.model = $model
  RETURN a
  UNION
  MATCH (a:Asset) WHERE $model IS NULL AND a.vendor = $vendor
  RETURN a
}
WITH a WHERE $vendor IS NULL OR a.vendor = $vendor
RETURN a.version AS version, collect(a.id) AS ids
