package org.sealpost.portal.policy;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sealpost.portal.account.ReservedDomains;

/**
 * The one portal policy (there is one row): how far each action reaches, which domains are
 * internal, and how much may be attached. Holds the rules; {@link #decide} is what every send
 * is checked against on the server.
 */
@Entity
// Never served from a cache: another node may have changed it (the shared cache is off too).
@Cacheable(false)
@Table(name = "portal_policy")
public class PortalPolicy {

    /** The id of the one row. */
    public static final int THE_POLICY = 1;

    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_ATTACHMENT_COUNT = 20;

    @Id
    private int id;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_scope", nullable = false)
    private Scope replyScope;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_all_scope", nullable = false)
    private Scope replyAllScope;

    @Enumerated(EnumType.STRING)
    @Column(name = "forward_scope", nullable = false)
    private Scope forwardScope;

    @Enumerated(EnumType.STRING)
    @Column(name = "compose_scope", nullable = false)
    private Scope composeScope;

    @Enumerated(EnumType.STRING)
    @Column(name = "attach_scope", nullable = false)
    private Scope attachScope;

    /** Normalised (IDNA ASCII, lower case), separated by single spaces; empty when none. */
    @Column(name = "internal_domains", nullable = false)
    private String internalDomains;

    @Column(name = "subdomains_internal", nullable = false)
    private boolean subdomainsInternal;

    @Column(name = "max_attachment_bytes", nullable = false)
    private long maxAttachmentBytes;

    @Column(name = "max_attachment_count", nullable = false)
    private int maxAttachmentCount;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private int version;

    protected PortalPolicy() {
        // for JPA
    }

    /**
     * A policy as given.
     *
     * @param scopes  a scope for every action
     * @param domains internal domains in any spelling; each is normalised like an address's domain
     * @throws IllegalArgumentException for a missing scope, a domain that is not a host name, or limits below zero
     */
    public static PortalPolicy of(
            Map<PortalAction, Scope> scopes,
            List<String> domains,
            boolean subdomains,
            long maxAttachmentBytes,
            int maxAttachmentCount,
            Instant now) {
        PortalPolicy p = new PortalPolicy();
        p.id = THE_POLICY;
        p.changedAt = now.atOffset(ZoneOffset.UTC);
        p.apply(scopes, domains, subdomains, maxAttachmentBytes, maxAttachmentCount);
        return p;
    }

