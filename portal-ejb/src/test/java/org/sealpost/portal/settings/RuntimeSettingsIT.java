package org.sealpost.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.config.Setting;

/**
 * The runtime settings on PostgreSQL without Payara: seeded once from the environment, then the
 * database wins; a change is audited old → new; a stale form is refused and saves nothing.
 */
class RuntimeSettingsIT {

    private static final Map<Setting, String> ENVIRONMENT = Map.of(
            Setting.ORGANISATION_NAME, "Bank Example",
            Setting.NOTIFY_SHOW_SUBJECT, "true",
            Setting.SMTP_FLAG_HEADER, "X-Gateway-Encrypt: on",
            Setting.SMTP_ALLOWED_CLIENTS, "10.1.2.0/24, 2001:db8::/32",
            Setting.RETRY_INTERVAL, "PT2M",
            Setting.RETRY_MAX_AGE, "P3D");

    private PortalJpa db;

    @BeforeEach
    void database() {
        db = PortalJpa.create("runtime-settings");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SettingsDesk desk(jakarta.persistence.EntityManager em, Map<Setting, String> environment) {
        return new SettingsDesk(
                em, () -> RuntimeSettingsSeed.fromSettings(s -> Optional.ofNullable(environment.get(s))));
    }

    @Test
    void theFirstReadSeedsFromTheEnvironmentAndLaterEnvironmentsChangeNothing() throws Exception {
        RuntimeSettings seeded = db.inTransaction(em -> desk(em, ENVIRONMENT).current());

        assertThat(seeded.branding().organisationName()).isEqualTo("Bank Example");
        assertThat(seeded.branding().showOriginalSubject()).isTrue();
        assertThat(seeded.bridgeRules().allowedClients()).containsExactly("10.1.2.0/24", "2001:db8::/32");
        assertThat(seeded.bridgeRules().flagHeaderName()).isEqualTo("X-Gateway-Encrypt");
        assertThat(seeded.bridgeRules().flagHeaderValue()).isEqualTo("on");
        assertThat(seeded.deliveryRetries()).isEqualTo(new DeliveryRetries(Duration.ofMinutes(2), Duration.ofDays(3)));

        RuntimeSettings later = db.inTransaction(
                em -> desk(em, Map.of(Setting.ORGANISATION_NAME, "Other")).current());

        assertThat(later.branding().organisationName()).isEqualTo("Bank Example");
        assertThat(auditDetails()).hasSize(1).first().asString().startsWith("seeded from the environment");
    }

    @Test
    void aChangeIsSavedAndAuditedWithTheOldAndTheNewValue() throws Exception {
        int version = db.inTransaction(em -> desk(em, ENVIRONMENT).current().version());

        db.inTransaction(em -> {
            desk(em, ENVIRONMENT)
                    .changeBranding(
                            "admin@bank.example",
                            "192.0.2.1",
                            version,
                            new Branding("Bank Example AG", AccentColour.of("#0f766e"), false),
                            Instant.now());
            return null;
        });

        RuntimeSettings now = db.inTransaction(em -> desk(em, ENVIRONMENT).current());
        assertThat(now.branding()).isEqualTo(new Branding("Bank Example AG", new AccentColour("#0f766e"), false));
        assertThat(now.version()).isEqualTo(version + 1);
        assertThat(auditDetails())
                .last()
                .asString()
                .contains("organisation name: 'Bank Example' → 'Bank Example AG'")
                .contains("accent colour: '#1d4ed8' → '#0f766e'")
                .contains("show original subject: true → false");
    }

    @Test
    void aStaleFormIsRefusedAndSavesNothing() throws Exception {
        int loaded = db.inTransaction(em -> desk(em, ENVIRONMENT).current().version());
        db.inTransaction(em -> {
            desk(em, ENVIRONMENT)
                    .changeDeliveryRetries(
                            "first@bank.example",
                            null,
                            loaded,
                            new DeliveryRetries(Duration.ofMinutes(1), Duration.ofDays(1)),
                            Instant.now());
            return null;
        });

        assertThatThrownBy(() -> db.inTransaction(em -> {
                    desk(em, ENVIRONMENT)
                            .changeBridgeRules(
                                    "second@bank.example",
                                    null,
                                    loaded,
                                    new BridgeRules(List.of("0.0.0.0/0"), "X-Any", "1", true),
                                    Instant.now());
                    return null;
                }))
                .isInstanceOf(SettingsChangedMeanwhileException.class);

        RuntimeSettings now = db.inTransaction(em -> desk(em, ENVIRONMENT).current());
        assertThat(now.bridgeRules().allowedClients()).containsExactly("10.1.2.0/24", "2001:db8::/32");
        assertThat(now.deliveryRetries().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(auditDetails()).noneMatch(d -> d.contains("0.0.0.0/0"));
    }

    @Test
    void aLogoIsStoredApartFromTheSettingsAndItsReplacementAudited() throws Exception {
        int version = db.inTransaction(em -> desk(em, ENVIRONMENT).current().version());
        LogoImage logo = LogoCheck.check(LogoCheckTest.png(8, 8));

        db.inTransaction(em -> {
            desk(em, ENVIRONMENT).replaceLogo("admin@bank.example", null, version, logo, Instant.now());
            return null;
        });

        RuntimeSettings now = db.inTransaction(em -> desk(em, ENVIRONMENT).current());
        assertThat(now.logo()).contains(new RuntimeSettings.LogoReference("image/png", logo.sha256()));
        assertThat(db.inTransaction(em -> desk(em, ENVIRONMENT).logo())
                        .orElseThrow()
                        .bytes())
                .isEqualTo(logo.bytes());
        assertThat(auditDetails())
                .last()
                .asString()
                .isEqualTo("logo: none → image/png " + logo.sha256().substring(0, 12));
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    desk(em, ENVIRONMENT).replaceLogo("admin@bank.example", null, version, null, Instant.now());
                    return null;
                }))
                .isInstanceOf(SettingsChangedMeanwhileException.class);
    }

    private List<String> auditDetails() throws Exception {
        List<String> details = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT detail FROM audit_event WHERE action = 'RUNTIME_SETTINGS_CHANGED' ORDER BY id")) {
            while (rs.next()) {
                details.add(rs.getString(1));
            }
        }
        return details;
    }
}
