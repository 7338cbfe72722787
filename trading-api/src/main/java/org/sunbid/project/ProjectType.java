package org.sunbid.project;

/** What is traded; the letter goes into the transaction code. */
public enum ProjectType {
    CONSTRUCTION('A', "工程建设"),
    GOVERNMENT_PROCUREMENT('B', "政府采购"),
    LAND_USE_RIGHTS('C', "土地使用权"),
    MINING_RIGHTS('D', "矿业权"),
    STATE_PROPERTY('E', "国有产权");

    private final char letter;
    private final String label;

    ProjectType(char letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    public char letter() {
        return letter;
    }

    public String label() {
        return label;
    }
}
