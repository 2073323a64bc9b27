package org.sealpost.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.settings.LogoImage;

/** The organisation's PNG logo travels inside the mail; an SVG one stays on the portal's pages. */
class LogoInMailTest {

    private static LogoImage png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return new LogoImage(LogoImage.PNG, out.toByteArray());
    }

    @Test
    void aPngLogoIsAnInlinePartTheHtmlReferencesByContentId() throws Exception {
        LogoImage logo = png();
        MimeBodyPart part = LogoInMail.htmlPart(
                "<html><body class=\"x\"><p>Hello</p></body></html>", Optional.of(logo), "Bank & Co");

        MimeMultipart related = (MimeMultipart) part.getContent();
        assertThat(related.getContentType()).startsWith("multipart/related");
        assertThat(related.getCount()).isEqualTo(2);
        String html = (String) related.getBodyPart(0).getContent();
        assertThat(html)
                .startsWith("<html><body class=\"x\"><p><img src=\"cid:logo@sealpost\" alt=\"Bank &amp; Co\"")
                .endsWith("<p>Hello</p></body></html>");
        BodyPart image = related.getBodyPart(1);
        assertThat(image.getContentType()).startsWith("image/png");
        assertThat(((MimeBodyPart) image).getContentID()).isEqualTo("<logo@sealpost>");
        assertThat(image.getDisposition()).isEqualTo("inline");
        assertThat(image.getInputStream().readAllBytes()).isEqualTo(logo.bytes());
    }

    @Test
    void anSvgLogoOrNoneLeavesTheHtmlAsItIs() throws Exception {
        LogoImage svg = new LogoImage(LogoImage.SVG, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes());
        for (Optional<LogoImage> logo : java.util.List.of(Optional.<LogoImage>empty(), Optional.of(svg))) {
            MimeBodyPart part = LogoInMail.htmlPart("<p>Hello</p>", logo, "Bank");
            assertThat(part.getContent()).isEqualTo("<p>Hello</p>");
        }
    }
}
