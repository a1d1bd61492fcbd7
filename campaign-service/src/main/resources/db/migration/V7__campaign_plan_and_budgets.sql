-- A campaign's dates and total budget (in its programme's currency), all optional.
alter table campaign
    add column start_date date,
    add column end_date   date,
    add column budget     numeric check (budget >= 0),
    add constraint campaign_dates check (start_date is null or end_date is null or start_date <= end_date);

-- The spend plan: budget per campaign and period (a month, a quarter or a range of days in the programme's time
-- zone). Periods of one campaign never overlap (checked by the service under the campaign's row lock).
create table campaign_budget (
    id           uuid        primary key,
    campaign_id  uuid        not null references campaign (id),
    programme_id uuid        not null references programme (id),
    period       varchar(32) not null,
    first_day    date        not null,
    last_day     date        not null,
    amount       numeric     not null check (amount >= 0),
    currency     char(3)     not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    check (first_day <= last_day)
);
create index campaign_budget_campaign on campaign_budget (campaign_id, first_day);
create index campaign_budget_programme on campaign_budget (programme_id, first_day);
