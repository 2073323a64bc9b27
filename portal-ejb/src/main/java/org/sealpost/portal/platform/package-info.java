/**
 * What the portal needs before any feature runs: the database connection, the schema
 * migration at start-up, the refusal to start in production without its secrets, and the
 * MicroProfile Health readiness that load balancers and the launcher wait for, which also
 * tells whether the background workers ({@link org.sealpost.portal.platform.BackgroundWorkers})
 * are still working.
 */
package org.sealpost.portal.platform;
