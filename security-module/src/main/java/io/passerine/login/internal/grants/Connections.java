package io.passerine.login.internal.grants;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the grant store gets its connections: a container {@code DataSource} (by JNDI name) or a test's. */
public interface Connections {

    Connection open() throws SQLException;

    /** Names the source in messages (the JNDI name). */
    String name();
}
