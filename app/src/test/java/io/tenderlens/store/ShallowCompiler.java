package io.tenderlens.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Stand-in compiler for store mechanics until io.tenderlens.ocds.ReleaseCompiler is on main: later top-level fields win. */
final class ShallowCompiler implements Function<List<ObjectNode>, ObjectNode> {
    @Override
    public ObjectNode apply(List<ObjectNode> releases) {
        ObjectNode compiled = Store.JSON.createObjectNode();
        releases.stream().sorted(Comparator.comparing(r -> r.path("date").asText())).forEach(compiled::setAll);
        compiled.putArray("tag").add("compiled");
        return compiled;
    }
}
