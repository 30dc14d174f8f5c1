package io.tenderlens.money;

import java.util.List;
import java.util.Optional;

/** Reads money as Chinese procurement pages write it. Stateless and thread-safe. */
public final class AmountParser {

    /** A value cell or a labelled phrase; empty when it holds no money (a rate, a quantity, a date, "/"). */
    public Optional<Money> parse(String valueText) {
        return parse(valueText, null);
    }

    /**
     * A value cell, with the unit its column header declares ({@link AmountUnits#fromHeader}); the hint
     * applies only when the cell itself writes no unit.
     */
    public Optional<Money> parse(String valueText, AmountUnit unitHint) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Every amount of money in running text, in text order, with its label and span. Rates are skipped. */
    public List<AmountMatch> findAll(String prose) {
        throw new UnsupportedOperationException("in progress");
    }
}
