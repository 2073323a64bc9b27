package org.sealpost.portal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a start may go ahead. Plain Java on purpose: the launcher runs it before
 * any server starts (a clear line and exit code beat a stack trace in a server log), and the
 * portal runs it again at deployment, for operators who deploy the WAR on their own Payara.
 */
public final class ProductionReadiness {

    private ProductionReadiness() {}

    /** Whether the configured mode is production; anything but an explicit "dev" is. */
    public static boolean isProduction(Function<String, Optional<String>> settings) {
        return !settings.apply(Setting.MODE.property())
                .map(m -> m.trim().toLowerCase(Locale.ROOT))
                .orElse("prod")
                .equals("dev");
    }

    /**
     * One line per required setting that is missing or blank, naming the environment
     * variable, the property and what it is for; empty when the start may go ahead.
     */
    public static List<String> missingSettings(Function<String, Optional<String>> settings) {
        if (!isProduction(settings)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Setting s : Setting.values()) {
            boolean present =
                    settings.apply(s.property()).filter(v -> !v.isBlank()).isPresent();
            if (s.requiredInProduction() && !present) {
                lines.add("missing setting " + s.environmentVariable() + " (" + s.property() + "): " + s.purpose());
            }
        }
        return List.copyOf(lines);
    }

    /** {@link Setting#CLUSTER}: the portal runs alone, and Payara's clustering must be off. */
    public static final String CLUSTER_NONE = "none";
    /** {@link Setting#CLUSTER}: the operator means Payara's Hazelcast data grid to run, secured. */
    public static final String CLUSTER_HAZELCAST = "hazelcast";

    /**
     * One line per setting that is present but unsafe in production; empty in development and
     * when the start may go ahead.
     *
     * @param clusteringEnabled whether the server runs Payara's Hazelcast data grid (automatic
     *     clustering); the launcher, which starts Payara itself with {@code --nohazelcast}, passes false
     */
    public static List<String> unsafeSettings(Function<String, Optional<String>> settings, boolean clusteringEnabled) {
        if (!isProduction(settings)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        settings.apply(Setting.PUBLIC_URL.property())
                .filter(v -> !v.isBlank())
                .map(String::trim)
                .filter(url -> !isHttpsUrl(url))
                .ifPresent(url -> lines.add("unsafe setting " + Setting.PUBLIC_URL.environmentVariable() + " ("
                        + Setting.PUBLIC_URL.property() + ") is " + url + ": production needs an https:// address,"
                        + " or registration links, passwords and session cookies would travel in the clear"));
        String cluster = settings.apply(Setting.CLUSTER.property())
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty())
                .orElse(CLUSTER_NONE);
        if (!cluster.equals(CLUSTER_NONE) && !cluster.equals(CLUSTER_HAZELCAST)) {
            lines.add("unsafe setting " + Setting.CLUSTER.environmentVariable() + " (" + Setting.CLUSTER.property()
                    + ") is '" + cluster + "': expected " + CLUSTER_NONE + " or " + CLUSTER_HAZELCAST);
        } else if (clusteringEnabled && cluster.equals(CLUSTER_NONE)) {
            // Payara Micro joins any other Payara it discovers (multicast) and shares its data
            // grid, unauthenticated and unencrypted by default: never by accident in production.
            lines.add("Payara's Hazelcast clustering is on, but " + Setting.CLUSTER.environmentVariable()
                    + " is not '" + CLUSTER_HAZELCAST
                    + "': start Payara Micro with --nohazelcast (or --nocluster), or secure its data"
                    + " grid and set " + Setting.CLUSTER.environmentVariable() + "=" + CLUSTER_HAZELCAST);
        }
        settings.apply(Setting.KEYSTORE.property())
                .filter(v -> !v.isBlank())
                .map(String::trim)
                .flatMap(file -> keystoreFileProblem(java.nio.file.Path.of(file)))
                .ifPresent(lines::add);
        return List.copyOf(lines);
    }

    /**
     * Why the key-encryption keystore file is unsafe, when it is: readable by the group or others
     * (whoever reads it and the database, with the password from the portal's environment, reads
     * every message), or writable by them (whoever replaces it decides the key new mail is sealed
     * under). Empty when only the owner may read and write it, or when the file system has no
     * POSIX permissions to check. A missing file is not this method's concern: opening it says so.
     */
    public static Optional<String> keystoreFileProblem(java.nio.file.Path keystore) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions;
        try {
            permissions = java.nio.file.Files.getPosixFilePermissions(keystore);
        } catch (UnsupportedOperationException | java.io.IOException notPosixOrMissing) {
            return Optional.empty();
        }
        java.util.EnumSet<java.nio.file.attribute.PosixFilePermission> others = java.util.EnumSet.of(
                java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        others.retainAll(permissions);
        if (others.isEmpty()) {
            return Optional.empty();
        }
        boolean readable = others.stream().anyMatch(p -> p.name().endsWith("READ"));
        boolean writable = others.stream().anyMatch(p -> p.name().endsWith("WRITE"));
        return Optional.of("unsafe keystore file " + keystore + " (" + Setting.KEYSTORE.environmentVariable()
                + ") is " + (readable && writable ? "readable and writable" : readable ? "readable" : "writable")
                + " by group or others (" + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                + "): it holds the keys to every message; make it the portal user's alone with chmod 600 "
                + keystore);
    }

    private static boolean isHttpsUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
