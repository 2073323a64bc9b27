package org.sealpost.portal.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key = new SecretKeySpec(new byte[32], "AES");

    @Test
    void usesSunJceEvenWhenBouncyCastleIsRegisteredAsTheFirstProvider() throws Exception {
        Provider bc = new BouncyCastleProvider();
        assertThat(Security.getProvider(bc.getName()))
                .as("test assumes BC is not registered yet")
                .isNull();
        Security.insertProviderAt(bc, 1);
        try {
            // The trap this guards against: the unpinned lookup now picks BouncyCastle.
            assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
                    .isEqualTo("BC");
            assertThat(AesGcm.providerName()).isEqualTo("SunJCE");
            byte[] sealed = AesGcm.seal(key, new byte[] {1, 2, 3}, context("a"), random);
            assertThat(AesGcm.open(key, sealed, context("a"))).containsExactly(1, 2, 3);
        } finally {
            Security.removeProvider(bc.getName());
        }
    }

    @Test
    void ciphertextOpensOnlyWithTheContextItWasSealedWith() throws Exception {
        byte[] sealed = AesGcm.seal(key, "hello".getBytes(StandardCharsets.UTF_8), context("mime|1"), random);

        assertThat(AesGcm.open(key, sealed, context("mime|1")))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("hello");
        assertThatThrownBy(() -> AesGcm.open(key, sealed, context("mime|2"))).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> AesGcm.open(key, sealed, context("metadata|1")))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> AesGcm.open(key, sealed, new byte[0])).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void malformedInputIsReportedBeforeDecrypting() {
        assertThatThrownBy(() -> AesGcm.open(key, new byte[AesGcm.OVERHEAD_BYTES - 1], context("x")))
                .isInstanceOf(AesGcm.MalformedSealException.class)
                .hasMessageContaining("28 bytes, shorter than the 29-byte minimum");
        byte[] futureVersion = new byte[AesGcm.OVERHEAD_BYTES];
        futureVersion[0] = 9;
        assertThatThrownBy(() -> AesGcm.open(key, futureVersion, context("x")))
                .isInstanceOf(AesGcm.MalformedSealException.class)
                .hasMessageContaining("unknown ciphertext format version 9");
    }

    private static byte[] context(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
