package io.tenderlens.topic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicGraderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Topic topic = Topic.bundled("blockchain");
    private final TopicMatcher matcher = new TopicMatcher(topic, new WhitespaceSegmenter());
    private final TopicGrader grader = new TopicGrader(matcher);

    private static ObjectNode release(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void aTermInTheTitleMakesTheProcurementAboutTheTopic() throws Exception {
        TopicMatch m = grader.grade(release("{'tender': {'title': '某市 区块链 电子 证照 平台 采购 项目'}}"));
        assertThat(m.grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(m.whole()).isTrue();
        assertThat(m.evidence()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("tender/title");
            assertThat(e.term()).isEqualTo("区块链");
            assertThat(e.snippet()).contains("区块链 电子");
        });
    }

    @Test
    void englishTermsMatchAcrossWordsAndFullWidthForms() throws Exception {
        assertThat(grader.grade(release("{'tender': {'title': 'Distributed Ledger pilot for land registry'}}")).grade())
                .isEqualTo(TopicGrade.ABOUT);
        assertThat(grader.grade(release("{'tender': {'title': 'ＢＬＯＣＫＣＨＡＩＮ 平台'}}")).grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(grader.grade(release("{'tender': {'title': 'Distributed systems and a ledger'}}")).grade())
                .isEqualTo(TopicGrade.NONE);
    }

    @Test
    void aLongDescriptionOnlyMentionsTheTopic() throws Exception {
        String longText = "本项目 建设 智慧 政务 平台 ".repeat(40) + " 其中 包括 区块链 存证 模块";
        TopicMatch m = grader.grade(release("{'tender': {'title': '智慧 政务 平台', 'description': '" + longText + "'}}"));
        assertThat(m.grade()).isEqualTo(TopicGrade.MENTIONS);
        assertThat(m.whole()).isFalse();
    }

    @Test
    void oneItemAmongSeveralIsAMentionButStillCountsForMoney() throws Exception {
        TopicMatch m = grader.grade(release("""
                {'tender': {'title': '信息化 设备 采购'},
                 'awards': [{'id': 'a1', 'items': [{'id': '1', 'description': '服务器'},
                                                   {'id': '2', 'description': '区块链 存证 系统'},
                                                   {'id': '3', 'description': '交换机'}]}]}"""));
        assertThat(m.grade()).isEqualTo(TopicGrade.MENTIONS);
        assertThat(m.awardItems()).containsExactly("0/1");
    }

    @Test
    void everyItemAboutTheTopicMakesItAbout() throws Exception {
        TopicMatch m = grader.grade(release("{'awards': [{'items': [{'description': '联盟链 节点'}]}]}"));
        assertThat(m.grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(m.awardItems()).containsExactly("0/0");
        assertThat(m.whole()).isFalse();
    }

    @Test
    void aLotAboutTheTopicIsNamed() throws Exception {
        TopicMatch m = grader.grade(release("""
                {'tender': {'title': '2019年 信息化 建设 项目',
                 'lots': [{'id': 'L1', 'title': '机房 改造'}, {'id': 'L2', 'title': '智能合约 开发 服务'}]}}"""));
        assertThat(m.grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(m.lotIds()).containsExactly("L2");
        assertThat(m.whole()).isFalse();
    }

    @Test
    void theEvidenceStampIsBoilerplateNotABlockchainProcurement() throws Exception {
        // the Heilongjiang platform prints this banner on every notice (see cn-notices MANIFEST);
        // segmented here as 区块链|已|存证 — the stamp is found on the raw text, whatever the segmentation
        TopicGrader bySingleChars = new TopicGrader(new TopicMatcher(topic, text -> dictionaryTokens(text, "区块链", "存证")));
        TopicMatch stamp = bySingleChars.grade(release(
                "{'tender': {'title': '大庆市人民医院手术室设备采购', 'description': '区块链已存证 存证时间： 存证哈希值： 区块高度：'}}"));
        assertThat(stamp.grade()).isEqualTo(TopicGrade.BOILERPLATE);
        assertThat(stamp.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.strength()).isEqualTo(TopicGrade.BOILERPLATE));

        TopicMatch genuine = bySingleChars.grade(release(
                "{'tender': {'title': '区块链电子证照平台', 'description': '区块链已存证 存证时间：'}}"));
        assertThat(genuine.grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(genuine.evidence()).extracting(TopicEvidence::strength).contains(TopicGrade.ABOUT, TopicGrade.BOILERPLATE);
    }

    /** Dictionary words whole, every other character a word of its own. */
    private static List<Segmenter.Token> dictionaryTokens(String text, String... words) {
        List<Segmenter.Token> out = new java.util.ArrayList<>();
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String w : words) {
                if (text.startsWith(w, i)) {
                    out.add(new Segmenter.Token(w, i, i + w.length()));
                    i += w.length();
                    continue outer;
                }
            }
            if (!Character.isWhitespace(text.charAt(i))) {
                out.add(new Segmenter.Token(text.substring(i, i + 1), i, i + 1));
            }
            i++;
        }
        return out;
    }

    @Test
    void contextTermsCountOnlyBesideAPrimaryTerm() throws Exception {
        assertThat(grader.grade(release("{'tender': {'title': '电子 数据 存证 平台'}}")).grade()).isEqualTo(TopicGrade.NONE);
        TopicMatch m = grader.grade(release("{'tender': {'title': '电子 数据 存证 平台', 'description': '基于 区块链 技术'}}"));
        assertThat(m.grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(m.evidence()).extracting(TopicEvidence::term).contains("存证", "区块链");
    }

    @Test
    void termsMatchOnWordBoundariesOnly() {
        // 上链 in 网上链接 is not a match when the segmenter says 网上|链接
        assertThat(matcher.find("访问 网上 链接")).isEmpty();
        assertThat(matcher.find("数据 上链")).extracting(o -> o.term().text()).containsExactly("上链");
    }

    @Test
    void aTopicFileIsValidated() throws Exception {
        assertThatThrownBy(() -> Topic.fromJson(JSON.readTree("{\"id\": \"x\", \"terms\": []}"), "my.json"))
                .hasMessageContaining("my.json").hasMessageContaining("terms");
        assertThatThrownBy(() -> Topic.fromJson(JSON.readTree("{\"id\": \"x\", \"terms\": [{\"text\": \"a\", \"context\": true}]}"), "my.json"))
                .hasMessageContaining("no primary");
        assertThatThrownBy(() -> Topic.bundled("nope")).hasMessageContaining("--topic-file");
        Topic custom = Topic.fromJson(JSON.readTree("{\"id\": \"hydrogen\", \"terms\": [\"氢能\", {\"text\": \"fuel cell\"}]}"), "h.json");
        assertThat(new TopicGrader(new TopicMatcher(custom, new WhitespaceSegmenter()))
                .grade(release("{'tender': {'title': 'Fuel Cell buses'}}")).grade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(custom.terms()).extracting(TopicTerm::text).isEqualTo(List.of("氢能", "fuel cell"));
    }

    @Test
    void thePrefilterRegexFindsEveryTermAndSkipsTextWithout() {
        java.util.regex.Pattern any = java.util.regex.Pattern.compile(matcher.anyTermRegex(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        for (String text : List.of("基于区块链的平台", "BlockChain pilot", "ｂｌｏｃｋｃｈａｉｎ", "智能合约", "数据上链")) {
            assertThat(any.matcher(text).find()).as(text).isTrue();
        }
        assertThat(any.matcher("办公家具采购项目（第二包）").find()).isFalse();
        assertThat(matcher.anyTermRegex()).startsWith("(?i)(").contains("区块链|").contains("distributed ledger");
    }
}
