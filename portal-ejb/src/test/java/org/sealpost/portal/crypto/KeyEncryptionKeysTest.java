package org.sealpost.portal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeysTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void openOrCreateCreatesAnOwnerOnlyKeystoreWithKekV1() throws Exception {
        Path keystore = dir.resolve("nested/data/kek.p12");

        KeyEncryptionKeys keks = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);

        assertThat(keystore).exists();
        assertThat(keks.currentVersion()).isEqualTo(1);
        assertThat(keks.versions()).containsExactly(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)))
                .isEqualTo("rw-------");
        assertThat(Files.list(keystore.getParent())).containsExactly(keystore);
    }

    @Test
    void secondOpenReusesTheKeystoreCreatedInDevMode() throws Exception {
        Path keystore = dir.resolve("kek.p12");
        KeyEncryptionKeys created = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);
        byte[] fileAfterCreation = Files.readAllBytes(keystore);

        KeyEncryptionKeys reopened = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);
        KeyEncryptionKeys opened = KeyEncryptionKeys.open(keystore, PASSWORD);

        assertThat(Files.readAllBytes(keystore)).isEqualTo(fileAfterCreation);
        assertThat(reopened.key(1).getEncoded()).isEqualTo(created.key(1).getEncoded());
        assertThat(opened.key(1).getEncoded()).isEqualTo(created.key(1).getEncoded());
        UUID id = UUID.randomUUID();
        SealedMessage sealed = new MessageSealer(created).seal(id, new byte[] {1, 2, 3}, new byte[] {4});
        assertThat(new MessageSealer(opened).openMime(id, sealed)).containsExactly(1, 2, 3);
    }

    @Test
    void wrongPasswordFailsWithAClearMessage() {
        Path keystore = dir.resolve("kek.p12");
        KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);

        assertThatThrownBy(() -> KeyEncryptionKeys.open(keystore, "wrong".toCharArray()))
                .isInstanceOf(KeyStoreUnusableException.class)
                .hasMessageContaining("Wrong password for KEK keystore " + keystore.toAbsolutePath());
        assertThatThrownBy(() -> KeyEncryptionKeys.openOrCreate(keystore, "wrong".toCharArray()))
                .isInstanceOf(KeyStoreUnusableException.class)
                .hasMessageContaining("Wrong password");
    }

    @Test
    void openFailsClearlyWhenTheKeystoreIsAbsentAndDoesNotCreateIt() {
        Path keystore = dir.resolve("missing.p12");

        assertThatThrownBy(() -> KeyEncryptionKeys.open(keystore, PASSWORD))
                .isInstanceOf(KeyStoreUnusableException.class)
                .hasMessageContaining(keystore.toAbsolutePath() + " does not exist");
        assertThat(keystore).doesNotExist();
    }

    @Test
    void openFailsClearlyWhenTheFileIsNotAKeystore() throws Exception {
        Path keystore = dir.resolve("kek.p12");
        Files.writeString(keystore, "not a keystore");

        assertThatThrownBy(() -> KeyEncryptionKeys.open(keystore, PASSWORD))
                .isInstanceOf(KeyStoreUnusableException.class)
                .hasMessageContaining("is not a readable PKCS#12 file");
    }

    @Test
    void openFailsClearlyWhenTheKeystoreHoldsNoKekEntry() throws Exception {
        Path keystore = dir.resolve("other-keys.p12");
        writeKeystore(keystore, "some-other-key", 256);

        assertThatThrownBy(() -> KeyEncryptionKeys.open(keystore, PASSWORD))
                .isInstanceOf(KeyStoreUnusableException.class)
                .hasMessageContaining("holds no key-encryption key");
    }

    @Test
    void openRefusesAKekEntryThatIsNotAnAes256Key() throws Exception {
        Path keystore = dir.resolve("short-key.p12");
        writeKeystore(keystore, "kek-v1", 128);

        assertThatThrownBy(() -> KeyEncryptionKeys.open(keystore, PASSWORD))
                .isInstanceOf(KeyStoreUnusableException.class)
                .hasMessageContaining("entry kek-v1 is not an AES-256 key");
    }

    @Test
    void rotateAddsTheNextVersionAndPersistsItOwnerOnly() throws Exception {
        Path keystore = dir.resolve("kek.p12");
        KeyEncryptionKeys keks = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);
        byte[] v1 = keks.key(1).getEncoded();

        assertThat(keks.rotate()).isEqualTo(2);
        assertThat(keks.rotate()).isEqualTo(3);

        KeyEncryptionKeys reopened = KeyEncryptionKeys.open(keystore, PASSWORD);
        assertThat(reopened.versions()).containsExactly(1, 2, 3);
        assertThat(reopened.currentVersion()).isEqualTo(3);
        assertThat(reopened.key(1).getEncoded()).isEqualTo(v1);
        assertThat(reopened.key(2).getEncoded()).isNotEqualTo(v1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)))
                .isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(keystore);
    }

    @Test
    void versionRotatedByAnotherInstanceIsFoundWhenOpeningItsMessages() throws Exception {
        Path keystore = dir.resolve("kek.p12");
        KeyEncryptionKeys nodeA = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);
        KeyEncryptionKeys nodeB = KeyEncryptionKeys.open(keystore, PASSWORD);
        nodeA.rotate();
        UUID id = UUID.randomUUID();
        SealedMessage sealedOnA = new MessageSealer(nodeA).seal(id, new byte[] {42}, new byte[0]);

        byte[] openedOnB = new MessageSealer(nodeB).openMime(id, sealedOnA);

        assertThat(sealedOnA.kekVersion()).isEqualTo(2);
        assertThat(openedOnB).containsExactly(42);
        assertThat(nodeB.versions()).containsExactly(1, 2);
        assertThat(nodeB.rotate()).isEqualTo(3);
    }

    @Test
    void neitherTheKeystoreFileNorToStringContainsRawKeyMaterial() throws Exception {
        Path keystore = dir.resolve("kek.p12");
        KeyEncryptionKeys keks = KeyEncryptionKeys.openOrCreate(keystore, PASSWORD);
        keks.rotate();
        byte[] file = Files.readAllBytes(keystore);

        for (int version : keks.versions()) {
            byte[] key = keks.key(version).getEncoded();
            assertThat(contains(file, key)).isFalse();
            assertThat(keks.toString()).doesNotContain(HexFormat.of().formatHex(key));
        }
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(new String(PASSWORD));
        assertThat(keks.toString()).isEqualTo("KeyEncryptionKeys[" + keystore.toAbsolutePath() + ", versions=[1, 2]]");
    }

    private static void writeKeystore(Path path, String alias, int bits) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(bits);
        store.setEntry(
                alias, new KeyStore.SecretKeyEntry(generator.generateKey()), new KeyStore.PasswordProtection(PASSWORD));
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
