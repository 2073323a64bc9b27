/**
 * What the test tiers share: a real PostgreSQL to test against.
 *
 * <p>Tests use the machine's PostgreSQL when {@code SEALPOST_TEST_DB_URL} names one, and
 * otherwise start an embedded PostgreSQL (zonky) once per JVM, so {@code ./sealpost test}
 * works on a machine with nothing but a JDK and Maven. Each caller gets a database of its
 * own, so test classes never see each other's rows.
 *
 * <p>Only test scopes depend on this module; nothing here ships.
 */
package org.sealpost.testsupport;
