package io.passerine.login.internal.grants;

import io.passerine.login.GrantException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Connections of the container {@code DataSource} bound at a JNDI name, looked up on first use. */
public final class JndiConnections implements Connections {

    private final String jndiName;
    private volatile DataSource dataSource;

    public JndiConnections(String jndiName) {
        this.jndiName = jndiName;
    }

    @Override
    public Connection open() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                Object found = new InitialContext().lookup(jndiName);
                if (!(found instanceof DataSource d)) {
                    throw new GrantException(GrantException.Reason.STORE_FAILED, null, "The JNDI name " + jndiName
                            + " (passerine.grants.data-source) is bound to no DataSource");
                }
                ds = d;
            } catch (NamingException e) {
                throw new GrantException(GrantException.Reason.STORE_FAILED, null, "No DataSource at the JNDI name "
                        + jndiName + " (passerine.grants.data-source): declare one in the server's configuration");
            }
            dataSource = ds;
        }
        return ds.getConnection();
    }

    @Override
    public String name() {
        return jndiName;
    }
}
