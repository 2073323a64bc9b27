package org.sealpost.portal.platform;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Whether the server runs Payara's Hazelcast data grid, the thing Payara Micro's automatic
 * clustering is made of. When Hazelcast is enabled Payara binds its instance in JNDI (under
 * {@code payara/Hazelcast}, the default of the Hazelcast runtime configuration's
 * {@code jndi-name}); with {@code --nocluster} it is never started and the name is unbound. Read
 * through JNDI because Payara's own API classes are not visible to a deployed application.
 */
final class PayaraClustering {

    static final String HAZELCAST_JNDI_NAME = "payara/Hazelcast";

    private PayaraClustering() {
    }

    static boolean enabled() {
        try {
            return new InitialContext().lookup(HAZELCAST_JNDI_NAME) != null;
        } catch (NamingException notBound) {
            return false;
        }
    }
}
