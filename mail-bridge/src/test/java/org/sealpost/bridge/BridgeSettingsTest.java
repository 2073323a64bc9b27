package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class BridgeSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() throws NoSuchAlgorithmException {
        BridgeSettings settings =
                BridgeSettings.builder().sslContext(SSLContext.getDefault()).build();

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.maxMessageBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(settings.maxRecipients()).isEqualTo(100);
        assertThat(settings.maxConnections()).isEqualTo(50);
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.allowedClients()).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(settings.requireClientCertificate()).isFalse();
        assertThat(settings.flagHeaderName()).isEqualTo("X-Sealpost-Encrypt");
        assertThat(settings.flagHeaderValue()).isEqualTo("yes");
        assertThat(settings.acceptUnflagged()).isFalse();
        assertThat(settings.internalDomains()).isEmpty();
        assertThat(settings.reservedDomains()).isEmpty();
    }

    @Test
    void bytesInFlightDefaultToTwoLargestMessagesAndMustHoldOne() throws NoSuchAlgorithmException {
        BridgeSettings defaults =
                BridgeSettings.builder().sslContext(SSLContext.getDefault()).build();
        assertThat(defaults.maxBytesInFlight()).isEqualTo(2 * 2 * 25L * 1024 * 1024);
        BridgeSettings small = BridgeSettings.builder()
                .sslContext(SSLContext.getDefault())
                .maxMessageBytes(1000)
                .build();
        assertThat(small.maxBytesInFlight()).isEqualTo(4000);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BridgeSettings.builder()
                        .sslContext(SSLContext.getDefault())
                        .maxMessageBytes(1000)
                        .maxBytesInFlight(1999)
                        .build())
                .withMessageStartingWith("maxBytesInFlight: ");
    }

    @Test
    void badCidrIsRefusedNamingTheSettingAndTheEntry() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BridgeSettings.builder().allowedClients(List.of("10.0.0.0/8", "192.168.1.1/24")))
                .withMessageStartingWith("allowedClients: ")
                .withMessageContaining("192.168.1.1/24")
                .withMessageContaining("192.168.1.0/24");
    }

    @Test
    void bindAddressMustBeAnIpLiteral() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BridgeSettings.builder().bindAddress("mail.example.org"))
                .withMessageStartingWith("bindAddress: ");
        assertThat(BridgeSettings.builder().bindAddress("::1")).isNotNull();
    }

    @Test
    void numericSettingsAreRangeChecked() {
        BridgeSettings.Builder builder = BridgeSettings.builder();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.port(65536))
                .withMessageStartingWith("port: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.maxMessageBytes(0))
                .withMessageStartingWith("maxMessageBytes: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.maxMessageBytes(2L << 30))
                .withMessageStartingWith("maxMessageBytes: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.maxRecipients(0))
                .withMessageStartingWith("maxRecipients: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.maxConnections(0))
                .withMessageStartingWith("maxConnections: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.idleTimeout(Duration.ZERO))
                .withMessageStartingWith("idleTimeout: ");
    }

    @Test
    void namesAreChecked() {
        BridgeSettings.Builder builder = BridgeSettings.builder();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.hostName("bridge example"))
                .withMessageStartingWith("hostName: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.flagHeaderName("X-Flag:"))
                .withMessageStartingWith("flagHeaderName: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.flagHeaderValue(" "))
                .withMessageStartingWith("flagHeaderValue: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.internalDomains(Set.of("customer.example", "not a domain")))
                .withMessageStartingWith("internalDomains: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.reservedDomains(Set.of("warm-up.invalid", "not a domain")))
                .withMessageStartingWith("reservedDomains: ");
    }

    @Test
    void internalDomainsAreKeptInLowerCase() {
        BridgeSettings.Builder builder = BridgeSettings.builder().internalDomains(Set.of("Customer.EXAMPLE"));

        assertThat(builder.sslContext(defaultContext()).build().internalDomains())
                .containsExactly("customer.example");
    }

    @Test
    void reservedDomainsAreKeptInLowerCase() {
        BridgeSettings.Builder builder = BridgeSettings.builder().reservedDomains(Set.of("Warm-Up.INVALID"));

        assertThat(builder.sslContext(defaultContext()).build().reservedDomains())
                .containsExactly("warm-up.invalid");
    }

    @Test
    void tlsMaterialIsRequiredBecauseTheBridgeOnlySpeaksTls() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BridgeSettings.builder().build())
                .withMessageContaining("certificates/sslContext");
    }

    @Test
    void clientTrustStoreCannotBeCombinedWithAReadySslContext() throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BridgeSettings.builder()
                        .sslContext(defaultContext())
                        .clientTrustStore(trustStore)
                        .build())
                .withMessageStartingWith("clientTrustStore: ");
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
