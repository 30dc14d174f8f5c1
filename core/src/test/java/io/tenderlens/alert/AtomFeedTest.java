package io.tenderlens.alert;

import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.topic.TopicGrade;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final SavedSearch SEARCH = new SavedSearch("chain", "区块链 <alert> & \"more\"", "区块链", null,
            ProcurementFilter.all(), Set.of());

    private static AlertMatch match(String ocid, String title, String url) {
        return new AlertMatch("chain", ocid, title, "某某局 <i>", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 1), url,
                TopicGrade.ABOUT, List.of(new QueryHit("title", "区块链", title)),
                List.of(new AlertReason("query", "检索式 区块链：区块链 见于标题", "query 区块链: 区块链 in title"),
                        new AlertReason("open", "投标截止 2026-12-01", "open until 2026-12-01")));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    @Test
    void aRealXmlParserReadsTheFeedWithEveryTextIntact() throws Exception {
        String hostile = "<script>alert(1)</script> 区块链 & \u0001\u0008平台 \uD800 ]]>";
        List<AtomFeed.Entry> entries = List.of(
                new AtomFeed.Entry(match("ocds-213czf-000-1", hostile, "javascript:alert(1)"), Instant.parse("2026-11-23T08:00:00Z")),
                new AtomFeed.Entry(match("ocds-213czf-000-2", "第二 区块链", "http://www.ccgp.gov.cn/a.htm?x=1&y=2"),
                        Instant.parse("2026-11-23T09:00:00.123Z")));
        String xml = AtomFeed.write(SEARCH, entries, "http://127.0.0.1:7070/", Instant.parse("2026-11-01T00:00:00Z"));
        Document doc = parse(xml);
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(children(feed, "title").get(0).getTextContent()).isEqualTo("tenderlens 订阅 Alert: 区块链 <alert> & \"more\"");
        assertThat(children(feed, "updated").get(0).getTextContent()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(children(feed, "id").get(0).getTextContent()).startsWith("urn:uuid:");
        assertThat(children(feed, "author")).hasSize(1);
        assertThat(children(feed, "link").get(0).getAttribute("href")).isEqualTo("http://127.0.0.1:7070/alerts/chain/feed.atom");

        List<Element> es = children(feed, "entry");
        assertThat(es).hasSize(2);
        Element newest = es.get(0);
        assertThat(children(newest, "title").get(0).getTextContent()).isEqualTo("第二 区块链");
        assertThat(children(newest, "link")).extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
                .containsExactly("alternate http://127.0.0.1:7070/project/ocds-213czf-000-2", "related http://www.ccgp.gov.cn/a.htm?x=1&y=2");
        Element hostileEntry = es.get(1);
        assertThat(children(hostileEntry, "title").get(0).getTextContent())
                .isEqualTo("<script>alert(1)</script> 区块链 & 平台  ]]>");
        assertThat(children(hostileEntry, "link")).as("a javascript: URL is not linked")
                .extracting(l -> l.getAttribute("rel")).containsExactly("alternate");
        String summary = children(hostileEntry, "summary").get(0).getTextContent();
        assertThat(summary).contains("匹配原因: 检索式 区块链：区块链 见于标题；投标截止 2026-12-01")
                .contains("Why it matched: query 区块链: 区块链 in title; open until 2026-12-01")
                .contains("采购人 Buyer: 某某局 <i>").contains("截止 Deadline: 2026-12-01");
        assertThat(xml).doesNotContain("<script>").doesNotContain("<i>");
    }

    @Test
    void entryIdsAreStableAndDistinct() throws Exception {
        AtomFeed.Entry a = new AtomFeed.Entry(match("o-1", "a", null), Instant.parse("2026-11-23T08:00:00Z"));
        AtomFeed.Entry b = new AtomFeed.Entry(match("o-2", "b", null), Instant.parse("2026-11-23T08:00:00Z"));
        String once = AtomFeed.write(SEARCH, List.of(a), "http://h", Instant.EPOCH);
        String twice = AtomFeed.write(SEARCH, List.of(b, a), "http://other-host", Instant.EPOCH);
        List<String> first = ids(once);
        List<String> second = ids(twice);
        assertThat(second).hasSize(2).doesNotHaveDuplicates().contains(first.get(0));
        SavedSearch other = new SavedSearch("other", "x", null, null, null, null);
        assertThat(ids(AtomFeed.write(other, List.of(a), "http://h", Instant.EPOCH))).doesNotContainAnyElementsOf(first);
    }

    @Test
    void anEmptyFeedIsValidAndDatedBySavingTheSearch() throws Exception {
        Document doc = parse(AtomFeed.write(SEARCH, List.of(), "http://h", Instant.parse("2026-11-01T10:00:00Z")));
        assertThat(children(doc.getDocumentElement(), "updated").get(0).getTextContent()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(children(doc.getDocumentElement(), "entry")).isEmpty();
    }

    private static List<String> ids(String xml) throws Exception {
        List<String> out = new ArrayList<>();
        for (Element e : children(parse(xml).getDocumentElement(), "entry")) {
            out.add(children(e, "id").get(0).getTextContent());
        }
        return out;
    }
}
