package org.sealpost.portal.platform;

import java.lang.reflect.Method;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Whether the server clusters: Payara's Hazelcast data grid joining other members. Payara
 * Micro starts Hazelcast even with {@code --nocluster} (for its caches), only without joining
 * anyone, so the instance's presence says nothing; Payara Micro's own runtime object knows
 * whether it was started with {@code --nocluster} or {@code --nohazelcast}. It is read by
 * reflection because Payara's classes are no API of a deployed application. Elsewhere (Payara
 * Server) a Hazelcast instance bound in JNDI ({@code payara/Hazelcast}, the default name) is
 * taken as clustering: the data grid there is shared by the domain.
 */
final class PayaraClustering {

    static final String MICRO_RUNTIME = "fish.payara.micro.impl.PayaraMicroImpl";
    static final String HAZELCAST_JNDI_NAME = "payara/Hazelcast";

    private PayaraClustering() {}

    static boolean enabled() {
        return payaraMicroClusters().orElseGet(PayaraClustering::hazelcastBound);
    }

    /** Empty when this is not Payara Micro (or its runtime cannot be asked). */
    private static Optional<Boolean> payaraMicroClusters() {
        try {
            Class<?> runtime = Class.forName(MICRO_RUNTIME, false, PayaraClustering.class.getClassLoader());
            // getInstance(false): the running instance, never a new one.
            Object micro = runtime.getMethod("getInstance", boolean.class).invoke(null, false);
            if (micro == null) {
                return Optional.empty();
            }
            boolean noCluster = (Boolean) method(runtime, "isNoCluster").invoke(micro);
            boolean noHazelcast = (Boolean) method(runtime, "isNoHazelcast").invoke(micro);
            return Optional.of(!noCluster && !noHazelcast);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notPayaraMicro) {
            return Optional.empty();
        }
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    private static boolean hazelcastBound() {
        try {
            return new InitialContext().lookup(HAZELCAST_JNDI_NAME) != null;
        } catch (NamingException notBound) {
            return false;
        }
    }
}
