package org.sealpost.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.ProductionReadiness;

/**
 * Runs first at deployment: refuses a production start with missing settings, then brings
 * the schema up to date. Every other start-up bean declares {@code @DependsOn("StartupGate")},
 * so nothing touches the database before Flyway has migrated it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupGate {

    private static final Logger LOG = Logger.getLogger(StartupGate.class.getName());

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private PortalSettings settings;

    private volatile String schemaVersion;

    @PostConstruct
    void open() {
        List<String> missing = new java.util.ArrayList<>(ProductionReadiness.missingSettings(settings::lookup));
        missing.addAll(ProductionReadiness.unsafeSettings(settings::lookup, PayaraClustering.enabled()));
        if (!missing.isEmpty()) {
            missing.forEach(line -> LOG.severe("sealpost: " + line));
            throw new IllegalStateException("Sealpost refuses to start in production: " + String.join("; ", missing));
        }
        SchemaMigrations.MigrationOutcome outcome = SchemaMigrations.migrate(dataSource);
        schemaVersion = outcome.schemaVersion();
        LOG.info(() -> "database schema at version " + outcome.schemaVersion() + " (" + outcome.migrationsApplied()
                + " migration(s) applied now); mode " + (settings.production() ? "prod" : "dev"));
    }

    /** The schema version once migrated, null before. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
