-- Events taken in once each (Kafka delivers at least once): the consumer and the event id.
create table processed_event (
    consumer   varchar(64)  not null,
    event_id   varchar(300) not null,
    handled_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- Attributed revenue from tally.attributions, rolled up per programme, campaign, channel, model and day (the day of the
-- conversion in the programme's time zone). Every model is kept, so a change of the programme's official model
-- applies to its whole history.
create table attributed_daily (
    programme_id uuid          not null,
    campaign_id  uuid          not null,
    channel      varchar(32)   not null,
    model        varchar(32)   not null,
    day          date          not null,
    currency     char(3)       not null,
    amount       numeric       not null,
    conversions  numeric       not null,
    primary key (programme_id, campaign_id, channel, model, day, currency)
);

-- Costs from tally.costs as reported, one row per event; they reach a campaign through its tracking codes when read,
-- so a cost reported before its code was set up still counts once the code is.
create table cost_entry (
    event_id      varchar(300) primary key,
    campaign_code varchar(200) not null,
    channel       varchar(32)  not null,
    day           date         not null,
    currency      char(3)      not null,
    amount        numeric      not null check (amount >= 0),
    source        varchar(64),
    received_at   timestamptz  not null
);
create index cost_entry_code_day on cost_entry (campaign_code, day);
