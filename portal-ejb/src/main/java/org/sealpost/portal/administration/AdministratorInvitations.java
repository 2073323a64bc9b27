package org.sealpost.portal.administration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * At start-up, every address of {@code SEALPOST_ADMIN_EMAILS} without an account gets a
 * PENDING administrator account and a registration link by mail: no default password ever
 * exists. An address that already has a recipient account is not promoted silently; the log
 * says so, and an operator decides.
 */
@Singleton
@Startup
@DependsOn("StartupGate")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdministratorInvitations {

    private static final Logger LOG = Logger.getLogger(AdministratorInvitations.class.getName());

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private PortalSettings settings;

    @PostConstruct
    void inviteNewAdministrators() {
        List<String> addresses = settings.list(Setting.ADMIN_EMAILS, List.of());
        for (String text : addresses) {
            EmailAddress address = EmailAddress.of(text);
            try (Connection c = dataSource.getConnection()) {
                Long created =
                        AccountDirectory.insertPendingAdministrator(c, address).orElse(null);
                if (created != null) {
                    OutboundQueue.queue(
                            c, OutboundKind.REGISTRATION_LINK.name(), address.value(), created, Instant.now());
                    LOG.info(() -> "administrator " + address + " invited to register");
                } else if (!AccountDirectory.isAdministrator(c, address)) {
                    LOG.warning(() -> address + " is listed in " + Setting.ADMIN_EMAILS.environmentVariable()
                            + " but already has a recipient account; it is not made an administrator automatically");
                }
            } catch (SQLException | StorageUnavailableException e) {
                throw new IllegalStateException("cannot invite administrator " + address + ": " + e.getMessage(), e);
            }
        }
    }
}
