package org.sealpost.bridge;

import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.sealpost.bridge.internal.ClientAllowList;
import org.sealpost.bridge.internal.Mailbox;
import org.sealpost.bridge.net.IpLiteral;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.bridge.tls.BridgeKeyMaterial;

/**
 * How a {@link MailBridge} runs. Immutable; built with {@link #builder()}. Every setter checks
 * its value and throws {@link IllegalArgumentException} naming the setting.
 */
public final class BridgeSettings {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 2525;
    public static final String DEFAULT_HOST_NAME = "localhost";
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;
    /** RFC 5321 §4.5.3.1.8: a server must buffer at least 100 recipients. */
    public static final int DEFAULT_MAX_RECIPIENTS = 100;

    public static final int DEFAULT_MAX_CONNECTIONS = 50;
    /** How many messages of the largest size may be in memory at once by default. */
    public static final int DEFAULT_MESSAGES_IN_FLIGHT = 2;
    /** RFC 5321 §4.5.3.2.7: a server SHOULD wait at least 5 minutes for the next command. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public static final List<String> DEFAULT_ALLOWED_CLIENTS = List.of("127.0.0.0/8", "::1/128");
    public static final String DEFAULT_FLAG_HEADER_NAME = "X-Sealpost-Encrypt";
    public static final String DEFAULT_FLAG_HEADER_VALUE = "yes";
    /** Keeps one message in memory below 2 GiB, the limit of a Java array. */
    public static final long MAX_MESSAGE_BYTES_LIMIT = 1L << 30;

    private final String bindAddress;
    private final int port;
    private final String hostName;
    private final long maxMessageBytes;
    private final int maxRecipients;
    private final int maxConnections;
    private final long maxBytesInFlight;
    private final Duration idleTimeout;
    private final List<String> allowedClients;
    private final boolean requireClientCertificate;
    private final KeyStore clientTrustStore;
    private final String flagHeaderName;
    private final String flagHeaderValue;
    private final boolean acceptUnflagged;
    private final Set<String> internalDomains;
    private final Set<String> reservedDomains;
    private final BridgeCertificates certificates;
    private final SSLContext sslContext;
    private final BridgeKeyMaterial keyMaterial;
    private final Supplier<BridgeAdmission> admission;

