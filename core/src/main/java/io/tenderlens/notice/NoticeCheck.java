package io.tenderlens.notice;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells pages that are not notices from notices, with the reason in words: empty files, the sites'
 * 安全验证 (captcha) and error pages, and list or navigation pages. A notice has a heading or
 * project name and at least one thing a procurement is about (a buyer, a code, a supplier, an amount).
 */
final class NoticeCheck {
    private static final Pattern CAPTCHA = Pattern.compile("安全验证|人机验证|滑动验证|拖动滑块|请完成验证|访问验证|验证码|captcha",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR = Pattern.compile(
            "404\\s*Not\\s*Found|页面不存在|页面未找到|找不到(?:该|您要访问的)?页面|访问的页面不存在|502 Bad Gateway|503 Service|系统繁忙|服务器错误"
                    + "|访问出错|Internal Server Error|Access Denied|访问被拒绝|已删除|已被删除|文章不存在|信息不存在",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ENTRY = Pattern.compile("(?:公告|公示|结果|通知).{0,40}?\\d{4}[-年./]\\d{1,2}[-月./]\\d{1,2}");
    private static final Set<FieldKey> SUBSTANCE = EnumSet.of(FieldKey.BUYER, FieldKey.AGENCY, FieldKey.PROJECT_CODE,
            FieldKey.PROJECT_NAME, FieldKey.SUPPLIER, FieldKey.BUDGET, FieldKey.CEILING, FieldKey.AWARD_AMOUNT,
            FieldKey.TOTAL_AWARD, FieldKey.CONTRACT_AMOUNT, FieldKey.METHOD, FieldKey.FAILURE_REASON);

    private NoticeCheck() {}

    /** Throws when the document is not a notice. */
    static void require(NoticeDocument doc, NoticeFields fields, String source) throws NotANoticeException {
        String text = doc.text() == null ? "" : doc.text().strip();
        if (text.isEmpty() && (doc.title() == null || doc.title().isBlank())) {
            throw new NotANoticeException(source, "the file holds no text (empty page)");
        }
        long substance = fields.fields().stream().filter(f -> SUBSTANCE.contains(f.key()) && !f.value().isEmpty()).count()
                + fields.tables().stream().filter(t -> t.section() == Section.AWARD).count();
        if (substance >= 2) {
            return;
        }
        String head = text.length() > 2000 ? text.substring(0, 2000) : text;
        String all = (doc.title() == null ? "" : doc.title()) + "\n" + head;
        if (CAPTCHA.matcher(all).find()) {
            throw new NotANoticeException(source, "a security check (安全验证/captcha) page, not a notice: save the page after passing the check");
        }
        if (ERROR.matcher(all).find()) {
            throw new NotANoticeException(source, "an error page (" + firstMatch(ERROR, all) + "), not a notice");
        }
        long entries = LIST_ENTRY.matcher(text).results().count();
        if (entries >= 5) {
            throw new NotANoticeException(source, "a list of " + entries + " notices (titles with dates), not one notice: convert the notices it links to");
        }
        boolean heading = doc.title() != null && NoticeClassifier.typeOfTitle(doc.title()).isPresent();
        if (heading || substance >= 1) {
            return; // a thin notice (a crawler kept the title and a snippet) is still a notice
        }
        throw new NotANoticeException(source, "no notice heading and no procurement fields (buyer, project code, supplier, amount)"
                + " were found: a navigation, list or unrelated page");
    }

    private static String firstMatch(Pattern p, String s) {
        var m = p.matcher(s);
        return m.find() ? m.group() : "";
    }
}
