package org.sealpost.portal.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.Mailbox;
import org.sealpost.portal.message.MessageNotFoundException;
import org.sealpost.portal.message.MessageReading;

/**
 * One round of the reading paths the inbox and message pages take, on nothing: the folder
 * queries for an account id no account has (ids are positive), the message page's look-up for
 * an entry no one has, and a message sealed, opened, parsed and rendered in memory with the
 * real key-encryption key but never stored. None of it writes a row, an audit entry or a mail.
 */
@ApplicationScoped
public class ReadingWarmUp {

    /** No account has it: identity columns start at 1. */
    static final long NO_ACCOUNT = -1;

    /**
     * Plain text and HTML (the sanitiser's path), an inline image and an attachment (the parts
     * list): what a typical notified message holds. RFC 5322, RFC 2046.
     */
    static final byte[] SAMPLE = """
            From: Warm-up <warm-up@sealpost.invalid>\r
            To: Nobody <nobody@sealpost.invalid>\r
            Subject: warm-up\r
            Date: Thu, 3 Dec 2026 12:00:00 +0000\r
            Message-ID: <warm-up@sealpost.invalid>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="outer"\r
            \r
            --outer\r
            Content-Type: multipart/alternative; boundary="inner"\r
            \r
            --inner\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Dear customer, your statement is attached.\r
            --inner\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <html><body><p style="color:#333">Dear customer, your <b>statement</b> is attached.</p>\r
            <img src="https://tracker.invalid/p.gif"><a href="https://bank.invalid/">bank</a><script>x()</script></body></html>\r
            --inner--\r
            --outer\r
            Content-Type: application/pdf; name="statement.pdf"\r
            Content-Disposition: attachment; filename="statement.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==\r
            --outer--\r
            """.getBytes(StandardCharsets.UTF_8);

    @Inject
    private Mailbox mailbox;

    @Inject
    private MessageReading reading;

    @Inject
    private MessageSealer sealer;

    /** One round; the caller repeats it until its time is up. */
    public void round() throws SealBrokenException {
        mailbox.folder(NO_ACCOUNT, Folder.INBOX, 0, 25);
        mailbox.count(NO_ACCOUNT, Folder.INBOX);
        mailbox.unreadInInbox(NO_ACCOUNT);
        try {
            reading.open(NO_ACCOUNT, NO_ACCOUNT, false, cid -> cid);
        } catch (MessageNotFoundException expected) {
            // the only answer there can be: the look-up ran, which is what is being warmed
        }
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, SAMPLE, SAMPLE);
        sealer.openMetadata(id, sealed);
        MessageRendering.parse(sealer.openMime(id, sealed)).render(RenderOptions.blockingRemoteImages(cid -> cid));
    }
}
