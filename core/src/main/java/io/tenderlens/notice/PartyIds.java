package io.tenderlens.notice;

/** Party identifiers of organisation names (CN-ORG-…). */
final class PartyIds {
    private PartyIds() {}

    static String of(String name) {
        // TODO(places): replace with io.tenderlens.party.OrganizationNames once merged into main
        return "CN-ORG-" + Hashes.sha256(Text.fold(name).replace(" ", "")).substring(0, 16);
    }
}
