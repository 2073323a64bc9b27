package org.sealpost.portal.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one database connection pool. URL and credentials come from MicroProfile Config at
 * deployment ({@code SEALPOST_DB_URL}, or the system properties the launcher sets for the
 * embedded database), so nothing is baked in at build time.
 *
 * <p>Connections are validated before use so the pool recovers on its own after a
 * database restart: the bridge then answers {@code 451} while the database is away and
 * {@code 250} again once it is back, without a portal restart.
 */
@DataSourceDefinition(
        name = SealpostDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=sealpost.db.url}",
        user = "${MPCONFIG=sealpost.db.user}",
        password = "${MPCONFIG=sealpost.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true",
            // Validating on every checkout cost a database round trip per stored message
            // (profiled under the ingest benchmark); once per connection per 5 s still catches
            // a restarted database within seconds, and a failure in between is a 451 retry.
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            // A broken pool must not hold a bridge session for minutes.
            "fish.payara.max-wait-time-in-millis=5000",
            "tcpKeepAlive=true",
            "connectTimeout=5",
            "reWriteBatchedInserts=true"
        })
public final class SealpostDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/sealpost";

    private SealpostDataSource() {}
}
