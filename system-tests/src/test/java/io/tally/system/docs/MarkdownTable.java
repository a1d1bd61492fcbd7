package io.tally.system.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A pipe table of a Markdown document, its rows keyed by the first column's text. */
record MarkdownTable(List<String> header, Map<String, List<String>> rows) {

    /** The first table after the heading {@code heading} (e.g. {@code "## Services"}). */
    static MarkdownTable after(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("no heading '" + heading + "'");
        }
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            if (lines.get(i).startsWith("#")) {
                throw new AssertionError("no table under '" + heading + "'");
            }
            i++;
        }
        if (i + 1 >= lines.size()) {
            throw new AssertionError("no table under '" + heading + "'");
        }
        List<String> header = cells(lines.get(i));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            rows.put(plain(row.get(0)), row);
        }
        return new MarkdownTable(header, rows);
    }

    /** The index of the column headed {@code name} (case-insensitive). */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (plain(header.get(i)).toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column '" + name + "' in " + header);
    }

    /** A cell without Markdown decoration: {@code [`x`](link)} and {@code `x`} become {@code x}. */
    static String plain(String cell) {
        return cell.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replace("`", "").replace("*", "").trim();
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return new ArrayList<>(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
    }
}
