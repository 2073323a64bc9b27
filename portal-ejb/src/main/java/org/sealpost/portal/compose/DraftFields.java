package org.sealpost.portal.compose;

/**
 * What the recipient typed, exactly as typed: To and Cc are the raw field texts (addresses
 * separated by commas), so nothing typed is lost when a send is refused. {@code null} reads as
 * empty.
 */
public record DraftFields(String to, String cc, String subject, String body) {

    public DraftFields {
        to = to == null ? "" : to;
        cc = cc == null ? "" : cc;
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }

    public static final DraftFields EMPTY = new DraftFields("", "", "", "");

    // Bean-style accessors for Jakarta EL 5.
    public String getTo() {
        return to;
    }

    public String getCc() {
        return cc;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }
}
