package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.money.AmountParser;
import io.tenderlens.money.AmountUnit;
import io.tenderlens.money.AmountUnits;
import io.tenderlens.money.Money;
import io.tenderlens.notice.NoticeClassifier.Evidence;
import io.tenderlens.notice.NoticeFields.Field;
import io.tenderlens.party.OrganizationNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the extraction layer read off a notice into one OCDS 1.1 release: notice type as tag
 * and status, method, code, title, parties, budget, lots, awards, dates, and a provenance entry for
 * each derived value. Shared by the page and the text parsers.
 */
final class ReleaseBuilder {
    static final String CURRENCY = "CNY";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A project code in brackets in a title: (CQS26A01493), （JSZC-320281-JZCG-G2024-0012）. */
    private static final Pattern TITLE_CODE = Pattern.compile(
            "[(（\\[【]\\s*(?:项目编号|招标编号|采购编号|编号)?\\s*[:：]?\\s*([A-Za-z0-9][A-Za-z0-9\\-_/#\\[\\]〔〕【】]{4,40})\\s*[)）\\]】]");
    /** 甲受乙委托: the agency writes the notice for the buyer. */
    private static final Pattern ENTRUSTED = Pattern.compile(
            "([\\u4e00-\\u9fa5（）()A-Za-z0-9]{4,40}?)(?:受|接受)([\\u4e00-\\u9fa5（）()A-Za-z0-9]{2,40}?)(?:的)?委托");
    private static final Pattern PHONE = Pattern.compile(
            "(?:\\+?86\\s*-?\\s*)?(?:[(（]?0?\\d{2,3}[)）]?\\s*-?\\s*)?\\d{7,8}(?:[-转]\\d{1,5})?|1[3-9]\\d{9}|400-?\\d{3}-?\\d{4}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SIGNATURE_DATE = Pattern.compile("^[\\u4e00-\\u9fa5()（）]{0,40}\\s*\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$");
    private static final Pattern HOST = Pattern.compile("^[a-z]+://([^/:]+)");
    private static final Pattern FAILED_WORDS = Pattern.compile("废标|流标|采购失败|失败|不足三家|不足3家|终止");

    private final NoticeDocument doc;
    private final NoticeFields fields;
    private final NoticeOrigin origin;
    private final AmountParser amounts;
    private final List<String> boilerplate;
    private final Provenance provenance = new Provenance();
    private final ObjectNode release = JSON.objectNode();
    private final ObjectNode tender = JSON.objectNode();
    private final Map<String, ObjectNode> parties = new LinkedHashMap<>();

    private ReleaseBuilder(NoticeDocument doc, NoticeFields fields, NoticeOrigin origin, AmountParser amounts,
                           List<String> boilerplate) {
        this.doc = doc;
        this.fields = fields;
        this.origin = origin;
        this.amounts = amounts;
        this.boilerplate = boilerplate;
    }

    /** Builds the release of one notice, or says why the document is not a notice. */
    static ObjectNode build(NoticeDocument doc, NoticeOrigin origin, AmountParser amounts, List<String> boilerplate)
            throws NotANoticeException {
        return build(doc, origin, amounts, boilerplate, List.of());
    }

    /** As {@link #build(NoticeDocument, NoticeOrigin, AmountParser, List)}, with metadata stored beside the text. */
    static ObjectNode build(NoticeDocument doc, NoticeOrigin origin, AmountParser amounts, List<String> boilerplate,
                            List<Field> metadata) throws NotANoticeException {
        NoticeFields read = FieldExtractor.extract(doc);
        NoticeFields fields = metadata.isEmpty() ? read : new NoticeFields(
                java.util.stream.Stream.concat(read.fields().stream(), metadata.stream()).toList(), read.tables(),
                read.statements());
        NoticeCheck.require(doc, fields, origin.name());
        return new ReleaseBuilder(doc, fields, origin, amounts, boilerplate).build();
    }

    private ObjectNode build() {
        release.put("ocid", "");
        release.put("id", "");
        date();
        release.putArray("tag");
        release.put("initiationType", "tender");
        release.set("tender", tender);
        NoticeType type = type();
        method();
        tenderIdAndTitle();
        budget();
        ObjectNode buyer = buyerAndAgency();
        AwardReader.Result result = new AwardReader(fields, doc, amounts, provenance, this::supplier).read(type);
        type = applyResult(type, result);
        release.withArray("tag").add(type.tag());
        dates();
        amendment(type);
        contracts(type, result);
        if (!parties.isEmpty()) {
            ArrayNode list = release.putArray("parties");
            parties.values().forEach(list::add);
        }
        if (buyer != null) {
            ObjectNode ref = release.putObject("buyer");
            ref.put("id", buyer.get("id").asText());
            ref.put("name", buyer.get("name").asText());
        }
        noticeSource(type);
        release.set("provenance", provenance.entries());
        NoticeIdentity.assign(release);
        return release;
    }

    // ---------------------------------------------------------------- type and method

    /** The notice's own words for its type, for {@code noticeSource.noticeTypeZh}. */
    private String typeWords;

    private NoticeType type() {
        Optional<Evidence<NoticeType>> byTitle = NoticeClassifier.typeOfTitle(doc.title());
        typeWords = byTitle.map(Evidence::words).orElse(null);
        Optional<Evidence<NoticeType>> byChannel = NoticeClassifier.typeOfChannel(doc.channel(), url());
        Evidence<NoticeType> e = byTitle.or(() -> byChannel).orElse(null);
        if (e == null) {
            Optional<Field> name = fields.first(FieldKey.PROJECT_NAME);
            e = name.flatMap(f -> NoticeClassifier.typeOfTitle(f.value()))
                    .orElse(new Evidence<>(NoticeType.TENDER, "", "type.default"));
        }
        provenance.add("tag", e.words(), e.rule());
        return e.value();
    }

    private void method() {
        String field = fields.first(FieldKey.METHOD).map(Field::value).orElse(null);
        NoticeClassifier.method(field, doc.title(), url()).ifPresent(e -> {
            tender.put("procurementMethod", NoticeClassifier.methodCode(e.value()));
            tender.put("procurementMethodDetails", e.value());
            provenance.add("tender/procurementMethod", e.words(), e.rule());
        });
    }

    // ---------------------------------------------------------------- tender

    private void tenderIdAndTitle() {
        Optional<Field> code = fields.first(FieldKey.PROJECT_CODE);
        String titleCode = null;
        String titleSpan = null;
        if (doc.title() != null) {
            Matcher m = TITLE_CODE.matcher(doc.title());
            while (m.find()) {
                String c = m.group(1);
                if (c.chars().anyMatch(Character::isDigit) && (c.chars().anyMatch(Character::isLetter) || c.contains("-")
                        || c.length() >= 8) && !(c.length() == 4 && c.chars().allMatch(Character::isDigit))) {
                    titleCode = cleanCode(c);
                    titleSpan = m.group();
                    break;
                }
            }
        }
        if (code.isPresent()) {
            String c = cleanCode(code.get().value());
            if (titleCode != null && titleCode.length() > c.length() && titleCode.startsWith(c)) {
                // the field's value was cut off (a crawler's snippet ends inside it); the title has it whole
                tender.put("id", titleCode);
                provenance.add("tender/id", titleSpan + " / " + code.get().span(), "tender.id.title");
            } else if (!c.isEmpty()) {
                tender.put("id", c);
                provenance.add("tender/id", code.get().span(), ruleOf(code.get()));
            }
        }
        if (!tender.has("id") && titleCode != null) {
            tender.put("id", titleCode);
            provenance.add("tender/id", titleSpan, "tender.id.title");
        }
        Optional<Field> name = preferTable(fields.all(FieldKey.PROJECT_NAME));
        if (name.isPresent()) {
            tender.put("title", name.get().value());
            provenance.add("tender/title", name.get().span(), ruleOf(name.get()));
        } else if (doc.title() != null) {
            String stem = TitleStem.of(doc.title());
            if (!stem.isEmpty()) {
                tender.put("title", stem);
                provenance.add("tender/title", doc.title(), "tender.title.heading");
            }
        }
    }

    /** Trims a code to the code itself: 0701-264106070107（招标文件编号：…） → 0701-264106070107. */
    static String cleanCode(String value) {
        String v = Text.squash(value);
        Matcher glued = GLUED_AFTER_CODE.matcher(v);
        if (glued.find()) {
            v = v.substring(0, glued.start()); // …-GXGX采购计划文号：… / …-GLHY项 (a label glued on, or its first character)
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean bracket = c == '（' || c == '(';
            boolean stop = bracket || c == ' ' || c == '，' || c == ',' || c == '；' || c == ';' || c == '。';
            if (bracket && RETENDER.matcher(v.substring(i)).lookingAt()) {
                continue; // GXZC2022-G3-000998-KLZB（重）: a re-tender's code keeps its mark
            }
            if (stop && v.substring(0, i).length() >= 4 && v.substring(0, i).chars().anyMatch(Character::isDigit)) {
                return Text.trimValue(v.substring(0, i));
            }
        }
        return Text.trimValue(v);
    }

    /** Han characters right after an ASCII code that start another field (…采购计划文号：) or end the text (…项). */
    private static final Pattern GLUED_AFTER_CODE = Pattern.compile(
            "(?<=^[A-Za-z0-9\\-_./\\[\\]−、]{6,60})[\\u4e00-\\u9fa5]+(?:[:：].*|$)");
    /** A short bracketed mark after a code: （重）, (重I), （2分标重3）, （二次）. */
    private static final Pattern RETENDER = Pattern.compile(
            "[(（](?:[^()（）:：]{0,8}重[^()（）:：]{0,4}|第?[一二三四五六七八九十0-9]次)[)）]");

    private void budget() {
        Money total = null;
        Field from = null;
        for (FieldKey key : new FieldKey[] {FieldKey.BUDGET, FieldKey.CEILING}) {
            for (Field f : fields.all(key)) {
                if (f.lot() != null && f.section() != Section.SUMMARY) {
                    continue;
                }
                Optional<Money> m = money(f.value(), f.label());
                if (m.isPresent() && !m.get().isZero()) {
                    total = m.get();
                    from = f;
                    break;
                }
            }
            if (total != null) {
                break;
            }
        }
        if (total != null) {
            tender.set("value", value(total));
            provenance.add("tender/value", from.span(), from.source() == NoticeFields.Source.METADATA ? ruleOf(from)
                    : from.key() == FieldKey.BUDGET ? "budget.field" : "budget.ceiling");
        }
    }

    // ---------------------------------------------------------------- parties

    private ObjectNode buyerAndAgency() {
        Optional<Field> buyerName = preferTable(fields.all(FieldKey.BUYER));
        Optional<Field> agencyName = preferTable(fields.all(FieldKey.AGENCY));
        String buyerRule = null;
        String buyer = buyerName.map(f -> Names.clean(f.value())).orElse(null);
        String buyerSpan = buyerName.map(Field::span).orElse(null);
        String agency = agencyName.map(f -> Names.clean(f.value())).orElse(null);
        String agencySpan = agencyName.map(Field::span).orElse(null);
        if (buyer == null || agency == null) {
            Matcher m = ENTRUSTED.matcher(doc.text() == null ? "" : doc.text());
            if (m.find()) {
                String a = Names.clean(m.group(1));
                String b = Names.clean(m.group(2));
                if (buyer == null && b != null && Names.looksLikeOrganisation(b)) {
                    buyer = b;
                    buyerSpan = m.group();
                    buyerRule = "buyer.entrusted";
                }
                if (agency == null && a != null && Names.looksLikeOrganisation(a)) {
                    agency = a;
                    agencySpan = m.group();
                }
            }
        }
        if (buyer == null && doc.title() != null) {
            String b = Names.organisationPrefix(doc.title());
            if (b != null) {
                buyer = b;
                buyerSpan = doc.title();
                buyerRule = "buyer.titlePrefix";
            }
        }
        ObjectNode buyerParty = null;
        if (buyer != null) {
            buyerParty = party(buyer, "buyer");
            String rule = buyerRule != null ? buyerRule : ruleOf(buyerName.get());
            provenance.add(path(buyerParty) + "/name", buyerSpan, rule);
            address(buyerParty, FieldKey.BUYER_ADDRESS);
            contact(buyerParty, FieldKey.BUYER_CONTACT, agency == null);
            String regionLine = preferTable(fields.all(FieldKey.REGION)).map(Field::value).orElse(doc.channel());
            String channel = (url() == null ? "" : url()) + " " + (doc.channel() == null ? "" : doc.channel());
            BuyerDetails.add(buyerParty, path(buyerParty), regionLine, channel, doc.title(), provenance);
        }
        if (agency != null) {
            ObjectNode agencyParty = party(agency, "procuringEntity");
            provenance.add(path(agencyParty) + "/name", agencySpan,
                    agencyName.map(f -> ruleOf(f)).orElse("agency.entrusted"));
            address(agencyParty, FieldKey.AGENCY_ADDRESS);
            contact(agencyParty, FieldKey.AGENCY_CONTACT, true);
        }
        return buyerParty;
    }

    private void address(ObjectNode party, FieldKey key) {
        preferTable(fields.all(key)).ifPresent(f -> {
            party.putObject("address").put("streetAddress", f.value());
            provenance.add(path(party) + "/address/streetAddress", f.span(), ruleOf(f));
        });
    }

    /** contactPoint from a 联系方式 value (刘老师 010-69156696), completed by the project contact when given. */
    private void contact(ObjectNode party, FieldKey key, boolean withProjectContact) {
        String name = null;
        String phone = null;
        String email = null;
        // 联系人：罗绚 联系电话：0776-2035866 — name and telephone may come from separate fields
        for (Field f : byPreference(fields.all(key))) {
            String[] np = splitContact(f.value());
            name = name != null ? name : np[0];
            phone = phone != null ? phone : np[1];
            email = email != null ? email : np[2];
        }
        if (withProjectContact) {
            Optional<Field> pc = preferTable(fields.all(FieldKey.PROJECT_CONTACT));
            Optional<Field> pp = preferTable(fields.all(FieldKey.PROJECT_PHONE));
            if (name == null && pc.isPresent()) {
                name = splitContact(pc.get().value())[0];
            }
            if (phone == null && pp.isPresent()) {
                phone = pp.get().value();
            }
        }
        if (name != null && name.equals(party.get("name").asText())) {
            name = null;
        }
        if (name == null && phone == null && email == null) {
            return;
        }
        ObjectNode cp = party.putObject("contactPoint");
        if (name != null) {
            cp.put("name", name);
        }
        if (phone != null) {
            cp.put("telephone", phone);
        }
        if (email != null) {
            cp.put("email", email);
        }
    }

    /** {name, telephone, email} of a contact value; any may be null. */
    static String[] splitContact(String value) {
        String v = Text.squash(value);
        String email = null;
        Matcher em = EMAIL.matcher(v);
        if (em.find()) {
            email = em.group();
            v = Text.squash(v.substring(0, em.start()) + " " + v.substring(em.end()));
        }
        String[] np = splitPhone(v);
        return new String[] {np[0], np[1], email};
    }

    private static String[] splitPhone(String v) {
        Matcher m = PHONE.matcher(Text.fold(v));
        if (!m.find()) {
            String n = Text.trimValue(v);
            return new String[] {n.isEmpty() || n.length() > 30 ? null : n, null};
        }
        String name = Text.trimValue(v.substring(0, m.start()));
        String rest = v.substring(m.start());
        int end = 0;
        while (end < rest.length() && "0123456789０１２３４５６７８９-－、,，/;；()（）转+ ".indexOf(rest.charAt(end)) >= 0) {
            end++;
        }
        String phone = Text.trimValue(rest.substring(0, end));
        return new String[] {name.isEmpty() || name.length() > 30 ? null : name, phone.isEmpty() ? null : phone};
    }

    /** The party of an organisation, created on first mention; roles accumulate. */
    ObjectNode party(String name, String role) {
        String id = OrganizationNames.id(name);
        ObjectNode p = parties.get(id);
        if (p == null) {
            p = JSON.objectNode();
            p.put("id", id);
            p.put("name", name);
            p.putArray("roles");
            parties.put(id, p);
        }
        ArrayNode roles = p.withArray("roles");
        boolean has = false;
        for (var r : roles) {
            has |= r.asText().equals(role);
        }
        if (!has) {
            roles.add(role);
        }
        return p;
    }

    /** A supplier party (called by the award reader). */
    private ObjectNode supplier(String name, String address) {
        ObjectNode p = party(name, "supplier");
        if (address != null && !address.isEmpty() && !p.has("address")) {
            p.putObject("address").put("streetAddress", address);
        }
        return p;
    }

    private String path(ObjectNode party) {
        int i = 0;
        for (String id : parties.keySet()) {
            if (id.equals(party.get("id").asText())) {
                return "parties/" + i;
            }
            i++;
        }
        return "parties/?";
    }

    // ---------------------------------------------------------------- awards, lots, status

    /** Lots, awards and the tender status from what the award reader found; a result notice where every lot failed is a failure. */
    private NoticeType applyResult(NoticeType type, AwardReader.Result r) {
        NoticeType t = type;
        boolean lotSpecific = doc.title() != null && !LotIds.all(doc.title()).isEmpty();
        if (t == NoticeType.AWARD && r.awards().isEmpty() && !r.failedLots().isEmpty()) {
            t = NoticeType.UNSUCCESSFUL;
            provenance.add("tag", String.join("；", r.failedLots().values()), "type.allLotsFailed");
        }
        if (!r.lots().isEmpty()) {
            tender.set("lots", r.lots());
        }
        if (!r.awards().isEmpty()) {
            release.set("awards", r.awards());
        }
        String status = t.tenderStatus();
        if (t == NoticeType.UNSUCCESSFUL && lotSpecific && !r.failedLots().isEmpty()) {
            status = null; // 第14包、第16包废标: the lots failed, the procurement goes on
        }
        if ((t == NoticeType.UNSUCCESSFUL || t == NoticeType.CANCELLED) && status != null) {
            String reason = r.reason();
            if (reason != null) {
                tender.put("statusDetails", reason);
                provenance.add("tender/statusDetails", reason, "status.reason");
            }
        }
        if (status != null) {
            tender.put("status", status);
            provenance.add("tender/status", doc.title(), "status." + t.code());
        }
        return t;
    }

    private void contracts(NoticeType type, AwardReader.Result r) {
        if (type != NoticeType.CONTRACT) {
            return;
        }
        ObjectNode c = JSON.objectNode();
        c.put("id", "1");
        if (r.awards().size() > 0) {
            c.put("awardID", r.awards().get(0).get("id").asText());
        }
        fields.first(FieldKey.CONTRACT_AMOUNT).ifPresent(f -> money(f.value(), f.label()).ifPresent(m -> {
            c.set("value", value(m));
            provenance.add("contracts/0/value", f.span(), "contract.amount");
        }));
        fields.first(FieldKey.SIGNED).flatMap(f -> ChineseDates.parse(f.value())).ifPresent(d -> c.put("dateSigned", d));
        if (!c.has("awardID")) {
            return; // OCDS needs the award a contract implements
        }
        release.putArray("contracts").add(c);
    }

    // ---------------------------------------------------------------- dates

    private void date() {
        Optional<Field> pub = preferTable(fields.all(FieldKey.PUBLISHED));
        Optional<String> d = Optional.empty();
        String span = null;
        String rule = null;
        if (doc.published() != null) {
            d = ChineseDates.parse(doc.published());
            span = doc.published();
            rule = "date.page";
        }
        if (d.isEmpty() && pub.isPresent()) {
            d = ChineseDates.parse(pub.get().value());
            span = pub.get().span();
            rule = "date.field";
        }
        if (d.isEmpty() && origin.publishedHint() != null) {
            d = ChineseDates.parse(origin.publishedHint());
            span = origin.publishedHint();
            rule = "date.crawler";
        }
        Optional<Field> corrected = fields.first(FieldKey.AMENDMENT_DATE);
        if (d.isEmpty() && corrected.isPresent()) {
            // a correction that prints no publication time is published the day it corrects
            d = ChineseDates.parse(corrected.get().value());
            span = corrected.get().span();
            rule = "date.amendment";
        }
        Optional<Field> period = fields.first(FieldKey.PUBLICITY_PERIOD);
        if (d.isEmpty() && period.isPresent()) {
            // 公示期限：2026年10月10日至2026年10月16日 — the publicity period starts on publication
            d = ChineseDates.parse(period.get().value());
            span = period.get().span();
            rule = "date.publicityPeriod";
        }
        if (d.isEmpty()) {
            // notices end with the writer and the day: 天津信诚盛德工程咨询有限公司 ⏎ 2026年9月28日
            List<NoticeDocument.Block> blocks = doc.blocks();
            for (int i = blocks.size() - 1; i >= Math.max(0, blocks.size() - 4) && d.isEmpty(); i--) {
                if (blocks.get(i) instanceof NoticeDocument.Line l && SIGNATURE_DATE.matcher(Text.fold(l.text())).matches()) {
                    d = ChineseDates.parse(l.text());
                    span = l.text();
                    rule = "date.signature";
                }
            }
        }
        if (d.isPresent()) {
            release.put("date", d.get());
            provenance.add("date", span, rule);
        }
    }

    private void dates() {
        bestDate(FieldKey.DEADLINE).ifPresent(d -> {
            tender.putObject("tenderPeriod").put("endDate", d.getValue());
            provenance.add("tender/tenderPeriod/endDate", d.getKey().span(), "date.deadline");
        });
        bestDate(FieldKey.OPENING).ifPresent(d -> {
            ObjectNode opening = tender.putObject("bidOpening");
            opening.put("date", d.getValue());
            fields.first(FieldKey.OPENING_PLACE).ifPresent(p -> opening.putObject("address").put("streetAddress", p.value()));
            provenance.add("tender/bidOpening/date", d.getKey().span(), "date.opening");
        });
    }

    /** The first date a key states; a later statement of the same day with the hour (…2018年11月20日 09:00) refines it. */
    private Optional<Map.Entry<Field, String>> bestDate(FieldKey key) {
        Map.Entry<Field, String> best = null;
        for (Field f : fields.all(key)) {
            Optional<String> d = ChineseDates.parse(f.value());
            if (d.isEmpty()) {
                continue;
            }
            if (best == null) {
                best = Map.entry(f, d.get());
            } else if (best.getValue().contains("T00:00:00") && d.get().startsWith(best.getValue().substring(0, 10))
                    && !d.get().contains("T00:00:00")) {
                best = Map.entry(f, d.get());
            }
        }
        return Optional.ofNullable(best);
    }

    private void amendment(NoticeType type) {
        if (type != NoticeType.AMENDMENT && type != NoticeType.AWARD_AMENDMENT) {
            return;
        }
        ObjectNode a = JSON.objectNode();
        a.put("id", "1");
        fields.first(FieldKey.AMENDMENT_DATE).flatMap(f -> ChineseDates.parse(f.value())).ifPresent(d -> a.put("date", d));
        fields.first(FieldKey.AMENDMENT_REASON).ifPresent(f -> a.put("rationale", f.value()));
        List<String> parts = new ArrayList<>();
        fields.first(FieldKey.AMENDMENT_ITEM).ifPresent(f -> parts.add(f.span()));
        fields.all(FieldKey.AMENDMENT_CONTENT).forEach(f -> parts.add(f.value()));
        fields.statements().stream().filter(s -> s.section() == Section.AMENDMENT).forEach(s -> parts.add(s.text()));
        if (!parts.isEmpty()) {
            a.put("description", String.join("\n", parts));
        }
        if (a.size() > 1) {
            String why = a.path("description").asText(a.path("rationale").asText());
            if (type == NoticeType.AWARD_AMENDMENT && release.path("awards").size() > 0) {
                for (int i = 0; i < release.get("awards").size(); i++) {
                    ((ObjectNode) release.get("awards").get(i)).putArray("amendments").add(a.deepCopy());
                    provenance.add("awards/" + i + "/amendments/0", why, "amendment.section");
                }
            } else {
                tender.putArray("amendments").add(a);
                provenance.add("tender/amendments/0", why, "amendment.section");
            }
        }
    }

    // ---------------------------------------------------------------- notice source

    private void noticeSource(NoticeType type) {
        ObjectNode s = release.putObject("noticeSource");
        String url = url();
        if (url != null) {
            s.put("url", url);
        }
        if (origin.file() != null) {
            s.put("file", origin.file());
        }
        if (origin.sha256() != null) {
            s.put("sha256", origin.sha256());
        }
        String site = origin.site() != null ? origin.site() : doc.site() != null ? doc.site() : hostOf(url);
        if (site != null) {
            s.put("site", site);
        }
        s.put("noticeType", type.code());
        s.put("noticeTypeZh", typeWords != null && !typeWords.isBlank() ? typeWords : type.zh());
        if (doc.title() != null) {
            s.put("title", doc.title());
        }
        if (doc.channel() != null) {
            s.put("channel", doc.channel());
        }
        fields.first(FieldKey.REGION).ifPresent(f -> s.put("regionLine", f.value()));
        if (!boilerplate.isEmpty()) {
            ArrayNode b = s.putArray("boilerplate");
            boilerplate.forEach(b::add);
        }
    }

    private String url() {
        return origin.url() != null ? origin.url() : doc.url();
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = HOST.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    // ---------------------------------------------------------------- helpers

    /** Values from label/value tables (the ccgp 公告概要) before prose, prose before stored metadata. */
    static Optional<Field> preferTable(List<Field> candidates) {
        for (NoticeFields.Source source : NoticeFields.Source.values()) {
            for (Field f : candidates) {
                if (f.source() == source && !f.value().isEmpty()) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** Non-empty values, table rows first, then prose, then stored metadata. */
    static List<Field> byPreference(List<Field> candidates) {
        List<Field> out = new ArrayList<>();
        for (NoticeFields.Source source : NoticeFields.Source.values()) {
            for (Field f : candidates) {
                if (f.source() == source && !f.value().isEmpty()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The provenance rule of a value read from a field: {@code field.<label>} or {@code metadata.<name>}. */
    static String ruleOf(Field f) {
        return (f.source() == NoticeFields.Source.METADATA ? "metadata." : "field.") + f.label().replace(" ", "");
    }

    /** An amount of money in a value, with the unit its label or column header declares. */
    Optional<Money> money(String text, String header) {
        return money(amounts, text, header);
    }

    static Optional<Money> money(AmountParser amounts, String text, String header) {
        AmountUnit hint = header == null ? null : AmountUnits.fromHeader(header).orElse(null);
        return amounts.parse(text, hint).filter(Money::isTotal);
    }

    static ObjectNode value(Money m) {
        ObjectNode v = JSON.objectNode();
        v.put("amount", m.amount());
        v.put("currency", m.currency());
        return v;
    }

    static Set<String> lotsOf(String text) {
        return new LinkedHashSet<>(LotIds.all(text));
    }

    static boolean saysFailed(String text) {
        return text != null && FAILED_WORDS.matcher(text).find();
    }
}
