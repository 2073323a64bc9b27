package org.sealpost.portal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index key derived from the keystore (ADR 0007). */
class DerivedKeyTest {

    private static final char[] PASSWORD = "derived key test".toCharArray();

    @TempDir
    Path dir;

    @Test
    void hkdfMatchesRfc5869TestCase3() {
        // RFC 5869 appendix A.3: IKM 22 x 0x0b, no salt, no info; the first 32 of the 42 OKM bytes.
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);

        byte[] okm = KeyEncryptionKeys.hkdfSha256(ikm, new byte[0]);

        assertThat(HexFormat.of().formatHex(okm))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    }

    @Test
    void theSameKeystoreGivesTheSameKeyAfterARestartAndAfterARotation() {
        Path keystore = dir.resolve("kek.p12");
        KeyEncryptionKeys first = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);
        byte[] before = first.derivedKey("sealpost/search-index-key/v1");

        first.rotate();
        byte[] afterRotation = KeyEncryptionKeys.open(keystore, PASSWORD).derivedKey("sealpost/search-index-key/v1");

        assertThat(before).hasSize(32);
        assertThat(afterRotation).isEqualTo(before);
    }

    @Test
    void eachPurposeAndEachKeystoreHasItsOwnKeyAndNoneIsTheKekItself() {
        KeyEncryptionKeys keks = KeyEncryptionKeys.openOrCreate(dir.resolve("a.p12"), PASSWORD);
        KeyEncryptionKeys other = KeyEncryptionKeys.openOrCreate(dir.resolve("b.p12"), PASSWORD);

        byte[] search = keks.derivedKey("sealpost/search-index-key/v1");

        assertThat(search).isNotEqualTo(keks.derivedKey("sealpost/something-else/v1"));
        assertThat(search).isNotEqualTo(other.derivedKey("sealpost/search-index-key/v1"));
        assertThat(search).isNotEqualTo(keks.key(1).getEncoded());
    }
}
