package org.huitong.records;

/**
 * The statement that inserts or replaces one row of {@code stored_records}, per database. H2 in
 * PostgreSQL mode accepts {@code ON CONFLICT DO NOTHING} but not {@code DO UPDATE}, and
 * PostgreSQL 14 has no {@code MERGE}, so each database gets its own form.
 */
enum UpsertStatement {

    H2("MERGE INTO stored_records (record_type, business_key, version, content_hash, payload,"
            + " connector_id, batch_id, updated_at) KEY (record_type, business_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),

    POSTGRESQL("INSERT INTO stored_records (record_type, business_key, version, content_hash, payload,"
            + " connector_id, batch_id, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (record_type, business_key) DO UPDATE SET version = EXCLUDED.version,"
            + " content_hash = EXCLUDED.content_hash, payload = EXCLUDED.payload,"
            + " connector_id = EXCLUDED.connector_id, batch_id = EXCLUDED.batch_id,"
            + " updated_at = EXCLUDED.updated_at");

    private final String sql;

    UpsertStatement(String sql) {
        this.sql = sql;
    }

    /**
     * Returns the SQL with positional parameters, in the order of the column list: record type,
     * business key, version, content hash, payload, connector id, batch id, update time.
     */
    String sql() {
        return sql;
    }

    /**
     * Returns the statement for a JDBC database product name.
     *
     * @throws IllegalStateException for a database other than H2 or PostgreSQL
     */
    static UpsertStatement forProductName(String productName) {
        return switch (productName) {
            case "H2" -> H2;
            case "PostgreSQL" -> POSTGRESQL;
            default -> throw new IllegalStateException("The record store supports H2 and PostgreSQL,"
                    + " but the database is " + productName + "."
                    + " Set spring.datasource.url to an H2 or PostgreSQL database.");
        };
    }
}
