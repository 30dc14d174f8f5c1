package io.tenderlens.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** What the command line and the server show of saved searches: feeds and the public list. */
public final class AlertFeeds {
    /** Newest entries in a feed. */
    public static final int ENTRIES = 100;

    private AlertFeeds() {}

    /** The Atom feed of search {@code id} (its newest {@code limit} announcements), or empty when there is no such search. */
    public static Optional<String> feed(AlertStore alerts, String id, String baseUrl, int limit) {
        return alerts.find(id).map(s -> AtomFeed.write(s.search(), alerts.announcements(id, limit), baseUrl, s.createdAt()));
    }

    /** The saved searches as the API and {@code alerts list --json} show them: definition, feed path, webhook URL, never the secret. */
    public static ArrayNode publicList(AlertStore alerts) {
        ArrayNode list = new ObjectMapper().createArrayNode();
        for (AlertStore.Stored s : alerts.list()) {
            list.add(publicView(s));
        }
        return list;
    }

    /** One saved search as shown publicly. */
    public static ObjectNode publicView(AlertStore.Stored s) {
        ObjectNode o = s.search().toJson();
        o.put("createdAt", s.createdAt().toString());
        o.put("feed", "/alerts/" + s.search().id() + "/feed.atom");
        o.put("webhook", s.webhook() == null ? null : s.webhook().url());
        o.put("checkedThrough", s.checkedThrough() == null ? null : s.checkedThrough().toString());
        return o;
    }
}
