package org.sunbid.scheduler.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source Quartz gets for its own (non-managed) bookkeeping transactions: every commit on its connections is
 * preceded by {@code SET LOCAL synchronous_commit = off}, so that transaction alone commits without waiting for its
 * WAL flush. The setting ends with the transaction; a pooled connection goes back exactly as it came.
 *
 * <p>Why no job is lost or fired twice when the database server crashes and these commits are lost:
 * <ul>
 * <li>Storing and cancelling a job go through the caller's (managed, synchronous) transaction, never through here,
 * so a job once scheduled is durable.</li>
 * <li>A handler runs in its own synchronous transaction that locks and marks its firing-history row. PostgreSQL
 * flushes the WAL in order: the flush of that commit also makes durable every asynchronous commit written before it,
 * i.e. the acquisition and the "fired" record of that very firing.</li>
 * <li>What can be lost is therefore only bookkeeping written after the last synchronous commit: an acquisition or a
 * "fired" record whose handler had not committed (the trigger is found waiting or acquired again after the restart
 * and fires then: once, as the handler never committed), or a completion after the handler had committed (the
 * trigger or its fired record comes back; Quartz recovers it and fires it again, and the handler finds its history
 * row already FIRED and skips it — the same path as a node killed after its handler committed).</li>
 * </ul>
 * A crash of a scheduler node alone (not of the database) loses nothing: the commits are made, only not yet flushed.
 */
public final class AsynchronousCommits extends DelegatingDataSource {

    public AsynchronousCommits(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withAsynchronousCommit(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withAsynchronousCommit(super.getConnection(username, password));
    }

    static Connection withAsynchronousCommit(Connection target) {
        return (Connection) Proxy.newProxyInstance(AsynchronousCommits.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if ("commit".equals(method.getName()) && method.getParameterCount() == 0 && !target.getAutoCommit()) {
                        unflushed(target);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Only this transaction; if it cannot be set (an aborted transaction), the commit proceeds as it would have. */
    private static void unflushed(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = off");
        } catch (SQLException e) {
            // the commit below reports the transaction's real state
        }
    }
}
