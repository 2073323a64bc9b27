package org.sealpost.portal.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * libargon2 and BouncyCastle compute the same Argon2id, so either verifies the other's hashes,
 * and the choice between them (ADR 0019) falls back or refuses as the setting says. The tests
 * that need libargon2 are skipped where it is not installed; CI installs it ({@code .ci/run}).
 */
class Argon2idImplementationTest {

    private static final Argon2Settings LIGHT = new Argon2Settings(256, 1, 1);

    private static NativeArgon2id nativeOrSkip() {
        try {
            return NativeArgon2id.load();
        } catch (NativeArgon2idUnavailableException e) {
            assumeTrue(false, "libargon2 is not installed: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void theRfc9106TestVectorIsTheOneBouncyCastleComputes() {
        // Checks the constant the native self-test compares with, by the independent implementation.
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(filled(16, 2))
                .withSecret(filled(8, 3))
                .withAdditional(filled(12, 4))
                .build());
        byte[] tag = new byte[32];
        generator.generateBytes(filled(32, 1), tag);

        assertThat(HexFormat.of().formatHex(tag)).isEqualTo(NativeArgon2id.RFC_9106_TAG);
    }

    @Test
    void nativeAndBouncyCastleComputeTheSameTagForTheSameInputs() {
        NativeArgon2id nativeArgon2 = nativeOrSkip();
        Random random = new Random(15);
        for (Argon2Settings settings : List.of(LIGHT, new Argon2Settings(1024, 3, 2), new Argon2Settings(64, 2, 4))) {
            for (int tagBytes : new int[] {16, 32, 64}) {
                byte[] password = new byte[random.nextInt(40)];
                byte[] salt = new byte[16];
                random.nextBytes(password);
                random.nextBytes(salt);

                assertThat(nativeArgon2.tag(password, settings, salt, tagBytes))
                        .as("%s, %d-byte tag", settings, tagBytes)
                        .isEqualTo(BouncyCastleArgon2id.INSTANCE.tag(password, settings, salt, tagBytes));
            }
        }
    }

    @Test
    void aHashStoredByBouncyCastleVerifiesNativelyAndTheOtherWayRound() {
        PasswordHasher bouncyCastle = new PasswordHasher(LIGHT, BouncyCastleArgon2id.INSTANCE);
        PasswordHasher nativeHasher = new PasswordHasher(LIGHT, nativeOrSkip());
        // Not ASCII, so the NFKC and UTF-8 steps are part of what must agree.
        char[] password = "Ｇrüße aus dem Büro ﬁnal".toCharArray();

        String stored = bouncyCastle.hash(password.clone());
        String storedNatively = nativeHasher.hash(password.clone());

        assertThat(nativeHasher.verify(password.clone(), stored)).isTrue();
        assertThat(nativeHasher.verify("Grüße aus dem Büro final!".toCharArray(), stored))
                .isFalse();
        assertThat(bouncyCastle.verify(password.clone(), storedNatively)).isTrue();
    }

    /** Vectors from the reference implementation's test suite (phc-winner-argon2, src/test.c), as PasswordHasherTest has them. */
    @Test
    void hashesOfTheReferenceImplementationVerifyNatively() {
        PasswordHasher nativeHasher = new PasswordHasher(LIGHT, nativeOrSkip());
        for (String reference : List.of(
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc")) {
            assertThat(nativeHasher.verify("password".toCharArray(), reference))
                    .as(reference)
                    .isTrue();
            assertThat(nativeHasher.verify("passwore".toCharArray(), reference))
                    .as(reference)
                    .isFalse();
        }
    }

    @Test
    void autoFallsBackToBouncyCastleWhenTheLibraryIsMissing() {
        Argon2idFunction chosen = Argon2idImplementation.AUTO.function(() -> {
            throw new NativeArgon2idUnavailableException("libargon2 could not be loaded (test)", null);
        });

        assertThat(chosen).isSameAs(BouncyCastleArgon2id.INSTANCE);
    }

    @Test
    void nativeRefusesWithAMessageThatSaysWhatToInstall() {
        // What JNA throws when the library is not on the system (its message, shortened).
        assertThatThrownBy(() -> Argon2idImplementation.NATIVE.function(() -> NativeArgon2id.load(() -> {
                    throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
                })))
                .isInstanceOf(NativeArgon2idUnavailableException.class)
                .hasMessageContaining("apt-get install libargon2-1");
    }

    @Test
    void bouncyCastleNeverLoadsNativeCode() {
        Argon2idFunction chosen = Argon2idImplementation.BOUNCYCASTLE.function(() -> {
            throw new AssertionError("the native loader was called");
        });

        assertThat(chosen).isSameAs(BouncyCastleArgon2id.INSTANCE);
    }

    @Test
    void theSettingIsReadWithoutCaseAndBlankMeansAuto() {
        assertThat(Argon2idImplementation.of(null)).isEqualTo(Argon2idImplementation.AUTO);
        assertThat(Argon2idImplementation.of(" ")).isEqualTo(Argon2idImplementation.AUTO);
        assertThat(Argon2idImplementation.of("Native")).isEqualTo(Argon2idImplementation.NATIVE);
        assertThat(Argon2idImplementation.of("bouncycastle")).isEqualTo(Argon2idImplementation.BOUNCYCASTLE);
        assertThatThrownBy(() -> Argon2idImplementation.of("libsodium"))
                .hasMessageContaining("auto, native or bouncycastle");
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
