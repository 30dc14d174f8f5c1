package io.tenderlens.topic;

/** How much a procurement is about a topic, strongest first. */
public enum TopicGrade {
    /** The topic is the subject: in the title, the subject line, a lot, or every item. */
    ABOUT("主题相关", "about the topic"),
    /** The topic is one part among others: one item of several, or a passing mention in a long text. */
    MENTIONS("提及", "mentions the topic"),
    /** A term occurs only inside boilerplate (e.g. an evidence stamp printed on every notice of a platform). */
    BOILERPLATE("模板文字", "boilerplate only"),
    NONE("无关", "no match");

    private final String labelZh;
    private final String labelEn;

    TopicGrade(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() { return labelZh; }

    public String labelEn() { return labelEn; }
}
