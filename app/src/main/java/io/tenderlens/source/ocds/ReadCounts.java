package io.tenderlens.source.ocds;

/**
 * What one {@link OcdsReader#read} call found.
 *
 * @param releases       releases passed to the handler
 * @param packages       release and record packages seen
 * @param linkedReleases linked releases skipped (they point to releases elsewhere)
 * @param errors         problems of severity ERROR
 * @param warnings       problems of severity WARNING
 * @param notes          problems of severity NOTE
 */
public record ReadCounts(long releases, long packages, long linkedReleases, long errors, long warnings, long notes) {

    public static final ReadCounts ZERO = new ReadCounts(0, 0, 0, 0, 0, 0);

    public ReadCounts plus(ReadCounts o) {
        return new ReadCounts(releases + o.releases, packages + o.packages, linkedReleases + o.linkedReleases,
                errors + o.errors, warnings + o.warnings, notes + o.notes);
    }
}
