-- The pacing curve goal progress expects revenue along: linear (default) or weekday weights.
alter table programme
    add column pacing          varchar(16) not null default 'linear',
    add column weekday_weights jsonb       not null default '{}';
