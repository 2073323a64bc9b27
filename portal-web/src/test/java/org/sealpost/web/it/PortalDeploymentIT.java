package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StartupGate;

@ExtendWith(ArquillianExtension.class)
class PortalDeploymentIT {

    @Deployment
    static WebArchive portal() {
        return PortalDeployment.withTestClasses(PortalDeploymentIT.class);
    }

    @Inject
    private StartupGate startupGate;

    @Inject
    private AccountDirectory accounts;

    @Test
    void deploymentMigratesTheSchemaBeforeAnythingUsesIt() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(SealpostDataSource.JNDI_NAME);

        assertThat(startupGate.schemaVersion()).matches("\\d+");
        assertThat(SchemaMigrations.pendingMigrations(dataSource)).isZero();
    }

    @Test
    void anAccountPersistedThroughTheDirectoryIsFoundAgainByItsCaseFoldedAddress() {
        Account created = accounts.findOrCreatePending(EmailAddress.of("Customer.One@Client.Example"));

        Account found =
                accounts.find(EmailAddress.of("customer.one@client.example")).orElseThrow();

        assertThat(found.id()).isEqualTo(created.id());
        assertThat(found.state()).isEqualTo(AccountState.PENDING);
        assertThat(accounts.findOrCreatePending(EmailAddress.of("CUSTOMER.ONE@client.example"))
                        .id())
                .isEqualTo(created.id());
    }

    @Test
    @RunAsClient
    void readinessIsUpOverHttpOnceDeployed(@ArquillianResource URL portalUrl) throws Exception {
        URI ready = URI.create("http://" + portalUrl.getHost() + ":" + portalUrl.getPort() + "/health/ready");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").containsPattern("\"schema\":\"\\d+\"");
    }

    @Test
    @RunAsClient
    void landingPageRendersThroughJsfAndPrimeFaces(@ArquillianResource URL portalUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(portalUrl.toURI().resolve("index.xhtml"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("Sealpost secure messages")
                .containsPattern("database schema version \\d+");
    }
}
