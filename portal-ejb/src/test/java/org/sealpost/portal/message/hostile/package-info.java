/**
 * Hostile MIME generated in code (issue 14): deep nesting, part floods, huge header sections,
 * broken transfer encodings, bodies that decode large, missing and unclosed boundaries; and a
 * runner that puts each through intake, the message page and the search indexer, in a JVM of
 * its own with a small heap.
 */
package org.sealpost.portal.message.hostile;
