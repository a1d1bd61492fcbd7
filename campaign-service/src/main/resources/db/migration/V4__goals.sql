-- Revenue goals: per programme, optionally narrowed to one campaign or one channel, for one period (a month, a
-- quarter or a custom range of days in the programme's time zone). status is the last evaluated goal status.
create table goal (
    id           uuid         primary key,
    programme_id uuid         not null references programme (id),
    campaign_id  uuid         references campaign (id),
    channel      varchar(32),
    period       varchar(32)  not null,
    first_day    date         not null,
    last_day     date         not null check (last_day >= first_day),
    amount       numeric      not null check (amount > 0),
    currency     char(3)      not null,
    status       varchar(16),
    status_at    timestamptz,
    version      bigint       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    check (campaign_id is null or channel is null)
);
create unique index goal_scope_period on goal (programme_id,
    coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(channel, ''), period);
