package io.tenderlens.search;

import io.tenderlens.topic.Segmenter;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrade;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseSegmenterTest {
    private final Topic blockchain = Topic.bundled("blockchain");
    private final ChineseSegmenter segmenter = new ChineseSegmenter(blockchain.dictionary());
    private final TopicMatcher matcher = new TopicMatcher(blockchain, segmenter);

    private List<String> words(String text) {
        return segmenter.tokens(text).stream().map(Segmenter.Token::term).toList();
    }

    @Test
    void theDomainDictionaryKeepsBlockchainWhole() {
        assertThat(new ChineseSegmenter(List.of()).tokens("基于区块链的数据保护系统").stream().map(Segmenter.Token::term))
                .as("smartcn alone").contains("区块", "链").doesNotContain("区块链");
        assertThat(words("基于区块链的数据保护系统")).containsExactly("基于", "区块链", "的", "数据", "保护", "系统");
        assertThat(words("联盟链与分布式账本、智能合约技术")).contains("联盟链", "分布式账本", "智能合约");
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "某市Blockchain电子证照区块链平台";
        for (Segmenter.Token t : segmenter.tokens(text)) {
            assertThat(text.substring(t.start(), t.end()).toLowerCase()).startsWith(t.term().substring(0, 1));
        }
    }

    @Test
    void ambiguousTermsMatchOnlyOnWordBoundaries() {
        assertThat(matcher.find("推进政务数据上链存证")).extracting(o -> o.term().text()).contains("上链", "存证");
        assertThat(matcher.find("请点击网上链接下载采购文件")).isEmpty();
        assertThat(matcher.find("请保存证书原件")).isEmpty();
    }

    @Test
    void englishTermsAreStemmedTheSameWayAsTheText() {
        assertThat(matcher.find("Blockchains and a distributed ledger for customs")).extracting(o -> o.term().text())
                .containsExactly("blockchain", "distributed ledger");
    }

    @Test
    void termsDoNotMatchAcrossPunctuation() {
        assertThat(matcher.find("网上，链接")).isEmpty();
        assertThat(matcher.find("智能，合约")).isEmpty();
    }

    @Test
    void theHeilongjiangEvidenceStampIsBoilerplate() throws Exception {
        TopicGrader grader = new TopicGrader(matcher);
        var release = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"tender\": {\"title\": \"大庆市人民医院手术室行为管理系统采购\","
                        + " \"description\": \"区块链已存证 存证时间：2024-05-01 存证哈希值：ab12 区块高度：1024\"}}");
        assertThat(grader.grade(release).grade()).isEqualTo(TopicGrade.BOILERPLATE);
    }

    @Test
    void segmentingOnlyTheClausesAroundTermsFindsWhatTheWholeTextGives() throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (var r : json.readTree(io.tenderlens.report.SampleReports.sampleDirectory().resolve("seed-releases.json").toFile()).path("releases")) {
            texts.add(r.path("tender").path("title").asText() + "。" + r.path("tender").path("description").asText());
        }
        String filler = "本项目采购需求包括设备供货、安装调试、培训及售后服务，供应商须具备相应资质，履约期限为合同签订后九十日内。";
        texts.add(filler.repeat(5) + "平台包括统一身份认证、电子证照、区块链存证、数据共享交换等模块，推进政务数据上链" + filler.repeat(3));
        texts.add("区块链已存证 存证时间：2024-05-01 存证哈希值：ab12 区块高度：1024 " + filler + "网上链接见附件，智能合约审计。");
        texts.add("基于区块链的不动产登记信息共享系统（二期）建设项目，含联盟链节点部署、智能合约开发、分布式账本运维");
        String hash = "区块链已存证 存证时间：2020-02-10 存证哈希值：5e2baa78f2637ea1 区块高度：828266 " + filler;
        texts.add(hash);
        assertThat(matcher.find(hash)).as("baa in a hash is not BaaS").allSatisfy(o -> assertThat(o.boilerplate()).isTrue());
        for (String text : texts) {
            assertThat(matcher.find(text)).as(text).containsExactlyElementsOf(wholeTextMatches(text));
        }
    }

    /**
     * The oracle: segment the whole text and find each term's word sequence whose text holds the term's
     * text; inside an exclusion phrase, every occurrence of a term's text is boilerplate.
     */
    private List<TopicMatcher.Occurrence> wholeTextMatches(String text) {
        String normal = TopicMatcher.normalise(text);
        String lower = normal.toLowerCase(java.util.Locale.ROOT);
        List<int[]> excluded = new java.util.ArrayList<>();
        for (String x : blockchain.exclusions()) {
            for (int i = lower.indexOf(x); i >= 0; i = lower.indexOf(x, i + 1)) {
                excluded.add(new int[] {i, i + x.length()});
            }
        }
        java.util.function.BiPredicate<Integer, Integer> inside = (s, e) -> excluded.stream().anyMatch(x -> s >= x[0] && e <= x[1]);
        List<Segmenter.Token> tokens = segmenter.tokens(normal);
        List<TopicMatcher.Occurrence> out = new java.util.ArrayList<>();
        for (var term : blockchain.terms()) {
            String surface = TopicMatcher.normalise(term.text()).toLowerCase(java.util.Locale.ROOT);
            for (int i = lower.indexOf(surface); i >= 0; i = lower.indexOf(surface, i + 1)) {
                if (inside.test(i, i + surface.length())) {
                    out.add(new TopicMatcher.Occurrence(term, i, i + surface.length(), true));
                }
            }
            List<String> words = segmenter.tokens(TopicMatcher.normalise(term.text())).stream().map(Segmenter.Token::term).toList();
            for (int t = 0; t + words.size() <= tokens.size(); t++) {
                if (tokens.subList(t, t + words.size()).stream().map(Segmenter.Token::term).toList().equals(words)) {
                    int start = tokens.get(t).start();
                    int end = tokens.get(t + words.size() - 1).end();
                    if (!inside.test(start, end) && lower.substring(start, end).contains(surface)) {
                        out.add(new TopicMatcher.Occurrence(term, start, end, false));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(TopicMatcher.Occurrence::start).thenComparingInt(TopicMatcher.Occurrence::end)
                .thenComparingInt(o -> blockchain.terms().indexOf(o.term())));
        return out;
    }
}
