/**
 * The database schema, owned by Flyway: one SQL file per change under
 * {@code db/migration/sealpost}, never edited once released, and the small runner that
 * applies them at start-up before anything else touches the database.
 *
 * <p>JPA schema generation is off everywhere: EclipseLink's DDL is poor for PostgreSQL
 * (serialized {@code Instant}s, identity columns), and a schema that only grows through
 * reviewed migrations is what operators of an external PostgreSQL can audit.
 */
package org.sealpost.migrations;
