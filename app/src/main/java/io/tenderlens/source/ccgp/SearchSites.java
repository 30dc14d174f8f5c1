package io.tenderlens.source.ccgp;

import io.tenderlens.source.harvest.SearchSite;
import java.util.List;
import java.util.Optional;

/** The search sites {@code tenderlens harvest ccgp --site NAME} knows: adding a site is a declaration file and a line here. */
public final class SearchSites {
    private SearchSites() {}

    public static final List<SearchSite> ALL = List.of(CcgpSearch.SITE, HebeiSearch.SITE);

    public static Optional<SearchSite> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(SearchSite::name).toList();
    }
}
