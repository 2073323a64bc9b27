package org.sealpost.portal.certificate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.OperatorContext;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * {@code ./sealpost cert …}: the bridge's certificate from the command line, the same operations
 * as the admin page, against the database the running portal reads (which picks a change up
 * within seconds, see ADR 0011). Refusals exit with status 1 and one sentence on stderr.
 */
public final class CertificateCommand implements OperatorCommand {

    @Override
    public String name() {
        return "cert";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "cert show",
                "cert self-signed [--key rsa2048|rsa3072|ec256] [--san NAME …]",
                "cert csr --subject \"/C=DE/ST=Hessen/L=Frankfurt/O=Bank/OU=IT/CN=mail.bank.example/emailAddress=it@bank.example\" [--san NAME …] [--key rsa2048|rsa3072|ec256]",
                "cert import FILE [--password-file F]   (a PEM chain for the waiting key, or a PKCS#12 file; its password from F or the first line of stdin)",
                "cert rollback",
                "cert trust show   (the smarthost's trust anchors and the TLS of the last delivery)",
                "cert trust import FILE   (PEM certificates the smarthost's certificate must chain to)",
                "cert trust remove SHA256-FINGERPRINT");
    }

    @Override
    public int run(List<String> arguments, OperatorContext context) throws Exception {
        Options options;
        try {
            options = Options.parse(arguments.subList(1, arguments.size()));
        } catch (IllegalArgumentException e) {
            context.err().println("sealpost cert: " + e.getMessage());
            return USAGE;
        }
        String hostName = context.setting(Setting.SMTP_HOSTNAME).orElse("localhost");
        try {
            return switch (arguments.get(0)) {
                case "show" -> show(context, options, hostName);
                case "self-signed" -> selfSigned(context, options, hostName);
                case "csr" -> csr(context, options, hostName);
                case "import" -> importFile(context, options, hostName);
                case "rollback" -> rollback(context, options, hostName);
                case "trust" -> trust(context, options);
                default -> {
                    context.err().println("sealpost cert: unknown sub-command '" + arguments.get(0) + "'");
                    usage().forEach(line -> context.err().println("usage: ./sealpost " + line));
                    yield USAGE;
                }
            };
        } catch (CertificateRefusedException e) {
            context.err().println("sealpost cert: refused: " + refusal(e));
            return REFUSED;
        } catch (StorageUnavailableException e) {
            return OperatorCommand.databaseUnavailable(context, "cert", e);
        } catch (IllegalArgumentException e) {
            context.err().println("sealpost cert: " + e.getMessage());
            return USAGE;
        }
    }

    /**
     * The refusal in the operator's words. The command line, like its usage and the log, speaks
     * English; the administrator's page says the same codes from its bundle in the reader's language.
     */
    static String refusal(CertificateRefusedException e) {
        List<Object> a = e.arguments();
        return switch (e.problem()) {
            case WRONG_PASSWORD -> "The password does not open this PKCS#12 file.";
            case NOT_PKCS12 -> "The file is not a PKCS#12 (.p12/.pfx) file.";
            case PASSWORD_TOO_LONG -> "The password is longer than " + a.get(0) + " characters.";
            case NO_KEY_IN_PKCS12 -> "The PKCS#12 file holds no private key with its certificate.";
            case NOT_PEM -> "The file holds neither PEM certificates nor a PKCS#12 keystore.";
            case NO_WAITING_KEY ->
                "No key is waiting for a certificate; generate a CSR first, or import a PKCS#12 file.";
            case KEY_MISMATCH -> "The certificate does not belong to the private key.";
            case EXPIRED -> "The certificate " + a.get(0) + " expired on " + a.get(1) + ".";
            case NOT_YET_VALID -> "The certificate " + a.get(0) + " is not valid before " + a.get(1) + ".";
            case CHAIN_OUT_OF_ORDER ->
                "The certificate chain is not in order: certificate " + a.get(0) + " (" + a.get(1)
                        + ") is not signed by the next one; each must be, from the server's own up to the root.";
            case UNSUPPORTED_KEY ->
                "The key type " + a.get(0) + " is not supported; use RSA (2048 bits or more) or ECDSA P-256.";
            case INVALID_SUBJECT ->
                "The subject is not in the form /C=DE/ST=…/L=…/O=…/OU=…/CN=host.example/emailAddress=…,"
                        + " or a field is too long.";
            case INVALID_COUNTRY -> "The country '" + a.get(0) + "' is not two letters (ISO 3166), for example DE.";
            case INVALID_COMMON_NAME ->
                "The common name '" + a.get(0)
                        + "' is not the host's fully qualified DNS name, for example mail.bank.example.";
            case INVALID_EMAIL -> "The e-mail address '" + a.get(0) + "' is not valid.";
            case INVALID_NAME -> "'" + a.get(0) + "' is not a DNS name.";
            case NOTHING_TO_ROLL_BACK -> "There is no previous certificate to roll back to.";
            case NO_CERTIFICATE -> "The bridge has no certificate in the database yet; start the portal once.";
            case KEYS_UNAVAILABLE ->
                "The key-encryption keystore cannot be opened, so the private key cannot be sealed or read.";
        };
    }

    private static int show(OperatorContext context, Options options, String hostName) throws Exception {
        options.only();
        CertificateOverview overview = context.inTransaction(em ->
                BridgeCertificateDesk.readOnly(em, Clock.systemUTC(), hostName).overview());
        if (overview.current().isEmpty()) {
            throw new CertificateRefusedException(CertificateProblem.NO_CERTIFICATE);
        }
        PrintStream out = context.out();
        out.println("Bridge certificate in use:");
        print(out, overview.current().get());
        overview.previous()
                .ifPresent(p -> out.println("Kept for rollback: " + p.subject() + ", SHA-256 " + p.sha256Fingerprint()
                        + ", valid until " + p.notAfter()));
        overview.pendingSince()
                .ifPresent(since ->
                        out.println("A key generated at " + since + " waits for its certificate (cert import FILE)."));
        return OK;
    }

    private static int selfSigned(OperatorContext context, Options options, String hostName) throws Exception {
        options.only("--key", "--san");
        KeyKind kind = options.keyKind();
        MessageSealer sealer = sealer(context);
        ImportOutcome outcome =
                context.inTransaction(em -> new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), hostName)
                        .selfSigned(kind, options.sans, context.actor()));
        context.out()
                .println(
                        "The bridge now serves a new self-signed certificate (the old one is kept for cert rollback):");
        print(context.out(), outcome.certificate());
        return OK;
    }

    private static int csr(OperatorContext context, Options options, String hostName) throws Exception {
        options.only("--key", "--san", "--subject");
        SubjectFields subject = SubjectFields.parse(
                options.subject.orElseThrow(() -> new IllegalArgumentException("--subject is required")));
        KeyKind kind = options.keyKind();
        MessageSealer sealer = sealer(context);
        String csr = context.inTransaction(em -> new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), hostName)
                .requestCertificate(subject, options.sans, kind, context.actor()));
        context.out().print(csr);
        context.err()
                .println("sealpost cert: the new key waits, sealed in the database, for the CA's certificate:"
                        + " ./sealpost cert import chain.pem");
        return OK;
    }

    private static int importFile(OperatorContext context, Options options, String hostName) throws Exception {
        options.onlyWithFiles("--password-file");
        if (options.positional.size() != 1) {
            throw new IllegalArgumentException("import needs exactly one FILE");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(options.positional.get(0)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + options.positional.get(0));
        }
        char[] password = new char[0];
        if (!CertificateFiles.looksLikePem(content)) {
            password = password(context, options);
        }
        MessageSealer sealer = sealer(context);
        char[] pw = password;
        ImportOutcome outcome =
                context.inTransaction(em -> new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), hostName)
                        .importFile(content, pw, context.actor()));
        context.out()
                .println("The bridge now serves the imported certificate (the old one is kept for cert rollback):");
        print(context.out(), outcome.certificate());
        if (!outcome.namesHost()) {
            context.err()
                    .println("sealpost cert: warning: the certificate names " + String.join(", ", outcome.names())
                            + ", not the bridge's host name " + outcome.hostName()
                            + "; a gateway that checks the name will refuse it.");
        }
        return OK;
    }

    private static int rollback(OperatorContext context, Options options, String hostName) throws Exception {
        options.only();
        MessageSealer sealer = sealer(context);
        CertificateDetails details = context.inTransaction(
                em -> new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), hostName).rollback(context.actor()));
        context.out().println("The bridge serves the previous certificate again:");
        print(context.out(), details);
        return OK;
    }

    private static int trust(OperatorContext context, Options options) throws Exception {
        options.onlyWithFiles();
        List<String> words = options.positional;
        if (words.isEmpty()) {
            throw new IllegalArgumentException("trust needs show, import FILE or remove FINGERPRINT");
        }
        PrintStream out = context.out();
        switch (words.get(0)) {
            case "show" -> {
                if (words.size() != 1) {
                    throw new IllegalArgumentException("trust show takes no argument");
                }
                List<CertificateDetails> anchors =
                        context.inTransaction(em -> new SmarthostTrustDesk(em, Clock.systemUTC()).anchors());
                Optional<SmarthostTlsSessions.SessionSeen> last =
                        context.inTransaction(em -> new SmarthostTrustDesk(em, Clock.systemUTC()).lastSession());
                if (anchors.isEmpty()) {
                    out.println("Smarthost trust: as configured ("
                            + context.setting(Setting.SMARTHOST_TRUSTSTORE)
                                    .map(f -> "SEALPOST_SMARTHOST_TRUSTSTORE " + f)
                                    .orElse("the JDK's CAs")
                            + "); no imported anchors.");
                } else {
                    out.println("Smarthost trust anchors (imported; they replace the configured trust store):");
                    anchors.forEach(a -> out.println(
                            "  " + a.subject() + ", until " + a.notAfter() + ", SHA-256 " + a.sha256Fingerprint()));
                }
                out.println(last.map(l -> "Last delivery: " + l.protocol() + ", " + l.cipherSuite() + ", smarthost "
                                + l.peerSubject() + ", at " + l.at())
                        .orElse("Last delivery: none recorded yet."));
                return OK;
            }
            case "import" -> {
                if (words.size() != 2) {
                    throw new IllegalArgumentException("trust import needs exactly one FILE");
                }
                String pem;
                try {
                    pem = Files.readString(Path.of(words.get(1)), StandardCharsets.US_ASCII);
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException("no such file: " + words.get(1));
                } catch (java.nio.charset.MalformedInputException e) {
                    throw new CertificateRefusedException(CertificateProblem.NOT_PEM, e);
                }
                List<CertificateDetails> added = context.inTransaction(
                        em -> new SmarthostTrustDesk(em, Clock.systemUTC()).importAnchors(pem, context.actor()));
                out.println(
                        added.isEmpty()
                                ? "Every certificate in the file was already a trust anchor."
                                : "New smarthost connections trust, besides the anchors already imported:");
                added.forEach(a -> out.println("  " + a.subject() + ", SHA-256 " + a.sha256Fingerprint()));
                return OK;
            }
            case "remove" -> {
                if (words.size() != 2) {
                    throw new IllegalArgumentException("trust remove needs exactly one SHA-256 fingerprint");
                }
                boolean removed = context.inTransaction(em -> new SmarthostTrustDesk(em, Clock.systemUTC())
                        .remove(words.get(1).toUpperCase(Locale.ROOT), context.actor()));
                if (!removed) {
                    context.err().println("sealpost cert: refused: No trust anchor has that fingerprint.");
                    return REFUSED;
                }
                out.println("Removed.");
                return OK;
            }
            default -> throw new IllegalArgumentException("trust needs show, import FILE or remove FINGERPRINT");
        }
    }

    private static char[] password(OperatorContext context, Options options) throws IOException {
        if (options.passwordFile.isPresent()) {
            try {
                String text = Files.readString(Path.of(options.passwordFile.get()), StandardCharsets.UTF_8);
                return stripLineEnd(text).toCharArray();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such password file: " + options.passwordFile.get());
            }
        }
        // The first line of stdin, so `printf '%s\n' "$PW" | ./sealpost cert import f.p12` works.
        String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private static String stripLineEnd(String text) {
        int end = text.indexOf('\n');
        String first = end >= 0 ? text.substring(0, end) : text;
        return first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
    }

    private static MessageSealer sealer(OperatorContext context) throws CertificateRefusedException {
        return CommandLineKeys.sealer(context)
                .orElseThrow(() -> new CertificateRefusedException(CertificateProblem.KEYS_UNAVAILABLE));
    }

    static void print(PrintStream out, CertificateDetails details) {
        Instant now = Instant.now();
        out.println("  subject:     " + details.subject());
        out.println("  names:       " + String.join(", ", details.dnsNames()));
        out.println("  issuer:      " + details.issuer());
        out.println("  serial:      " + details.serial());
        out.println("  valid:       " + details.notBefore() + " to " + details.notAfter() + " (" + details.daysLeft(now)
                + " days left)");
        out.println("  SHA-256:     " + details.sha256Fingerprint());
        out.println("  key:         " + details.keyType());
        out.println("  chain:");
        for (int i = 0; i < details.chain().size(); i++) {
            CertificateDetails.ChainEntry entry = details.chain().get(i);
            out.println("    " + (i + 1) + ". " + entry.subject() + " (issued by " + entry.issuer() + ", until "
                    + entry.notAfter() + ")");
        }
    }

    /** The options after the sub-command. */
    static final class Options {
        final List<String> sans = new ArrayList<>();
        final List<String> positional = new ArrayList<>();
        final List<String> given = new ArrayList<>();
        Optional<String> key = Optional.empty();
        Optional<String> subject = Optional.empty();
        Optional<String> passwordFile = Optional.empty();

        static Options parse(List<String> arguments) {
            Options options = new Options();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (!argument.startsWith("--")) {
                    options.positional.add(argument);
                    continue;
                }
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(argument + " needs a value");
                }
                String value = arguments.get(++i);
                options.given.add(argument);
                switch (argument) {
                    case "--san" -> options.sans.add(value);
                    case "--key" -> options.key = Optional.of(value);
                    case "--subject" -> options.subject = Optional.of(value);
                    case "--password-file" -> options.passwordFile = Optional.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + argument);
                }
            }
            return options;
        }

        /** Refuses options not in {@code allowed}, and any FILE argument. */
        void only(String... allowed) {
            onlyWithFiles(allowed);
            if (!positional.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + positional.get(0));
            }
        }

        void onlyWithFiles(String... allowed) {
            for (String option : given) {
                if (!List.of(allowed).contains(option)) {
                    throw new IllegalArgumentException(option + " does not apply here");
                }
            }
        }

        KeyKind keyKind() {
            return key.map(k -> KeyKind.ofOption(k)
                            .orElseThrow(() -> new IllegalArgumentException("--key must be rsa2048, rsa3072 or ec256")))
                    .orElse(KeyKind.EC_P256);
        }
    }
}
