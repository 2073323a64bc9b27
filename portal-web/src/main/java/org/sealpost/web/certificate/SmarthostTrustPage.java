package org.sealpost.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sealpost.portal.certificate.CertificateDetails;
import org.sealpost.portal.certificate.CertificateRefusedException;
import org.sealpost.portal.certificate.SmarthostTlsSessions;
import org.sealpost.portal.certificate.SmarthostTrustService;
import org.sealpost.web.format.Formats;
import org.sealpost.web.format.PageText;
import org.sealpost.web.security.SignedInSession;

/**
 * The outbound part of admin/certificate.xhtml: the smarthost's imported trust anchors, their
 * import and removal, and the TLS version and cipher of the last delivery.
 */
@Named
@RequestScoped
public class SmarthostTrustPage {

    @Inject
    private SmarthostTrustService trust;

    @Inject
    private SignedInSession session;

    @Inject
    private Formats formats;

    private List<CertificateDetails> anchors;
    private SmarthostTlsSessions.SessionSeen lastSession;
    private Part upload;

    @PostConstruct
    void load() {
        anchors = trust.anchors();
        lastSession = trust.lastSession().orElse(null);
    }

    public List<CertificateDetails> getAnchors() {
        return anchors;
    }

    /** The last delivery's TLS, or {@code null} when none was recorded yet. */
    public SmarthostTlsSessions.SessionSeen getLastSession() {
        return lastSession;
    }

    public void importAnchors() throws IOException {
        requireAdministrator();
        if (upload == null || upload.getSize() == 0) {
            message(FacesMessage.SEVERITY_ERROR, "certificate.import.noFile");
            return;
        }
        if (upload.getSize() > BridgeCertificatePage.MAX_UPLOAD_BYTES) {
            message(FacesMessage.SEVERITY_ERROR, "certificate.import.tooLarge");
            return;
        }
        String pem;
        try (InputStream in = upload.getInputStream()) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        try {
            List<CertificateDetails> added = trust.importAnchors(pem, session.email());
            message(FacesMessage.SEVERITY_INFO, "certificate.trust.imported", added.size());
            anchors = trust.anchors();
        } catch (CertificateRefusedException e) {
            PageText.showText(
                    FacesMessage.SEVERITY_ERROR,
                    CertificateRefusalTexts.forViewer(formats).sentence(e));
        }
    }

    public void remove(String fingerprint) {
        requireAdministrator();
        if (trust.remove(fingerprint, session.email())) {
            message(FacesMessage.SEVERITY_INFO, "certificate.trust.removed");
        }
        anchors = trust.anchors();
    }

    private void requireAdministrator() {
        if (!"ADMIN".equals(session.role())) {
            throw new SecurityException("the certificate page is for administrators only");
        }
    }

    private static void message(FacesMessage.Severity severity, String key, Object... args) {
        PageText.show(severity, key, args);
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }
}
