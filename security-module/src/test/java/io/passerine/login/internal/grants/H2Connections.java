package io.passerine.login.internal.grants;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory H2 database shared by every store of one test (the "nodes"); counts the connections opened. */
final class H2Connections implements Connections {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final String url = "jdbc:h2:mem:grants" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    final AtomicInteger opened = new AtomicInteger();

    @Override
    public Connection open() throws SQLException {
        opened.incrementAndGet();
        return DriverManager.getConnection(url);
    }

    @Override
    public String name() {
        return "jdbc/test";
    }

    /** Every value of every row of {@code table}, as text: what a database dump would show. */
    List<String> dump(String table) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(r.getString(i)));
                }
            }
        }
        return values;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    String sealed(String userId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tokens FROM passerine_grants WHERE user_id = '" + userId + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
