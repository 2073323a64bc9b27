package org.sealpost.web.mailbox;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.sealpost.portal.message.AttachmentDownload;
import org.sealpost.portal.message.MessageNotFoundException;
import org.sealpost.portal.message.MessageReading;
import org.sealpost.web.security.SignedInSession;

/**
 * {@code /attachment?entry=N&part=1.2} (a download) or {@code &cid=X} (an inline image of the
 * message body). Always {@code Content-Disposition: attachment} with the name encoded per
 * RFC 6266/RFC 8187, {@code nosniff}, and never cached; only a few image types are served as
 * themselves (for the message body's img tags), everything else as octet-stream, so a hostile
 * "attachment" can never be rendered by the browser as a page of the portal.
 */
@WebServlet("/attachment")
public class AttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    @Inject
    private MessageReading reading;

    @Inject
    private SignedInSession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long entry = parse(request.getParameter("entry"));
        String part = request.getParameter("part");
        String cid = request.getParameter("cid");
        if (entry == null || session.accountId() == null || (part == null) == (cid == null)) {
            response.sendError(404);
            return;
        }
        AttachmentDownload download;
        try {
            download = part != null
                    ? reading.attachment(entry, session.accountId(), part)
                    : reading.inlineImage(entry, session.accountId(), cid);
        } catch (MessageNotFoundException e) {
            response.sendError(404);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(
                IMAGE_TYPES.contains(download.contentType()) ? download.contentType() : "application/octet-stream");
        response.setHeader("Content-Disposition", contentDisposition(download.fileName()));
        response.setContentLength(download.content().length);
        response.getOutputStream().write(download.content());
    }

    /** RFC 6266 §4.3: an ASCII fallback name, and the real one as RFC 8187 {@code filename*}. */
    static String contentDisposition(String fileName) {
        String ascii =
                fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
