package org.sealpost.web.administration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.primefaces.PrimeFaces;
import org.sealpost.portal.keys.DataKeyTable;
import org.sealpost.portal.keys.KeyManagement;
import org.sealpost.portal.keys.KeyStatus;
import org.sealpost.portal.keys.RetireRefusedException;
import org.sealpost.portal.keys.RotationProgress;
import org.sealpost.web.client.ClientOrigins;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/**
 * admin/keys.xhtml: the key-encryption key versions, the data keys each wraps, a rotation with
 * its progress (the page polls while the re-wrap runs) and retirement, each refusal in a
 * sentence. Presents {@link KeyManagement}; the rules are in {@code keys.KeyLifecycle}.
 */
@Named
@RequestScoped
public class KeyManagementPage {

    @Inject
    private KeyManagement keys;

    @Inject
    private SignedInSession session;

    private KeyStatus status;

    public KeyStatus getStatus() {
        if (status == null) {
            status = keys.status();
        }
        return status;
    }

    public List<DataKeyTable> getTables() {
        return List.of(DataKeyTable.values());
    }

    /** Whether a rotation's re-wrap is still running: the page polls while it is. */
    public boolean isRotating() {
        return getStatus().rotation().map(p -> !p.finished()).orElse(false);
    }

    /**
     * The progress poll's listener: once the re-wrap is done, the table's counts are shown
     * anew as well (while it runs the poll updates the progress sentence alone, see keys.xhtml).
     */
    public void followRewrap() {
        if (!isRotating()) {
            PrimeFaces.current().ajax().update("keys:versions");
        }
    }

    public String state(KeyStatus.VersionUse version) {
        return Texts.get(
                version.current()
                        ? "admin.keys.state.current"
                        : version.inKeystore() ? "admin.keys.state.older" : "admin.keys.state.missing");
    }

    /** The latest rotation in one sentence: done, left, rate, time left or finished. */
    public String getProgress() {
        RotationProgress p = getStatus().rotation().orElse(null);
        if (p == null) {
            return Texts.get("admin.keys.progress.none");
        }
        String rate = p.perSecond() == null
                ? Texts.get("admin.keys.progress.rateUnknown")
                : String.format(locale(), "%.0f", p.perSecond());
        if (p.finished() && p.done() == 0) {
            return Texts.format("admin.keys.progress.finishedAtOnce", p.version());
        }
        if (p.finished()) {
            return Texts.format("admin.keys.progress.finished", p.version(), p.done(), rate);
        }
        if (!p.settled()) {
            return Texts.format("admin.keys.progress.settling", p.version(), p.left());
        }
        String timeLeft = p.timeLeft() == null
                ? Texts.get("admin.keys.progress.rateUnknown")
                : Long.toString(p.timeLeft().toSeconds());
        return Texts.format("admin.keys.progress.running", p.version(), p.done(), p.left(), rate, timeLeft);
    }

    public void rotate() {
        int version = keys.rotate(session.email(), clientAddress());
        status = null;
        Texts.announce(Texts.format("admin.keys.rotated", version));
    }

    public void retire(int version) {
        try {
            keys.retire(version, session.email(), clientAddress());
            Texts.announce(Texts.format("admin.keys.retired", version));
        } catch (RetireRefusedException refused) {
            Texts.announce(Texts.format("admin.keys.refused." + refused.reason().name(), version, refused.count()));
        }
        status = null;
    }

    private static String clientAddress() {
        return ClientOrigins.current((jakarta.servlet.http.HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .address();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
