-- Tracking codes get a type and a validity span: a code can be re-pointed to another campaign from an instant on,
-- keeping the old span as history. Spans of one code never overlap (checked by the service under a per-code advisory
-- lock); at most one campaign holds a code open-ended (the unique index below).
alter table tracking_code
    add column type        varchar(32) not null default 'other',
    add column valid_from  timestamptz,
    add column valid_until timestamptz,
    add constraint tracking_code_span check (valid_from is null or valid_until is null or valid_from < valid_until);
alter table tracking_code alter column type drop default;
drop index tracking_code_code_key;
create unique index tracking_code_open_key on tracking_code (code) where valid_until is null;
create index tracking_code_code on tracking_code (code);
