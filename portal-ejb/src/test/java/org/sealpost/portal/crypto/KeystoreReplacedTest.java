package org.sealpost.portal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one keystore file (portal nodes, {@code ./sealpost keys}): a rotation or
 * retirement by one is what the others wrap and unwrap with once they have looked at the file.
 */
class KeystoreReplacedTest {

    private static final char[] PASSWORD = "pw".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aNodeWrapsNewDataKeysWithAVersionAnotherProcessRotatedInOnceItLooksAtTheFile() throws Exception {
        Path file = dir.resolve("kek.p12");
        KeyEncryptionKeys operator = KeyEncryptionKeys.openOrCreate(file, PASSWORD);
        KeyEncryptionKeys node = KeyEncryptionKeys.open(file, PASSWORD);
        long opened = System.nanoTime();
        MessageSealer nodeSealer = new MessageSealer(node);

        operator.rotate();

        assertThat(nodeSealer.seal(UUID.randomUUID(), new byte[1], new byte[0]).kekVersion())
                .as("before the node's next look")
                .isEqualTo(1);
        Thread.sleep(Math.max(
                0,
                KeyEncryptionKeys.FILE_CHECK_INTERVAL.toMillis()
                        + 100
                        - Duration.ofNanos(System.nanoTime() - opened).toMillis()));
        UUID id = UUID.randomUUID();
        SealedMessage sealed = nodeSealer.seal(id, "new mail".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(sealed.kekVersion()).isEqualTo(2);
        assertThat(new MessageSealer(operator).openMime(id, sealed))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("new mail");
    }

    @Test
    void aRetiredVersionLeavesTheFileAndEveryNodesMemoryAndTheCurrentOneCannotBeRetired() throws Exception {
        Path file = dir.resolve("kek.p12");
        KeyEncryptionKeys operator = KeyEncryptionKeys.openOrCreate(file, PASSWORD);
        KeyEncryptionKeys node = KeyEncryptionKeys.open(file, PASSWORD, Duration.ZERO);
        UUID id = UUID.randomUUID();
        SealedMessage underV1 = new MessageSealer(node).seal(id, new byte[] {1}, new byte[0]);
        operator.rotate();

        assertThatThrownBy(() -> operator.retire(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("current");
        assertThatThrownBy(() -> operator.retire(5)).isInstanceOf(IllegalArgumentException.class);
        operator.retire(1);

        assertThat(KeyEncryptionKeys.open(file, PASSWORD).versions()).containsExactly(2);
        assertThat(node.versions()).as("the node re-read the replaced file").containsExactly(2);
        assertThatThrownBy(() -> new MessageSealer(node).openMime(id, underV1)).isInstanceOf(SealBrokenException.class);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .as("rewritten owner-only")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
}
