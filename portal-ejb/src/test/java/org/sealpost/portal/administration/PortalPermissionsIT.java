package org.sealpost.portal.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PolicySeed;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.PortalPolicy;
import org.sealpost.portal.policy.Scope;

/** The portal permissions page's saves against PostgreSQL: changes, refusals, and stale forms. */
class PortalPermissionsIT {

    private static final String ADMIN = "postmaster@bank.example";

    private static PortalJpa db;

    private final Supplier<PortalPolicy> seed = () -> PolicySeed.fromSettings(
            s -> s == Setting.INTERNAL_DOMAINS ? Optional.of("bank.example") : Optional.empty(), Instant.now());

    @BeforeAll
    static void database() {
        db = PortalJpa.create("permissions");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seeded() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE portal_policy, audit_event RESTART IDENTITY");
        }
    }

    private EffectivePolicy current() throws Exception {
        return db.inTransaction(em -> new PortalPermissions(em, seed).current());
    }

    private List<PermissionChange> save(EffectivePolicy form) throws Exception {
        return db.inTransaction(em -> new PortalPermissions(em, seed).save(form, ADMIN, "192.0.2.7", Instant.now()));
    }

    private static EffectivePolicy with(EffectivePolicy f, PortalAction action, Scope scope) {
        Map<PortalAction, Scope> scopes = new EnumMap<>(f.scopes());
        scopes.put(action, scope);
        return new EffectivePolicy(
                scopes,
                f.internalDomains(),
                f.subdomainsInternal(),
                f.maxAttachmentBytes(),
                f.maxAttachmentCount(),
                f.version());
    }

    private static EffectivePolicy withDomains(EffectivePolicy f, List<String> domains) {
        return new EffectivePolicy(
                f.scopes(),
                domains,
                f.subdomainsInternal(),
                f.maxAttachmentBytes(),
                f.maxAttachmentCount(),
                f.version());
    }

    @Test
    void aSaveChangesThePolicyAndRecordsOldAndNewValues() throws Exception {
        EffectivePolicy shown = current();
        assertThat(shown.scopes().get(PortalAction.FORWARD)).isEqualTo(Scope.DISABLED);

        List<PermissionChange> changes = save(withDomains(
                with(shown, PortalAction.FORWARD, Scope.INTERNAL_ONLY), List.of("bank.example", "Bücher.example")));

        assertThat(changes)
                .extracting(PermissionChange::describe)
                .containsExactly(
                        "FORWARD: DISABLED -> INTERNAL_ONLY",
                        "INTERNAL_DOMAINS: bank.example -> bank.example xn--bcher-kva.example");
        EffectivePolicy now = current();
        assertThat(now.scopes().get(PortalAction.FORWARD)).isEqualTo(Scope.INTERNAL_ONLY);
        assertThat(now.internalDomains()).containsExactly("bank.example", "xn--bcher-kva.example");
        assertThat(now.version()).isEqualTo(shown.version() + 1);
        assertThat(text("SELECT action || ' ' || actor || ' ' || detail FROM audit_event"))
                .isEqualTo("POLICY_CHANGED " + ADMIN + " FORWARD: DISABLED -> INTERNAL_ONLY;"
                        + " INTERNAL_DOMAINS: bank.example -> bank.example xn--bcher-kva.example");
    }

    @Test
    void aFormFilledBeforeSomeoneElsesSaveIsRefusedAndTheirChangeStays() throws Exception {
        EffectivePolicy mine = current();
        EffectivePolicy theirs = current();
        save(with(theirs, PortalAction.FORWARD, Scope.INTERNAL_ONLY));

        assertThatThrownBy(() -> save(with(mine, PortalAction.REPLY, Scope.DISABLED)))
                .isInstanceOf(PolicyChangedMeanwhileException.class);

        EffectivePolicy stored = current();
        assertThat(stored.scopes().get(PortalAction.FORWARD)).isEqualTo(Scope.INTERNAL_ONLY);
        assertThat(stored.scopes().get(PortalAction.REPLY)).isEqualTo(Scope.INTERNAL_ONLY);
        assertThat(text("SELECT count(*) FROM audit_event")).isEqualTo("1");
    }

    @Test
    void aSaveThatRacesAnotherBetweenReadingAndWritingIsRefusedByTheVersionColumn() throws Exception {
        current();
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    PortalPermissions mine = new PortalPermissions(em, seed);
                    EffectivePolicy form = mine.current();
                    // Another administrator saves and commits while this transaction holds version 0.
                    save(with(current(), PortalAction.COMPOSE, Scope.DISABLED));
                    return mine.save(with(form, PortalAction.REPLY, Scope.DISABLED), ADMIN, null, Instant.now());
                }))
                .isInstanceOf(PolicyChangedMeanwhileException.class);

        EffectivePolicy stored = current();
        assertThat(stored.scopes().get(PortalAction.COMPOSE)).isEqualTo(Scope.DISABLED);
        assertThat(stored.scopes().get(PortalAction.REPLY)).isEqualTo(Scope.INTERNAL_ONLY);
    }

    @Test
    void malformedDomainsAreNamedAndNothingIsSaved() throws Exception {
        EffectivePolicy shown = current();

        assertThatThrownBy(() -> save(withDomains(
                        with(shown, PortalAction.FORWARD, Scope.INTERNAL_ONLY),
                        List.of("bank.example", "not a domain", "-bad-.example"))))
                .isInstanceOfSatisfying(
                        InvalidDomainsException.class,
                        e -> assertThat(e.refused()).containsExactly("not a domain", "-bad-.example"));

        EffectivePolicy stored = current();
        assertThat(stored.scopes().get(PortalAction.FORWARD)).isEqualTo(Scope.DISABLED);
        assertThat(stored.version()).isEqualTo(shown.version());
        assertThat(text("SELECT count(*) FROM audit_event")).isEqualTo("0");
    }

    @Test
    void aFormThatChangesNothingWritesNothing() throws Exception {
        EffectivePolicy shown = current();

        assertThat(save(withDomains(shown, List.of("BANK.example")))).isEmpty();

        assertThat(current().version()).isEqualTo(shown.version());
        assertThat(text("SELECT count(*) FROM audit_event")).isEqualTo("0");
    }

    private static String text(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
