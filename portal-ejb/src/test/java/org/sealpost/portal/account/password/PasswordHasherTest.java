package org.sealpost.portal.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** Cheap settings for tests that are not about the cost itself. */
    private static final Argon2Settings LIGHT = new Argon2Settings(256, 1, 1);

    private final PasswordHasher light = new PasswordHasher(LIGHT);

    @Test
    void aNewHashIsAnArgon2idPhcStringWithTheOwaspParametersA16ByteSaltAndA32ByteTag() {
        String phc = new PasswordHasher().hash("violet tractor membrane".toCharArray());

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        String[] fields = phc.split("\\$");
        assertThat(Base64.getDecoder().decode(fields[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(fields[5])).hasSize(32);
    }

    @Test
    void theRightPasswordVerifiesAndAnyOtherDoesNot() {
        String phc = light.hash("violet tractor membrane".toCharArray());

        assertThat(light.verify("violet tractor membrane".toCharArray(), phc)).isTrue();
        assertThat(light.verify("violet tractor membranE".toCharArray(), phc)).isFalse();
        assertThat(light.verify("violet tractor membrane ".toCharArray(), phc)).isFalse();
        assertThat(light.verify(new char[0], phc)).isFalse();
    }

    @Test
    void aHasherWithOneTurnAtATimeHashesAndVerifiesFromManyThreads() throws Exception {
        PasswordHasher oneAtATime = new PasswordHasher(LIGHT, BouncyCastleArgon2id.INSTANCE, 1);
        String phc = oneAtATime.hash("violet tractor membrane".toCharArray());
        java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                String guess = i % 2 == 0 ? "violet tractor membrane" : "violet tractor membranE";
                checks.add(threads.submit(() -> oneAtATime.verify(guess.toCharArray(), phc)));
            }
        }

        assertThat(oneAtATime.concurrency()).isEqualTo(1);
        for (int i = 0; i < checks.size(); i++) {
            assertThat(checks.get(i).get()).isEqualTo(i % 2 == 0);
        }
        assertThat(light.concurrency()).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> new PasswordHasher(LIGHT, BouncyCastleArgon2id.INSTANCE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyHashGetsItsOwnSalt() {
        char[] password = "violet tractor membrane".toCharArray();

        assertThat(light.hash(password)).isNotEqualTo(light.hash(password));
    }

    /** Vectors from the Argon2 reference implementation's test suite (phc-winner-argon2, src/test.c). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
            })
    void hashesOfTheReferenceImplementationVerify(String reference) {
        assertThat(light.verify("password".toCharArray(), reference)).isTrue();
        assertThat(light.verify("passwore".toCharArray(), reference)).isFalse();
    }

    @Test
    void withTheReferenceSaltAndParametersTheHashIsTheReferenceHash() {
        PasswordHasher reference = new PasswordHasher(new Argon2Settings(256, 2, 2));

        assertThat(reference.hash("password".toCharArray(), "somesalt".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc");
    }

    @Test
    void configuredParametersAreWrittenToTheHashAndUsedToVerifyIt() {
        PasswordHasher configured = new PasswordHasher(new Argon2Settings(8192, 1, 1));

        String phc = configured.hash("violet tractor membrane".toCharArray());

        assertThat(phc).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
        assertThat(configured.verify("violet tractor membrane".toCharArray(), phc))
                .isTrue();
        assertThat(new PasswordHasher().verify("violet tractor membrane".toCharArray(), phc))
                .as("a hasher with other settings reads them from the string")
                .isTrue();
    }

    @Test
    void eachCostParameterReallyChangesTheHash() {
        char[] password = "violet tractor membrane".toCharArray();
        byte[] salt = new byte[16];

        String base = tag(new PasswordHasher(new Argon2Settings(8192, 1, 1)).hash(password, salt));

        assertThat(tag(new PasswordHasher(new Argon2Settings(16384, 1, 1)).hash(password, salt)))
                .isNotEqualTo(base);
        assertThat(tag(new PasswordHasher(new Argon2Settings(8192, 2, 1)).hash(password, salt)))
                .isNotEqualTo(base);
        assertThat(tag(new PasswordHasher(new Argon2Settings(8192, 1, 2)).hash(password, salt)))
                .isNotEqualTo(base);
        assertThat(tag(new PasswordHasher(new Argon2Settings(8192, 1, 1)).hash(password, salt)))
                .as("same inputs, same hash: the differences above come from the parameter")
                .isEqualTo(base);
    }

    @Test
    void aHashMadeWithOtherSettingsNeedsRehashingAndOneWithTheCurrentSettingsDoesNot() {
        PasswordHasher current = new PasswordHasher(new Argon2Settings(512, 2, 1));
        String old = light.hash("violet tractor membrane".toCharArray());

        assertThat(current.needsRehash(old)).isTrue();
        assertThat(current.verify("violet tractor membrane".toCharArray(), old)).isTrue();
        assertThat(current.needsRehash(current.hash("violet tractor membrane".toCharArray())))
                .isFalse();
    }

    @Test
    void aHashWithAShorterSaltThanNewOnesNeedsRehashing() {
        String eightByteSalt = "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$" + "A".repeat(43);

        assertThat(light.needsRehash(eightByteSalt)).isTrue();
    }

    @Test
    void aLigatureAndTheLettersItStandsForAreOnePassword() {
        String phc = light.hash("\uFB01sh and chips forever".toCharArray());

        assertThat(light.verify("fish and chips forever".toCharArray(), phc)).isTrue();
    }

    @Test
    void fullWidthAndAsciiDigitsAreOnePassword() {
        String phc = light.hash("violet tractor \uFF14\uFF12".toCharArray());

        assertThat(light.verify("violet tractor 42".toCharArray(), phc)).isTrue();
    }

    @Test
    void aPasswordOutsideTheBasicMultilingualPlaneRoundTrips() {
        char[] password = "\uD83D\uDD12 lock and key \uD83D\uDD11".toCharArray();

        assertThat(light.verify(password, light.hash(password))).isTrue();
    }

    @Test
    void anUnpairedSurrogateCannotBeHashedAndNeverVerifies() {
        char[] broken = "violet tractor \uD800".toCharArray();
        String phc = light.hash("violet tractor ?".toCharArray());

        assertThatThrownBy(() -> light.hash(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThat(light.verify(broken, phc)).isFalse();
    }

    @Test
    void theDummyVerificationNeverSucceeds() {
        assertThat(light.verifyAgainstDummy("violet tractor membrane".toCharArray()))
                .isFalse();
        assertThat(light.verifyAgainstDummy(new char[0])).isFalse();
    }

    @Test
    void theDummyVerificationTakesAsLongAsARealOne() {
        PasswordHasher hasher = new PasswordHasher();
        char[] password = "violet tractor membrane".toCharArray();
        String phc = hasher.hash(password);

        // One warm-up each, then the two alternate, so that a machine busy with something else
        // for a second slows both alike (measured one after the other, a CI run's neighbours once
        // made the real checks 5x slower than the dummy ones that followed).
        hasher.verify(password, phc);
        hasher.verifyAgainstDummy(password);
        long[] real = new long[7];
        long[] dummy = new long[7];
        for (int i = 0; i < real.length; i++) {
            real[i] = time(() -> hasher.verify(password, phc));
            dummy[i] = time(() -> hasher.verifyAgainstDummy(password));
        }

        // Both run Argon2 with 19 MiB; returning early would take microseconds, not milliseconds.
        assertThat(median(dummy)).isBetween(median(real) / 3, median(real) * 3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "violet tractor membrane",
                "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
                "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8",
                "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=256,t=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
                "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$bmY2NQ",
                "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "$argon2id$v=19$m=8,t=1,p=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            })
    void aStringThatIsNotAnArgon2idPhcHashIsRefusedWithAReasonThatDoesNotQuoteIt(String phc) {
        assertThatThrownBy(() -> light.verify("password".toCharArray(), phc))
                .isInstanceOf(InvalidPasswordHashException.class)
                .message()
                .isNotBlank()
                .doesNotContain("nf65EOgLrQMR")
                .doesNotContain("R9h/cIPz0gi");
        assertThatThrownBy(() -> light.needsRehash(phc)).isInstanceOf(InvalidPasswordHashException.class);
    }

    @Test
    void aMissingHashIsRefusedClearly() {
        assertThatThrownBy(() -> light.verify("password".toCharArray(), null))
                .isInstanceOf(InvalidPasswordHashException.class)
                .hasMessageContaining("no password hash");
    }

    @Test
    void anotherAlgorithmIsNamedInTheRefusal() {
        assertThatThrownBy(() -> light.verify(
                        "password".toCharArray(),
                        "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8"))
                .hasMessageContaining("\"argon2i\"")
                .hasMessageContaining("only argon2id");
    }

    @Test
    void settingsOutsideRfc9106AreRefused() {
        assertThatThrownBy(() -> new Argon2Settings(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Settings(256, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Settings(256, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Argon2Settings(16, 1, 2).memoryKiB()).isEqualTo(16);
    }

    private static String tag(String phc) {
        return phc.substring(phc.lastIndexOf('$') + 1);
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
