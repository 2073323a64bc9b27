package org.sealpost.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the launcher finds what it runs: the Payara Micro jar and the portal WAR, both
 * copied beside the launcher jar by the build ({@code launcher/target/}).
 */
record Distribution(Path payaraMicro, Path portalWar) {

    static Distribution besideLauncher() {
        Path home =
                Path.of(System.getProperty("sealpost.home", "launcher/target")).toAbsolutePath();
        Distribution dist = new Distribution(home.resolve("payara-micro.jar"), home.resolve("portal.war"));
        for (Path p : new Path[] {dist.payaraMicro(), dist.portalWar()}) {
            if (!Files.isRegularFile(p)) {
                throw new LaunchException(p + " is missing; build first (./sealpost build)");
            }
        }
        return dist;
    }
}
