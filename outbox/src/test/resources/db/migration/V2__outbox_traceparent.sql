-- The trace context of the transaction that appended a row, sent as the record's traceparent header (outbox/README.md).
alter table outbox add column traceparent varchar(55);
