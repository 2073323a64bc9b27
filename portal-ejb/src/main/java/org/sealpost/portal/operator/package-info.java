/**
 * The operator's command line: {@code ./sealpost cert …}, {@code ./sealpost keys …},
 * {@code ./sealpost audit …}. Each command is an {@link org.sealpost.portal.operator.OperatorCommand}
 * found through {@link java.util.ServiceLoader}; the launcher runs it outside the application
 * server, against the same settings, data directory and database as {@code ./sealpost run}, with
 * the portal's own persistence unit bootstrapped resource-local, so the command goes through the
 * same table owners as the portal and works whether the portal is running or not. The running
 * portal sees what a command changed by reading the database, never through the command.
 */
package org.sealpost.portal.operator;
