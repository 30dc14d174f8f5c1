package io.tenderlens.store;

/** Another process is writing to the database: one writer per database file. */
public final class StoreLockedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message) {
        super(message);
    }
}
