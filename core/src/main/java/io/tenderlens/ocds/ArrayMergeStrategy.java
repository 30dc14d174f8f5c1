package io.tenderlens.ocds;

/**
 * How the objects of one array are matched across releases when the default identifier merge is
 * not wanted (ocds-merge's rule overrides). Set per path with {@link MergeRules#withArrayStrategy}.
 */
public enum ArrayMergeStrategy {
    /** Every object is a new element: nothing is matched, not even equal ids. */
    APPEND,
    /** The n-th object of each release is merged into the n-th element, whatever its id. */
    MERGE_BY_POSITION
}
