package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class ServerTlsPolicyTest {

    @Test
    void onlyTls13AndTls12AreEnabled() throws NoSuchAlgorithmException {
        SSLParameters parameters = new ServerTlsPolicy(SSLContext.getDefault(), false).parameters();

        assertThat(parameters.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void onlyForwardSecretAeadSuitesAreEnabledStrongestFirst() throws NoSuchAlgorithmException {
        SSLParameters parameters = new ServerTlsPolicy(SSLContext.getDefault(), false).parameters();

        assertThat(parameters.getCipherSuites()).isNotEmpty().allSatisfy(suite -> {
            boolean tls13 = suite.matches("TLS_(AES_(128|256)_GCM|CHACHA20_POLY1305)_SHA(256|384)");
            boolean ecdheAead =
                    suite.matches("TLS_ECDHE_(ECDSA|RSA)_WITH_(AES_(128|256)_GCM|CHACHA20_POLY1305)_SHA(256|384)");
            assertThat(tls13 || ecdheAead).as(suite).isTrue();
        });
        assertThat(parameters.getCipherSuites()[0]).isEqualTo("TLS_AES_256_GCM_SHA384");
    }

    @Test
    void serverCipherOrderIsUsed() throws NoSuchAlgorithmException {
        assertThat(new ServerTlsPolicy(SSLContext.getDefault(), false)
                        .parameters()
                        .getUseCipherSuitesOrder())
                .isTrue();
    }

    @Test
    void clientCertificateIsNeededOnlyWhenConfigured() throws NoSuchAlgorithmException {
        assertThat(new ServerTlsPolicy(SSLContext.getDefault(), true)
                        .parameters()
                        .getNeedClientAuth())
                .isTrue();
        assertThat(new ServerTlsPolicy(SSLContext.getDefault(), false)
                        .parameters()
                        .getNeedClientAuth())
                .isFalse();
    }
}
