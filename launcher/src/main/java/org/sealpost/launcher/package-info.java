/**
 * {@code ./sealpost run}: checks the settings, starts the embedded PostgreSQL when no
 * database is configured, and runs Payara Micro with the portal as a child process.
 *
 * <p>Why a separate process rather than Payara Micro's embedding API: the embedded
 * database's library (zonky, slf4j 1.7, commons-compress) then never shares a class loader
 * with the application server, and a crash of either is seen and handled by the other: the
 * launcher stops the database cleanly when Payara dies, and Payara is stopped before the
 * database on Ctrl-C so no transaction is cut off by a vanished server.
 */
package org.sealpost.launcher;
