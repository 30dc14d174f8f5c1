package io.tenderlens.ocds;

/**
 * Receives the problems met while merging the releases of one ocid (duplicate ids in an array,
 * missing or equal dates, a field that is an object in one release and a value in another).
 * Merging never stops on a warning.
 */
@FunctionalInterface
public interface MergeWarnings {
    /** Ignores every warning. */
    MergeWarnings IGNORE = (ocid, message) -> { };

    /**
     * @param ocid    the ocid of the releases being merged (the text "None" when they have none, as ocdskit prints it)
     * @param message what is wrong, in ocdskit's wording where ocdskit has one
     */
    void warn(String ocid, String message);
}