    /** The administrator changes the policy; the version column makes concurrent edits fail rather than merge. */
    public void change(
            Map<PortalAction, Scope> scopes,
            List<String> domains,
            boolean subdomains,
            long newMaxAttachmentBytes,
            int newMaxAttachmentCount,
            Instant now) {
        apply(scopes, domains, subdomains, newMaxAttachmentBytes, newMaxAttachmentCount);
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    private void apply(
            Map<PortalAction, Scope> scopes, List<String> domains, boolean subdomains, long maxBytes, int maxCount) {
        for (PortalAction action : PortalAction.values()) {
            if (scopes.get(action) == null) {
                throw new IllegalArgumentException("no scope for " + action);
            }
        }
        if (maxBytes < 0 || maxCount < 0) {
            throw new IllegalArgumentException("attachment limits must not be negative");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String d : domains) {
            normalised.add(RecipientAddress.normaliseDomain(d)
                    .orElseThrow(() -> new IllegalArgumentException("not a domain: " + d)));
        }
        replyScope = scopes.get(PortalAction.REPLY);
        replyAllScope = scopes.get(PortalAction.REPLY_ALL);
        forwardScope = scopes.get(PortalAction.FORWARD);
        composeScope = scopes.get(PortalAction.COMPOSE);
        attachScope = scopes.get(PortalAction.ATTACH);
        internalDomains = String.join(" ", normalised);
        subdomainsInternal = subdomains;
        maxAttachmentBytes = maxBytes;
        maxAttachmentCount = maxCount;
    }

    public Scope scope(PortalAction action) {
        return switch (Objects.requireNonNull(action, "action")) {
            case REPLY -> replyScope;
            case REPLY_ALL -> replyAllScope;
            case FORWARD -> forwardScope;
            case COMPOSE -> composeScope;
            case ATTACH -> attachScope;
        };
    }

    public Map<PortalAction, Scope> scopes() {
        Map<PortalAction, Scope> scopes = new EnumMap<>(PortalAction.class);
        for (PortalAction action : PortalAction.values()) {
            scopes.put(action, scope(action));
        }
        return scopes;
    }

    public List<String> internalDomains() {
        return internalDomains.isEmpty() ? List.of() : Arrays.asList(internalDomains.split(" "));
    }

    public boolean subdomainsInternal() {
        return subdomainsInternal;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    public int maxAttachmentCount() {
        return maxAttachmentCount;
    }

    public int version() {
        return version;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    /** Whether mail to {@code address} stays in the organisation. */
    public boolean isInternal(RecipientAddress address) {
        return internalDomains().stream().anyMatch(d -> address.inDomain(d, subdomainsInternal));
    }

    /**
     * Whether {@code address} is in a domain the portal keeps for accounts of its own
     * ({@link ReservedDomains}): that domain itself, not one below it, as the bridge matches. An
     * administrator cannot make it internal by naming it among the internal domains.
     */
    private static boolean isReserved(RecipientAddress address) {
        return ReservedDomains.ALL.contains(address.domain());
    }

    /** A snapshot for pages: which buttons to show, which limits to name. */
    public EffectivePolicy effective() {
        return new EffectivePolicy(
                scopes(), internalDomains(), subdomainsInternal, maxAttachmentBytes, maxAttachmentCount, version);
    }

    /**
     * Decides a send. Every refusal is listed, not just the first, so the page can show them all
     * at once:
     * <ul>
     * <li>the action is {@link Scope#DISABLED}: refused as a whole ({@link RefusalReason#ACTION_DISABLED});
     * <li>no address at all: {@link RefusalReason#NO_RECIPIENT};
     * <li>each malformed address: {@link RefusalReason#MALFORMED_ADDRESS};
     * <li>each address in a domain the portal keeps for itself, whatever the scope:
     * {@link RefusalReason#RESERVED_ADDRESS}; like a malformed one it counts as neither internal
     * nor external, so it is refused once, for itself;
     * <li>each external address when the action is internal only: {@link RefusalReason#EXTERNAL_NOT_ALLOWED};
     * <li>external addresses allowed but no internal one among the well-formed addresses:
     * {@link RefusalReason#INTERNAL_RECIPIENT_REQUIRED} (the product's rule that a message to the
     * outside always also goes to someone inside);
     * <li>with attachments: attach disabled refuses the message
     * ({@link RefusalReason#ATTACHMENTS_DISABLED}); attach internal only refuses each external
     * address ({@link RefusalReason#ATTACHMENTS_EXTERNAL_NOT_ALLOWED}); over the count or the total
     * size refuses the message.
     * </ul>
     * An address typed twice (in To and Cc, or in two spellings) is delivered once.
     *
     * @param action a writing action ({@link PortalAction#writes()})
     */
    public SendDecision decide(PortalAction action, List<TypedAddress> recipients, AttachmentLoad attachments) {
        if (!action.writes()) {
            throw new IllegalArgumentException(action + " is not a way of sending");
        }
        List<Refusal> refusals = new ArrayList<>();
        Set<RecipientAddress> internal = new LinkedHashSet<>();
        Set<RecipientAddress> external = new LinkedHashSet<>();
        Set<RecipientAddress> reserved = new LinkedHashSet<>();
        Map<RecipientAddress, TypedAddress> firstTyped = new java.util.HashMap<>();
        for (TypedAddress typed : recipients) {
            if (typed.malformed()) {
                continue;
            }
            RecipientAddress address = typed.parsed().orElseThrow();
            firstTyped.putIfAbsent(address, typed);
            (isReserved(address) ? reserved : isInternal(address) ? internal : external).add(address);
        }
        String domains = String.join(", ", internalDomains());
        Scope scope = scope(action);
        if (!scope.allowed()) {
            refusals.add(Refusal.of(null, null, RefusalReason.ACTION_DISABLED, action.name()));
            return new SendDecision(action, refusals, List.copyOf(internal), List.copyOf(external));
        }
        if (recipients.isEmpty()) {
            refusals.add(Refusal.of(AddressField.TO, null, RefusalReason.NO_RECIPIENT));
        }
        for (TypedAddress typed : recipients) {
            if (typed.malformed()) {
                refusals.add(Refusal.of(typed.field(), typed.typed(), RefusalReason.MALFORMED_ADDRESS, typed.typed()));
            }
        }
        // The warm-up deletes every account at its reserved domain, with its messages, once it is
        // an hour old: a portal copy sent there would make a PENDING account that is shredded, and
        // its notification could never arrive (RFC 2606 section 2: .invalid is never a real
        // domain). Refused whatever the scope, as the mail bridge refuses RCPT TO there (550 5.1.2).
        for (RecipientAddress address : reserved) {
            TypedAddress typed = firstTyped.get(address);
            refusals.add(Refusal.of(typed.field(), typed.typed(), RefusalReason.RESERVED_ADDRESS, address.domain()));
        }
        if (!scope.reachesExternal()) {
            for (RecipientAddress address : external) {
                TypedAddress typed = firstTyped.get(address);
                refusals.add(Refusal.of(
                        typed.field(), typed.typed(), RefusalReason.EXTERNAL_NOT_ALLOWED, action.name(), domains));
            }
        } else if (!external.isEmpty() && internal.isEmpty()) {
            refusals.add(Refusal.of(AddressField.TO, null, RefusalReason.INTERNAL_RECIPIENT_REQUIRED, domains));
        }
        if (attachments.any()) {
            Scope attach = scope(PortalAction.ATTACH);
            if (!attach.allowed()) {
                refusals.add(Refusal.of(null, null, RefusalReason.ATTACHMENTS_DISABLED));
            } else if (!attach.reachesExternal()) {
                for (RecipientAddress address : external) {
                    TypedAddress typed = firstTyped.get(address);
                    refusals.add(Refusal.of(
                            typed.field(), typed.typed(), RefusalReason.ATTACHMENTS_EXTERNAL_NOT_ALLOWED, domains));
                }
            }
            refusals.addAll(limitRefusals(attachments));
        }
        return new SendDecision(action, refusals, List.copyOf(internal), List.copyOf(external));
    }

    /** The count and size limits alone: also checked while a file is being uploaded. */
    public List<Refusal> limitRefusals(AttachmentLoad attachments) {
        List<Refusal> refusals = new ArrayList<>();
        if (attachments.count() > maxAttachmentCount) {
            refusals.add(
                    Refusal.of(null, null, RefusalReason.TOO_MANY_ATTACHMENTS, Integer.toString(maxAttachmentCount)));
        }
        if (attachments.totalBytes() > maxAttachmentBytes) {
            refusals.add(Refusal.of(
                    null,
                    null,
                    RefusalReason.ATTACHMENTS_TOO_LARGE,
                    Long.toString(maxAttachmentBytes),
                    Long.toString(maxAttachmentBytes / (1024 * 1024))));
        }
        return refusals;
    }
}
