package io.tenderlens.source.ocds;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One release read from an input. Depending on how the {@link OcdsReader} was made, it arrives as a
 * tree ({@link OcdsReader#trees()}) or as the raw bytes of its JSON ({@link OcdsReader#raw()});
 * {@link #tree()} and {@link #json()} each give the other form on demand.
 *
 * <p>{@link #metadata()} holds the package fields that came <em>before</em> the release in the
 * input. Publishers nearly always write them first; when they do not, the complete metadata comes to
 * {@link OcdsHandler#packageEnd}, whose {@link PackageMetadata#sequence()} matches this one's.
 */
public final class OcdsRelease {

    /** Where in its container the release was. */
    public enum Origin {
        /** In a release package's {@code releases}. */
        PACKAGE_RELEASE,
        /** On its own: a JSON Lines line, an element of a bare array, a whole file. */
        BARE_RELEASE,
        /** Embedded in a record's {@code releases}. */
        RECORD_RELEASE,
        /**
         * A record's {@code compiledRelease}, passed on only when the record embeds no releases
         * (its releases are linked), since merging it with its own releases would count them twice.
         */
        COMPILED_RELEASE
    }

    private final String ocid;
    private final String date;
    private final String id;
    private final Origin origin;
    private final PackageMetadata metadata;
    private final SourcePosition position;
    private final long sequence;
    private ObjectNode tree;
    private byte[] json;

    OcdsRelease(String ocid, String date, String id, Origin origin, PackageMetadata metadata,
                SourcePosition position, long sequence, ObjectNode tree, byte[] json) {
        this.ocid = ocid;
        this.date = date;
        this.id = id;
        this.origin = origin;
        this.metadata = metadata;
        this.position = position;
        this.sequence = sequence;
        this.tree = tree;
        this.json = json;
    }

    /** The {@code ocid} (never null: releases without one are reported, not passed on). */
    public String ocid() {
        return ocid;
    }

    /** The {@code date} if it is a string, else null (and a {@link OcdsProblem.Kind#MISSING_DATE} was reported). */
    public String date() {
        return date;
    }

    /** The {@code id} as text if it is a string or number, else null. */
    public String id() {
        return id;
    }

    public Origin origin() {
        return origin;
    }

    public PackageMetadata metadata() {
        return metadata;
    }

    /** Where the release starts in its input. */
    public SourcePosition position() {
        return position;
    }

    /** 0-based number of this release within one {@link OcdsReader#read} call, in input order. */
    public long sequence() {
        return sequence;
    }

    /** The release as a tree (parsed on first call when it was read raw). */
    public ObjectNode tree() {
        if (tree == null) {
            tree = OcdsJson.parseObject(json);
        }
        return tree;
    }

    /**
     * The release's JSON as UTF-8 bytes: exactly the input's bytes (whitespace included) when read
     * raw, compact JSON written on first call when read as a tree. Do not modify the array.
     */
    public byte[] json() {
        if (json == null) {
            json = OcdsJson.write(tree);
        }
        return json;
    }
}