    private BridgeSettings(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        this.hostName = builder.hostName;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.maxRecipients = builder.maxRecipients;
        this.maxConnections = builder.maxConnections;
        this.maxBytesInFlight = builder.maxBytesInFlight > 0
                ? builder.maxBytesInFlight
                : DEFAULT_MESSAGES_IN_FLIGHT * 2 * builder.maxMessageBytes;
        this.idleTimeout = builder.idleTimeout;
        this.allowedClients = builder.allowedClients;
        this.requireClientCertificate = builder.requireClientCertificate;
        this.clientTrustStore = builder.clientTrustStore;
        this.flagHeaderName = builder.flagHeaderName;
        this.flagHeaderValue = builder.flagHeaderValue;
        this.acceptUnflagged = builder.acceptUnflagged;
        this.internalDomains = builder.internalDomains;
        this.reservedDomains = builder.reservedDomains;
        this.certificates = builder.certificates;
        this.sslContext = builder.sslContext;
        this.keyMaterial = builder.keyMaterial;
        BridgeAdmission fixed = new BridgeAdmission(allowedClients, flagHeaderName, flagHeaderValue, acceptUnflagged);
        this.admission = builder.admission != null ? builder.admission : () -> fixed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The IP address the server socket binds to (a literal; {@code 0.0.0.0} for all). */
    public String bindAddress() {
        return bindAddress;
    }

    /** The TCP port; 0 picks a free one ({@link MailBridge#port()} tells which). */
    public int port() {
        return port;
    }

    /** Our name in the banner, the EHLO reply, the Received field and the certificate. */
    public String hostName() {
        return hostName;
    }

    public long maxMessageBytes() {
        return maxMessageBytes;
    }

    public int maxRecipients() {
        return maxRecipients;
    }

    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The most message bytes held in memory across all connections at once, counted twice per
     * received byte (the receive buffer and the stored copy); beyond it a message is answered
     * {@code 452 4.3.1} and the gateway retries. Default: room for
     * {@value #DEFAULT_MESSAGES_IN_FLIGHT} messages of the largest size.
     */
    public long maxBytesInFlight() {
        return maxBytesInFlight;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** CIDR blocks of the clients allowed to connect, as configured. */
    public List<String> allowedClients() {
        return allowedClients;
    }

    public boolean requireClientCertificate() {
        return requireClientCertificate;
    }

    public Optional<KeyStore> clientTrustStore() {
        return Optional.ofNullable(clientTrustStore);
    }

    public String flagHeaderName() {
        return flagHeaderName;
    }

    public String flagHeaderValue() {
        return flagHeaderValue;
    }

    public boolean acceptUnflagged() {
        return acceptUnflagged;
    }

    /** The organisation's own domains, lower case. */
    public Set<String> internalDomains() {
        return internalDomains;
    }

    /** The domains the portal keeps for accounts of its own, lower case. */
    public Set<String> reservedDomains() {
        return reservedDomains;
    }

    public Optional<BridgeCertificates> certificates() {
        return Optional.ofNullable(certificates);
    }

    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** Replaceable key material, consulted per connection (hot reload). */
    public Optional<BridgeKeyMaterial> keyMaterial() {
        return Optional.ofNullable(keyMaterial);
    }

    /**
     * Where a running bridge reads its allow-list and encrypt flag: asked at every new connection
     * and every message. By default the fixed values of {@link #allowedClients()},
     * {@link #flagHeaderName()}, {@link #flagHeaderValue()} and {@link #acceptUnflagged()}.
     */
    public Supplier<BridgeAdmission> admission() {
        return admission;
    }

    /** Collects settings; {@link #build()} checks that they fit together. */
    public static final class Builder {

        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port = DEFAULT_PORT;
        private String hostName = DEFAULT_HOST_NAME;
        private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int maxRecipients = DEFAULT_MAX_RECIPIENTS;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private long maxBytesInFlight;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private List<String> allowedClients = DEFAULT_ALLOWED_CLIENTS;
        private boolean requireClientCertificate;
        private KeyStore clientTrustStore;
        private String flagHeaderName = DEFAULT_FLAG_HEADER_NAME;
        private String flagHeaderValue = DEFAULT_FLAG_HEADER_VALUE;
        private boolean acceptUnflagged;
        private Set<String> internalDomains = Set.of();
        private Set<String> reservedDomains = Set.of();
        private BridgeCertificates certificates;
        private SSLContext sslContext;
        private BridgeKeyMaterial keyMaterial;
        private Supplier<BridgeAdmission> admission;

        private Builder() {}

        /** An IPv4 or IPv6 literal (never resolved through DNS); default 127.0.0.1. */
        public Builder bindAddress(String bindAddress) {
            try {
                IpLiteral.parse(bindAddress);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bindAddress: " + e.getMessage(), e);
            }
            this.bindAddress = bindAddress;
            return this;
        }

        /** 0 to 65535; 0 picks a free port. Default 2525. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** A DNS host name; default {@code localhost}. */
        public Builder hostName(String hostName) {
            if (!Mailbox.isDomain(hostName)) {
                throw new IllegalArgumentException("hostName: '" + hostName + "' is not a DNS host name");
            }
            this.hostName = hostName;
            return this;
        }

        /** Advertised as SIZE and enforced while receiving; 1 byte to 1 GiB, default 25 MiB. */
        public Builder maxMessageBytes(long maxMessageBytes) {
            if (maxMessageBytes < 1 || maxMessageBytes > MAX_MESSAGE_BYTES_LIMIT) {
                throw new IllegalArgumentException(
                        "maxMessageBytes: " + maxMessageBytes + " is not between 1 and " + MAX_MESSAGE_BYTES_LIMIT);
            }
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Recipients per message, at least 1; default 100 (RFC 5321 §4.5.3.1.8 minimum). */
        public Builder maxRecipients(int maxRecipients) {
            if (maxRecipients < 1) {
                throw new IllegalArgumentException("maxRecipients: must be at least 1, was " + maxRecipients);
            }
            this.maxRecipients = maxRecipients;
            return this;
        }

        /** Concurrent connections, at least 1; default 50. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections: must be at least 1, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Message bytes in memory across all connections (each received byte counts twice), at
         * least twice {@code maxMessageBytes} so that one message of the largest size always fits;
         * default {@value BridgeSettings#DEFAULT_MESSAGES_IN_FLIGHT} such messages.
         */
        public Builder maxBytesInFlight(long maxBytesInFlight) {
            if (maxBytesInFlight < 1) {
                throw new IllegalArgumentException("maxBytesInFlight: must be positive, was " + maxBytesInFlight);
            }
            this.maxBytesInFlight = maxBytesInFlight;
            return this;
        }

        /** How long a connection may stay silent; default 5 minutes. */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout == null
                    || idleTimeout.isNegative()
                    || idleTimeout.isZero()
                    || idleTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "idleTimeout: must be positive and below 24 days, was " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** CIDR blocks (IPv4 and IPv6) of the clients allowed to connect; default loopback only. */
        public Builder allowedClients(List<String> allowedClients) {
            try {
                ClientAllowList.parse(allowedClients);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("allowedClients: " + e.getMessage(), e);
            }
            this.allowedClients = List.copyOf(allowedClients);
            return this;
        }

        /** Whether the client must present a certificate from {@link #clientTrustStore}. */
        public Builder requireClientCertificate(boolean requireClientCertificate) {
            this.requireClientCertificate = requireClientCertificate;
            return this;
        }

        /** The certificates a client certificate must chain to. */
        public Builder clientTrustStore(KeyStore clientTrustStore) {
            this.clientTrustStore = Objects.requireNonNull(clientTrustStore, "clientTrustStore");
            return this;
        }

        /** The header field the gateway adds to mail to encrypt; default {@code X-Sealpost-Encrypt}. */
        public Builder flagHeaderName(String flagHeaderName) {
            if (!BridgeAdmission.isFieldName(flagHeaderName)) {
                throw new IllegalArgumentException("flagHeaderName: '" + flagHeaderName
                        + "' is not a header field name (RFC 5322 §3.6.8: printable ASCII, no colon)");
            }
            this.flagHeaderName = flagHeaderName;
            return this;
        }

        /** The value of the flag that means "encrypt", case-insensitive; default {@code yes}. */
        public Builder flagHeaderValue(String flagHeaderValue) {
            if (!BridgeAdmission.isFieldValue(flagHeaderValue)) {
                throw new IllegalArgumentException(
                        "flagHeaderValue: '" + flagHeaderValue + "' must be non-blank printable ASCII");
            }
            this.flagHeaderValue = flagHeaderValue.strip();
            return this;
        }

        /** Accept messages without the encrypt flag too; default false. */
        public Builder acceptUnflagged(boolean acceptUnflagged) {
            this.acceptUnflagged = acceptUnflagged;
            return this;
        }

        /** The organisation's own domains, whose recipients the gateway serves itself. */
        public Builder internalDomains(Set<String> internalDomains) {
            this.internalDomains = domainNames("internalDomains", internalDomains);
            return this;
        }

        /**
         * The domains the portal keeps for accounts of its own (its warm-up's reader), which it
         * deletes with their messages; recipients there are refused so that no accepted message
         * is lost with them.
         */
        public Builder reservedDomains(Set<String> reservedDomains) {
            this.reservedDomains = domainNames("reservedDomains", reservedDomains);
            return this;
        }

        /** Domain names in lower case, each checked, or the setting named with the one that is not. */
        private static Set<String> domainNames(String setting, Set<String> domains) {
            Objects.requireNonNull(domains, setting);
            Set<String> lowerCase = new LinkedHashSet<>();
            for (String domain : domains) {
                if (!Mailbox.isDomain(domain)) {
                    throw new IllegalArgumentException(setting + ": '" + domain + "' is not a domain name");
                }
                lowerCase.add(domain.toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(lowerCase);
        }

        /** The bridge's key and certificate (generated or operator-supplied). */
        public Builder certificates(BridgeCertificates certificates) {
            this.certificates = Objects.requireNonNull(certificates, "certificates");
            return this;
        }

        /**
         * Changes the allow-list and the encrypt flag while the bridge runs: {@code admission} is
         * asked at every new connection and every message. It should answer at once (a cached
         * value, never a database query on the SMTP thread); if it throws, the bridge keeps the
         * last value it had. Overrides the fixed allow-list and flag of this builder.
         */
        public Builder admission(Supplier<BridgeAdmission> admission) {
            this.admission = Objects.requireNonNull(admission, "admission");
            return this;
        }

        /**
         * A ready SSLContext instead of {@link #certificates}; it must hold the key and, for
         * client certificates, the trust managers (so {@link #clientTrustStore} cannot be used).
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Key material that may be replaced while the bridge runs, instead of {@link #certificates}
         * or {@link #sslContext}; it carries the client trust store itself.
         */
        public Builder keyMaterial(BridgeKeyMaterial keyMaterial) {
            this.keyMaterial = Objects.requireNonNull(keyMaterial, "keyMaterial");
            return this;
        }

        /**
         * @throws IllegalArgumentException if the settings do not fit together
         */
        public BridgeSettings build() {
            int sources = (certificates != null ? 1 : 0) + (sslContext != null ? 1 : 0) + (keyMaterial != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException("certificates/sslContext/keyMaterial: set exactly one of them;"
                        + " the bridge only accepts mail over TLS");
            }
            if (keyMaterial != null && clientTrustStore != null) {
                throw new IllegalArgumentException("clientTrustStore: cannot be combined with keyMaterial;"
                        + " give the trust store to BridgeKeyMaterial.of instead");
            }
            if (requireClientCertificate && keyMaterial != null && !keyMaterial.trustsClients()) {
                throw new IllegalArgumentException(
                        "keyMaterial: needs a client trust store when requireClientCertificate is true");
            }
            if (sslContext != null && clientTrustStore != null) {
                throw new IllegalArgumentException("clientTrustStore: cannot be combined with sslContext;"
                        + " put the client trust managers into the SSLContext instead");
            }
            if (requireClientCertificate && certificates != null && clientTrustStore == null) {
                throw new IllegalArgumentException("clientTrustStore: required when requireClientCertificate is true");
            }
            if (maxBytesInFlight > 0 && maxBytesInFlight < 2 * maxMessageBytes) {
                throw new IllegalArgumentException("maxBytesInFlight: " + maxBytesInFlight + " is less than twice"
                        + " maxMessageBytes (" + maxMessageBytes + "); a message of the largest size would never fit");
            }
            return new BridgeSettings(this);
        }
    }
}
