-- Goals can be deleted; their alerts stay as history.
alter table goal_alert drop constraint goal_alert_goal_id_fkey;

-- Campaigns are deleted softly: the row stays for the names of past figures and the audit trail, its codes are
-- released, and CampaignChanged says deleted.
alter table campaign add column deleted_at timestamptz;
