package org.sealpost.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An uploaded logo: only a real, small PNG or a script-free, self-contained SVG is kept. */
class LogoCheckTest {

    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";

    private static SettingsProblem refusal(byte[] upload) {
        SettingsRefusedException e =
                catchThrowableOfType(SettingsRefusedException.class, () -> LogoCheck.check(upload));
        return e == null ? null : e.problem();
    }

    private static byte[] svg(String inner) {
        return (SVG_OPEN + inner + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, Color.BLUE.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aSmallPngIsKeptReEncodedFromItsPixels() throws IOException {
        byte[] upload = png(40, 20);
        byte[] withTrailer = Arrays.copyOf(upload, upload.length + 30);
        System.arraycopy(
                "<script>alert(1)</script>     ".getBytes(StandardCharsets.US_ASCII),
                0,
                withTrailer,
                upload.length,
                30);

        LogoImage logo = LogoCheck.check(withTrailer);

        assertThat(logo.mediaType()).isEqualTo("image/png");
        assertThat(new String(logo.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(logo.bytes())).getWidth())
                .isEqualTo(40);
    }

    @Test
    void aPngThatClaimsTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
        byte[] upload = png(4, 4);
        // IHDR width at bytes 16-19: claim 100000 pixels wide without the data to match.
        upload[16] = 0;
        upload[17] = 1;
        upload[18] = (byte) 0x86;
        upload[19] = (byte) 0xa0;

        assertThat(refusal(upload)).isEqualTo(SettingsProblem.LOGO_PNG_TOO_MANY_PIXELS);
    }

    @Test
    void aTruncatedPngIsRefusedAsUnreadable() throws IOException {
        byte[] upload = png(30, 30);

        assertThat(refusal(Arrays.copyOf(upload, 40))).isEqualTo(SettingsProblem.LOGO_PNG_UNREADABLE);
    }

    @Test
    void somethingThatIsNoImageIsRefused() {
        assertThat(refusal("%PDF-1.7 not a logo".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(SettingsProblem.LOGO_NOT_AN_IMAGE);
        assertThat(refusal("<html><body>hi</body></html>".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(SettingsProblem.LOGO_NOT_AN_IMAGE);
        assertThat(refusal(new byte[0])).isEqualTo(SettingsProblem.LOGO_NOT_AN_IMAGE);
    }

    @Test
    void aLogoOverTheSizeLimitIsRefused() {
        byte[] big = svg("<desc>" + "x".repeat(LogoCheck.MAX_BYTES) + "</desc>");

        assertThat(refusal(big)).isEqualTo(SettingsProblem.LOGO_TOO_LARGE);
    }

    @Test
    void aPlainSvgIsKeptWithEditorMetadataDropped() {
        byte[] upload =
                ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
                                + " viewBox=\"0 0 10 10\" inkscape:version=\"1.2\"><metadata>rdf</metadata>"
                                + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#000\"/></linearGradient></defs>"
                                + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" style=\"stroke:#fff\"/><!-- c --></svg>")
                        .getBytes(StandardCharsets.UTF_8);

        LogoImage logo = LogoCheck.check(upload);

        String kept = new String(logo.bytes(), StandardCharsets.UTF_8);
        assertThat(logo.mediaType()).isEqualTo("image/svg+xml");
        assertThat(kept).contains("<rect", "url(#g)").doesNotContain("inkscape:version", "metadata", "<!--");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
                "<image href=\"https://tracker.example/p.png\"/>",
                "<a href=\"https://evil.example/\"><rect width=\"1\" height=\"1\"/></a>",
                "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>",
                "<style>@import url(https://evil.example/x.css);</style>",
            })
    void hostileSvgElementsAreRefusedByName(String inner) {
        SettingsRefusedException e =
                catchThrowableOfType(SettingsRefusedException.class, () -> LogoCheck.check(svg(inner)));

        assertThat(e.problem()).isEqualTo(SettingsProblem.LOGO_SVG_FORBIDDEN_ELEMENT);
        assertThat(inner).contains(e.value().replace(">", ""));
    }

    @Test
    void eventHandlersAreRefusedByName() {
        SettingsRefusedException e = catchThrowableOfType(
                SettingsRefusedException.class,
                () -> LogoCheck.check(("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(e.problem()).isEqualTo(SettingsProblem.LOGO_SVG_FORBIDDEN_ATTRIBUTE);
        assertThat(e.value()).isEqualTo("onload");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<use href=\"https://evil.example/sprite.svg#a\"/>",
                "<use xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>",
                "<rect width=\"1\" height=\"1\" fill=\"url(https://evil.example/p)\"/>",
                "<rect width=\"1\" height=\"1\" style=\"fill:url('//evil.example/p')\"/>",
            })
    void referencesOutsideTheDocumentAreRefused(String inner) {
        assertThat(refusal(svg(inner))).isEqualTo(SettingsProblem.LOGO_SVG_EXTERNAL_REFERENCE);
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedWithoutBeingFetched() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + SVG_OPEN
                        + "<text>&x;</text></svg>")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(refusal(xxe)).isEqualTo(SettingsProblem.LOGO_SVG_UNREADABLE);
    }
}
