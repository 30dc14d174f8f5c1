package io.tenderlens.place;

import java.util.Optional;

/**
 * One PRC administrative division with its six-digit GB/T 2260 code.
 *
 * @param code        six digits, e.g. {@code 210323} (岫岩满族自治县)
 * @param name        the full Chinese name, e.g. {@code 岫岩满族自治县}
 * @param level       province, prefecture (city) or county
 * @param shortName   the name without its administrative suffix, e.g. {@code 岫岩}, {@code 内蒙古}, {@code 鞍山}
 * @param englishName English name of a province-level division, {@code null} below that level
 */
public record Division(String code, String name, Level level, String shortName, String englishName) {

    /** The three levels tenderlens resolves. */
    public enum Level { PROVINCE, PREFECTURE, COUNTY }

    /** The province-level code this division belongs to, e.g. {@code 210000}. */
    public String provinceCode() {
        return code.substring(0, 2) + "0000";
    }

    /** Whether this is one of the four municipalities directly under the central government (北京, 天津, 上海, 重庆). */
    public boolean isMunicipality() {
        return Gazetteer.MUNICIPALITIES.contains(provinceCode());
    }

    /** English name of a province-level division. */
    public Optional<String> english() {
        return Optional.ofNullable(englishName);
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
