package org.sealpost.portal.compose;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.policy.RecipientAddress;

/** The sent message's MIME: the headers ADR 0009 decides, and non-ASCII text and names intact. */
class OutgoingMailTest {

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static OutgoingMail mail(List<OutgoingMail.Attachment> files, String references) throws Exception {
        return new OutgoingMail(
                OutgoingMail.onBehalfOf("anna@client.example", new InternetAddress("portal@bank.example")),
                new InternetAddress("anna@client.example"),
                List.of(RecipientAddress.parse("bob@bank.example").orElseThrow()),
                List.of(RecipientAddress.parse("carl@bank.example").orElseThrow()),
                "Re: Grüße aus Köln",
                "Schöne Grüße\nAnna",
                "<id-1@portal.bank.example>",
                "<orig@bank.example>",
                references,
                files,
                Instant.parse("2026-12-03T08:00:00Z"));
    }

    @Test
    void theMessageKeepsThePortalsMessageIdAndCarriesTheThreadAndTheWriter() throws Exception {
        MimeMessage m =
                parse(mail(List.of(), "<root@bank.example> <orig@bank.example>").toMime());

        assertThat(m.getMessageID()).isEqualTo("<id-1@portal.bank.example>");
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<orig@bank.example>");
        assertThat(m.getHeader("References", null)).isEqualTo("<root@bank.example> <orig@bank.example>");
        assertThat(m.getFrom()[0].toString()).isEqualTo("\"anna@client.example via Sealpost\" <portal@bank.example>");
        assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("anna@client.example");
        assertThat(m.getHeader("Sender")).isNull();
        assertThat(m.getSubject()).isEqualTo("Re: Grüße aus Köln");
        assertThat(m.getContent().toString().replace("\r\n", "\n")).isEqualTo("Schöne Grüße\nAnna");
        assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.CC)[0].toString())
                .isEqualTo("carl@bank.example");
    }

    @Test
    void aNonAsciiFileNameAndBinaryContentArriveIntact() throws Exception {
        byte[] pdf = new byte[5000];
        new java.util.Random(3).nextBytes(pdf);
        byte[] raw = mail(List.of(new OutgoingMail.Attachment("Übersicht März.pdf", "application/pdf", pdf)), null)
                .toMime();

        MimeMessage m = parse(raw);
        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getBodyPart(0).getContent().toString().replace("\r\n", "\n"))
                .isEqualTo("Schöne Grüße\nAnna");
        assertThat(mp.getBodyPart(1).getFileName()).isEqualTo("Übersicht März.pdf");
        assertThat(mp.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(m.getHeader("References")).isNull();
        // Every line within RFC 5322's 998 octets, headers 7-bit (RFC 2047/2231 encoded).
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text.split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        assertThat(text.substring(0, text.indexOf("\r\n\r\n")).chars().allMatch(c -> c < 128))
                .isTrue();
    }
}
