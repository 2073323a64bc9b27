package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 4231 section 4, the HMAC-SHA-256 results of test cases 1–7 (5 truncated to 128 bits). */
    @Test
    void givesRfc4231sTestVectors() {
        byte[] aa131 = filled(131, 0xaa);
        assertThat(hex(filled(20, 0x0b), ascii("Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(hex(ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(hex(filled(20, 0xaa), filled(50, 0xdd)))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        assertThat(hex(HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), filled(50, 0xcd)))
                .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        assertThat(hex(filled(20, 0x0c), ascii("Test With Truncation"))).startsWith("a3b6167473100ee06e0c796c2955552b");
        assertThat(hex(aa131, ascii("Test Using Larger Than Block-Size Key - Hash Key First")))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assertThat(hex(
                        aa131,
                        ascii("This is a test using a larger than block-size key and a larger than block-size data."
                                + " The key needs to be hashed before being used by the HMAC algorithm.")))
                .isEqualTo("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    /**
     * The index's terms must not change (no new format): every key length around the block size
     * and every message length across two blocks, against the JDK's {@code Mac}.
     */
    @Test
    void givesTheSameBytesAsTheJdksMacForRandomKeysAndMessages() throws Exception {
        Random random = new Random(2104);
        Mac jdk = Mac.getInstance("HmacSHA256");
        byte[] out = new byte[HmacSha256.LENGTH + 3];
        for (int keyLength : new int[] {1, 16, 32, 63, 64, 65, 100}) {
            byte[] key = bytes(random, keyLength);
            HmacSha256 hmac = new HmacSha256(key);
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int length = 0; length <= 2 * HmacSha256.BLOCK_BYTES + 1; length++) {
                byte[] message = bytes(random, length + 5);
                hmac.mac(message, 5, length, out, 3);
                jdk.update(message, 5, length);
                assertThat(Arrays.copyOfRange(out, 3, 3 + HmacSha256.LENGTH))
                        .as("key of %d bytes, message of %d", keyLength, length)
                        .isEqualTo(jdk.doFinal());
            }
        }
    }

    @Test
    void aCopyAndItsOriginalInTurnGiveTheSameBytes() {
        HmacSha256 original = new HmacSha256(filled(32, 0x42));
        HmacSha256 copy = original.copy();
        byte[] a = new byte[HmacSha256.LENGTH];
        byte[] b = new byte[HmacSha256.LENGTH];
        for (String word : new String[] {"quarterly", "report", "grusse", ""}) {
            byte[] message = word.getBytes(StandardCharsets.UTF_8);
            original.mac(message, 0, message.length, a, 0);
            copy.mac(message, 0, message.length, b, 0);
            assertThat(b).as(word).isEqualTo(a);
        }
    }

    private static String hex(byte[] key, byte[] message) {
        byte[] out = new byte[HmacSha256.LENGTH];
        new HmacSha256(key).mac(message, 0, message.length, out, 0);
        return HEX.formatHex(out);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
