// description: Uniqueness constraints on `id` for every label and the indexes the queries need.
//   Idempotent (IF NOT EXISTS / IF EXISTS); applied at every start-up, one statement at a time.
// mode: schema
// returns: nothing
CREATE CONSTRAINT site_id IF NOT EXISTS FOR (n:Site) REQUIRE n.id IS UNIQUE;
// Every entity of a site (rules included) carries SiteEntity: ids are unique across kinds, as the
// site document requires, and any entity is found by id without knowing its kind.
CREATE CONSTRAINT site_entity_id IF NOT EXISTS FOR (n:SiteEntity) REQUIRE n.id IS UNIQUE;
// The revision head whose lock serialises site writes, and the append-only change journal.
CREATE CONSTRAINT revision_head_id IF NOT EXISTS FOR (n:RevisionHead) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT revision_number IF NOT EXISTS FOR (n:Revision) REQUIRE n.number IS UNIQUE;
CREATE INDEX journal_revision IF NOT EXISTS FOR (n:JournalEntry) ON (n.revision);
CREATE INDEX journal_entity IF NOT EXISTS FOR (n:JournalEntry) ON (n.entity);
// Interlock's own data, apart from the site (no site label, so a replace import never touches it):
// accounts, sessions, API tokens, sign-in throttles, and the hash-chained audit log with its head.
CREATE CONSTRAINT app_user_id IF NOT EXISTS FOR (n:AppUser) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT app_user_username IF NOT EXISTS FOR (n:AppUser) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT app_user_oidc IF NOT EXISTS FOR (n:AppUser) REQUIRE n.oidcKey IS UNIQUE;
CREATE CONSTRAINT app_session_id IF NOT EXISTS FOR (n:AppSession) REQUIRE n.id IS UNIQUE;
CREATE INDEX app_session_user IF NOT EXISTS FOR (n:AppSession) ON (n.userId);
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;
CREATE INDEX api_token_user IF NOT EXISTS FOR (n:ApiToken) ON (n.userId);
CREATE CONSTRAINT sign_in_throttle_key IF NOT EXISTS FOR (n:SignInThrottle) REQUIRE n.key IS UNIQUE;
CREATE INDEX sign_in_throttle_username IF NOT EXISTS FOR (n:SignInThrottle) ON (n.username);
// Change requests (reviews/): Interlock's own data too, apart from the site.
CREATE CONSTRAINT change_request_id IF NOT EXISTS FOR (n:ChangeRequest) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_request_status IF NOT EXISTS FOR (n:ChangeRequest) ON (n.status);
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actor);
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE CONSTRAINT zone_id IF NOT EXISTS FOR (n:Zone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT conduit_id IF NOT EXISTS FOR (n:Conduit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT firewall_rule_id IF NOT EXISTS FOR (n:FirewallRule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT asset_id IF NOT EXISTS FOR (n:Asset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT flow_id IF NOT EXISTS FOR (n:Flow) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sif_id IF NOT EXISTS FOR (n:SIF) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT procedure_id IF NOT EXISTS FOR (n:Procedure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT framework_id IF NOT EXISTS FOR (n:Framework) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT requirement_id IF NOT EXISTS FOR (n:Requirement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT control_id IF NOT EXISTS FOR (n:Control) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT risk_id IF NOT EXISTS FOR (n:Risk) REQUIRE n.id IS UNIQUE;
// Rule sources by address range (impact/firewall-exposure seeks assets a changed rule names).
CREATE INDEX asset_ip IF NOT EXISTS FOR (n:Asset) ON (n.ipInt);
// Patch selectors (impact/select-assets): one single-property index each, because a selector
// names a vendor, a model or both. Range indexes skip nodes without the property, so they cost
// little on an estate where most assets have neither.
CREATE INDEX asset_vendor IF NOT EXISTS FOR (n:Asset) ON (n.vendor);
CREATE INDEX asset_model IF NOT EXISTS FOR (n:Asset) ON (n.model);
// Rules naming an asset or zone as an endpoint (site/referrers): an edit of that asset or zone
// re-derives those rules' address ranges, and a delete lists them.
CREATE INDEX rule_src_asset IF NOT EXISTS FOR (n:FirewallRule) ON (n.srcAsset);
CREATE INDEX rule_dst_asset IF NOT EXISTS FOR (n:FirewallRule) ON (n.dstAsset);
CREATE INDEX rule_src_zone IF NOT EXISTS FOR (n:FirewallRule) ON (n.srcZone);
CREATE INDEX rule_dst_zone IF NOT EXISTS FOR (n:FirewallRule) ON (n.dstZone);
// Safety-required flows: counted for every answer (impact/checked-counts) and the start of the
// patch queries' flow patterns.
CREATE INDEX flow_safety_required IF NOT EXISTS FOR (n:Flow) ON (n.safetyRequired);
// Indexes no query could use, removed from databases created before: every index is paid for on
// each import (the text index on names alone cost 3–4 s of a 100,000-asset import, and the asset
// search lower-cases names, which no index serves). Filters of the form "$x IS NULL OR a.x = $x"
// are not index-backed either.
DROP INDEX asset_name IF EXISTS;
DROP INDEX asset_type IF EXISTS;
DROP INDEX asset_vendor_model IF EXISTS
