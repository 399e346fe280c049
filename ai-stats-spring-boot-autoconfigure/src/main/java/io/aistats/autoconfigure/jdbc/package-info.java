/**
 * Auto-configuration of the starter's JDBC stores on the application's {@code DataSource} (processed events and
 * watched jobs, for several instances), of the transaction of each event's hand-off, and of their tables' schema: its
 * initialization and a check at startup.
 */
@NullMarked
package io.aistats.autoconfigure.jdbc;

import org.jspecify.annotations.NullMarked;
