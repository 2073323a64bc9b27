package org.sealpost.web.administration;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sealpost.portal.administration.AdministrationUnavailableException;
import org.sealpost.portal.administration.InvalidDomainsException;
import org.sealpost.portal.administration.PermissionChange;
import org.sealpost.portal.administration.PolicyChangedMeanwhileException;
import org.sealpost.portal.administration.PortalPermissionsService;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.Scope;

/**
 * admin/permissions.xhtml: the five actions' scopes, the internal domains, the sub-domain
 * switch and the attachment limits. The form remembers the policy version it was filled from;
 * saving over a newer version is refused. After a save the page says, a sentence per change,
 * what recipients will notice.
 */
@Named
@ViewScoped
public class PortalPermissionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final long MIB = 1024L * 1024;

    @Inject
    private PortalPermissionsService permissions;

    /** One action's row of the form. */
    public static final class ActionScope implements Serializable {

        private static final long serialVersionUID = 1L;

        private final PortalAction action;
        private Scope scope;

        ActionScope(PortalAction action, Scope scope) {
            this.action = action;
            this.scope = scope;
        }

        public PortalAction getAction() {
            return action;
        }

        public Scope getScope() {
            return scope;
        }

        public void setScope(Scope scope) {
            this.scope = scope;
        }

        /** For ids in the page: reply, reply-all, forward, compose, attach. */
        public String getId() {
            return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private List<ActionScope> actions = List.of();
    private String domains = "";
    private List<String> storedDomains = List.of();
    private boolean subdomainsInternal;
    private long maxAttachmentMegabytes;
    private long storedMaxAttachmentBytes;
    private int maxAttachmentCount;
    private int version;

    /** f:viewAction on the first GET: the form as the policy is now. */
    public void load() {
        try {
            show(permissions.current());
        } catch (EJBAccessException e) {
            Console.errorPage(403);
        } catch (AdministrationUnavailableException e) {
            Console.errorPage(503);
        }
    }

    private void show(EffectivePolicy form) {
        List<ActionScope> rows = new ArrayList<>();
        for (PortalAction action : PortalAction.values()) {
            rows.add(new ActionScope(action, form.scopes().get(action)));
        }
        actions = rows;
        storedDomains = form.internalDomains();
        domains = String.join(
                "\n", storedDomains.stream().map(PortalPermissionsPage::unicode).toList());
        subdomainsInternal = form.subdomainsInternal();
        storedMaxAttachmentBytes = form.maxAttachmentBytes();
        maxAttachmentMegabytes = form.maxAttachmentBytes() / MIB;
        maxAttachmentCount = form.maxAttachmentCount();
        version = form.version();
    }

    public String save() {
        Map<PortalAction, Scope> scopes = new EnumMap<>(PortalAction.class);
        for (ActionScope row : actions) {
            scopes.put(row.action, row.scope);
        }
        // One per line (commas work too). Not split at spaces: "not a domain" is one entry,
        // refused and named as typed, rather than three words refused one by one.
        List<String> typed = Arrays.stream(domains.split("[\\r\\n,;]+"))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .toList();
        // The field is in MiB; a stored limit that is not a whole number of MiB stays as it is
        // unless the number shown was changed.
        long bytes = maxAttachmentMegabytes == storedMaxAttachmentBytes / MIB
                ? storedMaxAttachmentBytes
                : maxAttachmentMegabytes * MIB;
        EffectivePolicy form =
                new EffectivePolicy(scopes, typed, subdomainsInternal, bytes, maxAttachmentCount, version);
        try {
            List<PermissionChange> changes = permissions.save(form, Console.client());
            if (changes.isEmpty()) {
                Console.info("admin.permissions.unchanged");
            } else {
                Console.info("admin.permissions.saved");
                for (PermissionChange change : changes) {
                    Console.infoText(effect(change));
                }
            }
            show(permissions.current());
        } catch (InvalidDomainsException e) {
            for (String refused : e.refused()) {
                Console.error("admin.permissions.invalidDomain", refused);
            }
            Console.error("admin.permissions.notSaved");
        } catch (PolicyChangedMeanwhileException e) {
            Console.error("admin.permissions.stale");
        } catch (EJBAccessException e) {
            Console.errorPage(403);
        } catch (AdministrationUnavailableException e) {
            Console.errorPage(503);
        }
        return null;
    }

    /** What a recipient will notice, in a sentence. */
    private static String effect(PermissionChange change) {
        return switch (change.subject()) {
            case SCOPE ->
                Console.text(
                        "admin.permissions.effect." + change.after(),
                        Console.text("admin.permissions.verb." + change.action().name()));
            case INTERNAL_DOMAINS ->
                change.after().isEmpty()
                        ? Console.text("admin.permissions.effect.noDomains")
                        : Console.text(
                                "admin.permissions.effect.domains",
                                String.join(
                                        ", ",
                                        Arrays.stream(change.after().split(" "))
                                                .map(PortalPermissionsPage::bothForms)
                                                .toList()));
            case SUBDOMAINS_INTERNAL ->
                Console.text(
                        Boolean.parseBoolean(change.after())
                                ? "admin.permissions.effect.subdomainsOn"
                                : "admin.permissions.effect.subdomainsOff");
            case MAX_ATTACHMENT_BYTES ->
                Console.text("admin.permissions.effect.maxBytes", Long.parseLong(change.after()) / MIB);
            case MAX_ATTACHMENT_COUNT ->
                Console.text("admin.permissions.effect.maxCount", Integer.parseInt(change.after()));
        };
    }

    static String unicode(String asciiDomain) {
        return IDN.toUnicode(asciiDomain, IDN.ALLOW_UNASSIGNED);
    }

    /** {@code bücher.example (xn--bcher-kva.example)}; an ASCII-only domain once. */
    static String bothForms(String asciiDomain) {
        String unicode = unicode(asciiDomain);
        return unicode.equals(asciiDomain) ? asciiDomain : unicode + " (" + asciiDomain + ")";
    }

    /** The stored internal domains, each in both forms where they differ. */
    public List<String> getStoredDomains() {
        return storedDomains.stream().map(PortalPermissionsPage::bothForms).toList();
    }

    public List<ActionScope> getActions() {
        return actions;
    }

    public List<Scope> getScopes() {
        return List.of(Scope.values());
    }

    public String getDomains() {
        return domains;
    }

    public void setDomains(String domains) {
        this.domains = domains == null ? "" : domains;
    }

    public boolean isSubdomainsInternal() {
        return subdomainsInternal;
    }

    public void setSubdomainsInternal(boolean subdomainsInternal) {
        this.subdomainsInternal = subdomainsInternal;
    }

    public long getMaxAttachmentMegabytes() {
        return maxAttachmentMegabytes;
    }

    public void setMaxAttachmentMegabytes(long maxAttachmentMegabytes) {
        this.maxAttachmentMegabytes = maxAttachmentMegabytes;
    }

    public int getMaxAttachmentCount() {
        return maxAttachmentCount;
    }

    public void setMaxAttachmentCount(int maxAttachmentCount) {
        this.maxAttachmentCount = maxAttachmentCount;
    }

    public int getVersion() {
        return version;
    }
}
