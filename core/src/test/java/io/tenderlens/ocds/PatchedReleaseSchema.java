package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The OCDS 1.1.5 release schema patched with the project's extension, as a validator, for tests. */
public final class PatchedReleaseSchema {
    private static Schema schema;

    private PatchedReleaseSchema() {}

    /** The validator (built once). */
    public static synchronized Schema get() throws IOException {
        if (schema == null) {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode patched = MergeRules.mergePatch(mapper.readTree(SharedData.path("ocds/schema/release-schema.json").toFile()),
                    extensionPatch());
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(SchemaLocation.of(patched.path("id").asText()), patched);
        }
        return schema;
    }

    /** The project's extension patch ({@code extension/release-schema.json}). */
    public static JsonNode extensionPatch() throws IOException {
        return new ObjectMapper().readTree(extension().toFile());
    }

    private static Path extension() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("extension/release-schema.json"))) {
                return dir.resolve("extension/release-schema.json");
            }
        }
        throw new AssertionError("extension/release-schema.json not found above " + Path.of("").toAbsolutePath());
    }
}
