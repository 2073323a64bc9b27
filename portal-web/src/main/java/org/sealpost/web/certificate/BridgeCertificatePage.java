package org.sealpost.web.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sealpost.portal.certificate.BridgeCertificateService;
import org.sealpost.portal.certificate.CertificateDetails;
import org.sealpost.portal.certificate.CertificateFiles;
import org.sealpost.portal.certificate.CertificateOverview;
import org.sealpost.portal.certificate.CertificateProblem;
import org.sealpost.portal.certificate.CertificateRefusedException;
import org.sealpost.portal.certificate.ImportOutcome;
import org.sealpost.portal.certificate.KeyKind;
import org.sealpost.portal.certificate.SubjectFields;
import org.sealpost.web.format.Formats;
import org.sealpost.web.format.PageText;
import org.sealpost.web.security.SignedInSession;

/**
 * admin/certificate.xhtml: the bridge's certificate, and what an administrator does with it.
 * Presents only; every check is the service's. Each action checks the role again, although
 * web.xml already keeps {@code /admin/*} to administrators: a forged post must not rely on the
 * URL pattern alone.
 */
@Named
@RequestScoped
public class BridgeCertificatePage {

    /** More than a PKCS#12 or a chain ever needs; anything larger is refused before it is read. */
    static final long MAX_UPLOAD_BYTES = 256 * 1024;

    @Inject
    private BridgeCertificateService certificates;

    @Inject
    private SignedInSession session;

    @Inject
    private Formats formats;

    private CertificateOverview overview;

    private String keyKind = KeyKind.EC_P256.option();
    private String selfSignedNames;
    private boolean replaceConfirmed;

    private String country;
    private String state;
    private String locality;
    private String organisation;
    private String organisationalUnit;
    private String commonName;
    private String email;
    private String requestNames;
    private String requestKeyKind = KeyKind.RSA_3072.option();

    private Part upload;
    private String password;

    @PostConstruct
    void load() {
        overview = certificates.overview();
        commonName = certificates.hostName();
    }

    /** The certificate in use; {@code null} before the bridge first started. */
    public CertificateDetails getCurrent() {
        return overview.current().orElse(null);
    }

    /** The one kept for rollback, or {@code null}. */
    public CertificateDetails getPrevious() {
        return overview.previous().orElse(null);
    }

    public boolean isRequestPending() {
        return overview.pendingCsr().isPresent();
    }

    public Instant getPendingSince() {
        return overview.pendingSince().orElse(null);
    }

    public long getDaysLeft() {
        return overview.current().map(c -> c.daysLeft(Instant.now())).orElse(0L);
    }

    public String getHostName() {
        return certificates.hostName();
    }

    /** Names as one line, for the page. */
    public String joined(List<String> names) {
        return String.join(", ", names);
    }

    public List<String> getKeyKinds() {
        return Arrays.stream(KeyKind.values()).map(KeyKind::option).toList();
    }

    public void generateSelfSigned() {
        requireAdministrator();
        if (!replaceConfirmed) {
            error("certificate.selfSigned.confirmFirst");
            return;
        }
        try {
            ImportOutcome outcome = certificates.selfSigned(kind(keyKind), names(selfSignedNames), session.email());
            served(outcome);
        } catch (CertificateRefusedException e) {
            refused(e);
        }
    }

    public void requestCertificate() {
        requireAdministrator();
        try {
            SubjectFields subject = new SubjectFields(
                            country, state, locality, organisation, organisationalUnit, commonName, email)
                    .checked();
            certificates.requestCertificate(subject, names(requestNames), kind(requestKeyKind), session.email());
            info("certificate.csr.created");
            overview = certificates.overview();
        } catch (CertificateRefusedException e) {
            refused(e);
        }
    }

