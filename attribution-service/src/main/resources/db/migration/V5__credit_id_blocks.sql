-- Credit ids come in blocks of 50 (Hibernate's pooled optimizer), so a conversion's rows are inserted in one JDBC batch
-- instead of one round trip each.
ALTER SEQUENCE credit_id_seq INCREMENT BY 50;
