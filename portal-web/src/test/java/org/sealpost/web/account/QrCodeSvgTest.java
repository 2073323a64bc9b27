package org.sealpost.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;

class QrCodeSvgTest {

    private static final String URI =
            "otpauth://totp/Bank:anna%40client.example?secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                    + "&issuer=Bank&algorithm=SHA1&digits=6&period=30";

    @Test
    void everyDarkModuleIsOneSquareInsideAFourModuleQuietZone() {
        QrCode qr = QrCode.encodeText(URI, QrCode.Ecc.MEDIUM);
        String svg = QrCodeSvg.of(URI, "QR code");
        int size = qr.size + 8;
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("viewBox=\"0 0 " + size + " " + size + "\"");
        int dark = 0;
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    dark++;
                }
            }
        }
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        // The top-left finder pattern's corner module sits just inside the quiet zone.
        assertThat(svg).contains("M4,4h1v1h-1z");
    }

    @Test
    void theAccessibleNameIsEscapedAndTheSecretAppearsNowhereAsText() {
        String svg = QrCodeSvg.of(URI, "Code \"for\" <you> & me");
        assertThat(svg)
                .contains("aria-label=\"Code &quot;for&quot; &lt;you&gt; &amp; me\"")
                .doesNotContain("AAAA")
                .doesNotContain("otpauth");
    }
}
