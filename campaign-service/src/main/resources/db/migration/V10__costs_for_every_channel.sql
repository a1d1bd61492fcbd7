-- Costs for every channel: a programme's own costs (agency, production, tools) carry its id instead of a campaign
-- code and may name no channel; every cost states a reported line, whose latest figure (highest seq) is the one that
-- counts, so a corrected re-import replaces instead of adding. Rows stored before are each a line of their own.
alter table cost_entry alter column campaign_code drop not null,
                       alter column channel drop not null,
                       add column programme_id uuid,
                       add column line_id varchar(300),
                       add column seq bigserial;
update cost_entry set line_id = event_id;
alter table cost_entry alter column line_id set not null,
                       add constraint cost_entry_has_owner check (campaign_code is not null or programme_id is not null);
create index cost_entry_line on cost_entry (line_id, seq);
create index cost_entry_programme_day on cost_entry (programme_id, day) where programme_id is not null;
