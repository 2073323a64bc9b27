/**
 * What the portal needs before any feature runs: the database connection, the schema
 * migration at start-up, the refusal to start in production without its secrets, and the
 * MicroProfile Health readiness that load balancers and the launcher wait for.
 */
package org.sealpost.portal.platform;
