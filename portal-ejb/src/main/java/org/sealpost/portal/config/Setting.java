package org.sealpost.portal.config;

import java.util.Locale;

/**
 * The settings an operator may give, each with its MicroProfile Config name. The environment
 * variable is derived by the MicroProfile Config rule (upper case, dots to underscores), so
 * {@code sealpost.db.url} is {@code SEALPOST_DB_URL}.
 */
public enum Setting {
    MODE("sealpost.mode", "dev or prod; prod refuses to start without the settings marked required", false, false),
    DATA_DIR(
            "sealpost.data.dir",
            "directory for generated keys, certificates, the embedded database, the index",
            false,
            false),
    HTTP_PORT("sealpost.http.port", "HTTP port of the portal", false, false),
    HTTP_BIND(
            "sealpost.http.bind",
            "address the portal's HTTP listener binds to (default 127.0.0.1: a proxy on the same host); the node's address, or 0.0.0.0 for every interface, when the proxy runs on another host",
            false,
            false),
    PUBLIC_URL(
            "sealpost.public.url",
            "the portal's address as recipients reach it, used in notification links",
            true,
            false),
    DB_URL("sealpost.db.url", "JDBC URL of the PostgreSQL database", true, false),
    DB_USER("sealpost.db.user", "database user", true, false),
    DB_PASSWORD("sealpost.db.password", "database password", true, true),
    KEYSTORE("sealpost.keystore", "PKCS#12 keystore holding the key-encryption keys", true, false),
    KEYSTORE_PASSWORD("sealpost.keystore.password", "password of the key-encryption keystore", true, true),
    SMARTHOST("sealpost.smarthost", "host:port of the smarthost that relays notifications (TLS required)", true, false),
    SMARTHOST_TRUSTSTORE(
            "sealpost.smarthost.truststore",
            "PKCS#12 trust store for the smarthost's certificate (default: the JDK's CAs)",
            false,
            false),
    SMARTHOST_TRUSTSTORE_PASSWORD(
            "sealpost.smarthost.truststore.password", "password of the smarthost trust store", false, true),
    NOTIFY_FROM("sealpost.notify.from", "From address of notifications", false, false),
    ORGANISATION_NAME(
            "sealpost.organisation.name",
            "first-start seed of the organisation named in the portal and its mails; the database wins once it holds runtime settings (admin console)",
            false,
            false),
    DEFAULT_LANGUAGE(
            "sealpost.default.language",
            "first-start seed of the organisation's default language (en or de) for mails to an account that has never signed in; the database wins afterwards (admin console)",
            false,
            false),
    NOTIFY_SHOW_SUBJECT(
            "sealpost.notify.show.subject",
            "first-start seed: true to show the original subject in notifications; the database wins afterwards",
            false,
            false),
    NOTIFY_QUIET_PERIOD(
            "sealpost.notify.quiet.period",
            "after a notification, further arrivals for that recipient wait this long and go out as one (ISO-8601 duration)",
            false,
            false),
    RETRY_INTERVAL(
            "sealpost.retry.interval",
            "first-start seed of the first retry delay of deferred outbound mail, doubling after (ISO-8601 duration); the database wins afterwards",
            false,
            false),
    RETRY_MAX_AGE(
            "sealpost.retry.max.age",
            "first-start seed: outbound mail still undelivered after this long is given up (ISO-8601 duration); the database wins afterwards",
            false,
            false),
    REGISTRATION_LINK_VALIDITY(
            "sealpost.registration.link.validity",
            "how long a registration link works (ISO-8601 duration)",
            false,
            false),
    SMTP_PORT("sealpost.smtp.port", "port of the mail bridge", false, false),
    SMTP_BIND("sealpost.smtp.bind", "address the mail bridge listens on", false, false),
    SMTP_HOSTNAME(
            "sealpost.smtp.hostname", "the bridge's host name: banner, Received header, certificate", false, false),
    SMTP_KEYSTORE(
            "sealpost.smtp.keystore",
            "PKCS#12 file with the bridge's TLS key and certificate (generated if absent)",
            false,
            false),
    SMTP_KEYSTORE_PASSWORD("sealpost.smtp.keystore.password", "password of the bridge's TLS keystore", false, true),
    SMTP_ALLOWED_CLIENTS(
            "sealpost.smtp.allowed.clients",
            "first-start seed: comma-separated CIDRs allowed to connect to the bridge; the database wins afterwards",
            false,
            false),
    SMTP_REQUIRE_CLIENT_CERT(
            "sealpost.smtp.require.client.cert", "true to require a client certificate from the gateway", false, false),
    SMTP_CLIENT_TRUSTSTORE(
            "sealpost.smtp.client.truststore", "PKCS#12 trust store for gateway client certificates", false, false),
    SMTP_CLIENT_TRUSTSTORE_PASSWORD(
            "sealpost.smtp.client.truststore.password", "password of the client trust store", false, true),
    SMTP_FLAG_HEADER(
            "sealpost.smtp.flag.header",
            "first-start seed: the encrypt-flag header as 'Name: value'; the database wins afterwards",
            false,
            false),
    SMTP_ACCEPT_UNFLAGGED(
            "sealpost.smtp.accept.unflagged",
            "first-start seed: true to accept mail without the encrypt-flag header; the database wins afterwards",
            false,
            false),
    SMTP_MAX_BYTES("sealpost.smtp.max.bytes", "largest message the bridge accepts, in bytes", false, false),
    SMTP_MAX_RECIPIENTS("sealpost.smtp.max.recipients", "most recipients per message", false, false),
    SMTP_MAX_CONNECTIONS("sealpost.smtp.max.connections", "most simultaneous bridge connections", false, false),
    INTERNAL_DOMAINS("sealpost.internal.domains", "comma-separated internal mail domains", false, false),
    ADMIN_EMAILS(
            "sealpost.admin.emails",
            "comma-separated addresses of administrators; each new one is e-mailed an invitation to register",
            false,
            false),
    DISPLAY_ZONE(
            "sealpost.display.zone",
            "time zone the portal shows dates in, e.g. Europe/Berlin (default: the server's)",
            false,
            false),
    POLICY_REPLY(
            "sealpost.policy.reply",
            "first-start policy for Reply: disabled, internal or external (default internal); the database wins once it holds a policy",
            false,
            false),
    POLICY_REPLY_ALL(
            "sealpost.policy.reply.all",
            "first-start policy for Reply all: disabled, internal or external (default internal)",
            false,
            false),
    POLICY_FORWARD(
            "sealpost.policy.forward",
            "first-start policy for Forward: disabled, internal or external (default disabled)",
            false,
            false),
    POLICY_COMPOSE(
            "sealpost.policy.compose",
            "first-start policy for New message: disabled, internal or external (default internal)",
            false,
            false),
    POLICY_ATTACH(
            "sealpost.policy.attach",
            "first-start policy for attaching files: disabled, internal or external (default internal)",
            false,
            false),
    SEND_FROM(
            "sealpost.send.from",
            "From address of mail the portal relays to internal colleagues for a recipient (default: the notification From address)",
            false,
            false),
    CLUSTER(
            "sealpost.cluster",
            "none (default): one node, and production refuses to start if Payara's Hazelcast clustering is on; hazelcast: clustering is meant and its data grid secured by the operator",
            false,
            false),
    TRUSTED_PROXIES(
            "sealpost.trusted.proxies",
            "comma-separated CIDRs of reverse proxies whose forwarding headers name the client (default: none)",
            false,
            false),
    FORWARDED_HEADER(
            "sealpost.forwarded.header",
            "the header trusted proxies write the client chain into: X-Forwarded-For or Forwarded (RFC 7239)",
            false,
            false),
    ARGON2_MEMORY_KIB(
            "sealpost.argon2.memory.kib",
            "Argon2id memory cost of a password hash in KiB (default 19456, OWASP's minimum)",
            false,
            false),
    ARGON2_ITERATIONS("sealpost.argon2.iterations", "Argon2id time cost of a password hash (default 2)", false, false),
    ARGON2_PARALLELISM("sealpost.argon2.parallelism", "Argon2id lanes of a password hash (default 1)", false, false),
    ARGON2_CONCURRENCY(
            "sealpost.argon2.concurrency",
            "password hashes computed at once, the others wait their turn in arrival order (default: the number of processors); bounds the memory sign-ins hold to this × the memory cost",
            false,
            false),
    ARGON2_NICENESS(
            "sealpost.argon2.niceness",
            "nice value (0-19, Linux) of the threads that compute password hashes (default 10): the pages being served go first, the hashes take the processors they leave; 0 hashes at the pages' priority",
            false,
            false),
    SESSION_IDLE("sealpost.session.idle", "idle timeout of a signed-in session (ISO-8601 duration)", false, false),
    SESSION_MAX_AGE(
            "sealpost.session.max.age",
            "absolute lifetime of a signed-in session, however active (ISO-8601 duration)",
            false,
            false),
    LOG_CONSOLE(
            "sealpost.log.console",
            "what ./sealpost run shows of the server's log: quiet (default: addresses, then warnings and errors; the full log in <data>/logs/) or full (everything on stdout, for containers)",
            false,
            false),
    NODE_NAME(
            "sealpost.node.name",
            "this node's name behind a load balancer (letters, digits, '-'): ./sealpost run passes it to Payara as jvmRoute, which ends every session id in '.<name>' so the proxy can route a session back to its node",
            false,
            false),
    SEARCH_FORGET_AFTER(
            "sealpost.search.forget.after",
            "a node's search index not seen for this long is forgotten: the shared search index queue stops keeping rows for it, and it rebuilds if it comes back (ISO-8601 duration, at least PT1H, default P7D)",
            false,
            false),
    ARGON2_IMPLEMENTATION(
            "sealpost.argon2.implementation",
            "who computes Argon2id for passwords: auto (default: the system's libargon2 if installed, else BouncyCastle), native (libargon2 or no start) or bouncycastle",
            false,
            false),
    METRICS_ADDRESS(
            "sealpost.metrics.address",
            "host:port of the Prometheus /metrics listener, e.g. 127.0.0.1:9464; unset (default): no metrics listener. Never the portal's public port",
            false,
            false),
    WARM_UP(
            "sealpost.warm.up",
            "true: before /health/ready turns UP the portal renders its public pages over loopback and runs its reading paths on nothing, so the first users do not wait for the JIT; unset: on in prod, off in dev",
            false,
            false),
    WARM_UP_TIME(
            "sealpost.warm.up.time",
            "the longest the warm-up runs once the pages are served (ISO-8601 duration, default PT120S); it ends sooner once the JIT compiler has settled (under 10 % of a processor compiling over the last 5 s); readiness waits at most 2 minutes for the pages, then at most this long, then at most 15 s for the workers' last round",
            false,
            false),
    WARM_UP_WORKERS(
            "sealpost.warm.up.workers",
            "warm-up rounds run at once, each its own anonymous HTTP session (default: the number of processors)",
            false,
            false),
    WARM_UP_SIGN_INS(
            "sealpost.warm.up.sign.ins",
            "how many times in all the warm-up's readers sign in through the sign-in page, each after signing out (default 200, at least once per worker; 0 or less than the workers: once per worker); audited and counted apart from the users' sign-ins",
            false,
            false),
    CHANGE_SAFETY_POLL(
            "sealpost.change.safety.poll",
            "how often a node drops what it keeps in memory of a shared table (the runtime settings) even without a change notification from the database, in case one was lost (ISO-8601 duration, default PT60S)",
            false,
            false);

    private final String property;
    private final String purpose;
    private final boolean requiredInProduction;
    private final boolean secret;

    Setting(String property, String purpose, boolean requiredInProduction, boolean secret) {
        this.property = property;
        this.purpose = purpose;
        this.requiredInProduction = requiredInProduction;
        this.secret = secret;
    }

    public String property() {
        return property;
    }

    /** The environment variable MicroProfile Config maps to this setting. */
    public String environmentVariable() {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String purpose() {
        return purpose;
    }

    public boolean requiredInProduction() {
        return requiredInProduction;
    }

    /** Secrets are never printed, not even in the "missing" message. */
    public boolean secret() {
        return secret;
    }
}