    /** The waiting key's CSR as a file (PEM, RFC 7468), for the CA. */
    public void downloadRequest() throws IOException {
        requireAdministrator();
        Optional<String> csr = certificates.pendingRequest();
        if (csr.isEmpty()) {
            refused(new CertificateRefusedException(CertificateProblem.NO_WAITING_KEY));
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        byte[] bytes = csr.get().getBytes(StandardCharsets.US_ASCII);
        external.responseReset();
        external.setResponseContentType("application/pkcs10");
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader(
                "Content-Disposition", "attachment; filename=\"" + certificates.hostName() + ".csr\"");
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(bytes);
        }
        faces.responseComplete();
    }

    public void importFile() throws IOException {
        requireAdministrator();
        if (upload == null || upload.getSize() == 0) {
            error("certificate.import.noFile");
            return;
        }
        if (upload.getSize() > MAX_UPLOAD_BYTES) {
            error("certificate.import.tooLarge");
            return;
        }
        byte[] content;
        try (InputStream in = upload.getInputStream()) {
            content = in.readAllBytes();
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        password = null;
        try {
            ImportOutcome outcome = CertificateFiles.looksLikePem(content)
                    ? certificates.importChain(new String(content, StandardCharsets.US_ASCII), session.email())
                    : certificates.importPkcs12(content, secret, session.email());
            served(outcome);
        } catch (CertificateRefusedException e) {
            refused(e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    public void rollback() {
        requireAdministrator();
        try {
            certificates.rollback(session.email());
            info("certificate.rolledBack");
            overview = certificates.overview();
        } catch (CertificateRefusedException e) {
            refused(e);
        }
    }

    private void served(ImportOutcome outcome) {
        info("certificate.served", outcome.certificate().sha256Fingerprint());
        if (!outcome.namesHost()) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_WARN,
                                    text(
                                            "certificate.warning.hostName",
                                            String.join(", ", outcome.names()),
                                            outcome.hostName()),
                                    null));
        }
        overview = certificates.overview();
    }

    private void requireAdministrator() {
        if (!"ADMIN".equals(session.role())) {
            // Not a sentence for the page: only a forged request gets here.
            throw new SecurityException("the certificate page is for administrators only");
        }
    }

    private static KeyKind kind(String option) {
        return KeyKind.ofOption(option == null ? "" : option).orElse(KeyKind.EC_P256);
    }

    /** Names separated by commas, spaces or new lines. */
    private static List<String> names(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private void refused(CertificateRefusedException e) {
        PageText.showText(
                FacesMessage.SEVERITY_ERROR,
                CertificateRefusalTexts.forViewer(formats).sentence(e));
    }

    private static void error(String key, Object... args) {
        PageText.show(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private static void info(String key, Object... args) {
        PageText.show(FacesMessage.SEVERITY_INFO, key, args);
    }

    private static String text(String key, Object... args) {
        return PageText.of(key, args);
    }

    // Form fields.

    public String getKeyKind() {
        return keyKind;
    }

    public void setKeyKind(String keyKind) {
        this.keyKind = keyKind;
    }

    public String getSelfSignedNames() {
        return selfSignedNames;
    }

    public void setSelfSignedNames(String selfSignedNames) {
        this.selfSignedNames = selfSignedNames;
    }

    public boolean isReplaceConfirmed() {
        return replaceConfirmed;
    }

    public void setReplaceConfirmed(boolean replaceConfirmed) {
        this.replaceConfirmed = replaceConfirmed;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getLocality() {
        return locality;
    }

    public void setLocality(String locality) {
        this.locality = locality;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getOrganisationalUnit() {
        return organisationalUnit;
    }

    public void setOrganisationalUnit(String organisationalUnit) {
        this.organisationalUnit = organisationalUnit;
    }

    public String getCommonName() {
        return commonName;
    }

    public void setCommonName(String commonName) {
        this.commonName = commonName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRequestNames() {
        return requestNames;
    }

    public void setRequestNames(String requestNames) {
        this.requestNames = requestNames;
    }

    public String getRequestKeyKind() {
        return requestKeyKind;
    }

    public void setRequestKeyKind(String requestKeyKind) {
        this.requestKeyKind = requestKeyKind;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
