package io.tenderlens.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The filters a report and a saved search share, declared once (picocli mixin). */
final class ProcurementFilterOptions {
    @Option(names = "--grade", split = ",", paramLabel = "G", description = "topic grades that count (about, mentions, boilerplate; default about,mentions)")
    List<String> grades = new ArrayList<>();

    @Option(names = "--province", split = ",", paramLabel = "P", description = "only buyers in these provinces (code, 北京市 or Beijing)")
    List<String> provinces = new ArrayList<>();

    @Option(names = "--level", split = ",", paramLabel = "L", description = "only these government levels: central, local")
    List<String> levels = new ArrayList<>();

    @Option(names = "--sector", split = ",", paramLabel = "S", description = "only these sectors (id or label)")
    List<String> sectors = new ArrayList<>();

    @Option(names = "--buyer-kind", split = ",", paramLabel = "K", description = "only these buyer kinds (government, education, health, …)")
    List<String> buyerKinds = new ArrayList<>();
}
