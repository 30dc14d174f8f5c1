package io.tenderlens.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class NoticeIdentityTest {
    @Test
    void quotesStringsExactlyAsJacksonWritesThem() {
        // the release id hashes this form: it must not change when the quoting is done by hand
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3100; c++) {
            all.append(c);
        }
        for (String s : new String[] {all.toString(), "", "采购人：\"某某\\医院\"\n\t\u0001\u001f\u007f\u2028\ud83d\ude00"}) {
            StringBuilder sb = new StringBuilder();
            NoticeIdentity.quote(s, sb);
            assertEquals(TextNode.valueOf(s).toString(), sb.toString());
        }
    }

    @Test
    void releaseIdIgnoresWhereTheNoticeWasFoundButNotWhatItSays() {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("date", "2024-01-02T00:00:00+08:00").putObject("tender").put("title", "某某医院设备采购\"项目\"");
        a.putObject("noticeSource").put("url", "http://www.ccgp.gov.cn/a.htm");
        ObjectNode b = a.deepCopy();
        b.putObject("noticeSource").put("url", "http://www.ccgp-hebei.gov.cn/b.htm");
        assertEquals(NoticeIdentity.releaseId(a), NoticeIdentity.releaseId(b));
        b.with("tender").put("title", "某某医院设备采购\"项目\"（二次）");
        assertNotEquals(NoticeIdentity.releaseId(a), NoticeIdentity.releaseId(b));
    }
}
