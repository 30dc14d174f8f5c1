package io.tenderlens.server;

import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Connections to the read-only store shared by request threads: a DuckDB connection runs one
 * statement at a time, so each query borrows one of a fixed set of duplicates and gives it back.
 */
public final class StorePool implements AutoCloseable {
    private final Store store;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    StorePool(Store store, int size) {
        this.store = store;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = store.newConnection();
            all.add(c);
            idle.add(c);
        }
    }

    public Store store() {
        return store;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} (a prepared statement: values only through {@code binder}) and reads every row. */
    public <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        return onConnection(sql, ps -> {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            readRows(ps, reader, out);
            return out;
        });
    }

    /**
     * Runs {@code sql} (one {@code ocid = ?} parameter: an indexed point lookup) once for each of
     * {@code ocids} on one connection and reads the rows in the order of {@code ocids}.
     */
    public <T> List<T> byOcid(String sql, List<String> ocids, RowReader<T> reader) {
        if (ocids.isEmpty()) {
            return List.of();
        }
        return onConnection(sql, ps -> {
            List<T> out = new ArrayList<>();
            for (String ocid : ocids) {
                ps.setString(1, ocid);
                readRows(ps, reader, out);
            }
            return out;
        });
    }

    private interface StatementWork<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** Prepares {@code sql} on a borrowed connection, runs {@code work} on it and gives the connection back. */
    private <T> T onConnection(String sql, StatementWork<T> work) {
        Connection c = borrow();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return work.run(ps);
        } catch (SQLException e) {
            throw new StoreException("Database error in " + store.directory() + ": " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    private static <T> void readRows(PreparedStatement ps, RowReader<T> reader, List<T> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(reader.read(rs));
            }
        }
    }

    /** Reads the keys of every record (once, when the server starts: the store is read-only while served). */
    RecordKeys readKeys() {
        Connection c = borrow();
        try {
            return RecordKeys.read(c);
        } finally {
            idle.add(c);
        }
    }

    /** A query's single number (a count). */
    public long count(String sql, Binder binder) {
        return query(sql, binder, rs -> rs.getLong(1)).stream().findFirst().orElse(0L);
    }

    private Connection borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing the store below releases it anyway
            }
        }
        store.close();
    }
}
