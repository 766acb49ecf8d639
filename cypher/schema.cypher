// description: Uniqueness constraints on `id` for every label and the indexes the queries need.
//   Idempotent (IF NOT EXISTS); applied at every start-up, one statement at a time.
// mode: schema
// returns: nothing
CREATE CONSTRAINT site_id IF NOT EXISTS FOR (n:Site) REQUIRE n.id IS UNIQUE;
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
// Asset search by address, and patch selectors by vendor/model.
CREATE INDEX asset_ip IF NOT EXISTS FOR (n:Asset) ON (n.ipInt);
CREATE INDEX asset_type IF NOT EXISTS FOR (n:Asset) ON (n.type);
CREATE INDEX asset_vendor_model IF NOT EXISTS FOR (n:Asset) ON (n.vendor, n.model);
CREATE TEXT INDEX asset_name IF NOT EXISTS FOR (n:Asset) ON (n.name);
// Rules that name an asset or zone are re-resolved when its address changes.
CREATE INDEX rule_src_asset IF NOT EXISTS FOR (n:FirewallRule) ON (n.srcAsset);
CREATE INDEX rule_dst_asset IF NOT EXISTS FOR (n:FirewallRule) ON (n.dstAsset);
CREATE INDEX rule_src_zone IF NOT EXISTS FOR (n:FirewallRule) ON (n.srcZone);
CREATE INDEX rule_dst_zone IF NOT EXISTS FOR (n:FirewallRule) ON (n.dstZone)
