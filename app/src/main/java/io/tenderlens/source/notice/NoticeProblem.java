package io.tenderlens.source.notice;

/**
 * A notice that could not be converted: the file (and the record's position in it, for multi-notice
 * files) and why. The rest of the input is still converted.
 *
 * @param file     the file read
 * @param position where in the file ("line 12", "record 5"), or empty for a whole file
 * @param message  what was wrong
 */
public record NoticeProblem(String file, String position, String message) {
    @Override
    public String toString() {
        return file + (position.isEmpty() ? "" : " (" + position + ")") + ": " + message;
    }
}
