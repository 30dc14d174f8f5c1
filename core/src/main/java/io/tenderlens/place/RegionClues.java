package io.tenderlens.place;

/**
 * What a notice says about where its buyer is. Any of them may be {@code null}.
 *
 * @param buyerName  the buyer's name (采购人 / 采购单位)
 * @param address    the buyer's address (采购人地址)
 * @param regionLine the page's region line (ccgp 行政区域, a provincial site's area), e.g. {@code 岫岩满族自治县}
 * @param context    weaker hints: the notice title, the publishing site's name
 */
public record RegionClues(String buyerName, String address, String regionLine, String context) {

    /** Clues from the buyer's name alone. */
    public static RegionClues ofBuyer(String buyerName) {
        return new RegionClues(buyerName, null, null, null);
    }
}
