/**
 * Auto-configuration of the starter's JDBC stores: the schema of their tables on the application's
 * {@code DataSource} and its initialization.
 */
@NullMarked
package io.aistats.autoconfigure.jdbc;

import org.jspecify.annotations.NullMarked;
