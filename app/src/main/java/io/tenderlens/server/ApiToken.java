package io.tenderlens.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token that state-changing requests must carry. Read from a file; when the file does not
 * exist it is created with a fresh random token, readable by its owner only (mode 600).
 */
public final class ApiToken {
    /** The token file in a database directory when none is given. */
    public static final String DEFAULT_FILE = "api-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] token;
    private final boolean created;
    private final Path file;

    private ApiToken(byte[] token, boolean created, Path file) {
        this.token = token;
        this.created = created;
        this.file = file;
    }

    /** The token in {@code file}, creating the file when absent. */
    public static ApiToken loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String value = HexFormat.of().formatHex(raw);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
                return new ApiToken(value.getBytes(StandardCharsets.UTF_8), true, file);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: read theirs
            }
        }
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.length() < 16) {
            throw new IOException("the token in " + file + " is shorter than 16 characters: write a longer one (or delete the file to get a new one)");
        }
        return new ApiToken(value.getBytes(StandardCharsets.UTF_8), false, file);
    }

    /** Whether the file was created just now (the token is then shown once). */
    public boolean created() {
        return created;
    }

    public Path file() {
        return file;
    }

    /** The token, to show once when it was created. */
    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /** Whether an {@code Authorization} header value carries this token (constant-time comparison). */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
