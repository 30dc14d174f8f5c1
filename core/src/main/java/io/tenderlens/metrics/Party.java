package io.tenderlens.metrics;

/**
 * A buyer or supplier as the metrics see it.
 *
 * @param id       party id ({@code CN-ORG-…}), or the name when the data gives no id
 * @param name     the name, or empty when the source does not name it
 * @param province province label (unknown when not stated)
 * @param city     city name, or empty
 * @param level    government level label (central / local / unknown)
 * @param kind     buyer kind label
 * @param scale    OCDS {@code details.scale} (micro, sme, large), or empty
 */
public record Party(String id, String name, Label province, String city, Label level, Label kind, String scale) {
    /** The name to show: the name, else "(not named)" with the place. */
    public String displayName() {
        if (!name.isBlank()) {
            return name;
        }
        String where = province.isUnknown() ? "" : (city.isBlank() ? province.zh() : province.zh() + city);
        return (where.isEmpty() ? "" : where + " ") + "（未具名 not named）";
    }
}
