package io.tenderlens.place;

import java.util.HashMap;
import java.util.Map;

/**
 * Names to values, for finding the longest name that starts at a position of a text in one pass over its
 * characters (the gazetteer's and the institutions' names are scanned in every buyer name).
 */
final class NameTrie<V> {

    private static final class Node<V> {
        final Map<Character, Node<V>> children = new HashMap<>(4);
        V value;
    }

    /** A name found in a text: its length and value. */
    record Match<V>(int length, V value) {}

    private final Node<V> root = new Node<>();

    /** Sets the value of a name; returns the value it replaces, or null. */
    V put(String name, V value) {
        Node<V> node = root;
        for (int i = 0; i < name.length(); i++) {
            node = node.children.computeIfAbsent(name.charAt(i), c -> new Node<>());
        }
        V old = node.value;
        node.value = value;
        return old;
    }

    /** The value of exactly this name, or null. */
    V get(String name) {
        Node<V> node = root;
        for (int i = 0; i < name.length() && node != null; i++) {
            node = node.children.get(name.charAt(i));
        }
        return node == null ? null : node.value;
    }

    /** The longest name of at least {@code minLength} characters starting at {@code from}, or null. */
    Match<V> longestAt(String text, int from, int minLength) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = from; i < text.length(); i++) {
            node = node.children.get(text.charAt(i));
            if (node == null) {
                break;
            }
            if (node.value != null && i + 1 - from >= minLength) {
                best = new Match<>(i + 1 - from, node.value);
            }
        }
        return best;
    }
}
